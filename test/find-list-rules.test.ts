// List reading, one rule at a time, on pages of a few lines written for each layout and pitfall: the
// corpus shows the rules together; these show that each is needed, and hold on list pages we have not seen.
import { describe, expect, it } from 'vitest';
import { findListItems } from '../src/book/find-list';
import { loadPage } from '../src/cli/load-page';

const DRACULA = { isbn10: '0141439513', isbn13: '9780141439518' };
const ETRANGER = { isbn10: '2070360024', isbn13: '9782070360024' };
const KINDLE = 'B00TESTKIN';
const AUDIO = 'B00TESTAUD';

const read = (body: string, url = 'https://www.amazon.com/s?k=dracula') =>
  findListItems(loadPage(new TextEncoder().encode(`<!doctype html><html><body>${body}</body></html>`), url)).map(({ asin, isbn13, title }) => ({ asin, isbn13, title }));
/** A search result of today's layout: its ASIN, a heading, and links to its formats. */
const result = (asin: string, title: string, ...formats: string[]) =>
  `<div data-component-type="s-search-result" data-asin="${asin}"><h2><a href="/${title}/dp/${asin}/ref=sr_1_1"><span>${title}</span></a></h2>${formats.map((format) => `<a href="/x/dp/${format}/ref=sr_1_1_fmt?dib=1">format</a>`).join('')}</div>`;

describe('search results', () => {
  it('give a print book’s ISBN-13 from its ASIN, and its title', () => {
    expect(read(result(DRACULA.isbn10, 'Dracula', KINDLE))).toEqual([{ asin: DRACULA.isbn10, isbn13: DRACULA.isbn13, title: 'Dracula' }]);
  });

  it('give a Kindle result the print edition its own format links name', () => {
    expect(read(result(KINDLE, 'Dracula', KINDLE, AUDIO, DRACULA.isbn10))).toEqual([{ asin: KINDLE, isbn13: DRACULA.isbn13, title: 'Dracula' }]);
  });

  it('give nothing for a Kindle or audio result that links no print edition, and nothing for a number that fails its check digit', () => {
    expect(read(result(KINDLE, 'Dracula', AUDIO) + result('0141439514', 'Not a book'))).toEqual([
      { asin: KINDLE, isbn13: null, title: 'Dracula' },
      { asin: '0141439514', isbn13: null, title: 'Not a book' },
    ]);
  });

  it('keep the result’s own print edition first, whichever format link comes before it', () => {
    expect(read(result(ETRANGER.isbn10, 'L’Étranger', DRACULA.isbn10))[0]!.isbn13).toBe(ETRANGER.isbn13);
  });

  it('report nothing outside the list: an ads rail or a carousel of other books with their ASINs and links', () => {
    const rail = `<div class="s-widget" data-component-type="sp-sponsored-result"><div data-asin="${ETRANGER.isbn10}"><a href="/dp/${ETRANGER.isbn10}">L’Étranger</a></div></div>`;
    const carousel = `<div class="a-carousel"><li data-asin="${ETRANGER.isbn10}"><a href="/gp/product/${ETRANGER.isbn10}">L’Étranger</a></li></div>`;
    expect(read(rail + result(DRACULA.isbn10, 'Dracula') + carousel).map((item) => item.asin)).toEqual([DRACULA.isbn10]);
  });

  it('give an item’s links to the item: those of an item inside it are that one’s', () => {
    const inner = result(ETRANGER.isbn10, 'L’Étranger');
    const outer = `<div data-component-type="s-search-result" data-asin="${KINDLE}"><h2>Dracula</h2>${inner}<a href="/x/dp/${DRACULA.isbn10}">Paperback</a></div>`;
    expect(read(outer)).toEqual([{ asin: KINDLE, isbn13: DRACULA.isbn13, title: 'Dracula' }]);
  });

  it('read older result lists: <li id="result_N"> with its ASIN and its title link', () => {
    const old = `<ul><li id="result_0" data-asin="${DRACULA.isbn10}" class="s-result-item"><a class="s-access-detail-page" href="https://www.amazon.com/Dracula/dp/${DRACULA.isbn10}"><h2 class="s-access-title" data-attribute="Dracula">Dracula</h2></a></li></ul>`;
    expect(read(old)).toEqual([{ asin: DRACULA.isbn10, isbn13: DRACULA.isbn13, title: 'Dracula' }]);
  });

  it('take a result’s ASIN from its link when its data-asin is no ASIN', () => {
    expect(read(`<div data-component-type="s-search-result" data-asin="B0"><h2><a href="/x/dp/${DRACULA.isbn10}">Dracula</a></h2></div>`)[0]!.asin).toBe(DRACULA.isbn10);
  });

  it('skip an element of the list that names no product (a spacer, a banner)', () => {
    expect(read(`<div data-component-type="s-search-result" data-asin=""><h2>Results</h2></div>${result(DRACULA.isbn10, 'Dracula')}`).map((item) => item.asin)).toEqual([DRACULA.isbn10]);
  });
});

