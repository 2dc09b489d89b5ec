// From a bad answer to the words the shopper reads: each fault of a source, served by the stand-in
// server, goes through the real lookup and the popup's describe(), and comes out as one English line.
import { afterAll, beforeAll, describe as group, expect, it } from 'vitest';
import { createLookup } from '../src/lookup/lookup';
import { openStreetMap } from '../src/networks/overpass';
import { placeDesLibraires } from '../src/networks/place-des-libraires';
import { describe, describeLookup, problemReport } from '../src/popup/describe';
import type { TabBook } from '../src/messages/session-records';
import { DEMO_BOOKS, TOULOUSE } from '../stand-ins/payloads';
import type { Scenario } from '../stand-ins/answer';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
import { englishMessage } from './english';
import { counted } from '../src/shared/plural';
import { switchedOffNetworks } from '../src/background/sources';
import { parseSettings } from '../src/shared/settings';

/** The English words, strict: a key that English lacks fails the test. */
function t(key: string, substitutions: string[] = []): string {
  const words = englishMessage(key, substitutions);
  if (!words) throw new Error(`no message ${key}`);
  return words;
}

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());

/** The real lookup of both sources at the stand-in server, with no cache. */
const standInLookup = (timeoutMs: number) =>
  createLookup({
    fetch,
    sleep: async () => {},
    isOnline: () => true,
    sources: [placeDesLibraires({ id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: server.url }), openStreetMap(server.url)],
    cache: { get: async () => null, set: async () => {}, getBackoff: async () => null, setBackoff: async () => {} },
    now: () => Date.UTC(2026, 10, 26, 9),
    timeoutMs,
  });

async function shownFor(scenario: Scenario | Partial<Record<'placedeslibraires' | 'openstreetmap', Scenario>>): Promise<{ state: string; line: string; problems: string[] }> {
  server.setScenario(typeof scenario === 'string' ? { placedeslibraires: scenario } : scenario);
  // Short only where the time limit is the point: a busy machine reads 5 MB slowly.
  const lookup = standInLookup(scenario === 'timeout' ? 300 : 5000);
  const result = await lookup({ isbn13: DEMO_BOOKS.inStock, editions: [DEMO_BOOKS.inStock], storefront: 'amazon.fr', place: TOULOUSE, radiusKm: 30 });
  const view = describeLookup({ state: 'done', result });
  return {
    state: view.state,
    line: t(view.line[0], view.line[1]),
    problems: view.problems.map(({ source, reason }) => t('sourceFailedWhy', [source.name, t(reason, ['10:02'])])),
  };
}

group('what the shopper reads when Place des Libraires misbehaves (OpenStreetMap still answers)', () => {
  it.each([
    ['forbidden', 'it refuses requests from extensions (403).'],
    ['timeout', 'it did not answer in time.'],
    ['rate-limited', 'it asked us to wait; it is asked again after 10:02.'],
    ['server-error', 'it had a server error, twice.'],
    ['html', 'its answer could not be read.'],
    ['truncated', 'its answer could not be read.'],
    ['missing-fields', 'its answer could not be read.'],
    ['huge', 'its answer was far too large and was cut off.'],
  ] as const)('%s → "%s"', async (scenario, why) => {
    const shown = await shownFor(scenario);
    expect(shown.problems).toEqual([`Place des Libraires could not be checked: ${why}`]);
    expect(shown.state).toBe('directory-only');
    expect(shown.line).toBe('3 bookshops near you; their stock could not be checked. Call ahead, or retry.');
  });

  it('bad coordinates: the shops without a usable place are left off the map and the list, the others stay', async () => {
    const shown = await shownFor('bad-coordinates');
    expect(shown.problems).toEqual([]);
    expect(shown.state).toBe('results');
  });
});

group('what the shopper reads when OpenStreetMap misbehaves', () => {
  it('a runtime error in an HTTP 200 answer: OpenStreetMap could not be checked, the network’s shops stay', async () => {
    const shown = await shownFor({ openstreetmap: 'overpass-remark' });
    expect(shown.problems).toEqual(['OpenStreetMap could not be checked: it reported an error of its own; it is asked again with the next book.']);
    expect(shown.state).toBe('results');
  });
});

