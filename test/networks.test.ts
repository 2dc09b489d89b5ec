// The source adapters, driven through the local stand-in server: good answers and every fault.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchJson, realSleep, retryAfterSeconds } from '../src/networks/fetch-source';
import { openStreetMap, overpassQuery } from '../src/networks/overpass';
import { placeDesLibraires } from '../src/networks/place-des-libraires';
import { portalLinks } from '../src/networks/portal-links';
import type { SourceFailure } from '../src/networks/source';
import type { Shop } from '../src/shops/shop';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
import { DEMO_BOOKS, TOULOUSE } from '../stand-ins/payloads';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());
beforeEach(() => server.setScenario('ok'));

const deps = { fetch, sleep: async () => {} };

/** The shops an adapter read, failing the test when it answered null or a failure instead. */
function listOf(shops: Shop[] | null | SourceFailure): Shop[] {
  if (!Array.isArray(shops)) throw new Error(`expected shops, got ${JSON.stringify(shops)}`);
  return shops;
}
const query = { isbn13: DEMO_BOOKS.inStock, place: TOULOUSE, radiusKm: 30 };

async function pdlShops() {
  const source = placeDesLibraires({ id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: server.url });
  const outcome = await fetchJson(source.request(query).url, deps);
  return { outcome, shops: outcome.ok ? listOf(source.shops(outcome.data, query)) : null };
}

