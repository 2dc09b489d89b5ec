// Campaign files: every problem of a bad file named at once, and nothing written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { enabledSources } from '../src/background/sources';
import { campaignArea, campaignGecko, campaignHosts, campaignMessages, campaignSettings } from '../src/campaign/brand';
import { insideArea } from '../src/shared/campaign-area';
import { checkCampaignFile } from '../src/campaign/check';
import { installPage } from '../src/campaign/pages';
import { escapeHtml } from '../src/shared/escape-html';
import { DIRECTORY_DEFAULT, readStoredSettings } from '../src/shared/settings';

const example = JSON.parse(readFileSync('campaigns/occitanie.json', 'utf8'));
const logo = readFileSync('campaigns/occitanie-logo.svg');

/** Writes a campaign file (and its logo) in a fresh folder; returns its path. */
function campaignFile(changes: Record<string, unknown>, files: Record<string, Buffer | string> = { 'occitanie-logo.svg': logo }): string {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const content = { ...example, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete content[key];
  writeFileSync(join(dir, 'test.json'), JSON.stringify(content));
  return join(dir, 'test.json');
}

describe('a campaign file', () => {
  it('the example passes', () => {
    expect(checkCampaignFile('campaigns/occitanie.json').problems).toEqual([]);
  });

  it.each([
    ['a missing field', { website: undefined }, 'website: is missing'],
    ['a colour that is not a colour', { accentColor: 'red-ish' }, 'accentColor: must be a colour like "#1f6f50"'],
    ['bounds outside the Earth', { area: { ...example.area, bounds: { south: 42, west: 0, north: 123, east: 4 } } }, 'area.bounds.north: must be between -90 and 90'],
    ['bounds upside down', { area: { ...example.area, bounds: { south: 45, west: 0, north: 42, east: 4 } } }, 'area.bounds: must have south below north and west of east'],
    ['a region’s centre given as the shopper’s place (no area)', { area: undefined, place: { label: 'Occitanie', lat: 43.7, lon: 2.1, country: 'fr' } }, 'area: is missing'],
    ['a store link that is not https', { stores: { chrome: 'http://chromewebstore.google.com/detail/x' } }, 'stores.chrome: must be an https:// address'],
    ['a logo that is not there', { logo: 'missing.svg' }, 'logo: missing.svg is not there'],
    ['a logo outside the campaign’s folder', { logo: '../occitanie-logo.svg' }, "logo: ../occitanie-logo.svg must be a file in the campaign's folder"],
    ['a logo at an absolute path', { logo: '/usr/share/pixmaps/debian-logo.png' }, "logo: /usr/share/pixmaps/debian-logo.png must be a file in the campaign's folder"],
    ['a name with no English or French', { name: { de: 'Buchläden' } }, 'name: needs at least "en" or "fr"'],
    ['a source that does not exist', { sources: ['amazon'] }, 'sources[0]: may only be one of: placedeslibraires'],
    ['a signed file that is not an .xpi', { firefoxFile: { url: 'https://example.org/f.zip', updates: 'https://example.org/updates.json' } }, 'firefoxFile.url: must be the address of the .xpi file'],
    ['an update list that is not https', { firefoxFile: { url: 'https://example.org/f.xpi', updates: 'http://example.org/updates.json' } }, 'firefoxFile.updates: must be an https:// address'],
    ['a Firefox id that is not an id', { firefoxId: 'my campaign' }, 'firefoxId: must look like an e-mail address'],
    // It would become the build's host permission: https://*.co/* is every .co site.
    ['a directory at a wildcard host', { directory: 'https://*.co/dir/' }, 'directory: must name one host, with no wildcard'],
    ['a directory with a user name in its address', { directory: 'https://annuaire.fr@evil.example.org/dir/' }, 'directory: must name one host, with no wildcard'],
    ['a site at a host that is not a name', { website: 'https://exa_mple.org/' }, 'website: must name one host, with no wildcard'],
  ])('refuses %s, and says which field and why', (_what, changes, message) => {
    const { campaign, problems } = checkCampaignFile(campaignFile(changes));
    expect(campaign).toBeNull();
    expect(problems.filter((problem) => problem.startsWith(message)), problems.join('\n')).toHaveLength(1);
  });

  it('refuses a logo that is too big, or not the image it says', () => {
    const big = checkCampaignFile(campaignFile({ logo: 'big.png' }, { 'big.png': Buffer.alloc(300 * 1024) }));
    expect(big.problems).toEqual(['logo: big.png is 300 KB; at most 256 KB']);
    const fake = checkCampaignFile(campaignFile({ logo: 'fake.png' }, { 'fake.png': '<svg></svg>' }));
    expect(fake.problems).toEqual(['logo: fake.png is not a PNG image']);
    // A link in the campaign's folder to a file elsewhere (a secret, for one) is never followed.
    const file = campaignFile({ logo: 'linked.svg' }, {});
    const secret = join(mkdtempSync(join(tmpdir(), 'secret-')), 'environ.svg');
    writeFileSync(secret, '<svg>WEB_EXT_API_SECRET=made-up</svg>');
    symlinkSync(secret, join(dirname(file), 'linked.svg'));
    const linked = checkCampaignFile(file);
    expect(linked.problems).toEqual(['logo: linked.svg is a symbolic link; give the image itself']);
    expect(linked.logo).toBeNull();
  });

  it('lists every problem at once, and the command writes nothing', () => {
    const file = campaignFile({ accentColor: 'blue', radiusKm: 500, website: 'ftp://x', logo: 'missing.svg' });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/campaign.ts', file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('has 4 problems; nothing was written');
    for (const field of ['accentColor', 'radiusKm', 'website', 'logo']) expect(run.stderr).toMatch(new RegExp(`- ${field}: `));
    expect(existsSync('dist/campaign-test')).toBe(false);
  }, 30_000);

  it('--sign without AMO’s key, the signed file’s addresses, the campaign’s own site or the project’s identity says so and writes nothing', () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('WEB_EXT_') && !name.startsWith('PROJECT_')));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/campaign.ts', campaignFile({ firefoxFile: undefined }), '--sign'], { encoding: 'utf8', env });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('- firefoxFile: is missing: --sign needs the addresses');
    expect(run.stderr).toContain('- --sign needs WEB_EXT_API_KEY and WEB_EXT_API_SECRET in the environment');
    // The example's site is a placeholder, and no project identity is set: each named.
    expect(run.stderr).toContain("- website: https://local-bookshops.example/occitanie/ is a placeholder: --sign needs the campaign's own addresses");
    expect(run.stderr).toContain('- PROJECT_PAGE is not set');
    expect(existsSync('dist/campaign-test')).toBe(false);
  }, 30_000);
});

