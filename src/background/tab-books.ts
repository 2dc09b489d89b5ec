// The book each tab shows, kept in storage.session so a stopped and restarted worker still knows it.
import type { Storage } from '../shared/browser';
import { TabBook, tabBookKey as keyOf } from '../shared/messages';
import { dropTabLookups, setMakingRoom } from './stores';

export function createTabBooks(area: Storage.StorageArea) {
  return {
    async get(tabId: number): Promise<TabBook | null> {
      const key = keyOf(tabId);
      const stored = (await area.get(key))[key];
      if (stored === undefined) return null;
      const parsed = TabBook.safeParse(stored);
      if (parsed.success) return parsed.data;
      // Written by an older version, or damaged: drop it, the page will tell us again.
      await area.remove(key);
      return null;
    },
    async set(tabId: number, book: TabBook): Promise<void> {
      // The book is small and needed; when storage.session is full, the tabs' lookups make room (asked again later).
      await setMakingRoom(area, { [keyOf(tabId)]: book }, [() => dropTabLookups(area)]);
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(keyOf(tabId));
    },
  };
}

export type TabBooks = ReturnType<typeof createTabBooks>;
