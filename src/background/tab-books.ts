// The book each tab shows, kept in storage.session so a stopped and restarted worker still knows it.
import type { Storage } from '../shared/browser';
import { TabBook, tabBookKey as keyOf } from '../shared/messages';

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
      await area.set({ [keyOf(tabId)]: book });
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(keyOf(tabId));
    },
  };
}

export type TabBooks = ReturnType<typeof createTabBooks>;