describe('what a campaign changes', () => {
  const { campaign } = checkCampaignFile('campaigns/occitanie.json');
  it('starts a new user with no place, so each gives their own town; with its radius and sources', () => {
    const { settings, repaired } = readStoredSettings(undefined, undefined, campaignSettings(campaign!));
    expect(repaired).toBe(false);
    // A region's centre is nobody's place: "near you" from it put Toulouse 60 km away.
    expect(settings.place).toBeNull();
    expect(settings.radiusKm).toBe(20);
    expect(campaignArea(campaign!)).toEqual({ name: { fr: "l'Occitanie", en: 'Occitanie' }, country: 'fr', bounds: { south: 42.33, west: -0.33, north: 45.05, east: 4.85 } });
    expect(Object.entries(settings.sources).filter(([, s]) => s.enabled).map(([id]) => id)).toEqual(['placedeslibraires', 'openstreetmap']);
    // The project's directory, unless the campaign names its own (whose host its build may then ask).
    expect(settings.sources.openstreetmap.directoryUrl).toBe(DIRECTORY_DEFAULT);
    expect(campaignHosts(campaign!)).toEqual([]);
    const own = { ...campaign!, directory: 'https://annuaire.librairies-occitanie.fr/' };
    expect(readStoredSettings(undefined, undefined, campaignSettings(own)).settings.sources.openstreetmap.directoryUrl).toBe(own.directory);
    expect(campaignHosts(own)).toEqual(['https://annuaire.librairies-occitanie.fr/*']);
  });

  it('leaves the libraries out unless the campaign turns them on: no library source is asked, in London either', () => {
    const { settings } = readStoredSettings(undefined, undefined, campaignSettings(campaign!));
    expect(settings.libraries).toBe(false);
    const london = (from: typeof settings) => enabledSources(from, async () => null).filter((source) => !source.countries || source.countries.includes('gb'));
    expect(london(settings).map((source) => source.kind)).toEqual(['directory']);
    // A campaign that wants them: on, with their catalogues.
    const lending = readStoredSettings(undefined, undefined, campaignSettings({ ...campaign!, libraries: true })).settings;
    expect(lending.libraries).toBe(true);
    expect(london(lending).map((source) => [source.id, source.kind])).toEqual([['openstreetmap', 'directory'], ['librarybooks-uk', 'library']]);
    expect(lending.sources.calil.enabled).toBe(true);
    // The project's own build: on.
    expect(readStoredSettings(undefined, undefined, null).settings.libraries).toBe(true);
  });

  it('names the extension in each language, English where it has no text, in every message that names it', () => {
    for (const lang of ['en', 'fr', 'de', 'es', 'it', 'nl']) {
      const messages = JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
      const branded = campaignMessages(campaign!, lang, messages);
      const name = lang === 'fr' ? "Librairies d'Occitanie" : 'Occitanie Bookshops';
      expect(branded.extensionName!.message, lang).toBe(name);
      // The tooltips and the welcome tab too: no message keeps the project's own name.
      expect(Object.entries(branded).filter(([, entry]) => entry.message.includes(messages.extensionName!.message)).map(([key]) => key), lang).toEqual([]);
      expect(branded.badgeTitleNoPlace!.message.startsWith(name), lang).toBe(true);
      expect(branded.welcomeTitle!.message, lang).toContain(name);
    }
  });

  it('says that a town outside its area is outside, and one inside is not', () => {
    const area = campaignArea(campaign!);
    expect(insideArea(area, { lat: 43.61, lon: 3.88 })).toBe(true); // Montpellier
    expect(insideArea(area, { lat: 43.6, lon: 1.44 })).toBe(true); // Toulouse
    expect(insideArea(area, { lat: 44.84, lon: -0.58 })).toBe(false); // Bordeaux
  });

  it('has a Firefox add-on id of its own, and the update_url of its signed file', () => {
    expect(campaignGecko(campaign!, 'occitanie')).toEqual({ id: 'local-bookshops-occitanie@campaign', updateUrl: 'https://local-bookshops.example/occitanie/firefox/updates.json' });
    expect(campaignGecko({ ...campaign!, firefoxFile: undefined, firefoxId: 'livres@occitanie.example.org' }, 'occitanie')).toEqual({ id: 'livres@occitanie.example.org' });
    expect(campaignGecko({ ...campaign!, firefoxFile: undefined }, 'pays basque')).toEqual({ id: 'local-bookshops-pays-basque@campaign' });
  });

  it('escapes its texts on the install page', () => {
    const hostile = { ...campaign!, name: { fr: '<script>alert(1)</script>' } };
    const html = installPage(hostile, { chromeZip: 'c.zip', firefoxZip: 'f.zip', qrSvg: 'qr.svg' });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain(escapeHtml('<script>alert(1)</script>'));
  });
});