group('where no stock network covers the shopper', () => {
  it('says nobody can tell who has it, and counts the bookshops near them: never "no bookshop has it"', async () => {
    server.setScenario('ok');
    const result = await standInLookup(5000)({ isbn13: DEMO_BOOKS.inStock, editions: [DEMO_BOOKS.inStock], storefront: 'amazon.co.uk', place: { lat: 51.51, lon: -0.13, country: 'gb' }, radiusKm: 30 });
    const view = describeLookup({ state: 'done', result });
    expect(view.state).toBe('no-stock-network');
    expect(t(view.line[0], view.line[1])).toBe(
      'No bookshop network shares its stock where you are, so nobody can say which shop has it. 3 bookshops near you: call ahead, or order from an independent bookshop online.',
    );
  });
});

group('a network that would answer, switched off', () => {
  it('says in Brussels that Librel shares its stock there and is off, where the settings leave it off (the default)', async () => {
    server.setScenario('ok');
    const lookup = createLookup({
      fetch,
      sleep: async () => {},
      isOnline: () => true,
      // The shipped wiring: which networks the default settings switch on, and which they leave off.
      sources: [openStreetMap(server.url)],
      switchedOff: switchedOffNetworks(parseSettings({})),
      cache: { get: async () => null, set: async () => {}, getBackoff: async () => null, setBackoff: async () => {} },
      now: () => Date.UTC(2026, 10, 26, 9),
    });
    const result = await lookup({ isbn13: DEMO_BOOKS.inStock, editions: [DEMO_BOOKS.inStock], storefront: 'amazon.fr', place: { lat: 50.85, lon: 4.35, country: 'be' }, radiusKm: 30 });
    expect(result.networksOff).toEqual(['Librel']);
    const view = describeLookup({ state: 'done', result });
    expect(view.state).toBe('no-stock-network');
    // The stand-in knows no shop in Brussels: nothing counted, no "0 bookshops".
    expect(view.line).toEqual(['stateNoShopKnown', ['30']]);
    expect((view.asides ?? []).map((aside) => counted(englishMessage, 'en', aside[0], aside[2], aside[1]))).toEqual([
      'Librel shares its stock where you are, and is switched off: turn it on in the options.',
    ]);
    // In France, the regional networks left off are not advertised where Place des Libraires answers.
    const france = await lookup({ isbn13: DEMO_BOOKS.inStock, editions: [DEMO_BOOKS.inStock], storefront: 'amazon.fr', place: TOULOUSE, radiusKm: 30 });
    expect(france.networksOff).not.toContain('Librel');
  });
});

group('one story: the popup’s line from the summary the badge and the card also use', () => {
  const lineOf = async (isbn13: string, editions: string[]) => {
    server.setScenario('ok');
    const result = await standInLookup(5000)({ isbn13, editions, storefront: 'amazon.fr', place: TOULOUSE, radiusKm: 30 });
    const view = describeLookup({ state: 'done', result });
    // As the popup shows them: counted() picks the singular where the count is one.
    const words = (w: [string, string[]?, number?] | undefined) => (w ? (w[2] === undefined ? t(w[0], w[1]) : counted(englishMessage, 'en', w[0], w[2], w[1] ?? [])) : undefined);
    return { state: view.state, line: words(view.line), asides: (view.asides ?? []).map(words) };
  };

  it('counts the open shops, and says apart the one closed for holidays', async () => {
    expect(await lineOf(DEMO_BOOKS.inStock, [DEMO_BOOKS.inStock])).toEqual({
      state: 'results',
      line: '3 bookshops near you have it',
      asides: ['1 bookshop that has it is closed for holidays.'],
    });
  });

  it('says a shop has another edition, not this one', async () => {
    expect(await lineOf(DEMO_BOOKS.otherEditionOnly, [DEMO_BOOKS.otherEditionOnly, DEMO_BOOKS.otherEdition])).toMatchObject({
      state: 'results',
      line: '1 bookshop near you has another edition of it',
    });
  });

  it('says how many shops answered they do not have it, and the others’ stock as unknown, never “do not share theirs”', async () => {
    expect(await lineOf(DEMO_BOOKS.nowhere, [DEMO_BOOKS.nowhere])).toEqual({
      state: 'none-nearby',
      // The network's eight shops within 30 km answered "not in stock"; one of them is also on
      // OpenStreetMap (the Capitole), merged into one entry that keeps the network's answer. The map's
      // two others are of unknown stock.
      line: '8 bookshops within 30 km answered: none has it in stock. Order it from one of them, or look further.',
      asides: ['The stock of 2 others nearby is unknown: call ahead.'],
    });
  });
});

