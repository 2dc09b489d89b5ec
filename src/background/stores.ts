// What the background keeps, each behind a small typed store: settings (storage.sync and .local), the lookup
// cache and geocoding answers (storage.local), and per-tab lookups (storage.session). A full storage
// area never stops a lookup: what can be asked again is dropped to make room, or not kept at all.
import type { CacheEntry, LookupCache } from '../lookup/lookup';
import type { Storage } from '../shared/browser';
import * as z from 'zod/mini';
import { isQuotaError } from '../shared/quota';
import type { Settings } from '../shared/settings';
import { loadSettings, saveSettings, type SettingsAreas } from '../shared/settings-storage';
import { TAB_LOOKUP_PREFIX, TabLookup, tabLookupKey } from '../messages/session-records';

/**
 * Writes `items`. When the area is full, each step of `makeRoom` in turn removes what can be asked for
 * again, and the write is tried again. Returns false if there is still no room (the caller goes on
 * without keeping it); any other error is thrown.
 */
export async function setMakingRoom(area: Storage.StorageArea, items: Record<string, unknown>, makeRoom: Array<() => Promise<void>>): Promise<boolean> {
  for (let step = 0; ; step++) {
    try {
      await area.set(items);
      return true;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      if (step === makeRoom.length) {
        console.warn('Local Bookshops: storage is full, not kept:', Object.keys(items).join(', '));
        return false;
      }
    }
    await makeRoom[step]!();
  }
}

/** Removes the keys of an area that `drop` picks (given key and value). */
async function removeWhere(area: Storage.StorageArea, drop: (key: string, value: unknown) => boolean): Promise<void> {
  const doomed = Object.entries(await area.get(null))
    .filter(([key, value]) => drop(key, value))
    .map(([key]) => key);
  if (doomed.length) await area.remove(doomed);
}

const isCacheKey = (key: string) => key.startsWith('cache:') || key.startsWith('geo:');

