// The real-page corpus: pages saved from Amazon by public projects, kept in ../shared/amazon-pages
// (never copied here). Every page must give its expected ISBN-13, or nothing where it expects nothing,
// read from the page and not from its address.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidIsbn13 } from '../src/book/isbn';
import { findBookOnPage } from '../src/book/find-book';
import { loadPage } from '../src/cli/load-page';

const CORPUS = new URL('../../shared/amazon-pages/', import.meta.url);

interface CorpusPage {
  file: string;
  url: string;
  kind: string;
  isbn13: string | null;
  alsoCorrect?: string[];
  charset?: string;
}

const present = existsSync(new URL('EXPECTED.json', CORPUS));
const pages: CorpusPage[] = present ? JSON.parse(readFileSync(new URL('EXPECTED.json', CORPUS), 'utf8')).pages : [];

if (!present) {
  console.warn('\n*** ../shared/amazon-pages is missing: the real-page corpus was NOT checked ***\n');
  if (process.env.CI === 'true') throw new Error('the real-page corpus ../shared/amazon-pages is missing under CI');
}

describe.skipIf(!present)('real Amazon pages', () => {
  it.each(pages.map((page) => [page.file, page] as const))('%s', (_file, page) => {
    const doc = loadPage(readFileSync(new URL(page.file, CORPUS)), page.url, page.charset);
    const book = findBookOnPage(doc, page.url);
    if (page.isbn13 === null) {
      expect(book.isbn13).toBeNull();
      expect(book.editions).toEqual([]);
      return;
    }
    expect([page.isbn13, ...(page.alsoCorrect ?? [])]).toContain(book.isbn13);
    expect(book.kind).toBe(page.kind);
    expect(book.editions[0]).toBe(book.isbn13);
    for (const edition of book.editions) expect(isValidIsbn13(edition)).toBe(true);
    // Read from the page itself (details, header, format switcher), not taken from the address's ASIN:
    // every page here prints its number somewhere.
    expect(['asin', 'none']).not.toContain(book.source);
  });

  // The same pages at an address that names no product (as after a swap Amazon has not put in the
  // address yet): the page alone must say which book it is.
  it.each(pages.map((page) => [page.file, page] as const))('%s, at an address without its ASIN', (_file, page) => {
    const url = new URL('/', page.url).href;
    const book = findBookOnPage(loadPage(readFileSync(new URL(page.file, CORPUS)), url, page.charset), url);
    expect(page.isbn13 === null ? book.isbn13 : [page.isbn13, ...(page.alsoCorrect ?? [])]).toEqual(page.isbn13 === null ? null : expect.arrayContaining([book.isbn13]));
    if (page.isbn13 !== null) expect(book.kind).toBe(page.kind);
  });
});
