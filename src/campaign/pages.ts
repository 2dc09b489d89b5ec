// The volunteer's printed and web material, as HTML strings built from the campaign file: the install
// page (static, no external scripts or fonts, works from a USB stick) and the flyer (printed to PDF by
// headless Chromium). Every campaign text is escaped: a name is text, never markup.
import { escapeHtml } from '../shared/escape-html';
import { textIn } from './brand';
import type { Campaign } from './schema';


const WORDS = {
  fr: {
    extension: 'Une extension est un petit ajout à votre navigateur web. Celle-ci marche dans Chrome, Edge, Brave et Firefox sur un ordinateur, et dans Firefox sur Android.',
    onPhone: 'Sur ce téléphone',
    androidFirefox: 'Sur Android, Firefox l’accepte : installez Firefox, puis l’extension.',
    sendToComputer: 'Cette extension s’installe dans le navigateur d’un ordinateur. Envoyez-vous cette page pour l’ouvrir là-bas :',
    share: 'Envoyer ce lien',
    email: 'Me l’envoyer par e-mail',
    typeIt: 'ou tapez sur l’ordinateur :',
    never: 'Elle n’envoie que l’ISBN du livre et une zone approximative (jamais votre adresse, votre compte Amazon ni votre historique). Aucune statistique, aucune publicité.',
    chrome: 'Chrome, Edge ou Brave',
    firefox: 'Firefox',
    chromeStore: 'Installer depuis le Chrome Web Store',
    firefoxStore: 'Installer depuis Firefox Add-ons',
    signedFile: 'Installer pour Firefox (fichier signé par Mozilla)',
    signedFileHelp: 'Firefox demande de confirmer, puis l’installe ; il se met à jour tout seul.',
    notYet: 'Pas encore dans la boutique de Chrome. Firefox, lui, l’installe en un clic (ci-dessous) ; sinon, voir le dernier recours.',
    lastResort: 'Dernier recours : l’installer à la main',
    lastResortWhy: 'Seulement si aucun bouton ci-dessus ne convient. Chrome rappelle le « mode développeur » à chaque démarrage ; Firefox oublie l’extension quand il redémarre.',
    chromeSteps: 'Chrome : téléchargez le fichier, décompressez-le, ouvrez chrome://extensions, activez le « Mode développeur », puis « Charger l’extension non empaquetée » et choisissez le dossier.',
    firefoxSteps: 'Firefox : téléchargez le fichier, ouvrez about:debugging, « Ce Firefox », puis « Charger un module complémentaire temporaire » et choisissez le fichier.',
    download: 'Télécharger le fichier pour',
    lines: ['Vous regardez un livre sur Amazon ?', 'L’extension vous montre les librairies près de chez vous qui l’ont.', 'Même prix, et votre libraire reste ouvert.'],
    scan: 'Scannez pour l’installer',
    flyerWhat: 'Une extension : un petit ajout à votre navigateur.',
    flyerBrowsers: 'Chrome, Edge, Brave ou Firefox sur ordinateur ; Firefox sur Android.',
  },
  en: {
    extension: 'An extension is a small add-on to your web browser. This one works in Chrome, Edge, Brave and Firefox on a computer, and in Firefox on Android.',
    onPhone: 'On this phone',
    androidFirefox: 'On Android, Firefox takes it: install Firefox, then the extension.',
    sendToComputer: 'This extension installs in a computer’s browser. Send yourself this page to open it there:',
    share: 'Send this link',
    email: 'E-mail it to me',
    typeIt: 'or type on the computer:',
    never: 'It sends only the book’s ISBN and a rough area (never your address, your Amazon account or your history). No statistics, no advertising.',
    chrome: 'Chrome, Edge or Brave',
    firefox: 'Firefox',
    chromeStore: 'Install from the Chrome Web Store',
    firefoxStore: 'Install from Firefox Add-ons',
    signedFile: 'Install for Firefox (file signed by Mozilla)',
    signedFileHelp: 'Firefox asks you to confirm, then installs it; it updates itself.',
    notYet: 'Not in Chrome’s store yet. Firefox installs it in one click (below); otherwise, see the last resort.',
    lastResort: 'Last resort: install it by hand',
    lastResortWhy: 'Only if no button above works for you. Chrome reminds you of “developer mode” at every start; Firefox forgets the extension when it restarts.',
    chromeSteps: 'Chrome: download the file, unzip it, open chrome://extensions, switch on “Developer mode”, then “Load unpacked” and pick the folder.',
    firefoxSteps: 'Firefox: download the file, open about:debugging, “This Firefox”, then “Load Temporary Add-on” and pick the file.',
    download: 'Download the file for',
    lines: ['Looking at a book on Amazon?', 'The extension shows you the bookshops nearby that have it.', 'Buy it there, and keep your bookshop open.'],
    scan: 'Scan to install',
    flyerWhat: 'An extension: a small add-on to your web browser.',
    flyerBrowsers: 'Chrome, Edge, Brave or Firefox on a computer; Firefox on Android.',
  },
};
type Lang = keyof typeof WORDS;
type Browser = 'chrome' | 'firefox';