describe('wish lists and idea lists', () => {
  it('read today’s items: <li data-itemid> under #g-items, the ASIN and the title in its item link', () => {
    const item = (id: string, asin: string, title: string) =>
      `<li data-id="LIST" data-itemId="${id}" data-reposition-action-params="{&quot;itemExternalId&quot;:&quot;ASIN:${asin}|A1PA6795UKMFR9&quot;}"><h3><a id="itemName_${id}" title="${title}" href="/dp/${asin}/?coliid=${id}">${title}</a></h3></li>`;
    expect(read(`<ul id="g-items">${item('I1', ETRANGER.isbn10, 'L’Étranger')}${item('I2', KINDLE, 'Dracula (Kindle)')}</ul>`, 'https://www.amazon.fr/hz/wishlist/ls/ABC')).toEqual([
      { asin: ETRANGER.isbn10, isbn13: ETRANGER.isbn13, title: 'L’Étranger' },
      { asin: KINDLE, isbn13: null, title: 'Dracula (Kindle)' },
    ]);
  });

  it('take an item’s ASIN from its first product link, its picture’s, before the links to its other formats', () => {
    const item = `<ul id="g-items"><li data-itemid="I1"><a href="/dp/${KINDLE}/?coliid=I1"><img alt="Dracula"></a><a href="/dp/${DRACULA.isbn10}">Paperback</a></li></ul>`;
    expect(read(item)).toEqual([{ asin: KINDLE, isbn13: DRACULA.isbn13, title: 'Paperback' }]);
  });

  it('read wish lists before 2014: <tbody class="itemWrapper" name="item.N.ITEMID.ASIN">, the title in its product link', () => {
    const tbody = `<table><tbody name="item.7.I1FKKZ5WYHQDSD.${DRACULA.isbn10}" class="itemWrapper"><tr><td><a href="http://www.amazon.co.uk/Dracula/dp/${DRACULA.isbn10}/ref=wl_it_dp_o"><img alt="Product Image"></a></td><td><strong><a href="http://www.amazon.co.uk/Dracula/dp/${DRACULA.isbn10}/ref=wl_it_dp_o">Dracula</a></strong></td></tr></tbody></table>`;
    expect(read(tbody, 'https://www.amazon.co.uk/registry/wishlist/X')).toEqual([{ asin: DRACULA.isbn10, isbn13: DRACULA.isbn13, title: 'Dracula' }]);
  });

  it('read wish lists of 2014 to 2016: <div id="item_ITEMID"> under .g-items-section, the ASIN in its picture’s link, the title in a#itemName_', () => {
    // As "the new wishlist" of 2015 is read by doitlikejustin/amazon-wish-lister (src/wishlist.php): rows
    // div[id^="item_"] under .g-items-section, a[id^="itemName_"] with /dp/ASIN/ref=wl_it_dp_v_nS_ttl.
    const row = (id: string, asin: string, title: string) =>
      `<div id="item_${id}" class="a-fixed-left-grid a-spacing-large"><div id="itemImage_${id}"><a href="/dp/${asin}/ref=wl_it_dp_v_nS_img?_encoding=UTF8&colid=X&coliid=${id}"><img alt="${title}"></a></div><div id="itemInfo_${id}"><h5><a id="itemName_${id}" class="a-link-normal" href="/dp/${asin}/ref=wl_it_dp_v_nS_ttl?_encoding=UTF8&colid=X&coliid=${id}">${title}</a></h5><span id="itemPrice_${id}">EUR 7,50</span></div></div>`;
    const page = `<div id="wishlistPagination"></div><div class="a-section g-items-section">${row('I3EGD6MPOTC9GY', ETRANGER.isbn10, 'L’Étranger')}${row('I2G0K6DW0S1MHT', KINDLE, 'Dracula (Kindle)')}</div>`;
    expect(read(page, 'https://www.amazon.fr/registry/wishlist/1EHE58O7QKWTH')).toEqual([
      { asin: ETRANGER.isbn10, isbn13: ETRANGER.isbn13, title: 'L’Étranger' },
      { asin: KINDLE, isbn13: null, title: 'Dracula (Kindle)' },
    ]);
  });

  it('read wish lists of 2017–2018: <li data-itemid> under ul.g-items-section (not yet #g-items), once each with the div#item_ inside it', () => {
    const item = (id: string, asin: string, title: string) =>
      `<li data-itemid="${id}" class="a-spacing-none g-item-sortable"><div id="item_${id}" class="a-section"><h3><a id="itemName_${id}" class="a-link-normal" href="/dp/${asin}/?coliid=${id}">${title}</a></h3></div></li>`;
    const page = `<ul id="item-page-wrapper" class="a-unordered-list a-nostyle a-vertical a-spacing-none g-items-section ui-sortable">${item('I1', DRACULA.isbn10, 'Dracula')}${item('I2', ETRANGER.isbn10, 'L’Étranger')}</ul>`;
    expect(read(page, 'https://www.amazon.com/hz/wishlist/ls/ABC')).toEqual([
      { asin: DRACULA.isbn10, isbn13: DRACULA.isbn13, title: 'Dracula' },
      { asin: ETRANGER.isbn10, isbn13: ETRANGER.isbn13, title: 'L’Étranger' },
    ]);
  });

  it('pass over a link that names no product (the cart’s form handler) for the item’s own', () => {
    expect(read(`<ul id="g-items"><li data-itemid="I1"><a href="/gp/product/handle-buy-box/ref=wl_add">Add to cart</a><a href="/dp/${DRACULA.isbn10}">Dracula</a></li></ul>`)).toEqual([
      { asin: DRACULA.isbn10, isbn13: DRACULA.isbn13, title: 'Dracula' },
    ]);
  });

  it('ignore a list item that is not under #g-items (a menu, a recommendation strip)', () => {
    expect(read(`<ul class="menu"><li data-itemid="I9"><a href="/dp/${DRACULA.isbn10}">Dracula</a></li></ul>`)).toEqual([]);
  });
});

