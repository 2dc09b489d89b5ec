// Page reading on small pages written for these tests, one per layout family and pitfall.
import { describe, expect, it } from 'vitest';
import { findBookOnPage, type BookOnPage } from '../src/book/find-book';
import { loadPage } from '../src/cli/load-page';
import { readFixture } from './fixtures';

function read(file: string, url: string): BookOnPage {
  return findBookOnPage(loadPage(readFixture(file), url), url);
}

describe('print book pages', () => {
  it('reads the ISBN-13 from the RPI card of a current desktop page, and lists the other print format', () => {
    expect(read('desktop-2023-rpi-and-bullets.html', 'https://www.amazon.fr/LÉtranger-Albert-Camus/dp/207036822X/ref=sr_1_1')).toEqual({
      isbn13: '9782070368228',
      editions: ['9782070368228', '9782091873732'],
      kind: 'print',
      source: 'rpi',
      asin: '207036822X',
    });
  });

  it('ignores the books in carousels and "customers also viewed"', () => {
    const book = read('desktop-2023-rpi-and-bullets.html', 'https://www.amazon.fr/dp/207036822X');
    expect(book.editions).not.toContain('9780141439518');
    expect(book.editions).not.toContain('9783423130233');
  });

  it('decides by length and check digit when a 13-digit number stands under the ISBN-10 label', () => {
    const book = read('desktop-mislabelled-isbn10.html', 'https://www.amazon.co.uk/dp/0141439513');
    expect(book.isbn13).toBe('9780141439518');
    expect(book.editions).toEqual(['9780141439518']);
  });

  it('reads a th/td details table, on an address with a /-/en/ language prefix', () => {
    const book = read('desktop-details-table-language-prefix.html', 'https://www.amazon.it/-/en/Nome-della-rosa/dp/8845901378?th=1');
    expect(book).toMatchObject({ isbn13: '9788845901379', kind: 'print', source: 'details-table', asin: '8845901378' });
  });

  it('reads the 2017-2021 bullets, where "ISBN-10 :" has a space before the colon', () => {
    const book = read('legacy-2019-bullets-fr.html', 'https://www.amazon.fr/gp/product/209187373X/ref=ppx_yo_dt_b_asin_title');
    expect(book).toMatchObject({ isbn13: '9782091873732', kind: 'print', source: 'legacy-details' });
  });

  it('reads a 2008 page with no ids, in ISO-8859-1, and skips the "also bought" list under it', () => {
    const book = read('old-2008-couk-iso-8859-1.html', 'https://www.amazon.co.uk/Kafka-Shore-Haruki-Murakami/dp/0312453779');
    expect(book).toMatchObject({ isbn13: '9780312453770', editions: ['9780312453770'], kind: 'print', source: 'legacy-details' });
  });

  it('reads a 2008 amazon.co.jp page in Shift_JIS', () => {
    const book = read('old-2008-jp-shift-jis.html', 'https://www.amazon.co.jp/gp/product/4062751127');
    expect(book).toMatchObject({ isbn13: '9784062751124', kind: 'print', source: 'legacy-details' });
  });

  it('reads the 2018 mobile header, trailing comma included, and not the EAN in the title', () => {
    const book = read('mobile-2018-book.html', 'https://www.amazon.com/gp/aw/d/0307474720');
    expect(book).toMatchObject({ isbn13: '9780307474728', editions: ['9780307474728'], kind: 'print' });
  });

  it('reads a 979 book, whose ASIN starts with B', () => {
    const book = read('print-979-b-asin.html', 'https://www.amazon.com/dp/B0TEST9791');
    expect(book).toMatchObject({ isbn13: '9798886453126', kind: 'print', source: 'rpi' });
  });

  it('gives no ISBN of its own for a B-ASIN print edition without one, but lists the other print edition', () => {
    const book = read('print-b-asin-without-isbn.html', 'https://www.amazon.de/dp/B0TESTHRD8');
    expect(book).toMatchObject({ isbn13: null, editions: ['9783423130233'], kind: 'print' });
  });

  it('does not take an ISMN (979-0, printed music) for an ISBN', () => {
    const book = read('printed-music-ismn.html', 'https://www.amazon.co.uk/dp/B0TESTMUS1');
    expect(book.isbn13).toBeNull();
    expect(book.editions).toEqual([]);
  });
});