export interface InstallPageFiles {
  chromeZip: string;
  firefoxZip: string;
  qrSvg: string;
  /** The campaign's logo beside the page (absent: no logo shown). */
  logo?: string;
}

/** The web address without its scheme or last slash: what a person types ("librairies-occitanie.fr/extension"). */
export const shortAddress = (url: string) => url.replace(/^https:\/\//, '').replace(/\/$/, '');

/** Firefox for Android in Google's store: where an Android visitor gets the browser that runs the add-on. */
const FIREFOX_ANDROID = 'https://play.google.com/store/apps/details?id=org.mozilla.firefox';

/**
 * index.html: what the extension does and never does, then for each browser the real ways to install
 * it, best first (the store page; for Firefox, the campaign's signed file, one click), and the zips to
 * load by hand only as the last resort, for a browser with no real way. The visitor's browser comes
 * first (a script; without it, both show). French and English.
 */
export function installPage(campaign: Campaign, files: InstallPageFiles): string {
  const languages: Lang[] = campaign.name.fr ? ['fr', 'en'] : ['en', 'fr'];
  const waysFor = (browser: Browser) =>
    [
      campaign.stores[browser] && { kind: 'store', href: campaign.stores[browser] },
      browser === 'firefox' && campaign.firefoxFile && { kind: 'signed-file', href: campaign.firefoxFile.url },
    ].filter((way): way is { kind: string; href: string } => Boolean(way));
  const ways = { chrome: waysFor('chrome'), firefox: waysFor('firefox') };
  const byHand = (['chrome', 'firefox'] as const).filter((browser) => ways[browser].length === 0);
  const section = (lang: Lang) => {
    const w = WORDS[lang];
    const name = escapeHtml(textIn(campaign.name, lang));
    const label = (browser: Browser, kind: string) => (kind === 'store' ? w[`${browser}Store`] : w.signedFile);
    const block = (browser: Browser) => {
      const links = ways[browser].map(({ kind, href }) => `<a class="install" data-kind="${kind}" href="${escapeHtml(href)}">${label(browser, kind)}</a>`);
      const help = ways[browser].some(({ kind }) => kind === 'signed-file') ? `<p class="help">${w.signedFileHelp}</p>` : '';
      return `<div class="browser" data-browser="${browser}"><h2>${w[browser]}</h2><p class="buttons">${links.join(' ') || w.notYet}</p>${help}</div>`;
    };
    const zip = { chrome: files.chromeZip, firefox: files.firefoxZip };
    const lastResort = byHand.length
      ? `<details class="last-resort"><summary>${w.lastResort}</summary><p>${w.lastResortWhy}</p><ul>${byHand
          .map((browser) => `<li data-browser="${browser}"><a class="zip" href="${escapeHtml(zip[browser])}" download>${w.download} ${w[browser]}</a>. ${w[`${browser}Steps`]}</li>`)
          .join('')}</ul></details>`
      : '';
    // On a phone (the QR code's usual reader): what works there. Firefox for Android where the add-on
    // is listed; else the page sent to a computer (the share sheet, an e-mail) and the address to type.
    const android = campaign.stores.firefox
      ? `<div class="android-only"><p>${w.androidFirefox}</p><p class="buttons"><a class="install" data-kind="android-browser" href="${FIREFOX_ANDROID}">Firefox</a> <a class="install" data-kind="android-addon" href="${escapeHtml(campaign.stores.firefox)}">${w.firefoxStore}</a></p></div>`
      : '';
    const mail = `mailto:?subject=${encodeURIComponent(textIn(campaign.name, lang))}&body=${encodeURIComponent(campaign.website)}`;
    const phone = `<div class="phone"><h2>${w.onPhone}</h2>${android}<p>${w.sendToComputer}</p><p class="buttons"><button type="button" class="install share" hidden>${w.share}</button> <a class="install" data-kind="email" href="${escapeHtml(mail)}">${w.email}</a></p><p>${w.typeIt} <strong class="short">${escapeHtml(shortAddress(campaign.website))}</strong></p></div>`;
    const logo = files.logo ? `<img class="logo" src="${escapeHtml(files.logo)}" alt="">` : '';
    return `<section lang="${lang}"><div class="brand">${logo}<h1>${name}</h1></div><p class="what">${escapeHtml(textIn(campaign.description, lang))}</p><p class="extension">${w.extension}</p><p class="never">${w.never}</p>${phone}<div class="browsers">${block('chrome')}${block('firefox')}</div>${lastResort}</section>`;
  };
  return `<!doctype html>
<html lang="${languages[0]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(textIn(campaign.name, languages[0]!))}</title>
<style>
  body { font: 17px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 0 auto; max-width: 40rem; padding: 1.5rem; color: #1d1b16; background: #fffdf8; overflow-wrap: anywhere; }
  h1 { color: ${campaign.accentColor}; font-size: 1.6rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.1rem; margin: 1rem 0 .25rem; }
  section + section { border-top: 1px solid #ddd; margin-top: 2rem; padding-top: 1rem; }
  .install { display: inline-block; min-height: 44px; box-sizing: border-box; margin: .25rem .5rem .25rem 0; padding: .6rem 1rem; border-radius: .5rem; background: ${campaign.accentColor}; color: #fff; text-decoration: none; font-weight: 600; }
  .other .install { background: #6b6b6b; }
  .other h2 { color: #555; }
  .help { font-size: .9rem; color: #444; margin: 0; }
  .last-resort { margin-top: 1.5rem; border: 1px solid #ccc; border-radius: .5rem; padding: .5rem 1rem; }
  .last-resort summary { min-height: 44px; line-height: 44px; cursor: pointer; font-weight: 600; }
  .last-resort li { margin-bottom: .5rem; }
  .never { border-left: 4px solid ${campaign.accentColor}; padding-left: .75rem; }
  .qr { float: right; width: 9rem; margin: 0 0 1rem 1rem; }
  a { color: ${campaign.accentColor}; }
  .install:focus-visible, summary:focus-visible { outline: 3px solid #1d1b16; outline-offset: 2px; }
  button.install { border: 0; font: inherit; font-weight: 600; cursor: pointer; }
  .brand { display: flex; align-items: center; gap: .75rem; }
  .logo { width: 3rem; height: 3rem; }
  .phone { border: 1px solid #ccc; border-radius: .5rem; padding: .25rem 1rem; margin: 1rem 0; }
  .short { font-size: 1.1em; }
  /* The device the script found (without it, everything shows): a phone sees what works on a phone. */
  html[data-device='desktop'] .phone { display: none; }
  html[data-device='ios'] .browsers, html[data-device='ios'] .last-resort, html[data-device='android'] .browsers, html[data-device='android'] .last-resort { display: none; }
  html:not([data-device='android']) .android-only { display: none; }
  @media (max-width: 30rem) { .qr { display: none; } }
</style>
</head>
<body>
<img class="qr" src="${escapeHtml(files.qrSvg)}" alt="QR code: ${escapeHtml(campaign.website)}">
${languages.map(section).join('\n')}
<p><a href="${escapeHtml(campaign.website)}">${escapeHtml(campaign.website)}</a></p>
<script>
  // The visitor's device and browser. A phone gets what works on a phone; a computer its browser first,
  // and the other one after it, greyed only when the visitor's own has a way in.
  var ua = navigator.userAgent;
  var ios = /iphone|ipad|ipod/i.test(ua) || (/macintosh/i.test(ua) && navigator.maxTouchPoints > 1);
  var android = /android/i.test(ua);
  document.documentElement.setAttribute('data-device', ios ? 'ios' : android ? 'android' : 'desktop');
  var mine = /firefox|fxios/i.test(ua) ? 'firefox' : 'chrome';
  document.querySelectorAll('.browsers, .last-resort ul').forEach(function (list) {
    var own = list.querySelector('[data-browser="' + mine + '"]');
    var hasWay = own && own.querySelector('a.install');
    Array.prototype.forEach.call(list.querySelectorAll('[data-browser]'), function (item) {
      if (item.getAttribute('data-browser') === mine) list.insertBefore(item, list.firstChild);
      else if (hasWay || list.tagName === 'UL') item.classList.add('other');
    });
  });
  // The phone's share sheet, where it has one: the link goes to a computer by any app.
  if (navigator.share) {
    document.querySelectorAll('button.share').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.share({ title: document.title, url: ${JSON.stringify(campaign.website).replace(/</g, '\\u003c')} }).catch(function () {});
      });
    });
  }
</script>
</body>
</html>
`;
}

/** The flyer's HTML for one paper size: the logo, the name, three lines, what an extension is and where it works, the QR code. One page. */
export function flyerPage(campaign: Campaign, qrSvgMarkup: string, size: 'A6' | 'A5', logoDataUri?: string): string {
  const lang: Lang = campaign.name.fr ? 'fr' : 'en';
  const w = WORDS[lang];
  const scale = size === 'A6' ? 1 : 1.41;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(textIn(campaign.name, lang))}</title>
<style>
  @page { size: ${size}; margin: 0; }
  html, body { margin: 0; height: 100%; }
  body { font: ${Math.round(13 * scale)}px/1.35 system-ui, sans-serif; color: #1d1b16; display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; padding: 0 8%; box-sizing: border-box; }
  h1 { color: ${campaign.accentColor}; font-size: 1.7em; margin: 0 0 .6em; }
  p { margin: .25em 0; }
  .qr { width: ${Math.round(45 * scale)}mm; margin: .8em 0 .3em; }
  .scan, .web, .browsers { color: #555; font-size: .85em; }
  .logo { width: ${Math.round(16 * scale)}mm; height: ${Math.round(16 * scale)}mm; margin-bottom: .4em; }
</style></head>
<body>
${logoDataUri ? `<img class="logo" src="${escapeHtml(logoDataUri)}" alt="">` : ''}
<h1>${escapeHtml(textIn(campaign.name, lang))}</h1>
${w.lines.map((line) => `<p>${line}</p>`).join('')}
<p class="browsers">${w.flyerWhat} ${w.flyerBrowsers}</p>
<div class="qr">${qrSvgMarkup}</div>
<p class="scan">${w.scan}</p>
<p class="web">${escapeHtml(campaign.website)}</p>
</body></html>
`;
}
