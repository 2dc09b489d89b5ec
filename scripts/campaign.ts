// `npm run campaign -- campaigns/NAME.json [--sign]`: a campaign's whole kit in dist/campaign-NAME/: the
// Chrome and Firefox builds and zips with its name, colour, logo and first-run settings, the install
// page, its QR code (SVG and PNG) and A6/A5 flyers (PDF, printed by headless Chromium). A bad file stops
// it with every problem listed, and nothing is written. --sign also signs the Firefox build on AMO
// (unlisted, the release's machinery and credentials) and writes the signed file and its updates.json,
// to put at the campaign file's `firefoxFile` addresses.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { unzipSync } from 'fflate';
import QRCode from 'qrcode';
import { buildTarget, TARGETS } from '../build.mjs';
import { campaignArea, campaignCss, campaignGecko, campaignHosts, campaignMessages, campaignSettings, logoSvg } from '../src/campaign/brand';
import { checkCampaignFile } from '../src/campaign/check';
import { flyerPage, installPage } from '../src/campaign/pages';
import { identityFrom } from '../src/release/identity';
import { campaignPlaceholders, packagePlaceholders } from '../src/release/placeholders';
import { missingVariables } from '../src/release/plan';
import { publishSignedFile, signOnAmo, writeSourceArchive } from './amo';
import { findBrowser, openForPrint, SANDBOX_FLAGS } from './browsers.mjs';

const { positionals, values: options } = parseArgs({ allowPositionals: true, options: { sign: { type: 'boolean', default: false } } });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run campaign -- campaigns/NAME.json [--sign]');
  process.exit(2);
}
const { campaign, logo, problems } = checkCampaignFile(file);
if (options.sign) {
  // Everything signing needs is known before anything is built.
  if (campaign && !campaign.firefoxFile) problems.push('firefoxFile: is missing: --sign needs the addresses where the signed file and its updates.json will be served');
  const missing = missingVariables(process.env, ['firefox']);
  if (missing.length) problems.push(`--sign needs ${missing.join(' and ')} in the environment (AMO's API key; README, "Releasing")`);
  // A signed file goes to shoppers: nothing in it may point at a placeholder.
  if (campaign) problems.push(...campaignPlaceholders(campaign).map((found) => `${found} is a placeholder: --sign needs the campaign's own addresses`));
  problems.push(...identityFrom(process.env).problems);
} else if (campaign) {
  // A kit to try out: placeholders are named, and the kit is written.
  for (const found of campaignPlaceholders(campaign)) console.warn(`${file}: ${found} is a placeholder (--sign refuses it)`);
}
if (!campaign || !logo || problems.length) {
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
  area: campaignArea(campaign),
  hosts: campaignHosts(campaign),
  icons: { icon: Buffer.from(logoSvg(logo, false)), 'toolbar-idle': Buffer.from(logoSvg(logo, true)) },
};
const zips: Record<string, string> = {};
for (const target of TARGETS) {
  zips[target] = `local-bookshops-${name}-${target}-${version}.zip`;
  await buildTarget(target, { outdir: join(out, target), zipPath: join(out, zips[target]), branding, gecko: campaignGecko(campaign, name) });
}

if (options.sign && campaign.firefoxFile) {
  const placeholders = TARGETS.flatMap((target) => packagePlaceholders(unzipSync(readFileSync(join(out, zips[target]!)))).map((found) => `${zips[target]}: ${found}`));
  if (placeholders.length) {
    console.error(`the builds point at placeholders; nothing was signed:\n  ${placeholders.join('\n  ')}`);
    process.exit(1);
  }
  const sourceArchive = join(out, `local-bookshops-${name}-source-${version}.zip`);
  writeSourceArchive(sourceArchive, {
    title: `the ${name} campaign's build of local-bookshops ${version}`,
    steps: [`npm run campaign -- campaigns/${basename(file)}`],
    outputs: `The packages are dist/campaign-${name}/${zips.firefox} and dist/campaign-${name}/${zips.chrome}.`,
    extra: { [`campaigns/${basename(file)}`]: readFileSync(file), [`campaigns/${campaign.logo}`]: readFileSync(join(dirname(file), campaign.logo)) },
  });
  const signed = await signOnAmo({ sourceDir: join(out, 'firefox'), channel: 'unlisted', sourceArchive, metadata: { version: { license: 'MIT' } } });
  const xpiName = basename(new URL(campaign.firefoxFile.url).pathname);
  publishSignedFile({ signed: signed!, xpiPath: join(out, xpiName), buildDir: join(out, 'firefox'), xpiUrl: campaign.firefoxFile.url });
  console.log(`signed ${xpiName}: put it and updates.json at ${campaign.firefoxFile.url} and ${campaign.firefoxFile.updates}`);
}

// The QR code points at the install page (the campaign's web address), which offers the visitor's browser its button.
writeFileSync(join(out, 'qr-install.svg'), await QRCode.toString(campaign.website, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
writeFileSync(join(out, 'qr-install.png'), await QRCode.toBuffer(campaign.website, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 }));
// The logo beside the install page, and inside each flyer.
const logoFile = `logo.${logo.type}`;
writeFileSync(join(out, logoFile), logo.bytes);
const logoDataUri = `data:${logo.type === 'svg' ? 'image/svg+xml' : 'image/png'};base64,${Buffer.from(logo.bytes).toString('base64')}`;
writeFileSync(join(out, 'index.html'), installPage(campaign, { chromeZip: zips.chrome!, firefoxZip: zips.firefox!, qrSvg: 'qr-install.svg', logo: logoFile }));

// Flyers: an HTML page per size, printed by headless Chromium.
const chromium = findBrowser('chromium');
if (!chromium) {
  console.warn('No Chromium found: the flyers were not printed (set CHROME_PATH).');
} else {
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: [...SANDBOX_FLAGS, '--disable-gpu'] });
  try {
    const qr = readFileSync(join(out, 'qr-install.svg'), 'utf8');
    for (const size of ['A6', 'A5'] as const) {
      const html = flyerPage(campaign, qr, size, logoDataUri);
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
