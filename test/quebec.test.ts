// Québec's independent bookshops (leslibraires.ca): one answer for the whole network, read as an offer
// (available or not, a price, where to order), never as a shop's stock; asked only for a place in Québec.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLookup } from '../src/lookup/lookup';
import { summarize } from '../src/lookup/summary';
import { lesLibrairesCa } from '../src/networks/leslibraires-ca';
import { openStreetMap } from '../src/networks/overpass';
import { headline } from '../src/shared/answer-words';
import { inQuebec } from '../src/shops/regions';
import { DEMO_BOOKS } from '../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
import { memoryLookupCache } from './memory-cache';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());
beforeEach(() => server.setScenario('ok'));

const MONTREAL = { lat: 45.5, lon: -73.57, country: 'ca' };

describe('where Québec is', () => {
  it.each([
    ['Montréal', 45.5, -73.57],
    ['Québec', 46.81, -71.21],
    ['Sherbrooke', 45.4, -71.89],
    ['Gatineau', 45.48, -75.7],
    ['Rimouski', 48.45, -68.52],
    ['Rouyn-Noranda', 48.24, -79.02],
    ['the Magdalen Islands', 47.38, -61.86],
  ])('takes %s in', (_town, lat, lon) => expect(inQuebec({ lat, lon })).toBe(true));
  it.each([
    ['Ottawa', 45.42, -75.69],
    ['Hawkesbury', 45.607, -74.61],
    ['Toronto', 43.65, -79.38],
    ['Moncton', 46.09, -64.78],
    ['Charlottetown', 46.24, -63.13],
    ['Burlington, Vermont', 44.48, -73.21],
    ['Corner Brook', 48.95, -57.95],
  ])('leaves %s out', (_town, lat, lon) => expect(inQuebec({ lat, lon })).toBe(false));
});

describe('leslibraires.ca', () => {
  const source = () => lesLibrairesCa(server.url);
  const query = { isbn13: DEMO_BOOKS.inStock, place: MONTREAL, radiusKm: 30, country: 'ca' };

  it('reads the network’s answer as an offer, with its price and page, and no shop', () => {
    const answer = { data: { isbn: DEMO_BOOKS.inStock, price: '14.95', available: true, url: 'https://www.leslibraires.ca/livres/9782070360024.html' } };
    expect(source().shops(answer, query)).toEqual([]);
    expect(source().offer!(answer, query)).toEqual({ sourceId: 'leslibraires-ca', name: 'leslibraires.ca', available: true, price: 14.95, currency: 'CAD', url: 'https://www.leslibraires.ca/livres/9782070360024.html' });
    // Numbers and flags written either way; no page given: the book's page by its ISBN; a javascript: link dropped.
    expect(source().offer!({ data: { price: 9, available: 1, url: 'javascript:alert(1)' } }, query)).toEqual({ sourceId: 'leslibraires-ca', name: 'leslibraires.ca', available: true, price: 9, currency: 'CAD', url: 'https://www.leslibraires.ca/livres/9782070360024.html' });
    const free = source().offer!({ data: { price: 'free', available: false } }, query);
    expect(free).toMatchObject({ available: false });
    expect(free).not.toHaveProperty('price');
    expect(source().offer!({ book: {} }, query)).toBeNull();
    // Prices as text, in either notation; nothing that is not one.
    const priced = (price: unknown) => source().offer!({ data: { price, available: true } }, query)?.price;
    expect([priced('24,95 $'), priced(' 7.5 '), priced(0), priced('0'), priced('12.5x'), priced('x12.50'), priced('1234567')]).toEqual([24.95, 7.5, undefined, undefined, undefined, undefined, undefined]);
    expect(source()).toMatchObject({ perBook: true });
    expect(source().shops({ book: {} }, query)).toBeNull();
  });

  it('is asked only for a place in Québec, by the ISBN alone', () => {
    expect(source().request(query).url).toBe(`${server.url}api/v1/public/books/isbn/9782070360024`);
    expect(source().answers!(query)).toBe(true);
    expect(source().answers!({ ...query, place: { lat: 43.65, lon: -79.38 } })).toBe(false);
    expect(source()).toMatchObject({ kind: 'network', countries: ['ca'] });
  });
});

describe('the lookup, in Montréal', () => {
  let requests: string[];
  let now: number;
  const lookupWith = (cache = memoryLookupCache()) =>
    createLookup({ fetch, sleep: async () => {}, sources: [lesLibrairesCa(server.url), openStreetMap(server.url)], cache, now: () => now, onRequest: (url) => requests.push(url.slice(server.url.length)) });
  const request = (isbn13: string, place = MONTREAL) => ({ isbn13, editions: [isbn13], storefront: 'amazon.ca', place, radiusKm: 30 });
  beforeEach(() => {
    requests = [];
    now = new Date(2026, 11, 7, 10).getTime();
  });

  it('says the network has it, for the network as a whole: no shop counted, the card’s words the network’s', async () => {
    const lookup = lookupWith();
    const result = await lookup(request(DEMO_BOOKS.inStock));
    expect(result.offers).toEqual([{ sourceId: 'leslibraires-ca', name: 'leslibraires.ca', available: true, price: 14.95, currency: 'CAD', url: 'https://www.leslibraires.ca/livres/9782070360024.html' }]);
    expect(result.sources.map((s) => [s.sourceId, s.kind, s.state])).toEqual([['leslibraires-ca', 'network', 'ok'], ['openstreetmap', 'directory', 'ok']]);
    const summary = summarize(result);
    expect(summary).toMatchObject({ verdict: 'stock-unknown', unknownBecause: 'no-network', thisEdition: 0, networkHasIt: 'leslibraires.ca' });
    expect(headline(summary)).toEqual(['answerQuebecNetwork', ['leslibraires.ca'], 1]);
    // Once a day per book: the offer comes back from the cache, parsed again.
    await lookup(request(DEMO_BOOKS.inStock));
    expect(requests.filter((url) => url.startsWith('api/v1/'))).toEqual(['api/v1/public/books/isbn/9782070360024']);
    expect((await lookup(request(DEMO_BOOKS.inStock))).offers).toHaveLength(1);
  });

  it('says a book the network does not list as not listed (its 404), and a book it lists but cannot sell as such', async () => {
    const unknown = await lookupWith()(request(DEMO_BOOKS.nowhere));
    expect(unknown.sources[0]).toMatchObject({ sourceId: 'leslibraires-ca', state: 'ok' });
    expect(unknown.offers).toEqual([{ sourceId: 'leslibraires-ca', name: 'leslibraires.ca', available: false, url: `https://www.leslibraires.ca/livres/${DEMO_BOOKS.nowhere}.html` }]);
    const unavailable = await lookupWith()(request(DEMO_BOOKS.alsoInStock));
    expect(unavailable.offers[0]).toMatchObject({ available: false, price: 47.5 });
    expect(summarize(unavailable).networkHasIt).toBeUndefined();
  });

  it('asks nothing of the network for a place outside Québec', async () => {
    const toronto = await lookupWith()(request(DEMO_BOOKS.inStock, { lat: 43.65, lon: -79.38, country: 'ca' }));
    expect(requests.some((url) => url.startsWith('api/v1/'))).toBe(false);
    expect(toronto.offers).toEqual([]);
    expect(toronto.sources.map((s) => s.sourceId)).toEqual(['openstreetmap']);
  });
});
