// Japan's libraries through Calil, in steps: the public libraries near the rounded point, then the
// book's loans in their systems, asked again with the session until Calil has read every catalogue;
// answers shaped from public clients (stand-ins/payloads.ts), and no request at all without the key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLookup } from '../src/lookup/lookup';
import { summarize } from '../src/lookup/summary';
import { calil } from '../src/networks/calil';
import { describeLookup } from '../src/popup/describe';
import { messageIn } from './english';
import { CALIL_STAND_IN_KEY, DEMO_BOOKS, TOKYO } from '../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
import { memoryLookupCache } from './memory-cache';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());
beforeEach(() => server.setScenario('ok'));

let requests: string[];
let waits: number[];
let now: number;
beforeEach(() => {
  requests = [];
  waits = [];
  now = new Date(2026, 11, 7, 10).getTime();
});
const lookupWith = (key = CALIL_STAND_IN_KEY, cache = memoryLookupCache()) =>
  createLookup({ fetch, sleep: async (ms) => void waits.push(ms), sources: [calil(server.url, key)], cache, now: () => now, onRequest: (url) => requests.push(url.slice(server.url.length)) });
const tokyo = (isbn13: string = DEMO_BOOKS.inStock, place: { lat: number; lon: number } = TOKYO) => ({ isbn13, editions: [isbn13], storefront: 'amazon.co.jp', place: { ...place, country: 'jp' }, radiusKm: 10, fromPopup: true });

describe('Calil', () => {
  it('finds the public libraries near the rounded point, asks their system about the book, and waits for Calil to finish reading', async () => {
    const lookup = lookupWith();
    const result = await lookup(tokyo());
    expect(requests).toEqual([
      `library?appkey=${CALIL_STAND_IN_KEY}&geocode=139.75,35.69&limit=20&format=json&callback=no`,
      `check?appkey=${CALIL_STAND_IN_KEY}&isbn=9782070360024&systemid=Tokyo_Chiyoda&format=json&callback=no`,
      `check?appkey=${CALIL_STAND_IN_KEY}&session=stand-in-session-1&format=json&callback=no`,
    ]);
    // Calil's pace between asks of a session still reading.
    expect(waits).toEqual([2000]);
    expect(result.sources.map((s) => [s.sourceId, s.kind, s.state])).toEqual([['calil', 'library', 'ok']]);
    expect(result.shops.map((s) => [s.name, s.kind, s.stock, s.location, s.links.reserve])).toEqual([
      ['千代田区立中央図書館（デモ）', 'library', 'in-stock', { lat: 35.6938, lon: 139.7536 }, 'https://library.chiyoda.invalid/opac/detail?isbn=9782070360024'],
      ['四番町図書館（デモ）', 'library', 'on-loan', { lat: 35.6881, lon: 139.7345 }, 'https://library.chiyoda.invalid/opac/detail?isbn=9782070360024'],
    ]);
    expect(summarize(result)).toMatchObject({ toBorrow: 1, onLoan: 1, thisEdition: 0 });
    // The book's answer near this point is kept a day: asked again, nothing leaves.
    await lookup(tokyo());
    expect(requests).toHaveLength(3);
  });

  it('is not asked without the app key, and says so', async () => {
    const result = await lookupWith('')(tokyo());
    expect(requests).toEqual([]);
    expect(result.sources).toEqual([{ sourceId: 'calil', name: 'Calil (Japan’s library catalogues)', kind: 'library', state: 'no-key' }]);
    // The popup's line for it, in English.
    const [problem] = describeLookup({ state: 'done', result }).problems;
    expect(messageIn('en')(problem!.reason)).toBe('not asked: this build was not given the app key it needs (a release setting)');
  });

  it('asks nothing about the book where no public library is near (a school room is not one)', async () => {
    await lookupWith()({ ...tokyo(), radiusKm: 0.2 });
    expect(requests.map((url) => url.split('?')[0])).toEqual(['library']);
    await lookupWith()(tokyo(DEMO_BOOKS.inStock, { lat: 34.69, lon: 135.5 }));
    expect(requests.filter((url) => url.startsWith('check'))).toEqual([]);
  });

  it('says a refused key, and a catalogue that failed, in words; an answer of another shape as such', async () => {
    expect((await lookupWith('wrong-key')(tokyo())).sources[0]).toMatchObject({ state: 'blocked', httpStatus: 403 });
    const source = calil(server.url, CALIL_STAND_IN_KEY);
    const query = { isbn13: DEMO_BOOKS.inStock, place: TOKYO, radiusKm: 10, country: 'jp' };
    const libraries = [{ systemid: 'Tokyo_Chiyoda', libkey: '中央', category: 'MEDIUM', geocode: '139.7536,35.6938' }];
    expect(source.shops({ books: { [DEMO_BOOKS.inStock]: { Tokyo_Chiyoda: { status: 'Error' } } } }, query, [{}, libraries])).toEqual({ problem: 'source-error' });
    expect(source.shops({ books: 'none' }, query, [{}, libraries])).toBeNull();
    // A state that says nothing of lending here (held, reference only, being prepared) lists no library.
    expect(source.shops({ books: { [DEMO_BOOKS.inStock]: { Tokyo_Chiyoda: { status: 'OK', libkey: { 中央: '館内のみ' } } } } }, query, [{}, libraries])).toEqual([]);
    expect(source).toMatchObject({ kind: 'library', countries: ['jp'], onDemand: true });
  });
});

