// `npm run campaign -- campaigns/NAME.json`: a campaign's whole kit in dist/campaign-NAME/: the Chrome
// and Firefox builds and zips with its name, colour, logo and first-run settings, the install page, QR
// codes (SVG and PNG) and A6/A5 flyers (PDF, printed by headless Chromium). A bad file stops it with
// every problem listed, and nothing is written.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import QRCode from 'qrcode';
import { buildTarget, TARGETS } from '../build.mjs';
import { campaignCss, campaignHosts, campaignMessages, campaignSettings, logoSvg } from '../src/campaign/brand';
import { checkCampaignFile } from '../src/campaign/check';
import { flyerPage, installPage } from '../src/campaign/pages';
import { findBrowser, openForPrint, SANDBOX_FLAGS } from './browsers.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run campaign -- campaigns/NAME.json');
  process.exit(2);
}
const { campaign, logo, problems } = checkCampaignFile(file);
if (!campaign || !logo) {
  console.error(`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}

const name = basename(file).replace(/\.json$/, '');
const out = join('dist', `campaign-${name}`);
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const branding = {
  settings: campaignSettings(campaign),
  messages: (lang: string, messages: Parameters<typeof campaignMessages>[2]) => campaignMessages(campaign, lang, messages),
  css: campaignCss(campaign),
  share: { url: campaign.website },
  hosts: campaignHosts(campaign),
  icons: { icon: Buffer.from(logoSvg(logo, false)), 'toolbar-idle': Buffer.from(logoSvg(logo, true)) },
};
const zips: Record<string, string> = {};
for (const target of TARGETS) {
  zips[target] = `local-bookshops-${name}-${target}-${version}.zip`;
  await buildTarget(target, { outdir: join(out, target), zipPath: join(out, zips[target]), branding });
}

// QR codes: the install page (the campaign's web address), and each store listing that exists.
const qrTargets: Record<string, string> = { install: campaign.website, ...(campaign.stores.chrome ? { chrome: campaign.stores.chrome } : {}), ...(campaign.stores.firefox ? { firefox: campaign.stores.firefox } : {}) };
for (const [what, url] of Object.entries(qrTargets)) {
  writeFileSync(join(out, `qr-${what}.svg`), await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
  writeFileSync(join(out, `qr-${what}.png`), await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 }));
}
writeFileSync(join(out, 'index.html'), installPage(campaign, { chromeZip: zips.chrome!, firefoxZip: zips.firefox!, qrSvg: 'qr-install.svg' }));

// Flyers: an HTML page per size, printed by headless Chromium.
const chromium = findBrowser('chromium');
if (!chromium) {
  console.warn('No Chromium found: the flyers were not printed (set CHROME_PATH).');
} else {
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: [...SANDBOX_FLAGS, '--disable-gpu'] });
  try {
    const qr = readFileSync(join(out, 'qr-install.svg'), 'utf8');
    for (const size of ['A6', 'A5'] as const) {
      const html = flyerPage(campaign, qr, size);
      writeFileSync(join(out, `flyer-${size.toLowerCase()}.html`), html);
      const page = await openForPrint(browser, html);
      await page.pdf({ path: join(out, `flyer-${size.toLowerCase()}.pdf`), format: size, printBackground: true, preferCSSPageSize: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
console.log(`wrote ${out}/: chrome/, firefox/, ${Object.values(zips).join(', ')}, index.html, QR codes, flyers`);
