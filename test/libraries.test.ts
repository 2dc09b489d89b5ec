// Public libraries that can lend the book: the UK catalogues' adapter on answers shaped from the public
// evidence (stand-ins/payloads.ts), the libraries the package places, and the one lookup that asks them
// (only from the popup, once per book and library service a day, never counted as shops).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceOfOperator } from '../src/directory/build';
import { createLookup, type LookupDeps } from '../src/lookup/lookup';
import { shopsCounted, summarize } from '../src/lookup/summary';
import { fetchJson } from '../src/networks/fetch-source';
import { libraryBooksUk, libraryKey } from '../src/networks/librarybooks-uk';
import { openStreetMap } from '../src/networks/overpass';
import { packagedDirectory, packagedLibraries } from '../src/networks/packaged-directory';
import type { NearbyLibrary, SourceFailure, SourceQuery } from '../src/networks/source';
import type { Shop } from '../src/shops/shop';
import { CAMDEN, DEMO_BOOKS, LONDON } from '../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
import { readFictionalDirectory } from './fixtures';
import { memoryLookupCache } from './memory-cache';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());
beforeEach(() => server.setScenario('ok'));

const LONDON_QUERY: SourceQuery = { isbn13: DEMO_BOOKS.inStock, place: LONDON, radiusKm: 10, country: 'gb' };
const librariesNear = packagedLibraries(readFictionalDirectory);

function listOf(shops: Shop[] | null | SourceFailure): Shop[] {
  if (!Array.isArray(shops)) throw new Error(`expected shops, got ${JSON.stringify(shops)}`);
  return shops;
}

describe('the libraries the package places', () => {
  it('reads London’s libraries within the radius, nearest first, each with its library service', async () => {
    const libraries = await librariesNear(LONDON_QUERY);
    expect(libraries.map((library) => [library.shop.name, library.shop.kind, library.service])).toEqual([
      // Its operator names no service the catalogues know: placed, never asked about.
      ['Riverside Reading Room (demo)', 'library', undefined],
      ['Holborn Library (demo)', 'library', 'E09000007'],
      ['Marylebone Library (demo)', 'library', 'E09000033'],
      ['Kentish Town Library (demo)', 'library', 'E09000007'],
    ]);
    expect(await librariesNear({ ...LONDON_QUERY, radiusKm: 1.05 })).toHaveLength(1);
    // A country the package does not cover has none (no library source is asked there).
    expect(await librariesNear({ ...LONDON_QUERY, country: 'fr' })).toEqual([]);
  });

  it('finds a library’s service from the council its operator tag names, word for word, the longest name first', () => {
    const services = [
      { code: 'E09000007', name: 'Camden' },
      { code: 'E06000014', name: 'York' },
      { code: 'E10000023', name: 'North Yorkshire' },
      { code: 'E06000022', name: 'Bath and North East Somerset' },
    ];
    expect(serviceOfOperator('London Borough of Camden', services)).toBe('E09000007');
    expect(serviceOfOperator('North Yorkshire County Council', services)).toBe('E10000023');
    expect(serviceOfOperator('City of York Council', services)).toBe('E06000014');
    expect(serviceOfOperator('Bath & North East Somerset Council', services)).toBe('E06000022');
    // Not a word of it ("Yorkshire Libraries" is not York's), or no operator: no service.
    expect(serviceOfOperator('Yorkshire Libraries', services)).toBeUndefined();
    expect(serviceOfOperator(undefined, services)).toBeUndefined();
  });

  it('never lists a library among the bookshops', async () => {
    const bookshops = await packagedDirectory(readFictionalDirectory, openStreetMap(server.url)).readPackaged(LONDON_QUERY);
    expect(bookshops!.map((shop) => shop.name)).not.toContain('Holborn Library (demo)');
    expect(bookshops!.every((shop) => shop.kind === undefined)).toBe(true);
  });
});