describe('Place des Libraires', () => {
  it('sends only the ISBN', () => {
    const source = placeDesLibraires({ id: 'pdl', name: 'PDL', baseUrl: 'https://www.placedeslibraires.fr' });
    expect(source.request(query).url).toBe('https://www.placedeslibraires.fr/getshoplist.php?ISBN=9782070360024');
  });

  it('keeps every shop of the network, as having the book or not, with string coordinates read as numbers', async () => {
    const { shops } = await pdlShops();
    expect(shops!.filter((s) => s.stock !== 'out-of-stock').map((s) => s.name)).toEqual([
      'Librairie du Capitole (démo)',
      'Librairie Saint-Honoré (démo)',
      'La Page Blanche (démo)',
      'Au Fil des Pages (démo)',
      'Librairie du Quai (démo)',
      'Le Bouquin Lyonnais (démo)',
    ]);
    // The others answered that they do not have it: kept as such, with only what names and places them.
    const without = shops!.filter((s) => s.stock === 'out-of-stock');
    expect(without.length).toBeGreaterThan(0);
    for (const shop of without) {
      const given = (value: object) => Object.entries(value).filter(([, v]) => v !== undefined).map(([key]) => key).sort();
      expect(given(shop).filter((key) => key !== 'phone')).toEqual(['address', 'id', 'isbn13', 'links', 'location', 'name', 'sourceId', 'stock']);
      expect(given(shop.address).every((key) => key === 'postalCode' || key === 'city')).toBe(true);
      expect(shop.links).toEqual({});
    }
    const having = shops!.filter((s) => s.stock !== 'out-of-stock');
    expect(having[0]).toMatchObject({ id: 'placedeslibraires:9101', location: { lat: 43.6045, lon: 1.4442 }, stock: 'in-stock', isbn13: DEMO_BOOKS.inStock });
    expect(having[2]!.stock).toBe('preorder');
    expect(having[3]!.closedForHolidays).toBe(true);
    expect(having[0]!.links.book).toBe(`${server.url}livre/${DEMO_BOOKS.inStock}`);
  });

  it('decodes the HTML entities the network writes into characters, in every text field, never into markup', () => {
    const source = placeDesLibraires({ id: 'pdl', name: 'PDL', baseUrl: 'https://www.placedeslibraires.fr' });
    const raw = {
      id: '2661',
      name: 'Librairie Saint-Honor&eacute; &amp; fils',
      address: '3, place de la R&eacute;publique &#8211; 1&#xE8;re &agrave; droite',
      postalCode: '31000',
      city: 'Saint-&Eacute;tienne&nbsp;du&nbsp;Rouvray',
      phone: '05&#160;61',
      logo: '',
      latitude: '43.60',
      longitude: '1.44',
      stockAvailablility: true,
      precommande: false,
      vacances: false,
    };
    const [shop] = listOf(source.shops({ shop: [raw] }, query));
    expect(shop).toMatchObject({
      name: 'Librairie Saint-Honoré & fils',
      address: { street: '3, place de la République – 1ère à droite', city: 'Saint-Étienne du Rouvray', postalCode: '31000' },
      phone: '05 61',
    });
    const second = listOf(source.shops({ shop: [{ ...raw, id: '2662', name: 'L&rsquo;&OElig;il &lt;b&gt;gras&lt;/b&gt; &amp;eacute;' }] }, query))[0]!;
    // Decoded once: "&amp;eacute;" is the text "&eacute;", and "<b>" is visible text, not a tag.
    expect(second.name).toBe('L’Œil <b>gras</b> &eacute;');
  });

  describe('one shop as the network writes it', () => {
    const source = placeDesLibraires({ id: 'pdl', name: 'PDL', baseUrl: 'https://www.placedeslibraires.fr' });
    const raw = { id: '1', name: 'Librairie X', address: '1 rue Y', postalCode: '31000', city: 'Toulouse', phone: '', logo: '', latitude: '43.6', longitude: '1.44', stockAvailablility: '1', precommande: '0', vacances: '0' };
    const one = (changes: Record<string, unknown>) => listOf(source.shops({ shop: [{ ...raw, ...changes }] }, query))[0];

    // Latitude and longitude written the wrong way round: put back only where the postcode says
    // mainland France and only the swapped point is in France.
    it.each([
      [{ latitude: '1.44', longitude: '43.6' }, { lat: 43.6, lon: 1.44 }], // Toulouse, swapped
      [{ latitude: '9.45', longitude: '42.7' }, { lat: 42.7, lon: 9.45 }], // Bastia (Corsica), swapped
      [{ latitude: '43.6', longitude: '1.44' }, { lat: 43.6, lon: 1.44 }], // right already
      [{ latitude: '1.44', longitude: '43.6', postalCode: '97400' }, { lat: 1.44, lon: 43.6 }], // overseas postcode: left as given
      [{ latitude: '1.44', longitude: '43.6', postalCode: 'B-1000' }, { lat: 1.44, lon: 43.6 }], // not a French postcode
      [{ latitude: '1.44', longitude: '43.6', postalCode: '' }, { lat: 1.44, lon: 43.6 }], // no postcode
      [{ latitude: '-21.1', longitude: '55.5', postalCode: '97400' }, { lat: -21.1, lon: 55.5 }], // La Réunion, right
      [{ latitude: '55.5', longitude: '-21.1' }, { lat: 55.5, lon: -21.1 }], // neither way in France: as given
      [{ latitude: '41.1', longitude: '9.0' }, { lat: 41.1, lon: 9 }], // just south of Corsica: not swapped (9.0, 41.1 is not in France)
      // Swapped, France's box would be just missed on each side: left as given.
      [{ latitude: '1.44', longitude: '51.3' }, { lat: 1.44, lon: 51.3 }],
      [{ latitude: '1.44', longitude: '41.1' }, { lat: 1.44, lon: 41.1 }],
      [{ latitude: '-5.4', longitude: '47.0' }, { lat: -5.4, lon: 47 }],
      [{ latitude: '9.8', longitude: '43.0' }, { lat: 9.8, lon: 43 }],
      // Postcodes: five digits exactly, and only 97/98 at the start mark the overseas ones.
      [{ latitude: '1.44', longitude: '43.6', postalCode: 'F-31000' }, { lat: 1.44, lon: 43.6 }],
      [{ latitude: '1.44', longitude: '43.6', postalCode: '310000' }, { lat: 1.44, lon: 43.6 }],
      [{ latitude: '1.44', longitude: '43.6', postalCode: '31970' }, { lat: 43.6, lon: 1.44 }],
    ])('%j → %j', (changes, expected) => {
      expect(one(changes)?.location).toEqual(expected);
    });

    it.each([
      [{ stockAvailablility: '1' }, 'in-stock'],
      [{ stockAvailablility: 1 }, 'in-stock'],
      [{ stockAvailablility: true }, 'in-stock'],
      [{ stockAvailablility: 'true' }, 'in-stock'],
      [{ stockAvailablility: '1', precommande: 'true' }, 'preorder'],
      [{ stockAvailablility: '1', precommande: 1 }, 'preorder'],
      [{ stockAvailablility: '0' }, 'out-of-stock'],
      [{ stockAvailablility: 'false' }, 'out-of-stock'],
      [{ stockAvailablility: 0 }, 'out-of-stock'],
      [{ stockAvailablility: '' }, 'out-of-stock'],
      [{ stockAvailablility: null }, 'out-of-stock'],
    ])('stock written %j: %s', (changes, expected) => {
      expect(one(changes)?.stock ?? 'absent').toBe(expected);
    });

    it('skips a shop with no id or no name', () => {
      expect(one({ id: '' })).toBeUndefined();
      expect(one({ name: '  ' })).toBeUndefined();
    });

    it('marks a shop on holiday whichever way the network writes "yes", and only then', () => {
      for (const yes of ['1', 1, true, 'true']) expect(one({ vacances: yes })?.closedForHolidays, String(yes)).toBe(true);
      for (const no of ['0', 0, false, 'false', '', null]) expect(one({ vacances: no })?.closedForHolidays, String(no)).toBeUndefined();
    });

    it('keeps the street, postcode and city apart, and links the book’s page for reserving', () => {
      expect(one({})).toMatchObject({ address: { street: '1 rue Y', postalCode: '31000', city: 'Toulouse', country: 'FR' }, links: { book: 'https://www.placedeslibraires.fr/livre/9782070360024', reserve: 'https://www.placedeslibraires.fr/livre/9782070360024' } });
    });
  });

  it('gives no point for empty, NaN or out-of-range coordinates, and swaps swapped ones back', async () => {
    server.setScenario('bad-coordinates');
    const { shops } = await pdlShops();
    const byName = Object.fromEntries(shops!.map((s) => [s.name, s.location]));
    expect(byName['Librairie du Capitole (démo)']).toBeNull();
    expect(byName['Librairie Saint-Honoré (démo)']).toBeNull();
    expect(byName['La Page Blanche (démo)']).toEqual({ lat: 43.589, lon: 1.431 });
    expect(byName['Au Fil des Pages (démo)']).toBeNull();
  });

  it('keeps hostile names as plain text, capped in length', async () => {
    server.setScenario('hostile');
    const { shops } = await pdlShops();
    const names = shops!.map((shop) => shop.name);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    for (const shop of shops!) {
      for (const text of [shop.name, shop.phone, ...Object.values(shop.address)]) expect(text?.length ?? 0).toBeLessThanOrEqual(200);
    }
    expect(names.find((name) => name.startsWith('AAA'))).toHaveLength(200);
  });

  it('says the answer has the wrong shape when fields are missing', async () => {
    server.setScenario('missing-fields');
    const source = placeDesLibraires({ id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: server.url });
    const outcome = await fetchJson(source.request(query).url, deps);
    expect(source.shops(outcome.ok ? outcome.data : null, query)).toBeNull();
  });
});

