// The contract check reads the real services' shapes: against the stand-ins (whose answers cite their
// evidence) every line fits, and a stand-in whose answer changes shape is caught.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkFails, formatLine, liveCheck as runLiveCheck, tileOf, type LiveCheckDeps } from '../src/cli/live-check';
import { PackagedIndex } from '../src/directory/schema';
import { parseSettings, type Settings } from '../src/shared/settings';
import { CALIL_STAND_IN_KEY } from '../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../stand-ins/server';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());
beforeEach(() => server.setScenario('ok'));

const identity = { page: 'https://librairies-independantes.fr/extension/', contact: 'extension@librairies-independantes.fr' };
/** The check as the command runs it: identified as the extension, with the packaged directory given. */
const liveCheck = (deps: Omit<LiveCheckDeps, 'identity' | 'version'> & Partial<LiveCheckDeps>) => runLiveCheck({ identity, version: '1.2.0', ...deps });

/** The production defaults, every address at the stand-in server (as a campaign points them at its own). */
function standInSettings(base: string): Settings {
  // (A copy: parseSettings gives the defaults' own objects, which other tests read as they are.)
  const settings = structuredClone(parseSettings({}));
  settings.sources.placedeslibraires.baseUrl = base;
  settings.sources.openstreetmap.baseUrl = base;
  settings.sources['librarybooks-uk'].baseUrl = base;
  settings.sources['leslibraires-ca'].baseUrl = base;
  settings.sources.calil.baseUrl = base;
  settings.geocoders = { ...settings.geocoders, geoplateforme: `${base}geocodage/`, nominatim: base };
  settings.tiles = { vector: { url: `${base}planet`, attribution: 'OpenFreeMap', attributionUrl: '' }, raster: null };
  return settings;
}

/** The fictional directory a development checkout packages, and the same as real data of a given age. */
const FICTIONAL_INDEX = JSON.parse(readFileSync('stand-ins/directory/index.json', 'utf8')) as PackagedIndex;
const realIndex = (daysAgo: number): PackagedIndex => ({ ...FICTIONAL_INDEX, fictional: false, dataDate: new Date(Date.now() - daysAgo * 86_400_000).toISOString() });
const EXTENSION_AGENT = 'local-bookshops-extension/1.2.0 (+https://librairies-independantes.fr/extension/; extension@librairies-independantes.fr)';

