// Page reading, one rule at a time, on pages of a few lines written for each: the labels and values
// each layout family prints, the page-kind signals, where the page declares its ASIN, the format
// switcher, the print-edition notes, and the pages never to read. The fixtures and the real-page corpus
// show the rules together; these show that each one is needed.
import { describe, expect, it } from 'vitest';
import { findBookOnPage, pageKind, productAsin } from '../src/book/find-book';
import { loadPage } from '../src/cli/load-page';

/** Valid numbers, as ISBN-10 (the ASIN Amazon gives such a book) and ISBN-13. */
const ETRANGER = { isbn10: '2070360024', isbn13: '9782070360024' };
const ETRANGER_FOLIO = { isbn10: '207036822X', isbn13: '9782070368228' };
const DRACULA = { isbn10: '0141439513', isbn13: '9780141439518' };
const PRINT_B_ASIN = 'B0TESTPRN1';

const doc = (body: string, url: string, head = '') => loadPage(new TextEncoder().encode(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`), url);
const read = (body: string, url = `https://www.amazon.fr/dp/${PRINT_B_ASIN}`, head = '') => findBookOnPage(doc(body, url, head), url);
/** A print page (its #dp says so) with these details, at an address whose ASIN is no ISBN: only the details can name the book. */
const printPage = (details: string) => read(`<div id="dp" class="book fr_FR">${details}</div>`);
const bullets = (...items: string[]) => `<div id="detailBullets_feature_div"><ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul></div>`;
const table = (...rows: Array<[string, string]>) => `<table id="productDetails_techSpec_section_1">${rows.map(([th, td]) => `<tr><th>${th}</th><td>${td}</td></tr>`).join('')}</table>`;

describe('labels and values, as each layout prints them', () => {
  it.each([
    // Amazon's bullets: bidi marks around the colon, the value on its own line.
    ['bullets with bidi marks', bullets(`<span class="a-text-bold">ISBN-13\u200f:\u200e</span> <span>978-2070360024</span>`), 'detail-bullets'],
    ['a label broken over lines', bullets(`<span>ISBN\n        13 :</span><span>9782070360024</span>`), 'detail-bullets'],
    ['a value printed in groups, right after the colon', bullets('<span>ISBN-13:</span><span>978 2 07 036002 4</span>'), 'detail-bullets'],
    ['a Kindle page count’s source', bullets('<span>Page numbers source ISBN :</span><span>2070360024</span>'), 'detail-bullets'],
    ['a table label with its colon', table(['ISBN-13 :', '9782070360024']), 'details-table'],
    ['a Japanese full-width colon', table(['ISBN-13：', '978-2070360024']), 'details-table'],
    ['two numbers in one value', table(['ISBN', '2070360024 / 978-2-07-036002-4']), 'details-table'],
    ['a word before the number', table(['ISBN-10', '(Folio) 2070360024']), 'details-table'],
    ['a word before two numbers', table(['ISBN', '(poche) 2070360024 / 9782070360024']), 'details-table'],
  ])('reads %s', (_what, details, source) => {
    expect(printPage(details)).toMatchObject({ isbn13: ETRANGER.isbn13, kind: 'print', source });
  });

  it.each([
    ['a number under another label', bullets(`<span>Publisher :</span><span>Gallimard (${ETRANGER.isbn13})</span>`)],
    ['a number in a line with no colon', bullets(`<span>ISBN ${ETRANGER.isbn13}</span>`)],
    ['a table row of another field', table(['EAN', ETRANGER.isbn13])],
    ['a sentence that ends in ISBN', table(['Readers often ask us for this edition’s ISBN', ETRANGER.isbn13])],
  ])('does not read %s', (_what, details) => {
    expect(printPage(details)).toMatchObject({ isbn13: null, source: 'none' });
  });

  it('takes a label of up to 40 characters, and no longer', () => {
    const label = (length: number) => `${'x'.repeat(length - ' ISBN'.length)} ISBN`;
    expect(printPage(table([label(40), ETRANGER.isbn13])).isbn13).toBe(ETRANGER.isbn13);
    expect(printPage(table([label(41), ETRANGER.isbn13])).isbn13).toBeNull();
  });

  it('reads the first table row that is an ISBN, not the first row', () => {
    expect(printPage(table(['Publisher', DRACULA.isbn13], ['ISBN-13', ETRANGER.isbn13])).isbn13).toBe(ETRANGER.isbn13);
  });
});

describe('the older layouts, each found by its place on the page', () => {
  it('reads the 2018 mobile header under the title, only on a mobile page', () => {
    const header = `<span class="a-size-small">ISBN-13:</span><span class="a-size-small">${ETRANGER.isbn13}</span>`;
    expect(read(`<div id="dp" class="book_mobile fr_FR">${header}</div>`)).toMatchObject({ isbn13: ETRANGER.isbn13, source: 'mobile-header' });
    expect(read(`<div id="dp" class="book fr_FR">${header}</div>`)).toMatchObject({ isbn13: null });
  });

  it('reads the 2018 mobile table by its label cells, only th cells', () => {
    const cells = `<div><span class="prodDetSectionEntry">ISBN-13</span><span>${DRACULA.isbn13}</span></div><table><tr><th class="prodDetSectionEntry">ISBN-13</th><td>${ETRANGER.isbn13}</td></tr></table>`;
    expect(printPage(cells)).toMatchObject({ isbn13: ETRANGER.isbn13, source: 'details-table' });
  });

  it('reads a 2008 details block after its heading or in its table cell, and no other "content" block', () => {
    const block = `<div class="content"><ul><li><b>ISBN-13:</b> ${ETRANGER.isbn13}</li></ul></div>`;
    expect(printPage(`<h2>Product details</h2>${block}`)).toMatchObject({ isbn13: ETRANGER.isbn13, source: 'legacy-details' });
    expect(printPage(`<table><tr><td class="bucket">${block}</td></tr></table>`)).toMatchObject({ isbn13: ETRANGER.isbn13, source: 'legacy-details' });
    expect(printPage(`<h3>Customers also bought</h3>${block}`)).toMatchObject({ isbn13: null });
    expect(printPage(block)).toMatchObject({ isbn13: null });
  });
});

describe('what the page sells', () => {
  it.each([
    ['#dp says audible', '<div id="dp" class="audible fr_FR"></div>', 'audiobook'],
    ['#dp says audiobooks', '<div id="dp" class="  audiobooks   fr_FR"></div>', 'audiobook'],
    ['the category says audible', '<div id="nav-subnav" data-category="audible"></div>', 'audiobook'],
    ['the category says books', '<div id="nav-subnav" data-category="stripbooks"></div>', 'print'],
    ['the category says kindle-store', '<div id="nav-subnav" data-category="kindle-store"></div>', 'kindle'],
    ['Audible’s details table', '<div id="audibleProductDetails"></div>', 'audiobook'],
    ['the subtitle says Kindle', '<div id="productSubtitle">Kindle Edition</div>', 'kindle'],
    // One signal says books: a wrong "not a book" would cost a lookup, so the book signal wins.
    ['#dp says electronics, the category books', '<div id="dp" class="electronics"></div><div id="nav-subnav" data-category="stripbooks"></div>', 'print'],
    ['#dp says electronics', `<div id="dp" class="electronics"></div>`, 'not-a-book'],
  ])('%s: %s', (_what, body, kind) => {
    const url = `https://www.amazon.fr/dp/${ETRANGER.isbn10}`;
    expect(pageKind(doc(body, url))).toBe(kind);
    expect(read(body, url).kind).toBe(kind);
  });

  it('reads no book from a page that has neither a product nor a kind (search results, the home page)', () => {
    const details = bullets(`<span>ISBN-13 :</span><span>${ETRANGER.isbn13}</span>`);
    expect(read(details, 'https://www.amazon.fr/s?k=camus')).toEqual({ isbn13: null, editions: [], kind: 'not-a-book', source: 'none', asin: null });
    // The same details on a book page whose address names no product: read.
    expect(read(`<div id="dp" class="book fr_FR">${details}</div>`, 'https://www.amazon.fr/s?k=camus')).toMatchObject({ isbn13: ETRANGER.isbn13, kind: 'print' });
  });

  it.each([
    ['a robot check', `<form action="/errors/validateCaptcha"></form>`],
    ['an adult-content curtain', `<div id="black-curtain-warning"></div>`],
  ])('reads nothing behind %s, whatever else the page carries', (_what, blocker) => {
    const page = `${blocker}<div id="dp" class="book fr_FR">${bullets(`<span>ISBN-13 :</span><span>${ETRANGER.isbn13}</span>`)}</div>`;
    expect(read(page, `https://www.amazon.fr/dp/${ETRANGER.isbn10}`)).toEqual({ isbn13: null, editions: [], kind: 'not-a-book', source: 'none', asin: null });
  });
});

describe('the ASIN the page declares', () => {
  const url = 'https://www.amazon.fr/gp/aw/ybh';
  it.each([
    ['the canonical link', '', `<link rel="canonical" href="https://www.amazon.fr/L-Etranger/dp/${ETRANGER.isbn10}">`, ETRANGER.isbn10],
    ['a hidden input in a form', `<form><input type="hidden" name="ASIN" value="${ETRANGER.isbn10}"></form>`, '', ETRANGER.isbn10],
    ['the first of two inputs of one name', `<form><input type="hidden" name="ASIN.0" value=" ${ETRANGER_FOLIO.isbn10.toLowerCase()} "><input type="hidden" name="ASIN.0" value="${DRACULA.isbn10}"></form>`, '', ETRANGER_FOLIO.isbn10],
    ['the reviews block, in lower case', `<div id="averageCustomerReviews" data-asin="b0testkin4"></div>`, '', 'B0TESTKIN4'],
    ['an input, not another element of that id', `<div id="ASIN">${DRACULA.isbn10}</div><form><input type="hidden" name="ASIN" value="${ETRANGER.isbn10}"></form>`, '', ETRANGER.isbn10],
    ['ten characters, not eleven (one before)', `<input id="ASIN" value="X${DRACULA.isbn10}"><form><input type="hidden" name="ASIN" value="${ETRANGER.isbn10}"></form>`, '', ETRANGER.isbn10],
    ['ten characters, not eleven (one after)', `<input id="ASIN" value="${DRACULA.isbn10}X"><form><input type="hidden" name="ASIN" value="${ETRANGER.isbn10}"></form>`, '', ETRANGER.isbn10],
    ['an input, after a reviews block that names none', `<div id="averageCustomerReviews"></div><input id="ASIN" value="${ETRANGER.isbn10}">`, '', ETRANGER.isbn10],
  ])('from %s', (_where, body, head, asin) => {
    expect(productAsin(doc(body, url, head), url)).toEqual({ asin, confirmed: true });
  });

  it('takes the canonical link from the head only (one in the body is another product’s)', () => {
    expect(productAsin(doc(`<link rel="canonical" href="https://www.amazon.fr/dp/${DRACULA.isbn10}">`, url), url)).toEqual({ asin: null, confirmed: false });
  });

  it('takes the address’s ASIN when the page confirms it or says nothing, else the page’s own', () => {
    const at = `https://www.amazon.fr/dp/${ETRANGER.isbn10}`;
    const declaring = (asin: string) => `<input type="hidden" id="ASIN" value="${asin}">`;
    expect(productAsin(doc(declaring(ETRANGER.isbn10), at), at)).toEqual({ asin: ETRANGER.isbn10, confirmed: true });
    expect(productAsin(doc('', at), at)).toEqual({ asin: ETRANGER.isbn10, confirmed: false });
    expect(productAsin(doc(declaring(DRACULA.isbn10), at), at)).toEqual({ asin: DRACULA.isbn10, confirmed: true });
    expect(productAsin(doc('', url), url)).toEqual({ asin: null, confirmed: false });
  });
});

describe('which number is the product’s own on a print page', () => {
  const at = `https://www.amazon.fr/dp/${ETRANGER.isbn10}`;
  const details = (...isbns: string[]) => bullets(...isbns.map((isbn) => `<span>ISBN-13 :</span><span>${isbn}</span>`));

  it('on a page with no kind signal, trusts an unconfirmed address’s ISBN only when the details print it', () => {
    expect(read(details(ETRANGER_FOLIO.isbn13, ETRANGER.isbn13), at)).toMatchObject({ isbn13: ETRANGER.isbn13, source: 'detail-bullets' });
    expect(read(details(ETRANGER_FOLIO.isbn13), at)).toMatchObject({ isbn13: ETRANGER_FOLIO.isbn13, source: 'detail-bullets' });
  });

  it('on a print page, says where the address’s ISBN was printed, or that only the address gave it', () => {
    expect(read(`<div id="dp" class="book fr_FR">${details(ETRANGER_FOLIO.isbn13, ETRANGER.isbn13)}</div>`, at)).toMatchObject({ isbn13: ETRANGER.isbn13, source: 'detail-bullets' });
    expect(read('<div id="dp" class="book fr_FR"></div>', at)).toMatchObject({ isbn13: ETRANGER.isbn13, source: 'asin' });
    expect(read('<div id="dp" class="book fr_FR"></div>')).toEqual({ isbn13: null, editions: [], kind: 'print', source: 'none', asin: PRINT_B_ASIN });
  });
});

describe('the print editions an eBook page offers', () => {
  const kindle = (switcher: string, more = '') => read(`<div id="dp" class="ebooks fr_FR"><div id="tmmSwatches">${switcher}</div>${more}</div>`, 'https://www.amazon.fr/dp/B0TESTKIN4');
  const tile = (format: string, asin: string, ref = '') => `<div id="tmm-grid-swatch-${format}"><a href="/dp/${asin}${ref}">${format}</a></div>`;

  it('names each format by its tile where the link does not, paperback first, and leaves out audio and Kindle', () => {
    // (AUDIBLE: a name the tile list does not know, read in lower case like the link codes.)
    const book = kindle(tile('AUDIO_CD', DRACULA.isbn10) + tile('AUDIBLE', '0575090677') + tile('HARDCOVER', ETRANGER.isbn10) + tile('SPIRAL_BOUND', ETRANGER_FOLIO.isbn10) + tile('PAPERBACK', '0306406152'));
    expect(book).toMatchObject({ isbn13: '9780306406157', source: 'format-switcher', kind: 'kindle' });
    // Paperback, hardcover, then a format the preferences do not name; never the audio CD.
    expect(book.editions).toEqual(['9780306406157', ETRANGER.isbn13, ETRANGER_FOLIO.isbn13]);
  });

  it('reads the format from the link where it has one, and skips links whose ASIN is no ISBN or whose format nothing names', () => {
    const book = kindle(`<a href="/dp/${PRINT_B_ASIN}/ref=tmm_pap_swatch_0">Paperback</a><a href="/dp/${DRACULA.isbn10}">See all formats</a><a href="/dp/${ETRANGER.isbn10}/ref=tmm_hrd_swatch_0?qid=1">Hardcover</a>`);
    expect(book.editions).toEqual([ETRANGER.isbn13]);
  });

  it('reads the print edition an eBook page cites, in its text or its popover, skipping numbers that are no ISBN', () => {
    const note = (text: string, popover = '') => `<div id="rpi-attribute-book_details-ebook_pages"${popover ? ` data-a-popover='${popover}'` : ''}>${text}</div>`;
    expect(kindle('', note(`Based on the print edition (ISBN 1234567890, ISBN ${DRACULA.isbn10})`))).toMatchObject({ isbn13: DRACULA.isbn13, source: 'print-edition-note' });
    expect(kindle('', note('425 pages', `{"content": "print edition ISBN-13: ${DRACULA.isbn13}"}`))).toMatchObject({ isbn13: DRACULA.isbn13, source: 'print-edition-note' });
    expect(kindle('', note('425 pages'))).toEqual({ isbn13: null, editions: [], kind: 'kindle', source: 'none', asin: 'B0TESTKIN4' });
  });
});
