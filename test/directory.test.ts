// The bookshop directory: built once from one Overpass answer per country (`npm run directory`), read by
// the extension one cell at a time, with Overpass as the fallback when it cannot be read.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDirectory, countryQuery } from '../src/directory/build';
import { CELL_DEGREES, cellOf, cellPath, DirectoryCell, DirectoryIndex, MARGIN_KM } from '../src/directory/schema';
import { createLookup } from '../src/lookup/lookup';
import { bookshopDirectory } from '../src/networks/directory';
import { openStreetMap } from '../src/networks/overpass';
import { distanceKm } from '../src/shops/geo';
import { overpassCountryAnswer, TOULOUSE } from '../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
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
    expect(countryQuery('fr')).toBe('[out:json][timeout:900];area["ISO3166-1"="FR"][admin_level=2]->.country;(node["shop"="books"](area.country);way["shop"="books"](area.country););out center tags;');
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
  it('writes the same files twice in a row, byte for byte, from the stand-in Overpass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'directory-'));
    try {
      const run = (out: string) => promisify(execFile)('node', ['--import', 'tsx', 'scripts/directory.ts', '--country', 'fr', '--overpass', server.url, '--out', join(dir, out)]);
      const first = await run('a');
      await run('b');
      expect(first.stdout).toMatch(/^fr: \d+ cells, \d+ files, [\d.]+ KB, data of 2026-11-30T09:12:45Z/);
      const list = (out: string) => readdirSync(join(dir, out, 'fr', 'cells')).sort();
      expect(list('b')).toEqual(list('a'));
      for (const name of ['index.json', ...list('a').map((file) => `cells/${file}`)]) {
        expect(readFileSync(join(dir, 'b', 'fr', name)), name).toEqual(readFileSync(join(dir, 'a', 'fr', name)));
      }
      // The Overpass query went out once per run, for the whole country.
      expect(server.requests.filter((url) => url.includes('ISO3166-1')).length).toBe(2);
      // From a saved answer: the same files.
      writeFileSync(join(dir, 'answer.json'), JSON.stringify(FRANCE));
      await promisify(execFile)('node', ['--import', 'tsx', 'scripts/directory.ts', '--country', 'fr', '--from', join(dir, 'answer.json'), '--out', join(dir, 'c')]);
      expect(readFileSync(join(dir, 'c', 'fr', 'index.json'))).toEqual(readFileSync(join(dir, 'a', 'fr', 'index.json')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
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
