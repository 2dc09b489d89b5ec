// The volunteer's printed and web material, as HTML strings built from the campaign file: the install
// page (static, no external scripts or fonts, works from a USB stick) and the flyer (printed to PDF by
// headless Chromium). Every campaign text is escaped: a name is text, never markup.
import { escapeHtml } from '../shared/escape-html';
import { textIn } from './brand';
import type { Campaign } from './schema';


const WORDS = {
  fr: {
    what: 'Sur une page de livre Amazon, elle montre quelles librairies indépendantes près de chez vous l’ont en stock, avec la distance, les horaires et un lien pour le réserver.',
    never: 'Elle n’envoie que l’ISBN du livre et une zone approximative (jamais votre adresse, votre compte Amazon ni votre historique). Aucune statistique, aucune publicité.',
    chrome: 'Chrome, Edge ou Brave',
    firefox: 'Firefox',
    chromeStore: 'Installer depuis le Chrome Web Store',
    firefoxStore: 'Installer depuis Firefox Add-ons',
    signedFile: 'Installer pour Firefox (fichier signé par Mozilla)',
    signedFileHelp: 'Firefox demande de confirmer, puis l’installe ; il se met à jour tout seul.',
    notYet: 'Pas encore dans la boutique : voir le dernier recours ci-dessous.',
    lastResort: 'Dernier recours : l’installer à la main',
    lastResortWhy: 'Seulement si aucun bouton ci-dessus ne convient. Chrome rappelle le « mode développeur » à chaque démarrage ; Firefox oublie l’extension quand il redémarre.',
    chromeSteps: 'Chrome : téléchargez le fichier, décompressez-le, ouvrez chrome://extensions, activez le « Mode développeur », puis « Charger l’extension non empaquetée » et choisissez le dossier.',
    firefoxSteps: 'Firefox : téléchargez le fichier, ouvrez about:debugging, « Ce Firefox », puis « Charger un module complémentaire temporaire » et choisissez le fichier.',
    download: 'Télécharger le fichier pour',
    lines: ['Vous regardez un livre sur Amazon ?', 'L’extension vous montre les librairies près de chez vous qui l’ont.', 'Même prix, et votre libraire reste ouvert.'],
    scan: 'Scannez pour l’installer',
  },
  en: {
    what: 'On an Amazon book page, it shows which independent bookshops near you have the book in stock, with the distance, opening hours and a link to reserve it.',
    never: 'It sends only the book’s ISBN and a rough area (never your address, your Amazon account or your history). No statistics, no advertising.',
    chrome: 'Chrome, Edge or Brave',
    firefox: 'Firefox',
    chromeStore: 'Install from the Chrome Web Store',
    firefoxStore: 'Install from Firefox Add-ons',
    signedFile: 'Install for Firefox (file signed by Mozilla)',
    signedFileHelp: 'Firefox asks you to confirm, then installs it; it updates itself.',
    notYet: 'Not in the store yet: see the last resort below.',
    lastResort: 'Last resort: install it by hand',
    lastResortWhy: 'Only if no button above works for you. Chrome reminds you of “developer mode” at every start; Firefox forgets the extension when it restarts.',
    chromeSteps: 'Chrome: download the file, unzip it, open chrome://extensions, switch on “Developer mode”, then “Load unpacked” and pick the folder.',
    firefoxSteps: 'Firefox: download the file, open about:debugging, “This Firefox”, then “Load Temporary Add-on” and pick the file.',
    download: 'Download the file for',
    lines: ['Looking at a book on Amazon?', 'The extension shows you the bookshops nearby that have it.', 'Buy it there, and keep your bookshop open.'],
    scan: 'Scan to install',
  },
};
type Lang = keyof typeof WORDS;
type Browser = 'chrome' | 'firefox';

export interface InstallPageFiles {
  chromeZip: string;
  firefoxZip: string;
  qrSvg: string;
}

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
    return `<section lang="${lang}"><h1>${name}</h1><p class="what">${escapeHtml(textIn(campaign.description, lang))}</p><p>${w.what}</p><p class="never">${w.never}</p><div class="browsers">${block('chrome')}${block('firefox')}</div>${lastResort}</section>`;
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
</style>
</head>
<body>
<img class="qr" src="${escapeHtml(files.qrSvg)}" alt="QR code: ${escapeHtml(campaign.website)}">
${languages.map(section).join('\n')}
<p><a href="${escapeHtml(campaign.website)}">${escapeHtml(campaign.website)}</a></p>
<script>
  // The visitor's browser first, the other after it, greyed, for a friend's browser.
  var mine = /firefox|fxios/i.test(navigator.userAgent) ? 'firefox' : 'chrome';
  document.querySelectorAll('.browsers, .last-resort ul').forEach(function (list) {
    Array.prototype.forEach.call(list.querySelectorAll('[data-browser]'), function (item) {
      if (item.getAttribute('data-browser') === mine) list.insertBefore(item, list.firstChild);
      else item.classList.add('other');
    });
  });
</script>
</body>
</html>
`;
}

/** The flyer's HTML for one paper size: the QR code, the name, three lines. One page. */
export function flyerPage(campaign: Campaign, qrSvgMarkup: string, size: 'A6' | 'A5'): string {
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
  .scan, .web { color: #555; font-size: .85em; }
</style></head>
<body>
<h1>${escapeHtml(textIn(campaign.name, lang))}</h1>
${w.lines.map((line) => `<p>${line}</p>`).join('')}
<div class="qr">${qrSvgMarkup}</div>
<p class="scan">${w.scan}</p>
<p class="web">${escapeHtml(campaign.website)}</p>
</body></html>
`;
}