describe('eBook and audiobook pages', () => {
  it('prefers the paperback in the format switcher, then the hardcover, then the edition the page cites', () => {
    expect(read('kindle-2024-swatches.html', 'https://www.amazon.com/Name-Wind-ebook/dp/B0TESTKIN4')).toEqual({
      isbn13: '9781551923703',
      editions: ['9781551923703', '9780756404079', '9780802135124'],
      kind: 'kindle',
      source: 'format-switcher',
      asin: 'B0TESTKIN4',
    });
  });

  it('reads the pre-2019 #formats switcher', () => {
    const book = read('kindle-2015-formats.html', 'https://www.amazon.co.uk/Design-Patterns-ebook/dp/B0TESTKIN6');
    expect(book).toMatchObject({ isbn13: '9780201616224', kind: 'kindle', source: 'format-switcher' });
  });

  it('reads the print ISBN a 2018 mobile Kindle page shows under its title', () => {
    const book = read('mobile-2018-kindle.html', 'https://www.amazon.com/gp/aw/d/B000TESTK3');
    expect(book).toMatchObject({ isbn13: '9780440190325', editions: ['9780440190325'], kind: 'kindle' });
  });

  it('offers the paperback for an audiobook, and leaves out the audio CD', () => {
    const book = read('audiobook-2024.html', 'https://www.amazon.de/Siddhartha/dp/B0TESTAUD7');
    expect(book).toMatchObject({ isbn13: '9783423130233', editions: ['9783423130233'], kind: 'audiobook' });
  });
});

describe('pages that show no book', () => {
  it.each([
    ['search-results.html', 'https://www.amazon.com/s?k=python&ref=nb_sb_noss'],
    ['robot-check.html', 'https://www.amazon.co.uk/dp/0141439513'],
    ['nonbook-electronics.html', 'https://www.amazon.com/Channel-Relay-Module/dp/B0TESTPC01'],
    ['prime-video.html', 'https://www.amazon.com/Christine-Film/dp/B0TESTVID1'],
    ['page-not-found.html', 'https://www.amazon.com/dp/0312453779'],
  ])('reports nothing on %s', (file, url) => {
    const book = read(file, url);
    expect(book.isbn13).toBeNull();
    expect(book.editions).toEqual([]);
    expect(['not-a-book', 'unknown']).toContain(book.kind);
  });

  it('calls films and electronics "not a book"', () => {
    expect(read('prime-video.html', 'https://www.amazon.com/dp/B0TESTVID1').kind).toBe('not-a-book');
    expect(read('nonbook-electronics.html', 'https://www.amazon.com/dp/B0TESTPC01').kind).toBe('not-a-book');
  });
});

describe('odd documents', () => {
  it('returns nothing, without throwing, for an empty document', () => {
    const doc = loadPage(new TextEncoder().encode(''), 'https://www.amazon.fr/dp/207036822X');
    expect(findBookOnPage(doc, 'https://www.amazon.fr/dp/207036822X').isbn13).toBeNull();
  });

  it('trusts an ISBN-10 ASIN on a page that says it sells a book, even without details', () => {
    const doc = loadPage(new TextEncoder().encode('<div id="dp" class="book en_GB"></div>'), 'https://www.amazon.co.uk/dp/0141439513');
    expect(findBookOnPage(doc, 'https://www.amazon.co.uk/dp/0141439513')).toMatchObject({ isbn13: '9780141439518', source: 'asin' });
  });

  it('does not read a book from a carousel on a page whose address is not a product', () => {
    const html = '<div class="a-carousel"><li data-asin="0141439513"><a href="/dp/0141439513">x</a></li></div>';
    const doc = loadPage(new TextEncoder().encode(html), 'https://www.amazon.fr/');
    expect(findBookOnPage(doc, 'https://www.amazon.fr/').isbn13).toBeNull();
  });
});