describe('fetching a source', () => {
  const url = () => `${server.url}getshoplist.php?ISBN=${DEMO_BOOKS.inStock}`;

  it.each([
    // What the refusal said about itself is kept, as text, for "copy details".
    ['forbidden', { ok: false, problem: 'blocked', httpStatus: 403, detail: { server: 'cloudflare', body: '<!doctype html><title>Access denied</title><h1>403 Forbidden</h1>' } }],
    ['rate-limited', { ok: false, problem: 'rate-limited', httpStatus: 429, retryAfterSec: 120 }],
    ['server-error', { ok: false, problem: 'server-error', httpStatus: 503 }],
    ['html', { ok: false, problem: 'not-json' }],
    ['truncated', { ok: false, problem: 'bad-json' }],
    ['huge', { ok: false, problem: 'too-large', httpStatus: 200 }],
  ] as const)('maps %s to a status', async (scenario, expected) => {
    server.setScenario(scenario);
    expect(await fetchJson(url(), deps)).toEqual(expected);
  });

  it('retries a 5xx once, after a pause', async () => {
    server.setScenario('server-error');
    const before = server.requests.length;
    const pauses: number[] = [];
    await fetchJson(url(), { fetch, sleep: async (ms) => void pauses.push(ms) });
    expect(server.requests.length - before).toBe(2);
    expect(pauses).toEqual([1_500]);
  });

  it('pauses for real where the caller gives no pause of its own', async () => {
    const started = performance.now();
    await realSleep(40);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  // Bodies as a server could send them with a 200, and what each is.
  it.each([
    ['{"shops":[]}', { ok: true, data: { shops: [] } }],
    ['[1, 2]', { ok: true, data: [1, 2] }],
    // PHP pages often start with a blank line.
    ['\n\r\n  {"shops":[]}', { ok: true, data: { shops: [] } }],
    ['<!doctype html><p>Maintenance</p>', { ok: false, problem: 'not-json' }],
    ['"a bare string"', { ok: false, problem: 'not-json' }],
    ['42', { ok: false, problem: 'not-json' }],
    ['', { ok: false, problem: 'not-json' }],
    [null, { ok: false, problem: 'not-json' }],
    ['{"shops": [', { ok: false, problem: 'bad-json' }],
  ] as const)('reads the body %j as %j', async (body, expected) => {
    const answer = (() => Promise.resolve(new Response(body, { status: 200 }))) as typeof fetch;
    expect(await fetchJson(url(), { fetch: answer })).toEqual(expected);
  });

  it('takes a body of exactly the size limit, refuses one byte more, and trusts a Content-Length over it without reading', async () => {
    const answer = (body: string, headers: Record<string, string> = {}) => (() => Promise.resolve(new Response(body, { headers }))) as typeof fetch;
    expect(await fetchJson(url(), { fetch: answer('{"a":12345}') }, { maxBytes: 11 })).toEqual({ ok: true, data: { a: 12345 } });
    expect(await fetchJson(url(), { fetch: answer('{"a":123456}') }, { maxBytes: 11 })).toEqual({ ok: false, problem: 'too-large', httpStatus: 200 });
    // Declared longer than the limit: not a byte is read.
    let pulled = 0;
    const declared = (length: string) =>
      (() =>
        Promise.resolve(
          new Response(new ReadableStream({ pull: (controller) => (pulled++, controller.enqueue(new TextEncoder().encode('{"a":12345}')), controller.close()) }, { highWaterMark: 0 }), { headers: { 'content-length': length } }),
        )) as typeof fetch;
    expect(await fetchJson(url(), { fetch: declared('5000000000') }, { maxBytes: 11 })).toEqual({ ok: false, problem: 'too-large', httpStatus: 200 });
    expect(pulled).toBe(0);
    expect(await fetchJson(url(), { fetch: declared('11') }, { maxBytes: 11 })).toEqual({ ok: true, data: { a: 12345 } });
    // A Content-Length over the limit with no body at all.
    const empty = (() => Promise.resolve(new Response(null, { headers: { 'content-length': '5000000000' } }))) as typeof fetch;
    expect(await fetchJson(url(), { fetch: empty }, { maxBytes: 11 })).toEqual({ ok: false, problem: 'too-large', httpStatus: 200 });
  });

  it('keeps the start of a refusal that arrives a few bytes at a time', async () => {
    const trickle = (() => {
      const bytes = new TextEncoder().encode('<h1>Access denied</h1>');
      let at = 0;
      const body = new ReadableStream({ pull: (controller) => (at < bytes.length ? controller.enqueue(bytes.slice(at, (at += 3))) : controller.close()) });
      return Promise.resolve(new Response(body, { status: 403 }));
    }) as typeof fetch;
    expect(await fetchJson(url(), { fetch: trickle })).toEqual({ ok: false, problem: 'blocked', httpStatus: 403, detail: { body: '<h1>Access denied</h1>' } });
  });

  it('leaves no timer behind once answered (it would keep the worker awake until the time limit)', async () => {
    vi.useFakeTimers();
    try {
      const answer = (() => Promise.resolve(new Response('{}'))) as typeof fetch;
      expect(await fetchJson(url(), { fetch: answer })).toEqual({ ok: true, data: {} });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  // Each status as the network could answer it, with how many times it was asked and paused.
  it.each([
    [[401], { ok: false, problem: 'blocked', httpStatus: 401 }, 1],
    [[403], { ok: false, problem: 'blocked', httpStatus: 403 }, 1],
    // Overpass's refusal of a request that does not identify itself (drolbr/Overpass-API#791).
    [[406], { ok: false, problem: 'blocked', httpStatus: 406 }, 1],
    [[404], { ok: false, problem: 'not-found', httpStatus: 404 }, 1],
    [[418], { ok: false, problem: 'http-error', httpStatus: 418 }, 1],
    [[304], { ok: false, problem: 'http-error', httpStatus: 304 }, 1],
    [[300], { ok: false, problem: 'http-error', httpStatus: 300 }, 1],
    [[500, 500], { ok: false, problem: 'server-error', httpStatus: 500 }, 2],
    [[502, 503], { ok: false, problem: 'server-error', httpStatus: 503 }, 2],
    [[500, 200], { ok: true, data: { shops: [] } }, 2],
    [[429], { ok: false, problem: 'rate-limited', httpStatus: 429, retryAfterSec: 60 }, 1],
  ] as const)('answered %j: %j after %i request(s)', async (statuses, expected, requests) => {
    const asked: string[] = [];
    const pauses: number[] = [];
    const answer = ((input: string) => {
      const status = statuses[asked.push(input) - 1]!;
      return Promise.resolve(new Response(status === 200 ? '{"shops":[]}' : status === 304 ? null : 'refused', { status }));
    }) as typeof fetch;
    expect(await fetchJson(url(), { fetch: answer, sleep: async (ms) => void pauses.push(ms) })).toMatchObject(expected);
    expect(asked).toHaveLength(requests);
    expect(pauses).toHaveLength(requests - 1);
  });

  it('reads Retry-After as seconds or as an HTTP date', async () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Wed, 02 Dec 2026 10:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Wed, 02 Dec 2026 09:59:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(' 120 ', now)).toBe(120);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    // Values no clock can keep: no wait at all, or none read.
    expect(retryAfterSeconds('-5', now)).toBe(0);
    expect(retryAfterSeconds('Infinity', now)).toBeUndefined();
    const later = new Date(Date.now() + 300_000).toUTCString();
    const limited = ((() => Promise.resolve(new Response('slow down', { status: 429, headers: { 'retry-after': later } }))) as unknown) as typeof fetch;
    const outcome = await fetchJson(url(), { fetch: limited });
    expect(outcome.ok ? null : outcome.retryAfterSec).toBeGreaterThanOrEqual(298);
    expect(outcome.ok ? null : outcome.retryAfterSec).toBeLessThanOrEqual(300);
  });

  it('gives up after its time limit', async () => {
    server.setScenario('timeout');
    expect(await fetchJson(url(), deps, { timeoutMs: 200 })).toEqual({ ok: false, problem: 'timeout' });
  });

  it('tells offline from unreachable', async () => {
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await fetchJson(url(), { fetch: failing, isOnline: () => false })).toEqual({ ok: false, problem: 'offline' });
    expect(await fetchJson(url(), { fetch: failing, isOnline: () => true })).toEqual({ ok: false, problem: 'unreachable' });
  });

  it('sends no cookies and no referrer', async () => {
    let init: RequestInit | undefined;
    const spy = ((input: string, i: RequestInit) => ((init = i), fetch(input, i))) as typeof fetch;
    await fetchJson(url(), { fetch: spy });
    expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });
});

describe('OpenStreetMap', () => {
  const source = () => openStreetMap(server.url);

  it('asks for bookshops (nodes and ways) around the rounded place only', () => {
    const url = new URL(openStreetMap('https://overpass-api.de/api/').request({ ...query, place: { lat: 43.60449, lon: 1.44381 } }).url);
    expect(url.origin + url.pathname).toBe('https://overpass-api.de/api/interpreter');
    expect(url.searchParams.get('data')).toBe(
      '[out:json][timeout:10];(node["shop"="books"](around:30000,43.60,1.44);way["shop"="books"](around:30000,43.60,1.44););out center tags;',
    );
    expect(url.searchParams.get('data')).not.toContain(DEMO_BOOKS.inStock);
  });

  it('reads nodes and ways, keeps hours, drops chains and nameless shops; stock unknown', async () => {
    const outcome = await fetchJson(source().request(query).url, deps);
    const shops = listOf(source().shops(outcome.ok ? outcome.data : null, query));
    expect(shops.map((s) => s.name)).toEqual(['Librairie du Capitole (démo)', 'Bulles et Cases (démo)', 'Le Grenier à Livres (démo)']);
    expect(shops[1]).toMatchObject({ openingHours: 'Mo-Sa 10:00-19:00; Su off', stock: 'unknown', id: 'openstreetmap:node/900002' });
    expect(shops[2]!.location).toEqual({ lat: 43.5802, lon: 1.4012 });
  });

  it('takes a runtime-error remark in an HTTP 200 answer as a failure of the source, with its words', async () => {
    server.setScenario('overpass-remark');
    const outcome = await fetchJson(source().request(query).url, deps);
    expect(outcome.ok).toBe(true);
    expect(source().shops(outcome.ok ? outcome.data : null, query)).toEqual({
      problem: 'source-error',
      detail: { body: 'runtime error: Query timed out in "query" at line 1 after 21 seconds.' },
    });
    // A remark that is not an error (partial elements are not possible then) leaves the shops as they are.
    const data = outcome.ok ? (outcome.data as Record<string, unknown>) : {};
    expect(listOf(source().shops({ ...data, remark: 'runtime remark: 2 elements', elements: [] }, query))).toEqual([]);
  });

  it('never asks Overpass for more than 50 km around the rounded place, whatever the radius', () => {
    expect(overpassQuery({ ...query, radiusKm: 100 })).toContain('(around:50000,');
    expect(overpassQuery({ ...query, radiusKm: 12.3456 })).toContain('(around:12346,');
    expect(overpassQuery({ ...query, place: { lat: 43.604429, lon: 1.443812 } })).toMatch(/\(around:\d+,43\.60,1\.44\)/);
  });

  it('gives the server a time limit shorter than the client waits, so the server says it gave up', () => {
    const limit = Number(/\[timeout:(\d+)\]/.exec(overpassQuery(query))![1]);
    expect(source().timeoutMs).toBeGreaterThan(limit * 1000);
    expect(source().timeoutMs! - limit * 1000).toBeLessThanOrEqual(5000);
  });

  it.each(['website', 'contact:website'])('keeps only http(s) links from the "%s" tag, whatever the case or the spaces around', (tag) => {
    const element = (url: string) => ({ type: 'node', id: 1, lat: 43.6, lon: 1.44, tags: { name: 'Librairie X', [tag]: url } });
    const website = (url: string) => listOf(source().shops({ elements: [element(url)] }, query))[0]!.website;
    for (const hostile of ['data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:msgbox(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'ftp://books.example.org/']) {
      expect(website(hostile), hostile).toBeUndefined();
    }
    expect(website(' https://librairie.example.org/ ')).toBe('https://librairie.example.org/');
    expect(website('HTTP://librairie.example.org')).toBe('http://librairie.example.org/');
  });

  it('drops links that are not http(s)', async () => {
    server.setScenario('hostile');
    const outcome = await fetchJson(source().request(query).url, deps);
    const shops = listOf(source().shops(outcome.ok ? outcome.data : null, query));
    expect(shops[1]!.name).toBe('<b onmouseover=alert(3)>Bulles</b>');
    expect(shops[1]!.website).toBeUndefined(); // javascript: and data: both dropped
    expect(shops[1]!.phone!.length).toBeLessThanOrEqual(30);
    expect(shops[1]!.address.street!.length).toBeLessThanOrEqual(200);
  });
});

describe('OpenStreetMap, one element as mappers tag it', () => {
  // Overpass's JSON (out center tags): nodes carry lat/lon, ways a "center"; tags as mappers write them
  // (wiki.openstreetmap.org/wiki/Key:addr:*, Key:contact:*, Key:second_hand, Key:brand).
  // Made in each test, so the test runs the adapter's own code.
  const source = () => openStreetMap('https://overpass.example.org/api');
  const shopsOf = (...elements: object[]) => listOf(source().shops({ elements }, query));
  const node = (tags: Record<string, string>, id = 1) => ({ type: 'node', id, lat: 43.61, lon: 1.45, tags: { shop: 'books', ...tags } });

  it('joins an address given without its final slash, and credits the map’s contributors', () => {
    expect(source().request(query).url).toMatch(/^https:\/\/overpass\.example\.org\/api\/interpreter\?data=/);
    expect(source().attribution).toMatch(/OpenStreetMap contributors/);
  });

  it('keeps every field of a shop, address parts apart, as a shop of unknown stock', () => {
    const tags = { name: 'La Préface', 'addr:housenumber': '12', 'addr:street': 'Rue des Lois', 'addr:postcode': '31000', 'addr:city': 'Toulouse', phone: '+33 5 61 00 00 07' };
    expect(shopsOf(node(tags, 42))).toEqual([
      {
        id: 'openstreetmap:node/42',
        sourceId: 'openstreetmap',
        name: 'La Préface',
        address: { street: '12 Rue des Lois', postalCode: '31000', city: 'Toulouse' },
        location: { lat: 43.61, lon: 1.45 },
        phone: '+33 5 61 00 00 07',
        website: undefined,
        openingHours: undefined,
        stock: 'unknown',
        isbn13: null,
        links: {},
      },
    ]);
  });

  it.each([
    ['the street alone', { 'addr:street': 'Rue des Lois' }, { address: { street: 'Rue des Lois', postalCode: undefined, city: undefined } }],
    ['the number alone', { 'addr:housenumber': '12' }, { address: { street: '12', postalCode: undefined, city: undefined } }],
    ['the phone under contact:', { 'contact:phone': '05 61 00 00 08' }, { phone: '05 61 00 00 08' }],
  ])('reads %s', (_what, tags, expected) => {
    expect(shopsOf(node({ name: 'La Préface', ...tags }))[0]).toMatchObject(expected);
  });

  it('places a way at its center, and keeps an element with no point at all, unplaced', () => {
    expect(shopsOf({ type: 'way', id: 7, center: { lat: 43.62, lon: 1.46 }, tags: { shop: 'books', name: 'Le Bouquiniste' } })[0]).toMatchObject({ id: 'openstreetmap:way/7', location: { lat: 43.62, lon: 1.46 } });
    expect(shopsOf({ type: 'way', id: 8, tags: { shop: 'books', name: 'Nowhere Books' } })).toMatchObject([{ name: 'Nowhere Books', location: null }]);
  });

  it('leaves out chains and shops that sell second-hand books only, not those that also do', () => {
    const shops = shopsOf(
      node({ name: 'Chain Books', brand: 'Chain' }, 1),
      node({ name: 'Other Chain', 'brand:wikidata': 'Q123' }, 2),
      node({ name: 'Used Only', second_hand: 'only' }, 3),
      node({ name: 'New and Used', second_hand: 'yes' }, 4),
    );
    expect(shops.map((s) => s.name)).toEqual(['New and Used']);
  });
});

describe('national portals', () => {
  it.each([
    ['amazon.fr', ['https://www.librairiesindependantes.com/product/search/?query=9782070360024', 'https://www.leslibraires.fr/livre/9782070360024', 'https://www.placedeslibraires.fr/livre/9782070360024']],
    ['amazon.co.uk', ['https://www.hive.co.uk/Search/Keyword?keyword=9782070360024', 'https://uk.bookshop.org/search?keywords=9782070360024']],
    ['amazon.com', ['https://bookshop.org/book/9782070360024']],
    ['amazon.de', ['https://www.genialokal.de/Suche/?q=9782070360024']],
    ['amazon.es', ['https://www.todostuslibros.com/busquedas?keyword=9782070360024']],
    ['amazon.it', ['https://www.bookdealer.it/']],
    ['amazon.ca', ['https://www.leslibraires.ca/livres/9782070360024.html']],
    ['amazon.nl', ['https://www.libris.nl/zoek/?q=9782070360024']],
    ['amazon.com.be', ['https://www.librel.be/listeliv.php?base=allbooks&mots_recherche=9782070360024']],
    ['amazon.co.jp', []],
  ])('links the book on %s', (storefront, urls) => {
    expect(portalLinks({ storefront }, DEMO_BOOKS.inStock).map((p) => p.url)).toEqual(urls);
  });

  it('offers the portals of the shopper’s country first, then the storefront’s: a shopper in London on amazon.fr', () => {
    expect(portalLinks({ country: 'gb', storefront: 'amazon.fr' }, DEMO_BOOKS.inStock).map((p) => p.name)).toEqual(['Hive', 'Bookshop.org UK', 'Librairies indépendantes', 'leslibraires.fr', 'Place des Libraires']);
    expect(portalLinks({ country: 'fr', storefront: 'amazon.fr' }, DEMO_BOOKS.inStock).map((p) => p.name)).toEqual(['Librairies indépendantes', 'leslibraires.fr', 'Place des Libraires']);
    expect(portalLinks({ country: 'jp', storefront: 'amazon.de' }, DEMO_BOOKS.inStock).map((p) => p.name)).toEqual(['genialokal']);
  });
});
