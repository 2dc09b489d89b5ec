// The book each tab shows (tab-records.ts).
import type { Storage } from '../shared/browser';
import { TAB_BOOK_PREFIX, TabBook } from '../messages/session-records';
import { createTabRecords } from './tab-records';

export const createTabBooks = (area: Storage.StorageArea) => createTabRecords(area, TAB_BOOK_PREFIX, TabBook);

export type TabBooks = ReturnType<typeof createTabBooks>;
