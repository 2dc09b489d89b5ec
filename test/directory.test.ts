// The bookshop directory: built once from one Overpass answer per country (`npm run directory`), read by
// the extension one cell at a time, with Overpass as the fallback when it cannot be read.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDirectory, buildPackagedDirectory, countryQuery } from '../src/directory/build';
import { CELL_DEGREES, cellOf, cellPath, cellsWithin, DirectoryCell, DirectoryIndex, MARGIN_KM, PACKAGED_INDEX, PackagedCell, packagedCellPath, PackagedIndex } from '../src/directory/schema';
import { createLookup } from '../src/lookup/lookup';
import { bookshopDirectory } from '../src/networks/directory';
import { openStreetMap } from '../src/networks/overpass';
import { packagedDirectory } from '../src/networks/packaged-directory';
import { distanceKm } from '../src/shops/geo';
import { libraryServicesAnswer, LONDON, overpassCountryAnswer, TOULOUSE } from '../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
import { readFictionalDirectory } from './fixtures';
import { memoryLookupCache } from './memory-cache';

const FRANCE = overpassCountryAnswer('FR') as { elements: Array<{ type: string; id: number; lat?: number; lon?: number; center?: { lat: number; lon: number }; tags: Record<string, string> }> };
const cellIn = (files: Map<string, string>, cell: string) => {
  const file = files.get(cellPath('fr', cell));
  return file ? DirectoryCell.parse(JSON.parse(file)) : null;
};