export function createSettingsStore(areas: SettingsAreas) {
  return {
    async load(): Promise<Settings> {
      return (await loadSettings(areas)).settings;
    },
    async save(settings: Settings): Promise<void> {
      await saveSettings(areas, settings);
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;

/** Expired entries are looked for at most this often, on a write (and at start-up). */
const PURGE_EVERY_MS = 60 * 60 * 1000;
/** How long a typed town's coordinates are kept. */
export const GEOCODE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

const expired = (value: unknown, at: number) => !(typeof (value as { expiresAt?: unknown })?.expiresAt === 'number' && (value as { expiresAt: number }).expiresAt > at);

/**
 * The lookup cache in storage.local: one key per request, so tabs never overwrite each other. An
 * answer with no shop is kept only in memory, so the disk holds no list of every book looked at: in
 * storage.session when given (memory the browser keeps while it runs, so a worker stopped and started
 * again, as MV3 workers are every few idle seconds, does not ask a list page's books again), else in
 * this worker's memory. Expired answers (and geocodings) are removed on a write, at most once an hour,
 * and at start-up; when storage.local is full, expired answers go first, then every cached answer.
 */
export function createLookupCache(
  area: Storage.StorageArea,
  now: () => number,
  session?: Storage.StorageArea,
): LookupCache & { purgeExpired(): Promise<void>; forgetMemory(): void } {
  const purgeExpired = async () => {
    await Promise.all([area, session].map((where) => where && removeWhere(where, (key, value) => isCacheKey(key) && expired(value, now()))));
  };
  const makeRoom = [purgeExpired, () => removeWhere(area, isCacheKey)];
  const inMemory = new Map<string, CacheEntry>();
  let purgedAt = Number.NEGATIVE_INFINITY;
  async function purgeNowAndThen(): Promise<void> {
    if (now() - purgedAt < PURGE_EVERY_MS) return;
    purgedAt = now();
    await purgeExpired();
  }
  const asEntry = (stored: unknown) => {
    const entry = stored as CacheEntry | undefined;
    return entry && typeof entry === 'object' && typeof entry.expiresAt === 'number' ? entry : null;
  };
  return {
    async get(key) {
      const remembered = inMemory.get(key) ?? (session && asEntry((await session.get(`cache:${key}`))[`cache:${key}`]));
      if (remembered) return remembered;
      return asEntry((await area.get(`cache:${key}`))[`cache:${key}`]);
    },
    async set(key, entry) {
      await purgeNowAndThen();
      if (entry.shops.length > 0) {
        await setMakingRoom(area, { [`cache:${key}`]: entry }, makeRoom);
      } else if (session) {
        // When storage.session is full, the tabs' lookups make room (each is asked again from the cache).
        await setMakingRoom(session, { [`cache:${key}`]: entry }, [() => dropTabLookups(session)]);
      } else {
        inMemory.set(key, entry);
      }
    },
    async getBackoff(sourceId) {
      const until = (await area.get(`backoff:${sourceId}`))[`backoff:${sourceId}`];
      return typeof until === 'number' ? until : null;
    },
    async setBackoff(sourceId, until) {
      await setMakingRoom(area, { [`backoff:${sourceId}`]: until }, makeRoom);
    },
    purgeExpired,
    forgetMemory: () => inMemory.clear(),
  };
}

/**
 * Geocoding answers in storage.local, under the geocoder's own keys, each kept 30 days (a town typed is
 * not kept for ever); the cache makes room the same way.
 */
export function createKeyValueCache(area: Storage.StorageArea, now: () => number = Date.now) {
  return {
    async get(key: string): Promise<unknown> {
      const stored = (await area.get(key))[key] as { value?: unknown; expiresAt?: number } | undefined;
      return stored && !expired(stored, now()) ? stored.value : undefined;
    },
    async set(key: string, value: unknown): Promise<void> {
      await setMakingRoom(area, { [key]: { value, expiresAt: now() + GEOCODE_LIFETIME_MS } }, [() => removeWhere(area, isCacheKey)]);
    },
  };
}

/**
 * The lookup for each tab, in storage.session: a reopened popup or a restarted worker finds it. When
 * storage.session is full, the other tabs' lookups go (each is asked again, from the cache, when its
 * popup opens); if there is still no room, this one is not kept and is asked again the same way.
 */
export function createTabLookups(area: Storage.StorageArea) {
  return {
    async get(tabId: number): Promise<TabLookup | null> {
      const key = tabLookupKey(tabId);
      const parsed = TabLookup.safeParse((await area.get(key))[key]);
      return parsed.success ? parsed.data : null;
    },
    async set(tabId: number, lookup: TabLookup): Promise<void> {
      const key = tabLookupKey(tabId);
      await setMakingRoom(area, { [key]: lookup }, [() => dropTabLookups(area, key)]);
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(tabLookupKey(tabId));
    },
  };
}
export type TabLookups = ReturnType<typeof createTabLookups>;

/** Makes room in storage.session: every tab's lookup but `keep` goes (each can be asked again from the cache). */
export function dropTabLookups(area: Storage.StorageArea, keep?: string): Promise<void> {
  return removeWhere(area, (key) => key.startsWith(TAB_LOOKUP_PREFIX) && key !== keep);
}

/** storage.session: when the list pages' last lookups started (lists/queue.ts's minute and hour). */
const LOOKUP_TIMES_KEY = 'listLookupTimes';
const LookupTimes = z.array(z.number()).check(z.maxLength(1000));

/**
 * The list pages' lookup start times, kept in storage.session so a worker the browser stopped and
 * started again counts the minute's and the hour's lookups it did not make itself.
 */
export function createLookupTimes(area: Storage.StorageArea) {
  return {
    load: async (): Promise<number[]> => LookupTimes.safeParse((await area.get(LOOKUP_TIMES_KEY))[LOOKUP_TIMES_KEY]).data ?? [],
    save: (times: number[]): Promise<void> => area.set({ [LOOKUP_TIMES_KEY]: times }),
  };
}
