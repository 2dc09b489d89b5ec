// What the background keeps, each behind a small typed store: settings (storage.sync), the lookup
// cache and geocoding answers (storage.local), and per-tab lookups (storage.session).
import type { CacheEntry, LookupCache } from '../lookup/lookup';
import type { Storage } from '../shared/browser';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { TabLookup, tabLookupKey } from '../shared/messages';

export function createSettingsStore(area: Storage.StorageArea) {
  return {
    async load(): Promise<Settings> {
      return parseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
    },
    async save(settings: Settings): Promise<void> {
      await area.set({ [SETTINGS_KEY]: settings });
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;

/** The lookup cache in storage.local: one key per request, so tabs never overwrite each other. */
export function createLookupCache(area: Storage.StorageArea, now: () => number): LookupCache & { purgeExpired(): Promise<void> } {
  return {
    async get(key) {
      const stored = (await area.get(`cache:${key}`))[`cache:${key}`] as CacheEntry | undefined;
      return stored && typeof stored === 'object' && typeof stored.expiresAt === 'number' ? stored : null;
    },
    async set(key, entry) {
      await area.set({ [`cache:${key}`]: entry });
    },
    async getBackoff(sourceId) {
      const until = (await area.get(`backoff:${sourceId}`))[`backoff:${sourceId}`];
      return typeof until === 'number' ? until : null;
    },
    async setBackoff(sourceId, until) {
      await area.set({ [`backoff:${sourceId}`]: until });
    },
    async purgeExpired() {
      const all = await area.get(null);
      const expired = Object.entries(all)
        .filter(([key, value]) => key.startsWith('cache:') && !((value as CacheEntry)?.expiresAt > now()))
        .map(([key]) => key);
      if (expired.length) await area.remove(expired);
    },
  };
}

export function createKeyValueCache(area: Storage.StorageArea) {
  return {
    async get(key: string): Promise<unknown> {
      return (await area.get(key))[key];
    },
    async set(key: string, value: unknown): Promise<void> {
      await area.set({ [key]: value });
    },
  };
}

/** The lookup for each tab, in storage.session: a reopened popup or a restarted worker finds it. */
export function createTabLookups(area: Storage.StorageArea) {
  return {
    async get(tabId: number): Promise<TabLookup | null> {
      const key = tabLookupKey(tabId);
      const parsed = TabLookup.safeParse((await area.get(key))[key]);
      return parsed.success ? parsed.data : null;
    },
    async set(tabId: number, lookup: TabLookup): Promise<void> {
      await area.set({ [tabLookupKey(tabId)]: lookup });
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(tabLookupKey(tabId));
    },
  };
}
export type TabLookups = ReturnType<typeof createTabLookups>;