describe('the install page', () => {
  const { campaign } = checkCampaignFile('campaigns/occitanie.json');
  const files = { chromeZip: 'c.zip', firefoxZip: 'f.zip', qrSvg: 'qr.svg' };
  /** What the page offers, per browser, in its first language. */
  const offers = (changes: Partial<NonNullable<typeof campaign>>) => {
    const document = new JSDOM(installPage({ ...campaign!, ...changes }, files)).window.document;
    const section = document.querySelector('section')!;
    const links = (browser: string) => [...section.querySelectorAll(`.browser[data-browser="${browser}"] a.install`)].map((a) => `${a.getAttribute('data-kind')} ${a.getAttribute('href')}`);
    const lastResort = section.querySelector('details.last-resort');
    return {
      chrome: links('chrome'),
      firefox: links('firefox'),
      lastResort: lastResort && { label: lastResort.querySelector('summary')!.textContent, zips: [...lastResort.querySelectorAll('a.zip')].map((a) => a.getAttribute('href')) },
    };
  };
  const xpi = 'https://local-bookshops.example/occitanie/firefox/librairies-occitanie.xpi';

  it('offers Firefox its signed file, and Chrome the zip by hand, labelled as the last resort', () => {
    expect(offers({})).toEqual({ chrome: [], firefox: [`signed-file ${xpi}`], lastResort: { label: 'Dernier recours : l’installer à la main', zips: ['c.zip'] } });
  });

  it('offers the store pages first when there are listings, and no last resort when every browser has a real way', () => {
    const stores = { chrome: 'https://chromewebstore.google.com/detail/abc', firefox: 'https://addons.mozilla.org/firefox/addon/abc/' };
    expect(offers({ stores })).toEqual({ chrome: [`store ${stores.chrome}`], firefox: [`store ${stores.firefox}`, `signed-file ${xpi}`], lastResort: null });
    expect(offers({ stores: { firefox: stores.firefox }, firefoxFile: undefined })).toEqual({ chrome: [], firefox: [`store ${stores.firefox}`], lastResort: { label: expect.stringMatching(/^Dernier recours/), zips: ['c.zip'] } });
  });

  it('says in one sentence what an extension is and where it works, and no sentence twice', () => {
    const document = new JSDOM(installPage(campaign!, { ...files, logo: 'logo.svg' })).window.document;
    const section = document.querySelector('section[lang="en"]')!;
    const sentences = [...section.querySelectorAll('p')].map((p) => p.textContent!);
    expect(sentences).toContain('An extension is a small add-on to your web browser. This one works in Chrome, Edge, Brave and Firefox on a computer, and in Firefox on Android.');
    // The description and the page's own words no longer say the same thing twice.
    expect(sentences.filter((sentence) => /^On an Amazon book page/.test(sentence))).toHaveLength(1);
    expect(document.querySelector('img.logo')?.getAttribute('src')).toBe('logo.svg');
  });

  it('offers a phone what works on a phone: the link sent to a computer and the address to type, Firefox for Android once listed', () => {
    const phoneOf = (changes: Partial<NonNullable<typeof campaign>>) => {
      const section = new JSDOM(installPage({ ...campaign!, ...changes }, files)).window.document.querySelector('section[lang="en"] .phone')!;
      return { installs: [...section.querySelectorAll('.install')].map((a) => `${a.getAttribute('data-kind') ?? 'share'} ${a.getAttribute('href') ?? ''}`.trim()), typed: section.querySelector('.short')!.textContent };
    };
    expect(phoneOf({})).toEqual({
      installs: ['share', `email mailto:?subject=Occitanie%20Bookshops&body=${encodeURIComponent('https://local-bookshops.example/occitanie/')}`],
      typed: 'local-bookshops.example/occitanie',
    });
    const listed = phoneOf({ stores: { firefox: 'https://addons.mozilla.org/firefox/addon/abc/' } });
    expect(listed.installs.slice(0, 2)).toEqual(['android-browser https://play.google.com/store/apps/details?id=org.mozilla.firefox', 'android-addon https://addons.mozilla.org/firefox/addon/abc/']);
  });

  it('offers only the zips, as the last resort, when there is nothing else yet', () => {
    expect(offers({ firefoxFile: undefined })).toEqual({ chrome: [], firefox: [], lastResort: { label: expect.stringMatching(/^Dernier recours/), zips: ['c.zip', 'f.zip'] } });
  });
});