describe('the live contract check', () => {
  it('reads every service’s real shape: one line each, all reached, all fitting, and the packaged directory’s age', async () => {
    const before = server.seen.length;
    const lines = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0, directoryIndex: realIndex(10), calilKey: CALIL_STAND_IN_KEY });
    expect(lines.map((l) => [l.service, l.reached, l.httpStatus, l.fits])).toEqual([
      ['Place des Libraires', true, 200, true],
      ['Géoplateforme "Toulouse"', true, 200, true],
      ['Géoplateforme "31000"', true, 200, true],
      ['Overpass (1 km, Toulouse)', true, 200, true],
      ['Nominatim "Berlin"', true, 200, true],
      ['Géoplateforme reverse (Toulouse)', true, 200, true],
      ['Nominatim reverse (Berlin)', true, 200, true],
      ['UK library catalogues (Gloucestershire)', true, 200, true],
      ['Calil (Tokyo)', true, 200, true],
      ['leslibraires.ca (Montréal)', true, 200, true],
      ['Map tile', true, 200, true],
      ['Bookshop directory (package)', true, undefined, true],
    ]);
    // The API's own example: the book, in the service named as it names it (the stand-in holds no branch of it).
    expect(server.requests.some((url) => url.endsWith('/api/availability/9780747538493?service=Gloucestershire'))).toBe(true);
    expect(lines[7]!.found).toBe('0 branches list it, 0 with a copy on the shelf');
    expect(lines[8]!.found).toBe('0 libraries list it, 0 with a copy on the shelf');
    expect(lines[9]!.found).toBe('available, 14.95 CAD');
    expect(lines[5]!.found).toBe('Toulouse (fr)');
    // Two books nearly every shop has, each counted among every shop the network lists (near Toulouse or not).
    expect(lines[0]!.found).toBe('L’Étranger 6 of 10 shops, Le Petit Prince 2 of 10 shops');
    expect(lines[1]!.found).toBe('31000 Toulouse (43.604429, 1.443812)');
    expect(checkFails(lines)).toBe(false);
    expect(formatLine(lines[0]!)).toMatch(/^Place des Libraires +reached {2}HTTP 200 {2}fits {2}6 shops with the book {2}found L’Étranger 6 of 10 shops, Le Petit Prince 2 of 10 shops {2}\d+ ms$/);
    expect(formatLine(lines.at(-1)!)).toMatch(/^Bookshop directory \(package\) +read {2}fits {2}OpenStreetMap data of \d{4}-\d\d-\d\d, 10 days old \(gb\)$/);
    // Every request names the extension as it names itself, and Nominatim gets the contact too.
    expect(new Set(server.seen.slice(before).map((r) => r.headers['user-agent']))).toEqual(new Set([EXTENSION_AGENT]));
    expect(server.requests.some((url) => url.includes('email=contact%40local-bookshops.example'))).toBe(true);
  });

  it.each([
    ['placedeslibraires', 'missing-fields', 'Place des Libraires', 'bad-data'],
    ['placedeslibraires', 'html', 'Place des Libraires', 'not-json'],
    // The stock flag renamed: every shop reads as not having either book.
    ['placedeslibraires', 'stock-field-renamed', 'Place des Libraires', 'no-shop-has-any'],
    ['openstreetmap', 'missing-fields', 'Overpass (1 km, Toulouse)', 'bad-data'],
    ['geocoders', 'missing-fields', 'Géoplateforme "Toulouse"', 'bad-data'],
    ['vector', 'html', 'Map tile', 'bad-data'],
    ['vector', 'tilejson-without-layers', 'Map tile', 'missing-layers'],
    ['libraries', 'missing-fields', 'UK library catalogues (Gloucestershire)', 'bad-data'],
    ['quebec', 'missing-fields', 'leslibraires.ca (Montréal)', 'bad-data'],
  ] as const)('catches a %s answer that changed shape (%s)', async (source, scenario, service, problem) => {
    server.setScenario({ [source]: scenario });
    const lines = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(lines.find((l) => l.service === service)).toMatchObject({ reached: true, fits: false, problem });
    expect(checkFails(lines)).toBe(true);
    expect(lines.map(formatLine).join('\n')).toContain(`DOES NOT FIT (${problem})`);
  });

  it('says what no shop has, and which layers the tiles lack', async () => {
    server.setScenario({ placedeslibraires: 'stock-field-renamed', vector: 'tilejson-without-layers' });
    const lines = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(lines[0]!.found).toBe('L’Étranger 0 of 10 shops, Le Petit Prince 0 of 10 shops');
    expect(lines.find((l) => l.service === 'Map tile')!.found).toBe('no waterway, place in vector_layers');
  });

  it('reads a vector tile at the address the TileJSON gives, and a raster tile as an image', async () => {
    const before = server.requests.length;
    const lines = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(server.requests.slice(before).filter((url) => url.includes('/planet')).map((url) => url.slice(server.url.length))).toEqual(['planet', 'planet/20261125_001001_pt/12/2064/1495.pbf']);
    server.setScenario({ vector: 'html' });
    const tileAsPage = { ...standInSettings(server.url), tiles: { vector: { url: `${server.url}planet/20261125_001001_pt/{z}/{x}/{y}.pbf`, attribution: '', attributionUrl: '' }, raster: null } };
    expect((await liveCheck({ settings: tileAsPage, fetch, nominatimGapMs: 0 })).at(-1)).toMatchObject({ reached: true, fits: false, problem: 'not-a-tile' });
    server.setScenario({ tiles: 'html' });
    const raster = { ...standInSettings(server.url), tiles: { vector: null, raster: { url: `${server.url}tiles/{z}/{x}/{y}.png`, attribution: '', attributionUrl: '' } } };
    expect((await liveCheck({ settings: raster, fetch, nominatimGapMs: 0 })).at(-1)).toMatchObject({ reached: true, fits: false, problem: 'not-an-image' });
    expect(lines.at(-1)).toMatchObject({ reached: true, httpStatus: 200, fits: true });
  });

  it('fails on a refusal, quoting its status, server header and first bytes; reports Overpass’s own error without failing', async () => {
    server.setScenario({ placedeslibraires: 'forbidden' });
    const refused = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(refused[0]).toMatchObject({ reached: true, httpStatus: 403, fits: null, problem: 'blocked', refusal: { server: 'cloudflare', body: '<!doctype html><title>Access denied</title><h1>403 Forbidden</h1>' } });
    expect(formatLine(refused[0]!)).toMatch(/^Place des Libraires +reached {2}HTTP 403 {2}REFUSED \(blocked, server cloudflare\): "<!doctype html><title>Access denied<\/title><h1>403 Forbidden<\/h1>" {2}\d+ ms$/);
    expect(checkFails(refused)).toBe(true);
    server.setScenario({ placedeslibraires: 'rate-limited' });
    const slowed = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(slowed[0]).toMatchObject({ httpStatus: 429, problem: 'rate-limited', refusal: { body: '<h1>Too Many Requests</h1>' } });
    expect(checkFails(slowed)).toBe(true);
    server.setScenario({ openstreetmap: 'overpass-remark' });
    const remark = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(remark[3]).toMatchObject({ reached: true, fits: true, problem: 'source-error' });
    expect(checkFails(remark)).toBe(false);
  });

  it('identifies itself to OpenStreetMap’s services as the extension does, and fails when one refuses it (Overpass’s 406)', async () => {
    const seen: Array<{ host: string; headers: Record<string, string> }> = [];
    const refusing = (async (input: string, init?: RequestInit) => {
      const url = new URL(input);
      seen.push({ host: url.hostname, headers: init?.headers as Record<string, string> });
      if (url.hostname === 'overpass-api.de') return new Response('<html><head><title>406 Not Acceptable</title></head></html>', { status: 406, headers: { server: 'Apache/2.4.62 (Debian)' } });
      return new Response('{}', { status: 503 });
    }) as typeof fetch;
    const lines = await liveCheck({ settings: parseSettings({}), fetch: refusing, nominatimGapMs: 0 });
    const overpass = lines.find((l) => l.service.startsWith('Overpass'))!;
    expect(overpass).toMatchObject({ httpStatus: 406, problem: 'blocked', refusal: { server: 'Apache/2.4.62 (Debian)', body: '<html><head><title>406 Not Acceptable</title></head></html>' } });
    expect(checkFails(lines)).toBe(true);
    // The User-Agent everywhere; the Referer naming the project only to Overpass and Nominatim, as the extension's rule sets it.
    for (const { host, headers } of seen) {
      expect(headers['user-agent']).toBe(EXTENSION_AGENT);
      expect(headers.referer).toBe(['overpass-api.de', 'nominatim.openstreetmap.org'].includes(host) ? 'https://librairies-independantes.fr/extension/' : undefined);
    }
    expect(new Set(seen.map((r) => r.host))).toEqual(new Set(['www.placedeslibraires.fr', 'data.geopf.fr', 'overpass-api.de', 'nominatim.openstreetmap.org', 'tiles.openfreemap.org', 'www.librarybooks.uk', 'app.leslibraires.ca']));
  });

  it('fails on a packaged directory older than a release may take, and says a fictional one is fictional', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const old = await liveCheck({ settings: parseSettings({}), fetch: refused, nominatimGapMs: 0, directoryIndex: realIndex(50) });
    expect(old.at(-1)).toMatchObject({ service: 'Bookshop directory (package)', fits: false, problem: 'directory-too-old' });
    expect(checkFails(old)).toBe(true);
    const fictional = await liveCheck({ settings: parseSettings({}), fetch: refused, nominatimGapMs: 0, directoryIndex: FICTIONAL_INDEX });
    expect(formatLine(fictional.at(-1)!)).toMatch(/^Bookshop directory \(package\) +read {2}fits {2}the FICTIONAL directory \(gb\)$/);
    expect(checkFails(fictional)).toBe(false);
  });

  it('says Calil was not checked where no app key is given, without failing', async () => {
    const before = server.requests.length;
    const lines = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    const line = lines.find((l) => l.service === 'Calil (Tokyo)')!;
    expect(line).toMatchObject({ problem: 'no-key', reached: false });
    expect(formatLine(line)).toBe('Calil (Tokyo)                     not checked: no app key given (CALIL_APP_KEY)');
    expect(server.requests.slice(before).some((url) => url.includes('/check?') || url.includes('/library?'))).toBe(false);
    expect(checkFails(lines)).toBe(false);
  });

  it('says "unreachable" for each service it cannot reach, quickly, and does not fail for it', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const lines = await liveCheck({ settings: parseSettings({}), fetch: refused, nominatimGapMs: 0, calilKey: 'a-key' });
    expect(lines.map(formatLine).every((line) => / {2}unreachable {2}\d+ ms$/.test(line))).toBe(true);
    expect(checkFails(lines)).toBe(false);
  });

  it('asks the real tile that holds Toulouse', () => {
    expect(tileOf({ lat: 43.6, lon: 1.44 }, 12)).toEqual({ z: 12, x: 2064, y: 1495 });
  });
});