describe('the UK library catalogues (Libraries Hacked)', () => {
  const source = () => libraryBooksUk(server.url);
  async function answer(query: SourceQuery) {
    const outcome = await fetchJson(source().request(query).url, { fetch, sleep: async () => {} });
    if (!outcome.ok) throw new Error(outcome.problem);
    return source().shops(outcome.data, query);
  }

  it('asks for the book in the library service of the nearest library that names one, by its code, and nothing else', async () => {
    const query = { ...LONDON_QUERY, libraries: await librariesNear(LONDON_QUERY) };
    expect(source().request(query).url).toBe(`${server.url}api/availability/9782070360024?service=E09000007`);
    expect(source().answers!(query)).toBe(true);
    // No library with a service nearby: nothing to ask.
    expect(source().answers!({ ...query, libraries: [] })).toBe(false);
    expect(source()).toMatchObject({ kind: 'library', countries: ['gb'], onDemand: true });
  });

  it('reads each branch that has it: on the shelf, or every copy on loan, placed where the package has it', async () => {
    const query = { ...LONDON_QUERY, libraries: await librariesNear(LONDON_QUERY) };
    const shops = listOf(await answer(query));
    expect(shops.map((shop) => [shop.name, shop.kind, shop.stock, shop.location])).toEqual([
      ['Holborn Library (demo)', 'library', 'in-stock', { lat: 51.5179, lon: -0.1197 }],
      // The catalogue writes it in capitals and its counts as text: the same branch.
      ['Kentish Town Library (demo)', 'library', 'on-loan', { lat: 51.5503, lon: -0.1408 }],
    ]);
    expect(shops[0]!.links).toEqual({
      book: 'https://catalogue.camden.invalid/cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ?NRECS=1&ISBN=9782070360024',
      reserve: 'https://catalogue.camden.invalid/cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ?NRECS=1&ISBN=9782070360024',
    });
    expect(shops[1]!.phone).toBe('+44 20 7000 0102');
  });

  it('lists a branch the package does not know without a point, and a book the service does not hold as no branch', async () => {
    const onlyHolborn: NearbyLibrary[] = (await librariesNear(LONDON_QUERY)).filter((library) => library.shop.name.startsWith('Holborn'));
    const shops = listOf(await answer({ ...LONDON_QUERY, libraries: onlyHolborn }));
    expect(shops.map((shop) => [shop.name, shop.location])).toEqual([
      ['Holborn Library (demo)', { lat: 51.5179, lon: -0.1197 }],
      ['KENTISH TOWN LIBRARY (DEMO)', null],
    ]);
    expect(listOf(await answer({ ...LONDON_QUERY, isbn13: DEMO_BOOKS.nowhere, libraries: onlyHolborn }))).toEqual([]);
  });

  it('says the catalogue could not be read, rather than "no copy", when the API caught an error', async () => {
    server.setScenario({ libraries: 'catalogue-exception' });
    expect(await answer({ ...LONDON_QUERY, libraries: await librariesNear(LONDON_QUERY) })).toEqual({ problem: 'source-error' });
  });

  it('reads nothing from an answer of another shape', async () => {
    const query = { ...LONDON_QUERY, libraries: await librariesNear(LONDON_QUERY) };
    expect(source().shops({ availability: [] }, query)).toBeNull();
    expect(source().shops([], query)).toBeNull();
    expect(source().shops([{ code: CAMDEN.code, availability: 'none' }], query)).toBeNull();
    // Another service's answer is not this one's.
    expect(source().shops([{ code: 'E09000033', availability: [{ library: 'Marylebone Library (demo)', available: 1 }] }], query)).toBeNull();
    // A branch without a name, or with nothing but nonsense counts, is left out; the rest is read.
    expect(listOf(source().shops([{ code: CAMDEN.code, availability: [{ available: 1 }, { library: 'X', available: -3, unavailable: 'many' }, { library: 'Y Library', available: 2 }] }], query)).map((shop) => [shop.name, shop.stock])).toEqual([['Y Library', 'in-stock']]);
  });

  it('matches a branch by its name, whatever the words around it', () => {
    expect(libraryKey('KENTISH TOWN LIBRARY (DEMO)')).toBe(libraryKey('Kentish Town Library (demo)'));
    expect(libraryKey('Swiss Cottage Community Library')).toBe(libraryKey('Swiss Cottage'));
    expect(libraryKey('Holborn')).not.toBe(libraryKey('Highgate'));
  });
});

