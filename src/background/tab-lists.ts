// The list page each tab shows and the books on it that shops near the shopper have, for the popup
// (tab-records.ts).
import type { Storage } from '../shared/browser';
import { TAB_LIST_PREFIX, TabList } from '../messages/session-records';
import { createTabRecords } from './tab-records';

export const createTabLists = (area: Storage.StorageArea) => createTabRecords(area, TAB_LIST_PREFIX, TabList);

export type TabLists = ReturnType<typeof createTabLists>;
