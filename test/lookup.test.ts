// The lookup: sources in parallel, merged, within the radius, sorted; cached; one request per book per
// source however many tabs ask; other editions when the exact one is nowhere nearby.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shopsCounted, summarize } from '../src/lookup/summary';
import { createLookup, type LookupDeps } from '../src/lookup/lookup';
import { isbn13CheckDigit } from '../src/book/isbn';
import { openStreetMap } from '../src/networks/overpass';
import { placeDesLibraires } from '../src/networks/place-des-libraires';
import type { ShopSource } from '../src/networks/source';
import type { Shop } from '../src/shops/shop';
import { DEMO_BOOKS, TOULOUSE } from '../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
import { memoryLookupCache } from './memory-cache';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());

let now: number;
let cache: ReturnType<typeof memoryLookupCache>;
let requests: string[];
const makeLookup = (more: Partial<LookupDeps> = {}) =>
  createLookup({
    fetch,
    sleep: async () => {},
    sources: [placeDesLibraires({ id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: server.url }), openStreetMap(server.url)],
    cache,
    now: () => now,
    onRequest: (url) => requests.push(url),
    ...more,
  });
const request = (isbn13: string = DEMO_BOOKS.inStock, editions: string[] = [isbn13]) => ({ isbn13, editions, storefront: 'amazon.fr', place: TOULOUSE, radiusKm: 30 });

beforeEach(() => {
  server.setScenario('ok');
  now = new Date(2026, 10, 26, 10, 0).getTime();
  cache = memoryLookupCache();
  requests = [];
});