describe('building the directory', () => {
  // Built in each test, not once for the file, so a mutant switched on for a test is built with it.
  let files: Map<string, string>;
  beforeEach(() => {
    files = buildDirectory('fr', FRANCE);
  });

  it('keeps the independent bookshops by the live query’s rule, each with its OpenStreetMap id and what the list shows', () => {
    const everywhere = new Map([...files].filter(([path]) => path.includes('/cells/')).flatMap(([, file]) => DirectoryCell.parse(JSON.parse(file)).shops.map((shop) => [shop.osm, shop] as const)));
    // Not the chain (900004), the nameless one (900005) or the second-hand-only one (920004); the one overseas is kept.
    expect([...everywhere.keys()].sort()).toEqual(['node/900001', 'node/900002', 'node/920001', 'node/920002', 'node/920005', 'way/900003', 'way/920003']);
    expect(everywhere.get('node/900001')).toEqual({ osm: 'node/900001', name: 'Librairie du Capitole (démo)', lat: 43.60455, lon: 1.44425, street: '3 rue des Arts', postcode: '31000', city: 'Toulouse', website: 'https://example.org/capitole', hours: 'Tu-Sa 10:00-19:00' });
    const index = DirectoryIndex.parse(JSON.parse(files.get('fr/index.json')!));
    expect(index).toMatchObject({ country: 'fr', dataDate: '2026-11-30T09:12:45Z', attribution: '© OpenStreetMap contributors', license: 'ODbL-1.0' });
    // The index lists every cell file, in order of name (the same order whatever the answer's).
    expect(index.cells.map(({ cell }) => `fr/cells/${cell}.json`)).toEqual([...files.keys()].filter((path) => path.includes('/cells/')).sort());
  });

  it('writes, from the stand-in Overpass, the cells written by hand that the hosted stand-in serves (Toulouse’s and London’s)', () => {
    const built = new Map([...files, ...buildDirectory('gb', overpassCountryAnswer('GB'))]);
    for (const path of ['fr/cells/43.5_1.0.json', 'gb/cells/51.5_-0.5.json']) {
      const byHand: unknown = JSON.parse(readFileSync(new URL(`../stand-ins/hosted-directory/${path}`, import.meta.url), 'utf8'));
      expect(JSON.parse(built.get(path)!), path).toEqual(byHand);
    }
  });

  it('puts a shop in the file of every cell from which it can be within the largest radius, and in no other', () => {
    const shops = FRANCE.elements.filter((e) => e.tags.name && !e.tags.brand && e.tags.second_hand !== 'only').map((e) => ({ osm: `${e.type}/${e.id}`, lat: e.lat ?? e.center!.lat, lon: e.lon ?? e.center!.lon }));
    fc.assert(
      fc.property(fc.constantFrom(...shops), fc.integer({ min: 0, max: 359 }), fc.integer({ min: 0, max: MARGIN_KM * 10 - 1 }), (shop, degrees, tenths) => {
        const [bearing, km] = [(degrees * Math.PI) / 180, tenths / 10];
        // A place `km` from the shop, in any direction: its cell's file must hold the shop.
        const place = { lat: shop.lat + (km / 110.574) * Math.cos(bearing), lon: shop.lon + (km / (111.32 * Math.cos((shop.lat * Math.PI) / 180))) * Math.sin(bearing) };
        if (distanceKm(place, shop) > MARGIN_KM) return;
        expect(cellIn(files, cellOf(place))?.shops.map((s) => s.osm)).toContain(shop.osm);
      }),
      { numRuns: 500 },
    );
    // And no file holds a shop farther than that from its cell.
    for (const [path, file] of files) {
      if (!path.includes('/cells/')) continue;
      const cell = DirectoryCell.parse(JSON.parse(file));
      const [south, west] = cell.cell.split('_').map(Number) as [number, number];
      for (const shop of cell.shops) {
        const nearest = { lat: Math.min(Math.max(shop.lat, south), south + CELL_DEGREES), lon: Math.min(Math.max(shop.lon, west), west + CELL_DEGREES) };
        expect(distanceKm(shop, nearest), `${shop.osm} in ${cell.cell}`).toBeLessThanOrEqual(MARGIN_KM);
      }
    }
    // Toulouse's shops are in Toulouse's cell and its neighbours', not in Paris's, nor in a cell whose nearest edge is 85 km away.
    expect(cellIn(files, cellOf(TOULOUSE))?.shops.map((s) => s.osm)).toEqual(['node/900001', 'node/900002', 'way/900003']);
    expect(cellIn(files, cellOf({ lat: 48.85, lon: 2.35 }))?.shops.map((s) => s.osm)).toEqual(['node/920001']);
    expect(cellIn(files, cellOf({ lat: 43.6, lon: 2.6 }))).toBeNull();
  });

  it('gives the same bytes for the same data, whatever the order of the answer', () => {
    const shuffled = { ...FRANCE, elements: [...FRANCE.elements].reverse() };
    expect(buildDirectory('fr', shuffled)).toEqual(files);
    expect(buildDirectory('FR', FRANCE)).toEqual(files);
  });

  it('orders shops by type, then by number, and leaves out a shop with no place or no readable name', () => {
    const extra = [
      { type: 'way', id: 5, center: { lat: 43.601, lon: 1.441 }, tags: { shop: 'books', name: 'Way Five (démo)' } },
      { type: 'node', id: 10, lat: 43.602, lon: 1.442, tags: { shop: 'books', name: 'Node Ten (démo)' } },
      // A relation without a centre (out center gives ways theirs) is on no map.
      { type: 'relation', id: 7, tags: { shop: 'books', name: 'Nowhere (démo)' } },
    ];
    const cell = cellIn(buildDirectory('fr', { ...FRANCE, elements: [...extra, ...FRANCE.elements] }), cellOf(TOULOUSE))!;
    expect(cell.shops.map((s) => s.osm)).toEqual(['node/10', 'node/900001', 'node/900002', 'way/5', 'way/900003']);
    // A shop with no street, phone or website has no such fields (nothing empty in the file).
    expect(Object.keys(cell.shops.find((s) => s.osm === 'way/5')!)).toEqual(['osm', 'name', 'lat', 'lon']);
  });

  it('takes an answer with a remark that is no error, as Overpass writes notes too', () => {
    expect(buildDirectory('fr', { ...FRANCE, remark: 'The data included in this document is from www.openstreetmap.org.' })).toEqual(files);
  });

  it('refuses a failed or partial Overpass answer rather than publish a directory with holes', () => {
    expect(() => buildDirectory('fr', { ...FRANCE, remark: 'runtime error: Query timed out in "query" at line 1 after 901 seconds.' })).toThrow(/Overpass failed/);
    expect(() => buildDirectory('fr', { elements: [] })).toThrow();
    expect(() => buildDirectory('fr', '<html>')).toThrow();
  });

  it('asks Overpass for a whole country by its ISO code', () => {
    expect(countryQuery('fr')).toBe(
      '[out:json][timeout:900];area["ISO3166-1"="FR"][admin_level=2]->.country;(node["shop"="books"](area.country);way["shop"="books"](area.country);node["amenity"="library"](area.country);way["amenity"="library"](area.country););out center tags;',
    );
    expect(() => countryQuery('fr"];node(1);')).toThrow(/not a country code/);
    expect(() => countryQuery('xfr')).toThrow(/not a country code/);
  });
});

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());
beforeEach(() => server.setScenario('ok'));

