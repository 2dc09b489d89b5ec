// The real-page corpus: pages saved from Amazon by public projects, kept in ../shared/amazon-pages
// (never copied here). Every page must give its expected ISBN-13, or nothing where it expects nothing.
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
  });
});
