// An Amazon search results page of as many books as a test needs, for the list script to read and
// mark in real browsers (Amazon itself is out of reach here). Written for the tests, in the shape of
// today's layout as the real pages in ../shared/amazon-pages/lists show it (com-2025-search-atomic-habits.html):
// each result a <div role="listitem" data-component-type="s-search-result" data-asin="…"> with its
// heading inside the product link (<a href="/Title/dp/ASIN/…"><h2><span>Title</span></h2></a>), then
// the price and the format links. Each result is given the height of a real one (about 250 px on a
// desktop), so that a scroll through the page takes the time it takes on Amazon.
import { isbn10CheckDigit, isbn10To13 } from '../src/book/isbn';

export interface ListedBook {
  isbn10: string;
  title: string;
}

/** `count` ISBN-10s of one publisher (2-07, Gallimard's prefix), each with its check digit: distinct, valid books. */
export function madeUpBooks(count: number, first = 100): ListedBook[] {
  return Array.from({ length: count }, (_, i) => {
    const body = `207${String(first + i).padStart(6, '0')}`;
    const isbn10 = body + isbn10CheckDigit(body);
    return { isbn10, title: `Book ${i + 1} (ISBN ${isbn10To13(isbn10)})` };
  });
}

export function searchResultsPage(books: ListedBook[], query = 'livres'): string {
  const results = books
    .map(
      (book, i) => `
<div role="listitem" class="s-result-item s-asin" data-asin="${book.isbn10}" data-index="${i + 2}" data-component-type="s-search-result" style="height:230px;border-bottom:1px solid #ddd;padding:10px">
  <div class="puis-card-container s-card-container" data-dib-asin="${book.isbn10}">
    <a class="a-link-normal s-line-clamp-2" href="/${encodeURIComponent(book.title)}/dp/${book.isbn10}/ref=sr_1_${i + 1}?keywords=${query}"><h2 class="a-size-medium"><span>${book.title}</span></h2></a>
    <div class="a-row"><span class="a-price"><span class="a-offscreen">9,50 €</span></span></div>
    <div class="a-row"><a class="a-link-normal s-underline-text" href="/${encodeURIComponent(book.title)}/dp/${book.isbn10}/ref=sr_1_${i + 1}_fmt?keywords=${query}">Broché</a></div>
  </div>
</div>`,
    )
    .join('');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Amazon.fr : ${query}</title></head>
<body style="margin:0;font:14px Arial,sans-serif">
<div id="search"><div class="s-main-slot s-result-list s-search-results sg-row" role="list">${results}
</div></div>
</body></html>`;
}