describe('titles', () => {
  const item = (links: string) => read(`<ul id="g-items"><li data-itemid="I1">${links}</li></ul>`)[0]!.title;

  it('take a heading’s full title over its cut text, and one line of words', () => {
    expect(item(`<a id="itemName_I1" title="Dracula (Penguin Classics)" href="/dp/${DRACULA.isbn10}">Dracula (Pengu…</a>`)).toBe('Dracula (Penguin Classics)');
    expect(item(`<a id="itemName_I1" href="/dp/${DRACULA.isbn10}">\n  Dracula\n    (Penguin   Classics)\n</a>`)).toBe('Dracula (Penguin Classics)');
  });

  it('skip a link with no words (a picture between spaces) or one sign (a rating’s arrow) for the next that has some', () => {
    expect(item(`<a href="/dp/${DRACULA.isbn10}">\n  <img alt="">\n</a><a href="/dp/${DRACULA.isbn10}">›</a><a href="/dp/${DRACULA.isbn10}"> Dracula </a>`)).toBe('Dracula');
  });

  it('fall back on the picture’s words, and on nothing', () => {
    expect(item(`<a href="/dp/${DRACULA.isbn10}"><img alt="Dracula, cover"></a>`)).toBe('Dracula, cover');
    expect(item(`<a href="/dp/${DRACULA.isbn10}"><img src="x.jpg"></a>`)).toBeNull();
  });
});

describe('bestseller lists', () => {
  it('read today’s grid: one #gridItemRoot per rank, the ASIN as its faceout’s id, the title in its second link', () => {
    const rank = (asin: string, title: string) =>
      `<div id="gridItemRoot"><div id="p13n-asin-index-0"><span class="zg-bdg-text">#1</span><div id="${asin}" class="p13n-sc-uncoverable-faceout"><a href="/t/dp/${asin}/ref=zg_bs_g_books_sccl_1"><img alt="${title}, cover"></a><a href="/t/dp/${asin}/ref=zg_bs_g_books_sccl_1"><span><div>${title}</div></span></a></div></div></div>`;
    expect(read(rank(DRACULA.isbn10, 'Dracula') + rank(KINDLE, 'Carmilla'), 'https://www.amazon.in/gp/bestsellers/books')).toEqual([
      { asin: DRACULA.isbn10, isbn13: DRACULA.isbn13, title: 'Dracula' },
      { asin: KINDLE, isbn13: null, title: 'Carmilla' },
    ]);
  });

  it('keep page order when one page mixes layouts (an old wish list above a result list)', () => {
    const page = `<table><tbody class="itemWrapper" name="item.1.I1.${DRACULA.isbn10}"><tr><td><a href="/dp/${DRACULA.isbn10}">Dracula</a></td></tr></tbody></table><ul><li id="result_0" class="s-result-item" data-asin="${ETRANGER.isbn10}"><h2>L’Étranger</h2></li></ul>`;
    expect(read(page).map((item) => item.asin)).toEqual([DRACULA.isbn10, ETRANGER.isbn10]);
  });

  it('read the older grid: <li class="zg-item-immersion"> with its product link', () => {
    expect(read(`<ol><li class="zg-item-immersion"><span class="zg-item"><a class="a-link-normal" href="/Dracula/dp/${DRACULA.isbn10}/ref=zg_bs_books_1"><div>Dracula</div></a></span></li></ol>`)).toEqual([
      { asin: DRACULA.isbn10, isbn13: DRACULA.isbn13, title: 'Dracula' },
    ]);
  });
});
