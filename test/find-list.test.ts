// List pages of the real corpus (../shared/amazon-pages/lists, never copied here): every item of the
// list, in page order, with its own ASIN; the print edition's ISBN-13 wherever the item's own markup
// names one, and nothing where it names none; no item outside the list (carousels, ads rails).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findListItems } from '../src/book/find-list';
import { loadPage } from '../src/cli/load-page';

const LISTS = new URL('../../shared/amazon-pages/lists/', import.meta.url);

interface ListPage {
  file: string;
  url: string;
  kind: string;
  items: Array<{ asins: string[]; isbn13: string[] }>;
}

const present = existsSync(new URL('EXPECTED.json', LISTS));
const pages: ListPage[] = present ? JSON.parse(readFileSync(new URL('EXPECTED.json', LISTS), 'utf8')).pages : [];
if (!present) {
  console.warn('\n*** ../shared/amazon-pages/lists is missing: the list pages were NOT checked ***\n');
  if (process.env.CI === 'true') throw new Error('the list corpus ../shared/amazon-pages/lists is missing under CI');
}

describe.skipIf(!present)('real Amazon list pages', () => {
  it.each(pages.map((page) => [page.file, page] as const))('%s: every item, in order, with its print edition when its markup names one', (_file, page) => {
    const items = findListItems(loadPage(readFileSync(new URL(page.file, LISTS)), page.url));
    expect(items.map((item) => item.asin)).toEqual(page.items.map((item) => item.asins[0]));
    items.forEach((item, index) => {
      const expected = page.items[index]!.isbn13;
      if (expected.length === 0) expect(item.isbn13, `item ${index} (${item.asin})`).toBeNull();
      else expect(expected, `item ${index} (${item.asin})`).toContain(item.isbn13);
    });
  });
});