describe('the lookup', () => {
  it('asks no stock network for a place none of them covers, and says stock is unknown rather than "none has it"', async () => {
    const london = { ...request(), storefront: 'amazon.co.uk', place: { lat: 51.51, lon: -0.13, country: 'gb' } };
    const result = await makeLookup()(london);
    expect(requests.some((url) => url.includes('getshoplist.php'))).toBe(false);
    expect(result.stockCovered).toBe(false);
    expect(result.sources.map((s) => [s.sourceId, s.state])).toEqual([['openstreetmap', 'ok']]);
    expect(result.shops.map((s) => [s.name, s.stock])).toEqual([
      ['Covent Garden Books (demo)', 'unknown'],
      ['Bloomsbury Pages (demo)', 'unknown'],
      ['Westminster Bookroom (demo)', 'unknown'],
    ]);
    // In France the network is asked, and covers the place.
    expect((await makeLookup()({ ...request(), place: { ...TOULOUSE, country: 'fr' } })).stockCovered).toBe(true);
  });

  it('does not keep an Overpass runtime error as "no bookshops here": the next book asks again', async () => {
    server.setScenario({ openstreetmap: 'overpass-remark' });
    const lookup = makeLookup();
    const first = await lookup(request());
    expect(first.sources.find((s) => s.sourceId === 'openstreetmap')).toMatchObject({ state: 'source-error', detail: { body: expect.stringMatching(/^runtime error: Query timed out/) } });
    server.setScenario('ok');
    const second = await lookup(request(DEMO_BOOKS.nowhere));
    expect(second.sources.find((s) => s.sourceId === 'openstreetmap')).toMatchObject({ state: 'ok' });
    expect(requests.filter((url) => url.includes('/interpreter'))).toHaveLength(2);
    expect(second.shops.map((s) => s.name)).toContain('Bulles et Cases (démo)');
  });

  it('asks no host the browser does not let it ask, and names the permission to ask for', async () => {
    const lookup = makeLookup({ missingPermission: async (url) => (url.includes('/interpreter') ? 'https://overpass-api.de/*' : null) });
    const result = await lookup(request());
    expect(result.sources.find((s) => s.sourceId === 'openstreetmap')).toMatchObject({ state: 'needs-permission', origin: 'https://overpass-api.de/*' });
    expect(requests.some((url) => url.includes('/interpreter'))).toBe(false);
    expect(shopsCounted(summarize(result))).toBe(3);
  });

  it('counts every open network shop that has the book when all of them give one phone number', async () => {
    server.setScenario('shared-phone');
    const result = await makeLookup()(request());
    expect(shopsCounted(summarize(result))).toBe(3);
    expect(result.shops.filter((s) => s.sourceId === 'placedeslibraires' && s.stock !== 'out-of-stock').map((s) => s.name)).toEqual([
      'Librairie Saint-Honoré (démo)',
      'Librairie du Capitole (démo)',
      'La Page Blanche (démo)',
      'Au Fil des Pages (démo)',
    ]);
  });

  it('lists the shops within the radius, those with the book first, then by distance, those closed for holidays last, each shop once', async () => {
    const result = await makeLookup()(request());
    expect(result.shops.map((s) => [s.name, s.stock, s.distanceKm])).toEqual([
      ['Librairie Saint-Honoré (démo)', 'in-stock', 0.5],
      ['Librairie du Capitole (démo)', 'in-stock', 0.6],
      ['La Page Blanche (démo)', 'preorder', 1.4],
      ['Bulles et Cases (démo)', 'unknown', 1.4],
      ['Le Grenier à Livres (démo)', 'unknown', 3.8],
      // The network's shops that answered they do not have it: after those that may.
      ['Librairie de la Garonne (démo)', 'out-of-stock', 0.4],
      ['Librairie des Carmes (démo)', 'out-of-stock', 0.4],
      ['L’Œil à la Page (démo)', 'out-of-stock', 0.6],
      ['Le Chat Lettré (démo)', 'out-of-stock', 1.1],
      ['Au Fil des Pages (démo)', 'in-stock', 17.9],
    ]);
    // The one summary the badge, the card and the popup speak from: the shop on holiday is not counted.
    expect(summarize(result)).toEqual({
      verdict: 'has-it',
      thisEdition: 3,
      otherEdition: 0,
      onHoliday: 1,
      stockUnknown: 2,
      notInStock: 4,
      toBorrow: 0,
      onLoan: 0,
    });
    // The network's shop and the map's are one; the map adds the opening hours.
    expect(result.shops[1]).toMatchObject({ id: 'placedeslibraires:9101', openingHours: 'Tu-Sa 10:00-19:00' });
    expect(result.sources.map((s) => [s.sourceId, s.state])).toEqual([['placedeslibraires', 'ok'], ['openstreetmap', 'ok']]);
    expect(result.portals.map((p) => p.id)).toEqual(['librairiesindependantes', 'leslibraires-fr', 'placedeslibraires']);
  });

  it('asks each source once for ten tabs showing the same book at the same time', async () => {
    const lookup = makeLookup();
    await Promise.all(Array.from({ length: 10 }, () => lookup(request())));
    expect(requests).toHaveLength(2);
  });

  it('asks each source once per book for fifty tabs of ten books opened at once, with a cache that takes its time', async () => {
    // Storage answers after a few milliseconds, as the browser's does: a tab whose cache read is under way
    // when another tab's request ends must still not ask again.
    const slow = memoryLookupCache();
    const later = <T>(value: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), 1 + Math.random() * 30));
    cache = {
      ...slow,
      // Read when asked, answered later.
      get: (key) => {
        const entry = slow.entries.get(key) ?? null;
        return later(() => entry);
      },
      set: (key, entry) => later(() => void slow.entries.set(key, entry)),
    };
    const lookup = makeLookup();
    const books = Array.from({ length: 10 }, (_, i) => `9782070360${String(i).padStart(2, '0')}`).map((isbn12) => isbn12 + isbn13CheckDigit(isbn12));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, tab) => new Promise((resolve) => setTimeout(resolve, tab * 3)).then(() => lookup(request(books[tab % 10]!)))),
    );
    expect(results.every((result) => result.sources.every((source) => source.state === 'ok'))).toBe(true);
    const perBook = requests.filter((url) => url.includes('getshoplist.php'));
    expect(perBook).toHaveLength(10);
    expect(new Set(perBook).size).toBe(10);
    expect(requests.filter((url) => url.includes('interpreter'))).toHaveLength(1);
  });

  it('still answers when the cache cannot keep the answer (storage full or broken)', async () => {
    cache = { ...memoryLookupCache(), set: async () => Promise.reject(new Error('Resource::kQuotaBytes quota exceeded')), setBackoff: async () => Promise.reject(new Error('IO error')) };
    const result = await makeLookup()(request());
    expect(shopsCounted(summarize(result))).toBe(3);
  });

  it('answers from the cache until local midnight for stock, a week for the map', async () => {
    const lookup = makeLookup();
    await lookup(request());
    now += 6 * 60 * 60 * 1000; // 16:00 the same day
    const again = await lookup(request());
    expect(requests).toHaveLength(2);
    expect(again.sources.every((s) => s.fromCache)).toBe(true);
    now = new Date(2026, 10, 27).getTime(); // local midnight, to the millisecond: stock is stale, the map is not
    await lookup(request());
    expect(requests).toHaveLength(3);
    expect(requests[2]).toContain('getshoplist.php');
  });

  it('gives the cached answer without asking anyone, and nothing while any source would have to be asked', async () => {
    const lookup = makeLookup();
    expect(await lookup.cachedOnly(request())).toBeNull();
    expect(requests).toHaveLength(0);
    const asked = await lookup(request());
    const cached = await lookup.cachedOnly(request());
    expect(requests).toHaveLength(2);
    expect(cached?.shops).toEqual(asked.shops);
    expect(shopsCounted(summarize(cached!))).toBe(3);
    // The map's answer is still cached for another book, its stock is not: null, and still no request.
    expect(await lookup.cachedOnly(request(DEMO_BOOKS.nowhere))).toBeNull();
    now = new Date(2026, 10, 27).getTime(); // stock stale at midnight
    expect(await lookup.cachedOnly(request())).toBeNull();
    expect(requests).toHaveLength(2);
  });

  it('asks for another print edition when no shop nearby has this one, and says which edition a shop has', async () => {
    const result = await makeLookup()(request(DEMO_BOOKS.otherEditionOnly, [DEMO_BOOKS.otherEditionOnly, DEMO_BOOKS.otherEdition]));
    expect(result.editionsAsked).toEqual([DEMO_BOOKS.otherEdition]);
    expect(result.shops[0]).toMatchObject({ name: 'Librairie Saint-Honoré (démo)', isbn13: DEMO_BOOKS.otherEdition, stock: 'in-stock' });
    // Counted apart: the card and the popup say "1 bookshop near you has another edition of it".
    expect(summarize(result)).toMatchObject({ verdict: 'has-it', thisEdition: 0, otherEdition: 1 });
  });

  it('does not ask a stock network that just failed again for the other editions', async () => {
    server.setScenario({ placedeslibraires: 'server-error' });
    try {
      const result = await makeLookup()(request(DEMO_BOOKS.otherEditionOnly, [DEMO_BOOKS.otherEditionOnly, DEMO_BOOKS.otherEdition]));
      expect(result.editionsAsked).toEqual([]);
      expect(requests.filter((url) => url.includes(DEMO_BOOKS.otherEdition))).toEqual([]);
    } finally {
      server.setScenario('ok');
    }
  });

  it.each([
    ['forbidden', 'blocked'],
    ['html', 'not-json'],
    ['truncated', 'bad-json'],
    ['missing-fields', 'bad-data'],
    ['server-error', 'server-error'],
  ] as const)('keeps going when the sources answer %s, and says so per source', async (scenario, state) => {
    server.setScenario(scenario);
    const result = await makeLookup()(request());
    expect(result.sources.map((s) => s.state)).toEqual([state, state]);
    expect(result.shops).toEqual([]);
  });

  it('counts the shops it could not place on the map', async () => {
    server.setScenario('bad-coordinates');
    const result = await makeLookup()(request());
    expect(result.sources[0]).toMatchObject({ state: 'ok', unplaced: 3 });
  });

  it('waits as long as a rate-limited source asks before asking again', async () => {
    server.setScenario('rate-limited');
    const lookup = makeLookup();
    const first = await lookup(request());
    expect(first.sources[0]).toMatchObject({ state: 'rate-limited', retryAt: now + 120_000 });
    server.setScenario('ok');
    now += 60_000;
    const waiting = await lookup(request(DEMO_BOOKS.nowhere));
    expect(waiting.sources[0]).toMatchObject({ sourceId: 'placedeslibraires', state: 'rate-limited', retryAt: first.sources[0]!.retryAt });
    expect(requests.filter((r) => r.includes('getshoplist'))).toHaveLength(1);
    now += 60_000; // the very moment it may ask again
    await lookup(request(DEMO_BOOKS.nowhere));
    expect(requests.filter((r) => r.includes('getshoplist'))).toHaveLength(2);
  });

  it('ignores a damaged cache entry and asks again', async () => {
    const lookup = makeLookup();
    const first = await lookup(request());
    for (const [key, entry] of cache.entries) cache.entries.set(key, { ...entry, shops: [{ name: 42 }] as never });
    const result = await lookup(request());
    // The same shops as the first answer, asked again: nothing of the damaged entry.
    expect(result.shops).toEqual(first.shops);
    expect(first.shops.length).toBeGreaterThanOrEqual(2);
    expect(requests).toHaveLength(4);
  });
});