group('copying a problem’s details for a bug report', () => {
  it('says which source refused, how, and what the refusal said about itself; nothing of the shopper', () => {
    const report = problemReport(
      { sourceId: 'placedeslibraires', name: 'Place des Libraires', kind: 'stock', state: 'blocked', httpStatus: 403, detail: { server: 'cloudflare', body: '<title>Just a moment…</title>' } },
      '1.2.3',
      Date.UTC(2026, 11, 1, 20),
    );
    expect(report.split('\n')).toEqual([
      'Local Bookshops 1.2.3, 2026-12-01T20:00:00.000Z',
      'Place des Libraires (placedeslibraires): blocked, HTTP 403',
      'server: cloudflare',
      'said: <title>Just a moment…</title>',
    ]);
  });

  it('says only what it knows: no HTTP status, server or words where the source gave none', () => {
    const report = problemReport({ sourceId: 'openstreetmap', name: 'OpenStreetMap', kind: 'directory', state: 'timeout' }, '1.2.3', Date.UTC(2026, 11, 1, 20));
    expect(report).toBe('Local Bookshops 1.2.3, 2026-12-01T20:00:00.000Z\nOpenStreetMap (openstreetmap): timeout');
  });
});

group('the popup’s other states', () => {
  const book: TabBook = { isbn13: DEMO_BOOKS.inStock, editions: [DEMO_BOOKS.inStock], kind: 'print', source: 'rpi', asin: null, storefront: 'amazon.fr', seenAt: 0 };
  it.each([
    [null, 'reading', 'Reading the page…'],
    [{ book: null, lookup: null, place: null }, 'not-a-book', 'This tab shows no book. Type an ISBN to look it up near you.'],
    [{ book, lookup: { state: 'no-place' as const, isbn13: book.isbn13 }, place: null }, 'no-place', 'Where are you? Bookshops are looked up around your town.'],
    [
      { book, lookup: { state: 'asking' as const, isbn13: book.isbn13, startedAt: 0, progress: [{ sourceId: 'a', name: 'A', state: 'ok' }, { sourceId: 'b', name: 'B', state: 'timeout' }, { sourceId: 'c', name: 'C', state: 'waiting' }] }, place: null },
      'asking',
      'Asking the bookshop networks… (2 of 3 answered)',
    ],
    [{ book: { ...book, kind: 'not-a-book' as const }, lookup: null, place: null }, 'not-a-book', 'This tab shows no book. Type an ISBN to look it up near you.'],
    [{ book: { ...book, isbn13: null, editions: [] }, lookup: null, place: null }, 'not-a-book', 'This tab shows no book. Type an ISBN to look it up near you.'],
    // Known by its other editions only: a book, looked up.
    [{ book: { ...book, isbn13: null }, lookup: null, place: null }, 'no-place', 'Where are you? Bookshops are looked up around your town.'],
    // An ISBN typed in the popup has no other editions: a book all the same.
    [{ book: { ...book, editions: [] }, lookup: null, place: null }, 'no-place', 'Where are you? Bookshops are looked up around your town.'],
    [{ book, lookup: { state: 'waiting' as const, isbn13: book.isbn13 }, place: null }, 'asking', 'Asking the bookshop networks…'],
    [{ book, lookup: { state: 'asking' as const, isbn13: book.isbn13, startedAt: 0, progress: [] }, place: null }, 'asking', 'Asking the bookshop networks…'],
    [
      { book, lookup: { state: 'throttled' as const, isbn13: book.isbn13, retryAt: 0 }, place: null },
      'throttled',
      'This page changed its book many times in a row: the bookshops are asked again in a moment, about the book it shows then.',
    ],
  ])('%#: %s', (state, expected, line) => {
    const view = describe(state);
    expect(view.state).toBe(expected);
    expect(t(view.line[0], view.line[1])).toBe(line);
    // No answer yet: no source to blame.
    expect(view.problems).toEqual([]);
  });
});

