// The list page each tab shows and the books on it that shops near the shopper have, kept in
// storage.session so the popup can read it and a restarted worker still knows it.
import type { Storage } from '../shared/browser';
import { TAB_LIST_PREFIX, TabList, tabListKey as keyOf } from '../shared/messages';
import { dropTabLookups, setMakingRoom } from './stores';

export function createTabLists(area: Storage.StorageArea) {
  return {
    async get(tabId: number): Promise<TabList | null> {
      const key = keyOf(tabId);
      const stored = (await area.get(key))[key];
      if (stored === undefined) return null;
      const parsed = TabList.safeParse(stored);
      if (parsed.success) return parsed.data;
      // Written by an older version, or damaged: the list script says it again on the next view.
      await area.remove(key);
      return null;
    },
    async set(tabId: number, list: TabList): Promise<void> {
      await setMakingRoom(area, { [keyOf(tabId)]: list }, [() => dropTabLookups(area)]);
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(keyOf(tabId));
    },
    /** Tabs that show a list page. */
    async tabs(): Promise<number[]> {
      return Object.keys(await area.get(null))
        .filter((key) => key.startsWith(TAB_LIST_PREFIX))
        .map((key) => Number(key.slice(TAB_LIST_PREFIX.length)));
    },
  };
}

export type TabLists = ReturnType<typeof createTabLists>;
