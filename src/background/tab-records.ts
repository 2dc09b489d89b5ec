// What the worker remembers per tab in storage.session (the book a tab shows, the list page it
// shows), so a stopped and restarted worker still knows it: one record per tab under `prefix + tabId`,
// parsed on every read. A record that does not parse (an older version's, or damaged) is dropped: the
// page says it again. When storage.session is full, the tabs' lookups make room (each is asked again).
import type * as z from 'zod/mini';
import type { Storage } from '../shared/browser';
import { dropTabLookups, setMakingRoom } from './stores';

export function createTabRecords<T>(area: Storage.StorageArea, prefix: string, schema: z.ZodMiniType<T>) {
  const keyOf = (tabId: number) => `${prefix}${tabId}`;
  return {
    async get(tabId: number): Promise<T | null> {
      const key = keyOf(tabId);
      const stored = (await area.get(key))[key];
      if (stored === undefined) return null;
      const parsed = schema.safeParse(stored);
      if (parsed.success) return parsed.data;
      await area.remove(key);
      return null;
    },
    async set(tabId: number, record: T): Promise<void> {
      await setMakingRoom(area, { [keyOf(tabId)]: record }, [() => dropTabLookups(area)]);
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(keyOf(tabId));
    },
    /** The tabs that have a record. */
    async tabs(): Promise<number[]> {
      return Object.keys(await area.get(null))
        .filter((key) => key.startsWith(prefix))
        .map((key) => Number(key.slice(prefix.length)));
    },
  };
}