describe('npm run directory', () => {
  const run = (...args: string[]) => promisify(execFile)('node', ['--import', 'tsx', 'scripts/directory.ts', ...args], { env: { ...process.env, PROJECT_PAGE: '', PROJECT_CONTACT: '' } });
  const identified = (...args: string[]) =>
    promisify(execFile)('node', ['--import', 'tsx', 'scripts/directory.ts', ...args], { env: { ...process.env, PROJECT_PAGE: 'https://bookshops.campaign.fr/', PROJECT_CONTACT: 'team@bookshops.campaign.fr' } });

  it('asks Overpass once per country, identified by the project’s page and contact, and writes the same packaged files twice, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'directory-'));
    try {
      const first = await identified('--countries', 'fr,gb', '--pause', '0', '--overpass', server.url, '--catalogues', server.url, '--out', join(dir, 'a'));
      await identified('--countries', 'fr,gb', '--pause', '0', '--overpass', server.url, '--catalogues', server.url, '--out', join(dir, 'b'));
      expect(first.stdout).toMatch(/^fr gb: 10 shops and 4 libraries in 7 cells, [\d.]+ KB, data of 2026-11-30T09:12:45Z/m);
      const list = (out: string) => readdirSync(join(dir, out, 'cells')).sort();
      expect(list('b')).toEqual(list('a'));
      for (const name of ['index.json', ...list('a').map((file) => `cells/${file}`)]) {
        expect(readFileSync(join(dir, 'b', name)), name).toEqual(readFileSync(join(dir, 'a', name)));
      }
      const queries = server.seen.filter((r) => r.url.includes('ISO3166-1'));
      expect(queries.map((r) => /ISO3166-1%22%3D%22(\w\w)/.exec(r.url)?.[1])).toEqual(['FR', 'GB', 'FR', 'GB']);
      // The UK's library services, once per run, for the libraries' codes; identified the same way.
      const services = server.seen.filter((r) => r.url.endsWith('/api/services'));
      expect(services).toHaveLength(2);
      for (const { headers } of [...queries, ...services]) expect(headers['user-agent']).toBe('local-bookshops-directory/0.1.0 (+https://bookshops.campaign.fr/; team@bookshops.campaign.fr)');
      expect(readFileSync(join(dir, 'a', 'cells', '51.5_-0.5.json'), 'utf8')).toContain('"name":"Holborn Library (demo)","lat":51.5179,"lon":-0.1197,"city":"London","hours":"Mo-Th 10:00-19:00; Fr,Sa 11:00-17:00","service":"E09000007"');
      // Not fictional: the real data's directory, which a release may take.
      expect(PackagedIndex.parse(JSON.parse(readFileSync(join(dir, 'a', 'index.json'), 'utf8')))).toMatchObject({ fictional: false, countries: ['fr', 'gb'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('asks Overpass nothing without the project’s identity, or with a placeholder, and says what is missing', async () => {
    const before = server.requests.length;
    const refused = await run('--countries', 'fr', '--overpass', server.url, '--out', join(tmpdir(), 'never')).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toContain('PROJECT_PAGE is not set');
    const placeholder = await promisify(execFile)('node', ['--import', 'tsx', 'scripts/directory.ts', '--countries', 'fr', '--overpass', server.url], {
      env: { ...process.env, PROJECT_PAGE: 'https://bookshop-finder.org/', PROJECT_CONTACT: 'me@example.org' },
    }).then(
      () => null,
      (error: { stderr: string }) => error,
    );
    expect(placeholder?.stderr).toContain('PROJECT_PAGE is "https://bookshop-finder.org/"');
    expect(placeholder?.stderr).toContain('PROJECT_CONTACT is "me@example.org"');
    expect(server.requests.length).toBe(before);
  }, 30_000);

  it('writes the fictional directory the tests and the demo package, as committed, from the stand-in answers saved to files; and the hosted layout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'directory-'));
    try {
      writeFileSync(join(dir, 'fr.json'), JSON.stringify(FRANCE));
      writeFileSync(join(dir, 'gb.json'), JSON.stringify(overpassCountryAnswer('GB')));
      writeFileSync(join(dir, 'gb-library-services.json'), JSON.stringify(libraryServicesAnswer()));
      const packaged = await run('--countries', 'gb', '--from', dir, '--fictional', '--out', join(dir, 'packaged'));
      expect(packaged.stdout).toMatch(/^gb: 3 shops and 4 libraries in 2 cells/);
      const committed = join(import.meta.dirname, '..', 'stand-ins', 'directory');
      const files = (root: string) => [PACKAGED_INDEX, ...readdirSync(join(root, 'cells')).sort().map((file) => `cells/${file}`)];
      expect(files(join(dir, 'packaged'))).toEqual(files(committed));
      for (const name of files(committed)) expect(readFileSync(join(dir, 'packaged', name), 'utf8'), name).toBe(readFileSync(join(committed, name), 'utf8'));
      expect(JSON.parse(readFileSync(join(committed, PACKAGED_INDEX), 'utf8'))).toMatchObject({ fictional: true });

      const hosted = await run('--countries', 'fr', '--from', dir, '--hosted', '--out', join(dir, 'hosted'));
      expect(hosted.stdout).toMatch(/^fr: \d+ cells, \d+ files, [\d.]+ KB, data of 2026-11-30T09:12:45Z/);
      expect(readFileSync(join(dir, 'hosted', 'fr', 'index.json'), 'utf8')).toBe(buildDirectory('fr', FRANCE).get('fr/index.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('the packaged directory', () => {
  const answers = () => new Map([['fr', FRANCE as unknown], ['gb', overpassCountryAnswer('GB')]]);
  const packaged = () => buildPackagedDirectory(answers(), { fictional: true });
  const shopsIn = (files: Map<string, string>) => [...files].filter(([path]) => path !== PACKAGED_INDEX).flatMap(([, file]) => PackagedCell.parse(JSON.parse(file)).shops);

  it('holds every shop once, in the file of the cell it is in, and lists the cells and countries in its index', () => {
    const files = packaged();
    const shops = shopsIn(files);
    expect(shops.map((shop) => shop.osm).sort()).toEqual(['node/900001', 'node/900002', 'node/910001', 'node/910002', 'node/920001', 'node/920002', 'node/920005', 'way/900003', 'way/910003', 'way/920003']);
    for (const [path, file] of files) if (path !== PACKAGED_INDEX) for (const shop of PackagedCell.parse(JSON.parse(file)).shops) expect(packagedCellPath(cellOf(shop))).toBe(path);
    const index = PackagedIndex.parse(JSON.parse(files.get(PACKAGED_INDEX)!));
    expect(index).toMatchObject({ version: 2, fictional: true, countries: ['fr', 'gb'], dataDate: '2026-11-30T09:12:45Z', attribution: '© OpenStreetMap contributors', license: 'ODbL-1.0' });
    expect(index.cells.map(packagedCellPath)).toEqual([...files.keys()].filter((path) => path !== PACKAGED_INDEX).sort());
    // The same data in another order gives the same bytes.
    expect(buildPackagedDirectory(new Map([...answers()].reverse()), { fictional: true })).toEqual(files);
  });

  it('names, among the cells within a radius of a place, the cell of every shop that is within it', () => {
    const shops = shopsIn(packaged());
    fc.assert(
      fc.property(fc.constantFrom(...shops), fc.integer({ min: 0, max: 359 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 50 }), (shop, degrees, tenths, radiusKm) => {
        const [bearing, km] = [(degrees * Math.PI) / 180, tenths / 10];
        const place = { lat: shop.lat + (km / 110.574) * Math.cos(bearing), lon: shop.lon + (km / (111.32 * Math.cos((shop.lat * Math.PI) / 180))) * Math.sin(bearing) };
        if (distanceKm(place, shop) > radiusKm) return;
        expect(cellsWithin(place, radiusKm)).toContain(cellOf(shop));
      }),
      { numRuns: 500 },
    );
    // Few cells: about (2 × 30 km / 55 km + 1) × (2 × 30 km / 40 km + 1) for 30 km in Toulouse.
    expect(cellsWithin(TOULOUSE, 30).length).toBeLessThanOrEqual(9);
    expect(cellsWithin(TOULOUSE, 1)).toEqual(['43.5_1.0']);
  });

  describe('as a source', () => {
    let reads: string[];
    const files = packaged();
    const read = async (path: string) => {
      reads.push(path);
      const file = files.get(path);
      if (file === undefined) throw new Error(`no ${path} in the package`);
      return JSON.parse(file);
    };
    const live = () => openStreetMap('https://overpass.example.org/api/');
    const query = { isbn13: '9782070360024', place: TOULOUSE, radiusKm: 30, country: 'fr' };
    beforeEach(() => {
      reads = [];
    });

    it('reads the index once and only the cells within the radius that have a file, and gives the shops within it', async () => {
      const source = packagedDirectory(read, live());
      expect([source.id, source.kind, source.perBook, source.fallback?.id]).toEqual(['openstreetmap', 'directory', false, 'openstreetmap']);
      expect((await source.readPackaged(query))?.map((shop) => [shop.id, shop.name, shop.stock])).toEqual([
        ['openstreetmap:node/900001', 'Librairie du Capitole (démo)', 'unknown'],
        ['openstreetmap:node/900002', 'Bulles et Cases (démo)', 'unknown'],
        ['openstreetmap:way/900003', 'Le Grenier à Livres (démo)', 'unknown'],
      ]);
      expect(reads).toEqual(['index.json', 'cells/43.5_1.0.json']);
      // A radius that leaves out the shop 3.8 km away; a place whose cells have no file: nothing, and nothing read.
      expect((await source.readPackaged({ ...query, radiusKm: 2 }))?.map((shop) => shop.name)).toEqual(['Librairie du Capitole (démo)', 'Bulles et Cases (démo)']);
      expect(await source.readPackaged({ ...query, place: { lat: 44.5, lon: 2.5 } })).toEqual([]);
      expect(reads).toEqual(['index.json', 'cells/43.5_1.0.json', 'cells/43.5_1.0.json']);
    });

    it('covers only its countries: a place elsewhere, or in no known country, is for the live query', async () => {
      const source = packagedDirectory(read, live());
      expect(await source.readPackaged({ ...query, country: 'es' })).toBeNull();
      expect(await source.readPackaged({ ...query, country: undefined })).toBeNull();
      expect((await source.readPackaged({ ...query, place: { lat: 51.51, lon: -0.13 }, country: 'gb' }))?.map((shop) => shop.name).sort()).toEqual(['Bloomsbury Pages (demo)', 'Covent Garden Books (demo)', 'Westminster Bookroom (demo)']);
    });

    it('covers nothing without a readable index (a build without a directory), and fails on a cell it lists but cannot give', async () => {
      expect(await packagedDirectory(async () => ({ version: 1 }), live()).readPackaged(query)).toBeNull();
      expect(await packagedDirectory(() => Promise.reject(new Error('no such file')), live()).readPackaged(query)).toBeNull();
      const broken = packagedDirectory(async (path) => (path === PACKAGED_INDEX ? read(path) : { cell: '43.5_1.0', shops: 'none' }), live());
      await expect(broken.readPackaged(query)).rejects.toThrow();
    });
  });
});

describe('the directory as a source', () => {
  let source: ReturnType<typeof bookshopDirectory>;
  beforeEach(() => {
    source = bookshopDirectory('https://books.example.org/directory', openStreetMap('https://overpass.example.org/api/'));
  });
  const query = { isbn13: '9782070360024', place: TOULOUSE, radiusKm: 30, country: 'fr' };
  const cell = (country: string, shops: unknown[]) => ({ version: 1, country, dataDate: '2026-11-30T09:12:45Z', attribution: '© OpenStreetMap contributors', license: 'ODbL-1.0', cell: '43.5_1.0', shops });

  it('asks the file of the place’s cell in its country, under the address given with or without its last slash', () => {
    expect(source.request(query)).toEqual({ url: 'https://books.example.org/directory/fr/cells/43.5_1.0.json', cacheKey: 'https://books.example.org/directory/fr/cells/43.5_1.0.json' });
    // No country known: no such file (and the live query answers).
    expect(source.request({ ...query, country: undefined }).url).toBe('https://books.example.org/directory/none/cells/43.5_1.0.json');
    expect([source.id, source.kind, source.perBook, source.fallback?.id]).toEqual(['openstreetmap', 'directory', false, 'openstreetmap']);
  });

  it('reads each shop as the list shows it, its texts cleaned again, and drops one whose name is no text', () => {
    const shops = source.shops(cell('fr', [
      { osm: 'node/1', name: ' Le\u0007  Livre ', lat: 43.6, lon: 1.44, street: '1 rue X', postcode: '31000', city: 'Toulouse', phone: '05 61', website: 'javascript:alert(1)', hours: 'Mo 10:00-12:00' },
      { osm: 'node/2', name: '\u0007', lat: 43.6, lon: 1.44 },
    ]), query);
    expect(shops).toEqual([
      { id: 'openstreetmap:node/1', sourceId: 'openstreetmap', name: 'Le Livre', address: { street: '1 rue X', postalCode: '31000', city: 'Toulouse' }, location: { lat: 43.6, lon: 1.44 }, phone: '05 61', website: undefined, openingHours: 'Mo 10:00-12:00', stock: 'unknown', isbn13: null, links: {} },
    ]);
  });

  it('reads no file of another country’s directory, nor anything that is not a directory file', () => {
    expect(source.shops(cell('es', []), query)).toBeNull();
    expect(source.shops({ shops: [] }, query)).toBeNull();
    expect(source.shops(cell('fr', []), query)).toEqual([]);
  });
});

describe('reading the directory in a lookup', () => {
  let now: number;
  let requests: string[];
  let cache = memoryLookupCache();
  const lookup = () =>
    createLookup({
      fetch,
      sleep: async () => {},
      sources: [bookshopDirectory(`${server.url}directory/`, openStreetMap(server.url))],
      cache,
      now: () => now,
      onRequest: (url) => requests.push(url.slice(server.url.length)),
    });
  const toulouse = (place = { ...TOULOUSE, country: 'fr' }) => ({ isbn13: '9782070360024', editions: [], storefront: 'amazon.fr', place, radiusKm: 30 });

  beforeEach(() => {
    now = Date.UTC(2026, 11, 2);
    requests = [];
    cache = memoryLookupCache();
  });

  it('reads the place’s cell and asks Overpass nothing; a week later, the cell again', async () => {
    const result = await lookup()(toulouse());
    expect(requests).toEqual(['directory/fr/cells/43.5_1.0.json']);
    expect(result.sources).toEqual([{ sourceId: 'openstreetmap', name: 'OpenStreetMap', kind: 'directory', state: 'ok' }]);
    expect(result.shops.map((shop) => [shop.id, shop.name, shop.distanceKm])).toEqual([
      ['openstreetmap:node/900001', 'Librairie du Capitole (démo)', 0.6],
      ['openstreetmap:node/900002', 'Bulles et Cases (démo)', 1.4],
      ['openstreetmap:way/900003', 'Le Grenier à Livres (démo)', 3.8],
    ]);
    // Another place in the same cell: the same file, from the cache.
    await lookup()(toulouse({ lat: 43.65, lon: 1.38, country: 'fr' }));
    now += 8 * 24 * 3600_000;
    await lookup()(toulouse());
    expect(requests).toEqual(['directory/fr/cells/43.5_1.0.json', 'directory/fr/cells/43.5_1.0.json']);
  });

  it.each([
    ['unreachable', { directory: 'server-error' }, toulouse()],
    ['not a directory file', { directory: 'html' }, toulouse()],
    ['a country it has no file for', {}, toulouse({ ...TOULOUSE, country: 'es' })],
  ] as const)('falls back to Overpass when the directory is %s, once per area a week, and asks the directory again an hour later', async (_what, scenario, request) => {
    server.setScenario(scenario);
    const first = await lookup()(request);
    expect(first.sources.map((s) => [s.sourceId, s.state])).toEqual([['openstreetmap', 'ok']]);
    expect(first.shops.map((shop) => shop.name)).toContain('Librairie du Capitole (démo)');
    // Within the hour: the directory is not waited for again, and Overpass's answer is kept.
    now += 59 * 60_000;
    await lookup()(request);
    const asked = (prefix: string) => requests.filter((url) => url.startsWith(prefix)).length;
    expect([asked('directory/'), asked('interpreter')]).toEqual([1, 1]);
    // An hour on: the directory again (still failing here), Overpass still from its week's cache.
    now += 2 * 60_000;
    await lookup()(request);
    expect([asked('directory/'), asked('interpreter')]).toEqual([2, 1]);
  });
});

describe('the packaged directory in a lookup', () => {
  const now = Date.UTC(2026, 11, 2);
  const near = (place: { lat: number; lon: number }, country: string) => ({ isbn13: '9782070360024', editions: [], storefront: 'amazon.co.uk', place: { ...place, country }, radiusKm: 30 });

  it('asks nothing and keeps nothing for a place it covers; asks Overpass once a week for a place it does not', async () => {
    const requests: string[] = [];
    const cache = memoryLookupCache();
    const writes: string[] = [];
    const lookup = createLookup({
      fetch,
      sleep: async () => {},
      sources: [packagedDirectory(readFictionalDirectory, openStreetMap(server.url))],
      cache: { ...cache, set: async (key, entry) => (writes.push(key), cache.set(key, entry)) },
      now: () => now,
      onRequest: (url) => requests.push(url.slice(server.url.length)),
    });
    // The fictional directory covers the United Kingdom (made-up shops in London).
    const covered = await lookup(near(LONDON, 'gb'));
    expect(covered.sources).toEqual([{ sourceId: 'openstreetmap', name: 'OpenStreetMap', kind: 'directory', state: 'ok' }]);
    expect(covered.shops.map((shop) => [shop.name, shop.distanceKm])).toEqual([
      ['Covent Garden Books (demo)', 0.4],
      ['Bloomsbury Pages (demo)', 1.2],
      ['Westminster Bookroom (demo)', 1.4],
    ]);
    // And the list pages' free answer, from the package too.
    expect((await lookup.cachedOnly(near(LONDON, 'gb')))?.shops.length).toBe(3);
    expect([requests, writes]).toEqual([[], []]);
    // Not France: Overpass, once, then its cache.
    expect((await lookup(near(TOULOUSE, 'fr'))).shops.map((shop) => shop.name)).toContain('Librairie du Capitole (démo)');
    await lookup(near(TOULOUSE, 'fr'));
    expect(requests.map((url) => url.split('?')[0])).toEqual(['interpreter']);
  });

  it('reads the package when a campaign’s hosted directory cannot be read, before Overpass', async () => {
    const requests: string[] = [];
    server.setScenario({ directory: 'server-error' });
    const packaged = packagedDirectory(readFictionalDirectory, openStreetMap(server.url));
    const lookup = createLookup({ fetch, sleep: async () => {}, sources: [bookshopDirectory(`${server.url}directory/`, packaged)], cache: memoryLookupCache(), now: () => now, onRequest: (url) => requests.push(url.slice(server.url.length)) });
    const result = await lookup(near(LONDON, 'gb'));
    expect(result.shops.map((shop) => shop.name).sort()).toEqual(['Bloomsbury Pages (demo)', 'Covent Garden Books (demo)', 'Westminster Bookroom (demo)']);
    expect(requests).toEqual(['directory/gb/cells/51.5_-0.5.json']);
  });

  it('says a package it cannot read is broken, not that there are no shops', async () => {
    const broken = packagedDirectory(async (path) => (path === PACKAGED_INDEX ? readFictionalDirectory(path) : '<html>'), openStreetMap(server.url));
    const result = await createLookup({ fetch, sources: [broken], cache: memoryLookupCache(), now: () => now })(near(LONDON, 'gb'));
    expect(result.sources.map((source) => source.state)).toEqual(['bad-data']);
  });
});
