// A full storage area never stops the extension: what can be asked for again makes room, and what
// still does not fit is not kept. The fake areas refuse writes past their quota as Chrome does.
import { describe, expect, it } from 'vitest';
import { createKeyValueCache, createLookupCache, createTabLookups, setMakingRoom } from '../src/background/stores';
import { createTabBooks } from '../src/background/tab-books';
import type { CacheEntry } from '../src/lookup/lookup';
import type { TabBook, TabLookup } from '../src/messages/session-records';
import { isQuotaError } from '../src/shared/quota';
import { fakeStorageArea } from './fake-browser';

const NOW = 1_800_000_000_000;
const entry = (expiresAt: number, size = 1000): CacheEntry => ({ shops: [{ name: 'x'.repeat(size) } as never], expiresAt });
const asking = (padding = ''): TabLookup => ({ state: 'asking', isbn13: '9782070360024', startedAt: NOW, progress: [{ sourceId: padding, name: 'n', state: 'waiting' }] });
const book: TabBook = { isbn13: '9782070360024', editions: ['9782070360024'], kind: 'print', source: 'rpi', asin: '2070360024', storefront: 'amazon.fr', seenAt: NOW };

describe('a full storage.local', () => {
  it('drops expired answers first to keep a new one, and keeps the answers still valid', async () => {
    const local = fakeStorageArea({ quotaBytes: 4000 });
    const cache = createLookupCache(local, () => NOW);
    await cache.set('old', entry(NOW - 1));
    await cache.set('stale', entry(NOW - 1));
    await cache.set('fresh', entry(NOW + 1));
    await cache.set('new', entry(NOW + 1));
    expect([...local.data.keys()].sort()).toEqual(['cache:fresh', 'cache:new']);
  });

  it('drops every cached answer and geocoding when the valid ones fill it, never the settings of others', async () => {
    const local = fakeStorageArea({ quotaBytes: 5000 });
    await local.set({ 'geo:fr:toulouse': { value: { label: 'x'.repeat(900) }, expiresAt: NOW + 1 }, other: 'kept' });
    const cache = createLookupCache(local, () => NOW);
    for (const key of ['a', 'b', 'c']) await cache.set(key, entry(NOW + 1));
    await cache.set('d', entry(NOW + 1));
    expect([...local.data.keys()].sort()).toEqual(['cache:d', 'other']);
    expect(await cache.get('d')).toEqual(entry(NOW + 1));
  });

  it('does not keep what can never fit, and does not throw', async () => {
    const local = fakeStorageArea({ quotaBytes: 500 });
    const cache = createLookupCache(local, () => NOW);
    await expect(cache.set('huge', entry(NOW + 1, 5000))).resolves.toBeUndefined();
    expect(await cache.get('huge')).toBeNull();
    const geocodes = createKeyValueCache(local);
    await expect(geocodes.set('geo:fr:x', 'y'.repeat(1000))).resolves.toBeUndefined();
  });

  it('passes on errors that are not about room', async () => {
    const broken = { ...fakeStorageArea(), set: async () => Promise.reject(new Error('IO error: database corrupted')) };
    await expect(setMakingRoom(broken as never, { a: 1 }, [])).rejects.toThrow('IO error');
  });
});

describe('what is kept, and for how long', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('removes expired answers and geocodings on the next write once their time is up (at most hourly), not only at start-up', async () => {
    let now = NOW;
    const local = fakeStorageArea();
    const cache = createLookupCache(local, () => now);
    const geocodes = createKeyValueCache(local, () => now);
    await cache.set('getshoplist.php?ISBN=9782070360024', entry(now + DAY));
    await geocodes.set('geo:fr:31000', { label: '31000 Toulouse' });
    now += 31 * DAY;
    await cache.set('interpreter?data=…', entry(now + 7 * DAY));
    expect([...local.data.keys()]).toEqual(['cache:interpreter?data=…']);
  });

  it('keeps a typed town 30 days', async () => {
    let now = NOW;
    const geocodes = createKeyValueCache(fakeStorageArea(), () => now);
    await geocodes.set('geo:fr:31000', { label: '31000 Toulouse' });
    now += 29 * DAY;
    expect(await geocodes.get('geo:fr:31000')).toEqual({ label: '31000 Toulouse' });
    now += 2 * DAY;
    expect(await geocodes.get('geo:fr:31000')).toBeUndefined();
  });

  it('keeps an answer with no shop in memory only: storage holds no list of the books looked at', async () => {
    const local = fakeStorageArea();
    const cache = createLookupCache(local, () => NOW);
    await cache.set('getshoplist.php?ISBN=9780575090675', { shops: [], expiresAt: NOW + DAY });
    expect([...local.data.keys()]).toEqual([]);
    expect(await cache.get('getshoplist.php?ISBN=9780575090675')).toEqual({ shops: [], expiresAt: NOW + DAY });
  });
});

describe('an answer with no shop, with storage.session given (the worker)', () => {
  it('is kept in storage.session, never on disk, and found by a worker started again; expired ones are purged there too', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    let now = NOW;
    const [local, session] = [fakeStorageArea(), fakeStorageArea()];
    await createLookupCache(local, () => now, session).set('getshoplist.php?ISBN=9780575090675', { shops: [], expiresAt: now + DAY });
    expect([...local.data.keys()]).toEqual([]);
    const restarted = createLookupCache(local, () => now, session);
    expect(await restarted.get('getshoplist.php?ISBN=9780575090675')).toEqual({ shops: [], expiresAt: NOW + DAY });
    now += 2 * DAY;
    await restarted.purgeExpired();
    expect([...session.data.keys()]).toEqual([]);
  });
});

describe('a full storage.session', () => {
  it('drops the other tabs’ lookups to keep this tab’s (they are asked again when their popup opens)', async () => {
    const session = fakeStorageArea({ quotaBytes: 3000 });
    const lookups = createTabLookups(session);
    const books = createTabBooks(session);
    await books.set(1, book);
    await lookups.set(1, asking('p'.repeat(1000)));
    await lookups.set(2, asking('p'.repeat(1000)));
    await books.set(3, book);
    await lookups.set(3, asking('p'.repeat(1000)));
    expect([...session.data.keys()].sort()).toEqual(['lookup:3', 'tab:1', 'tab:3']);
    expect(await lookups.get(3)).toEqual(asking('p'.repeat(1000)));
  });

  it('keeps a tab’s book by dropping lookups', async () => {
    const session = fakeStorageArea({ quotaBytes: 1200 });
    const lookups = createTabLookups(session);
    const books = createTabBooks(session);
    await lookups.set(1, asking('p'.repeat(1000)));
    await books.set(2, book);
    expect(await books.get(2)).toEqual(book);
    expect(await lookups.get(1)).toBeNull();
  });
});

describe('a full storage area, as each browser says it', () => {
  it.each([
    ['Chrome, storage.local', new Error('Resource::kQuotaBytes quota exceeded'), true],
    ['Chrome, one storage.sync item', new Error('Resource::kQuotaBytesPerItem quota exceeded'), true],
    ['Firefox', new Error('QuotaExceededError: storage.session API call exceeded its quota limitations.'), true],
    ['Chrome, too many writes (room would not help)', new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'), false],
    ['a broken database', new Error('IO error: .../LOCK: No further details.'), false],
  ])('%s', (_name, error, full) => {
    expect(isQuotaError(error)).toBe(full);
  });
});