group('the popup’s line when the answer holds no shop', () => {
  const done = (states: Array<'ok' | 'timeout' | 'server-error'>) =>
    describeLookup({
      state: 'done',
      result: {
        isbn13: DEMO_BOOKS.inStock,
        place: TOULOUSE,
        radiusKm: 25,
        shops: [],
        sources: states.map((state, i) => ({ sourceId: `s${i}`, name: `Source ${i}`, kind: i === 0 ? 'stock' : 'directory', state })),
        stockCovered: true,
        networksOff: [],
        editionsAsked: [],
        portals: [],
        finishedAt: 0,
        onDemandAsked: false,
        offers: [],
      },
    });

  it('says no source could be reached, and lists each one’s problem', () => {
    const view = done(['timeout', 'server-error']);
    expect([view.state, t(view.line[0], view.line[1]), view.problems.map((p) => p.reason)]).toEqual(['unreachable', t('stateUnreachable'), ['problemTimeout', 'problemServerError']]);
  });

  it('says no shop within the radius has it, with the radius, when the stock network answered', () => {
    const view = done(['ok', 'ok']);
    expect([view.state, view.line]).toEqual(['none-nearby', ['stateNoShop', ['25']]]);
  });
});

group('the popup on a list page', () => {
  const place = { label: '31000 Toulouse', country: 'fr', radiusKm: 30 };
  const list = (marks: boolean, count = 0, kind: 'search' | 'wishlist' = 'search') => ({
    kind,
    storefront: 'amazon.fr',
    view: 'v1',
    marks,
    checked: count * 2,
    books: Array.from({ length: count }, (_, i) => ({ isbn13: DEMO_BOOKS.inStock, title: `Book ${i}`, count: 2, nearestKm: i })),
  });
  const line = (view: ReturnType<typeof describe>) => counted(englishMessage, 'en', view.line[0], view.line[2] ?? Number.NaN, view.line[1] ?? []);

  it.each([
    ['no place yet', { book: null, lookup: null, place: null, list: list(true, 2) }, {}, 'no-place', 'Where are you? Bookshops are looked up around your town.'],
    ['books looked up only from the popup', { book: null, lookup: null, place, list: list(true, 2) }, { askOnOpen: true }, 'list-off', 'Lists get no marks while books are looked up only when you open this window (options).'],
    ['marks off on search results', { book: null, lookup: null, place, list: list(false) }, {}, 'list-off', 'Bookshops are not shown on this list.'],
    ['no book answered yet', { book: null, lookup: null, place, list: list(true) }, {}, 'list', 'No book on this page has been looked up yet: each is looked up once you stop at it.'],
    ['one book', { book: null, lookup: null, place, list: list(true, 1) }, {}, 'list', '1 book on this page is in a shop near you, of 2 looked up so far:'],
    ['three books', { book: null, lookup: null, place, list: list(true, 3, 'wishlist') }, {}, 'list', '3 books on this page are in a shop near you, of 6 looked up so far, nearest first:'],
  ])('%s', (_case, state, options, expected, words) => {
    const view = describe(state, options);
    expect(view.state).toBe(expected);
    expect(line(view)).toBe(words);
  });
});
