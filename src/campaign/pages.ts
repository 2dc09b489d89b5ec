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
    install: 'Installer',
    chrome: 'pour Chrome, Edge ou Brave',
    firefox: 'pour Firefox',
    byHand: 'Pas encore dans la boutique de votre navigateur ? Installez-la à la main :',
    chromeSteps: 'Chrome : téléchargez le fichier, décompressez-le, ouvrez chrome://extensions, activez le « Mode développeur », puis « Charger l’extension non empaquetée » et choisissez le dossier.',
    firefoxSteps: 'Firefox : téléchargez le fichier, ouvrez about:debugging, « Ce Firefox », puis « Charger un module complémentaire temporaire » et choisissez le fichier.',
    download: 'Télécharger',
    lines: ['Vous regardez un livre sur Amazon ?', 'L’extension vous montre les librairies près de chez vous qui l’ont.', 'Même prix, et votre libraire reste ouvert.'],
    scan: 'Scannez pour l’installer',
  },
  en: {
    what: 'On an Amazon book page, it shows which independent bookshops near you have the book in stock, with the distance, opening hours and a link to reserve it.',
    never: 'It sends only the book’s ISBN and a rough area (never your address, your Amazon account or your history). No statistics, no advertising.',
    install: 'Install',
    chrome: 'for Chrome, Edge or Brave',
    firefox: 'for Firefox',
    byHand: 'Not in your browser’s store yet? Install it by hand:',
    chromeSteps: 'Chrome: download the file, unzip it, open chrome://extensions, switch on “Developer mode”, then “Load unpacked” and pick the folder.',
    firefoxSteps: 'Firefox: download the file, open about:debugging, “This Firefox”, then “Load Temporary Add-on” and pick the file.',
    download: 'Download',
    lines: ['Looking at a book on Amazon?', 'The extension shows you the bookshops nearby that have it.', 'Buy it there, and keep your bookshop open.'],
    scan: 'Scan to install',
  },
};
type Lang = keyof typeof WORDS;

export interface InstallPageFiles {
  chromeZip: string;
  firefoxZip: string;
  qrSvg: string;
}

/** index.html: what the extension does and never does, the right store button, the zip by hand. French and English. */
export function installPage(campaign: Campaign, files: InstallPageFiles): string {
  const languages: Lang[] = campaign.name.fr ? ['fr', 'en'] : ['en', 'fr'];
  const section = (lang: Lang) => {
    const w = WORDS[lang];
    const name = escapeHtml(textIn(campaign.name, lang));
    const store = (browser: 'chrome' | 'firefox') => {
      const url = campaign.stores[browser];
      return url
        ? `<a class="store" data-browser="${browser}" href="${escapeHtml(url)}">${w.install} ${name} ${w[browser]}</a>`
        : `<a class="store" data-browser="${browser}" href="${escapeHtml(browser === 'chrome' ? files.chromeZip : files.firefoxZip)}" download>${w.download} ${name} ${w[browser]}</a>`;
    };
    const byHand = campaign.stores.chrome && campaign.stores.firefox ? '' : `<p>${w.byHand}</p><ul><li>${w.chromeSteps}</li><li>${w.firefoxSteps}</li></ul>`;
    return `<section lang="${lang}"><h1>${name}</h1><p class="what">${escapeHtml(textIn(campaign.description, lang))}</p><p>${w.what}</p><p class="never">${w.never}</p><p class="buttons">${store('chrome')} ${store('firefox')}</p>${byHand}</section>`;
  };
  return `<!doctype html>
<html lang="${languages[0]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(textIn(campaign.name, languages[0]!))}</title>
<style>
  body { font: 17px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 0 auto; max-width: 40rem; padding: 1.5rem; color: #1d1b16; background: #fffdf8; }
  h1 { color: ${campaign.accentColor}; font-size: 1.6rem; margin: 0 0 .5rem; }
  section + section { border-top: 1px solid #ddd; margin-top: 2rem; padding-top: 1rem; }
  .store { display: inline-block; margin: .25rem .5rem .25rem 0; padding: .6rem 1rem; border-radius: .5rem; background: ${campaign.accentColor}; color: #fff; text-decoration: none; font-weight: 600; }
  .store.other { background: #777; }
  .never { border-left: 4px solid ${campaign.accentColor}; padding-left: .75rem; }
  .qr { float: right; width: 9rem; margin: 0 0 1rem 1rem; }
  a { color: ${campaign.accentColor}; }
</style>
</head>
<body>
<img class="qr" src="${escapeHtml(files.qrSvg)}" alt="QR code: ${escapeHtml(campaign.website)}">
${languages.map(section).join('\n')}
<p><a href="${escapeHtml(campaign.website)}">${escapeHtml(campaign.website)}</a></p>
<script>
  // Put the store button for this browser first; the other stays, greyed, for a friend's browser.
  var firefox = /firefox/i.test(navigator.userAgent);
  document.querySelectorAll('.store').forEach(function (a) {
    var mine = (a.getAttribute('data-browser') === 'firefox') === firefox;
    if (!mine) a.classList.add('other'); else a.parentNode.insertBefore(a, a.parentNode.firstChild);
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
