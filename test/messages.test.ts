// Messages are read where they arrive: the worker's words to a content script through hand-written
// checks, its answers to a page through the schema each request names, and the per-tab records through
// their schemas. A message of another shape is dropped or said, never half-used.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readListAnswer, readToBookPage, readToListPage } from '../src/messages/worker-to-content';
import { readAllTabBooks, readTabRecords } from '../src/messages/session-records';
import { fakeStorageArea } from './fake-browser';
import { answerWith, BOOK, shopWith, stockSource } from './answers';

const sent = vi.hoisted(() => ({ answer: undefined as unknown, requests: [] as unknown[] }));
vi.mock('../src/shared/browser', () => ({
  browser: {
    runtime: {
      sendMessage: async (request: unknown) => {
        sent.requests.push(request);
        return sent.answer;
      },
    },
  },
}));
const { ask, UnexpectedAnswer } = await import('../src/ui/ask');

const summary = { verdict: 'in-stock', thisEdition: 2, otherEdition: 0, onHoliday: 0, stockUnknown: 1, notInStock: 0, toBorrow: 0, onLoan: 0 };

describe('the worker’s words to a book page', () => {
  it('passes a card, and the questions, as they are', () => {
    expect(readToBookPage({ type: 'ShowCard', summary, country: 'fr' })).toEqual({ type: 'ShowCard', summary, country: 'fr', needsPlace: false });
    expect(readToBookPage({ type: 'ShowCard', country: 'fr', needsPlace: true })).toEqual({ type: 'ShowCard', country: 'fr', needsPlace: true, summary: undefined });
    expect(readToBookPage({ type: 'StillShowing', extra: 1 })).toEqual({ type: 'StillShowing' });
    expect(readToBookPage({ type: 'HideCard' })).toEqual({ type: 'HideCard' });
  });

  it.each([
    ['a card without its country', { type: 'ShowCard', summary }],
    ['a card whose count is not a count', { type: 'ShowCard', country: 'fr', summary: { ...summary, thisEdition: '2' } }],
    ['a card whose count is negative', { type: 'ShowCard', country: 'fr', summary: { ...summary, stockUnknown: -1 } }],
    ['a card whose summary gives no verdict', { type: 'ShowCard', country: 'fr', summary: { ...summary, verdict: undefined } }],
    ['a card whose summary is a word', { type: 'ShowCard', country: 'fr', summary: 'in-stock' }],
    ['a message for the list script', { type: 'ListMark', view: 'abcdef', isbn13: BOOK, count: 1 }],
    ['no message at all', null],
    ['a word', 'ShowCard'],
  ])('drops %s', (_case, message) => {
    expect(readToBookPage(message)).toBeNull();
  });
});

describe('the worker’s words to a list page', () => {
  it('passes a mark, a restart and the question', () => {
    expect(readToListPage({ type: 'ListMark', view: 'abcdef', isbn13: BOOK, count: 3 })).toEqual({ type: 'ListMark', view: 'abcdef', isbn13: BOOK, count: 3 });
    expect(readToListPage({ type: 'ListRestart', marks: false })).toEqual({ type: 'ListRestart', marks: false });
    expect(readToListPage({ type: 'StillListing' })).toEqual({ type: 'StillListing' });
  });

  it.each([
    ['a mark with a count of 1.5', { type: 'ListMark', view: 'abcdef', isbn13: BOOK, count: 1.5 }],
    ['a mark without its view', { type: 'ListMark', isbn13: BOOK, count: 1 }],
    ['a mark without its book', { type: 'ListMark', view: 'abcdef', count: 1 }],
    ['a restart that does not say whether to mark', { type: 'ListRestart' }],
    ['a card', { type: 'ShowCard', country: 'fr' }],
  ])('drops %s', (_case, message) => {
    expect(readToListPage(message)).toBeNull();
  });

  it('reads marks only from an answer that says so', () => {
    expect(readListAnswer({ marks: true })).toEqual({ marks: true });
    expect(readListAnswer({ marks: 'yes' })).toEqual({ marks: false });
    expect(readListAnswer(undefined)).toEqual({ marks: false });
  });
});

describe('a page’s questions to the worker', () => {
  beforeEach(() => {
    sent.requests.length = 0;
  });

  it('sends the request and hands back the answer it parsed', async () => {
    const result = answerWith([shopWith('in-stock')], [stockSource()]);
    sent.answer = { state: 'done', result };
    const answer = await ask({ type: 'Search', isbn13: BOOK });
    expect(sent.requests).toEqual([{ type: 'Search', isbn13: BOOK }]);
    expect(answer.state === 'done' && answer.result.shops.map((shop) => shop.stock)).toEqual(['in-stock']);
  });

  it('says which request got an answer of another shape, and where', async () => {
    sent.answer = { book: null, lookup: { state: 'done' }, place: null };
    const asked = ask({ type: 'TabState', tabId: 4 });
    await expect(asked).rejects.toBeInstanceOf(UnexpectedAnswer);
    await expect(asked).rejects.toThrow(/^the worker's answer to TabState does not fit: lookup/);
  });

  it('takes a place saved and a place refused, and nothing else, as SetPlace’s answer', async () => {
    sent.answer = { ok: true, label: '31000 Toulouse', lat: 43.6, lon: 1.44 };
    await expect(ask({ type: 'SetPlace', query: '31000', country: 'fr' })).resolves.toEqual(sent.answer);
    sent.answer = { ok: false, reason: 'not_found' };
    await expect(ask({ type: 'SetPlace', query: 'Nowhere', country: 'fr' })).resolves.toEqual(sent.answer);
    sent.answer = { ok: true };
    await expect(ask({ type: 'SetPlace', query: '31000', country: 'fr' })).rejects.toThrow(/SetPlace/);
  });
});

describe('the records kept per tab', () => {
  const book = { isbn13: BOOK, editions: [BOOK], kind: 'print', source: 'detail-bullets', asin: null, storefront: 'amazon.fr', seenAt: 1 };

  it('reads a tab’s list page', async () => {
    const session = fakeStorageArea();
    const list = { kind: 'wishlist', storefront: 'amazon.fr', view: 'abcdef', marks: true, books: [{ isbn13: BOOK, title: 'L’Étranger', count: 2, nearestKm: 1.2 }], checked: 5 };
    await session.set({ 'list:7': list });
    expect((await readTabRecords(session, 7)).list).toEqual(list);
  });

  it('reads each of a tab’s records, and one of another shape as none', async () => {
    const session = fakeStorageArea();
    await session.set({ 'tab:7': book, 'lookup:7': { state: 'asking', isbn13: BOOK }, 'list:7': { kind: 'wishlist' }, 'tab:8': { ...book, storefront: 'amazon.de' } });
    const records = await readTabRecords(session, 7);
    expect(records.book).toEqual(book);
    // An older record without its start time.
    expect(records.lookup).toBeNull();
    expect(records.list).toBeNull();
    expect(await readTabRecords(session, 9)).toEqual({ book: null, lookup: null, list: null });
  });

  it('lists every tab’s book, leaving out records of another shape', async () => {
    const session = fakeStorageArea();
    await session.set({ 'tab:7': book, 'tab:8': { ...book, storefront: 'amazon.de' }, 'tab:9': { isbn13: 'nope' }, 'lookup:7': { state: 'no-place', isbn13: null } });
    expect((await readAllTabBooks(session)).map((b) => b.storefront)).toEqual(['amazon.fr', 'amazon.de']);
  });
});