describe('libraries in the lookup', () => {
  let now = 0;
  let requests: string[];
  let cache: ReturnType<typeof memoryLookupCache>;
  beforeEach(() => {
    now = new Date(2026, 11, 7, 10, 0).getTime();
    requests = [];
    cache = memoryLookupCache();
  });
  const makeLookup = (more: Partial<LookupDeps> = {}) =>
    createLookup({
      fetch,
      sleep: async () => {},
      sources: [packagedDirectory(readFictionalDirectory, openStreetMap(server.url)), libraryBooksUk(server.url)],
      librariesNear,
      cache,
      now: () => now,
      onRequest: (url) => requests.push(url.slice(server.url.length)),
      ...more,
    });
  const london = (more = {}) => ({ isbn13: DEMO_BOOKS.inStock, editions: [DEMO_BOOKS.inStock], storefront: 'amazon.co.uk', place: { ...LONDON, country: 'gb' }, radiusKm: 10, ...more });

  it('asks the catalogue only once the popup is open, then once per book and service a day', async () => {
    const onPage = await makeLookup()(london());
    expect(requests).toEqual([]);
    expect(onPage.sources.map((s) => s.sourceId)).toEqual(['openstreetmap']);

    const lookup = makeLookup();
    const inPopup = await lookup(london({ fromPopup: true }));
    expect(requests).toEqual(['api/availability/9782070360024?service=E09000007']);
    expect(inPopup.sources.map((s) => [s.sourceId, s.kind, s.state])).toEqual([['openstreetmap', 'directory', 'ok'], ['librarybooks-uk', 'library', 'ok']]);
    expect(inPopup.shops.filter((shop) => shop.kind === 'library').map((shop) => [shop.name, shop.stock, shop.distanceKm])).toEqual([
      ['Holborn Library (demo)', 'in-stock', 1.1],
      ['Kentish Town Library (demo)', 'on-loan', 4.5],
    ]);
    // Two libraries that lend it, no shop counted for them.
    const summary = summarize(inPopup);
    expect([summary.toBorrow, summary.onLoan, shopsCounted(summary)]).toEqual([1, 1, 0]);

    await lookup(london({ fromPopup: true }));
    now += 23 * 3600_000;
    await lookup(london({ fromPopup: true }));
    expect(requests).toHaveLength(1);
    now += 2 * 3600_000;
    await lookup(london({ fromPopup: true }));
    expect(requests).toHaveLength(2);
  });

  it('asks no catalogue where the package places no library with a service, nor for other editions', async () => {
    await makeLookup({ librariesNear: async () => [] })(london({ fromPopup: true }));
    expect(requests).toEqual([]);
    // A book no branch holds: the catalogue answers, and no other edition is asked of it.
    const result = await makeLookup()(london({ fromPopup: true, isbn13: DEMO_BOOKS.nowhere, editions: [DEMO_BOOKS.nowhere, DEMO_BOOKS.otherEdition] }));
    expect(requests).toEqual([`api/availability/${DEMO_BOOKS.nowhere}?service=E09000007`]);
    expect(result.shops.some((shop) => shop.kind === 'library')).toBe(false);
  });
});

describe('the UK catalogues’ answers, branch by branch', () => {
  const source = () => libraryBooksUk(server.url);
  const queryNear = async () => ({ ...LONDON_QUERY, libraries: await librariesNear(LONDON_QUERY) });
  const answerWith = (availability: unknown[], more: object = {}) => [{ service: 'Camden', code: CAMDEN.code, availability, ...more }];

  it('places a branch the catalogue names in short ("HOLBORN") at the package’s library, and only among its own service’s', async () => {
    const shops = listOf(source().shops(answerWith([
      { library: 'HOLBORN', available: 1, unavailable: 0 },
      // Westminster's library, in Camden's answer: not placed at Westminster's point.
      { library: 'Marylebone Library (demo)', available: ' 2 ', unavailable: 0 },
      // Too short to be matched by a part of a name.
      { library: 'Hol', available: 0, unavailable: '3' },
    ]), await queryNear()));
    expect(shops.map((shop) => [shop.id, shop.name, shop.stock, shop.location, shop.address])).toEqual([
      ['librarybooks-uk:node/930001', 'Holborn Library (demo)', 'in-stock', { lat: 51.5179, lon: -0.1197 }, { city: 'London', postalCode: undefined, street: undefined }],
      ['librarybooks-uk:E09000007:marylebonedemo', 'Marylebone Library (demo)', 'in-stock', null, { country: 'GB' }],
      ['librarybooks-uk:E09000007:hol', 'Hol', 'on-loan', null, { country: 'GB' }],
    ]);
  });

  it('reads one service’s answer among others, and fails only when no entry could read its catalogue', async () => {
    const query = await queryNear();
    const other = { service: 'Westminster', code: 'E09000033', availability: [{ library: 'Marylebone Library (demo)', available: 4 }] };
    expect(listOf(source().shops([other, ...answerWith([{ library: 'Holborn Library (demo)', available: 1 }])], query)).map((shop) => shop.name)).toEqual(['Holborn Library (demo)']);
    // One entry failed, another answered: the answer stands.
    expect(listOf(source().shops([...answerWith([], { exception: {} }), ...answerWith([{ library: 'Holborn Library (demo)', unavailable: 1 }])], query)).map((shop) => shop.stock)).toEqual(['on-loan']);
    // An entry that failed yet listed branches is read.
    expect(listOf(source().shops(answerWith([{ library: 'Holborn Library (demo)', available: 1 }], { exception: {} }), query))).toHaveLength(1);
    expect(source()).toMatchObject({ perBook: true });
  });
});