describe('Calil’s answers, system by system', () => {
  const source = () => calil(server.url, CALIL_STAND_IN_KEY);
  const query = { isbn13: DEMO_BOOKS.inStock, place: TOKYO, radiusKm: 10, country: 'jp' };
  const library = (systemid: string, libkey: string, geocode = '139.7536,35.6938') => ({ systemid, libkey, formal: `${libkey} (demo)`, category: 'MEDIUM', geocode });

  it('asks at most three systems, nearest first, each once, and keeps each book’s answer apart', async () => {
    const near = [library('Tokyo_Chiyoda', 'A'), library('Tokyo_Chiyoda', 'B'), library('Tokyo_Minato', 'C'), library('Tokyo_Chuo', 'D'), library('Tokyo_Bunkyo', 'E')];
    expect(source().next!([near], query)).toEqual({ url: `${server.url}check?appkey=${CALIL_STAND_IN_KEY}&isbn=9782070360024&systemid=Tokyo_Chiyoda,Tokyo_Minato,Tokyo_Chuo&format=json&callback=no`, afterMs: 0 });
    expect(source().request(query).cacheKey).not.toBe(source().request({ ...query, isbn13: DEMO_BOOKS.alsoInStock }).cacheKey);
    // A library without a point, or just beyond the radius, is not near.
    expect(source().next!([[{ ...library('Tokyo_Chiyoda', 'A'), geocode: '' }, library('Tokyo_Minato', 'B', '139.75,35.8')]], query)).toBeNull();
  });

  it('reads each branch’s state, its own system’s branch only; a book no system answered for lists nothing, without failing', () => {
    const near = [library('Tokyo_Chiyoda', '中央'), library('Tokyo_Minato', '中央', '139.7454,35.6581')];
    const answer = { books: { [DEMO_BOOKS.inStock]: { Tokyo_Minato: { status: 'OK', reserveurl: '', libkey: { 中央: ' 貸出可 ' } } } } };
    expect(listOf(source().shops(answer, query, [answer, near])).map((shop) => [shop.id, shop.name, shop.stock, shop.location])).toEqual([['calil:Tokyo_Minato:中央', '中央 (demo)', 'in-stock', { lat: 35.6581, lon: 139.7454 }]]);
    expect(source().shops({ books: {} }, query, [{ books: {} }, near])).toEqual([]);
    // A branch Calil lists no library for: named by its key, with no point.
    const unknown = { books: { [DEMO_BOOKS.inStock]: { Tokyo_Chiyoda: { status: 'OK', libkey: { 分室: '貸出中' } } } } };
    expect(listOf(source().shops(unknown, query, [unknown, near])).map((shop) => [shop.name, shop.location])).toEqual([['分室', null]]);
    // No library near: nothing asked, nothing listed; a list of another shape, said so.
    expect(source().shops([], query, [[]])).toEqual([]);
    expect(source().shops({ libraries: 1 }, query, [{ libraries: 1 }])).toBeNull();
    expect(source()).toMatchObject({ perBook: true });
  });
});

function listOf<T>(shops: T[] | null | { problem: string }): T[] {
  if (!Array.isArray(shops)) throw new Error(`expected shops, got ${JSON.stringify(shops)}`);
  return shops;
}