// Sources of the test's own making, for what the stand-ins' payloads cannot show.
describe('the lookup, with sources made for the case', () => {
  const nearby = { lat: TOULOUSE.lat + 0.01, lon: TOULOUSE.lon };
  const shop = (id: string, isbn13: string, more: Partial<Shop> = {}): Shop => ({ id, sourceId: 'test', name: id, address: {}, location: nearby, stock: 'in-stock', isbn13, links: {}, ...more });
  const madeSource = (id: string, more: Partial<ShopSource> = {}): ShopSource => ({
    id,
    name: `Network ${id}`,
    kind: 'stock',
    perBook: true,
    request: (query) => ({ url: `https://${id}.example/?isbn=${query.isbn13}`, cacheKey: `${id}:${query.isbn13}` }),
    shops: (data) => (data as { shops: Shop[] }).shops,
    expiresAt: (fetchedAt) => fetchedAt + 3_600_000,
    ...more,
  });
  /** A fetch that answers each source's shops for the ISBN asked, and notes the ISBNs asked. */
  const answering = (shopsFor: (host: string, isbn13: string) => Shop[], asked: string[] = []) =>
    (async (input: string) => {
      const url = new URL(input);
      asked.push(url.searchParams.get('isbn')!);
      return new Response(JSON.stringify({ shops: shopsFor(url.hostname, url.searchParams.get('isbn')!) }), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;

  it('counts as unplaced only the shops with no point, and says nothing of it for a source whose shops all have one', async () => {
    const lookup = createLookup({
      fetch: answering((host, isbn) => (host === 'a.example' ? [shop('a1', isbn), shop('a2', isbn), shop('a3', isbn), shop('a4', isbn, { location: null })] : [shop('b1', isbn)])),
      sources: [madeSource('a'), madeSource('b')],
      cache,
      now: () => now,
    });
    const result = await lookup(request());
    expect(result.sources[0]).toMatchObject({ sourceId: 'a', state: 'ok', unplaced: 1 });
    expect(result.sources[1]).toEqual({ sourceId: 'b', name: 'Network b', kind: 'stock', state: 'ok' });
  });

  it('gives up on a source at its own time limit, or at the one the caller sets', async () => {
    const hanging = (async (_input: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const started = Date.now();
    const own = await createLookup({ fetch: hanging, sources: [madeSource('a', { timeoutMs: 50 })], cache, now: () => now })(request());
    expect(own.sources[0]).toMatchObject({ state: 'timeout' });
    const callers = await createLookup({ fetch: hanging, timeoutMs: 50, sources: [madeSource('b', { timeoutMs: 60_000 })], cache, now: () => now })(request());
    expect(callers.sources[0]).toMatchObject({ state: 'timeout' });
    // Neither waited for the 8 s default, nor for the source's minute.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('asks at most three other editions, and none after the first a shop nearby has', async () => {
    const editions = ['9780575090675', '9780306406157', '9782070360024', '9782205057331', '9782205053210'];
    const [own, ...others] = editions;
    const none = await createLookup({ fetch: answering(() => []), sources: [madeSource('a')], cache, now: () => now })(request(own, editions));
    expect(none.editionsAsked).toEqual(others.slice(0, 3));
    const asked: string[] = [];
    // With a map beside it, whose shops (stock unknown) have no edition at all: they stop nothing.
    const map = madeSource('map', { kind: 'directory', perBook: false, request: () => ({ url: 'https://map.example/?isbn=none', cacheKey: 'map' }) });
    const shopsFor = (host: string, isbn: string) => (host === 'map.example' ? [shop('m1', isbn, { stock: 'unknown', isbn13: null })] : isbn === others[1] ? [shop('a1', isbn)] : []);
    const found = await createLookup({ fetch: answering(shopsFor, asked), sources: [madeSource('b'), map], cache, now: () => now })(request(own, editions));
    expect(found.editionsAsked).toEqual(others.slice(0, 2));
    expect(asked.filter((isbn) => isbn !== 'none')).toEqual([own, ...others.slice(0, 2)]);
    expect(found.shops.map((s) => [s.name, s.isbn13])).toEqual([['a1', others[1]], ['m1', null]]);
  });

  it('keeps a network shop that answered "not in stock" as such, one entry with its map entry, and replaces it where it has another edition', async () => {
    const editions = ['9780575090675', '9780306406157', '9782070360024'];
    const [own, other] = editions;
    const asked: string[] = [];
    const network = (id: string, isbn: string, stock: Shop['stock'], more: Partial<Shop> = {}) => shop(id, isbn, { sourceId: 'b', stock, ...more });
    const shopsFor = (host: string, isbn: string) =>
      host === 'map.example'
        ? // The map lists the Carmes too, 20 m away, with its hours and no stock.
          [shop('osm:carmes', isbn, { sourceId: 'map', name: 'Librairie des Carmes', stock: 'unknown', isbn13: null, location: { lat: nearby.lat + 0.0002, lon: nearby.lon }, openingHours: 'Tu-Sa 10:00-19:00' })]
        : [
            network('b:capitole', isbn, isbn === other ? 'in-stock' : 'out-of-stock', { name: 'Librairie du Capitole', location: { lat: nearby.lat - 0.01, lon: nearby.lon } }),
            network('b:carmes', isbn, 'out-of-stock', { name: 'Carmes' }),
          ];
    const map = madeSource('map', { kind: 'directory', perBook: false, request: () => ({ url: 'https://map.example/?isbn=none', cacheKey: 'map' }) });
    const result = await createLookup({ fetch: answering(shopsFor, asked), sources: [madeSource('b'), map], cache, now: () => now })(request(own, editions));
    expect(result.shops.map((s) => [s.id, s.stock, s.isbn13])).toEqual([
      ['b:capitole', 'in-stock', other],
      // The network's word wins over the map's "unknown"; the map adds the hours.
      ['b:carmes', 'out-of-stock', own],
    ]);
    expect(result.shops[1]!.openingHours).toBe('Tu-Sa 10:00-19:00');
    // The Carmes's "not in stock" of the other edition stopped nothing; the Capitole's copy did.
    expect(result.editionsAsked).toEqual([other]);
    expect(summarize(result)).toMatchObject({ verdict: 'has-it', thisEdition: 0, otherEdition: 1, notInStock: 1, stockUnknown: 0 });
  });

  it('says an answer it cannot read is of the wrong shape, whatever the adapter threw', async () => {
    const throwing = madeSource('a', {
      shops: () => {
        throw new TypeError('no shops here');
      },
    });
    const result = await createLookup({ fetch: answering(() => []), sources: [throwing], cache, now: () => now })(request());
    expect(result.sources[0]).toMatchObject({ state: 'bad-data' });
  });

  it('keeps what a refusing server said, for the shopper to pass on', async () => {
    const refusing = (async () => new Response('<h1>Access denied</h1>', { status: 403, headers: { server: 'cloudflare' } })) as typeof fetch;
    const result = await createLookup({ fetch: refusing, sources: [madeSource('a')], cache, now: () => now })(request());
    expect(result.sources[0]).toEqual({ sourceId: 'a', name: 'Network a', kind: 'stock', state: 'blocked', httpStatus: 403, detail: { server: 'cloudflare', body: '<h1>Access denied</h1>' } });
  });

  it('names the sources that cover a country, and only those', () => {
    const lookup = createLookup({ fetch, sources: [madeSource('fr-only', { countries: ['fr'] }), madeSource('anywhere')], cache, now: () => now });
    expect(lookup.sourcesFor('gb')).toEqual([{ id: 'anywhere', name: 'Network anywhere' }]);
    expect(lookup.sourcesFor('fr')).toEqual([
      { id: 'fr-only', name: 'Network fr-only' },
      { id: 'anywhere', name: 'Network anywhere' },
    ]);
  });
});
