// @vitest-environment jsdom
// Amazon swaps the product without reloading; the content script must notice, once per change.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPageWatcher, type PageReport } from '../src/content/page-watcher';
import { readFixture } from './fixtures';

const fixture = (name: string) => readFixture(name).toString('utf8');
const bodyOf = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.innerHTML;

describe('the page watcher', () => {
  let reports: PageReport[];
  let href: string;
  let watcher: ReturnType<typeof createPageWatcher>;

  beforeEach(() => {
    document.body.innerHTML = bodyOf(fixture('desktop-2023-rpi-and-bullets.html'));
    href = 'https://www.amazon.fr/dp/207036822X';
    reports = [];
    watcher = createPageWatcher({ document, href: () => href, report: (m) => reports.push(m) });
  });

  it('reports the book once, however often it ticks', () => {
    for (let i = 0; i < 10; i++) watcher.tick();
    expect(reports).toEqual([expect.objectContaining({ type: 'BookSeen', isbn13: '9782070368228', asin: '207036822X' })]);
  });

  it('reports the new book when the address and the details change without a reload', () => {
    watcher.tick();
    // Amazon's format switch: the address changes first, the details a moment later.
    href = 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/209187373X/ref=tmm_hrd_swatch_0';
    document.body.innerHTML = bodyOf(fixture('legacy-2019-bullets-fr.html'));
    watcher.tick();
    watcher.tick();
    watcher.tick();
    expect(reports.map((r) => r.type === 'BookSeen' && r.isbn13)).toEqual(['9782070368228', '9782091873732']);
  });

  // The details arrive a few ticks after the address: with a new #ASIN (the product key changes
  // again), or under the same one (only the ticks after a change read the page again).
  it.each([
    ['with no #ASIN yet', '<div id="dp" class="ebooks en_US"></div>'],
    ['under the same #ASIN', '<div id="dp" class="ebooks en_US"><input type="hidden" id="ASIN" value="B0TESTKIN4"></div>'],
  ])('catches details that arrive a few ticks after the address changed, %s', (_when, first) => {
    watcher.tick();
    href = 'https://www.amazon.com/Name-Wind-ebook/dp/B0TESTKIN4';
    document.body.innerHTML = first;
    watcher.tick();
    watcher.tick();
    document.body.innerHTML = bodyOf(fixture('kindle-2024-swatches.html'));
    watcher.tick();
    expect(reports.map((r) => r.type)).toEqual(['BookSeen', 'BookGone', 'BookSeen']);
    expect(reports[2]).toMatchObject({ isbn13: '9781551923703', kind: 'kindle' });
  });

  it('says the book is gone when the tab moves on to a page that is not a book', () => {
    watcher.tick();
    href = 'https://www.amazon.fr/s?k=camus';
    document.body.innerHTML = bodyOf(fixture('search-results.html'));
    watcher.tick();
    expect(reports.at(-1)).toEqual({ type: 'BookGone' });
  });

  it('notices a twister swap of #ASIN even when the address stays', () => {
    href = 'https://www.amazon.fr/gp/product/207036822X';
    // Long after the page settled: only a change of the product key makes it read the page again.
    for (let i = 0; i < 10; i++) watcher.tick();
    const input = document.getElementById('ASIN') as HTMLInputElement;
    input.value = '209187373X';
    document.getElementById('rpi-attribute-book_details-isbn13')!.remove();
    document.getElementById('rpi-attribute-book_details-isbn10')!.remove();
    document.getElementById('detailBullets_feature_div')!.remove();
    document.getElementById('averageCustomerReviews')!.setAttribute('data-asin', '209187373X');
    watcher.tick();
    expect(reports.at(-1)).toMatchObject({ type: 'BookSeen', isbn13: '9782091873732' });
  });

  it('reports again on request, after the background forgot the tab', () => {
    watcher.tick();
    watcher.reportAgain();
    expect(reports).toHaveLength(2);
  });

  it('reads the page only when the product changes and for three ticks after, not on every tick', () => {
    // The tick that sees the product, and the three after it.
    for (let i = 0; i < 4; i++) watcher.tick();
    // The details change under the same address and #ASIN (a page script, or a lazy widget): the
    // settled watcher does not read the page again for that.
    document.getElementById('rpi-attribute-book_details-isbn13')!.remove();
    document.getElementById('rpi-attribute-book_details-isbn10')!.remove();
    document.getElementById('detailBullets_feature_div')!.remove();
    (document.getElementById('ASIN') as HTMLInputElement).value = '207036822X';
    for (let i = 0; i < 5; i++) watcher.tick();
    expect(reports).toHaveLength(1);
  });

  it('notices an address change on a page with no #ASIN', () => {
    const withoutAsin = (name: string) => bodyOf(fixture(name)).replace(/<input[^>]*id="ASIN"[^>]*>/, '');
    document.body.innerHTML = withoutAsin('desktop-2023-rpi-and-bullets.html');
    for (let i = 0; i < 10; i++) watcher.tick();
    href = 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/209187373X';
    document.body.innerHTML = withoutAsin('legacy-2019-bullets-fr.html');
    expect(document.getElementById('ASIN')).toBeNull();
    watcher.tick();
    expect(reports.map((r) => r.type === 'BookSeen' && r.isbn13)).toEqual(['9782070368228', '9782091873732']);
  });

  it('never throws into the page, without a log too, and reports a page it cannot read as no book', () => {
    const hostile = new Proxy(document, { get: () => { throw new Error('hostile page'); } });
    expect(() => createPageWatcher({ document: hostile, href: () => href, report: (m) => reports.push(m) }).tick()).not.toThrow();
    const throwingHref = createPageWatcher({ document, href: () => { throw new Error('no address'); }, report: (m) => reports.push(m) });
    expect(() => throwingHref.tick()).not.toThrow();
    // The product key can be read, the page cannot.
    const logged: string[] = [];
    const unreadable = new Proxy(document, {
      get: (target, key) => {
        if (key === 'getElementById') return (id: string) => (id === 'ASIN' ? null : (() => { throw new Error('hostile page'); })());
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    createPageWatcher({ document: unreadable, href: () => href, report: (m) => reports.push(m), log: (message) => logged.push(message) }).tick();
    expect(reports).toEqual([{ type: 'BookGone' }]);
    expect(logged).toEqual(['could not read this page']);
    // Without a log, the same: no throw, and the page reported as no book.
    const unlogged: PageReport[] = [];
    expect(() => createPageWatcher({ document: unreadable, href: () => `${href}?again`, report: (m) => unlogged.push(m) }).tick()).not.toThrow();
    expect(unlogged).toEqual([{ type: 'BookGone' }]);
  });

  it('reports a book known only by its other editions (a print page with no ISBN of its own)', () => {
    document.body.innerHTML = bodyOf(fixture('print-b-asin-without-isbn.html'));
    href = 'https://www.amazon.de/dp/B000000000';
    watcher.tick();
    expect(reports).toEqual([expect.objectContaining({ type: 'BookSeen', isbn13: null, editions: ['9783423130233'] })]);
  });

  it('never throws into the page, and logs what went wrong', () => {
    const logged: string[] = [];
    const broken = createPageWatcher({
      document: new Proxy(document, { get: () => { throw new Error('hostile page'); } }),
      href: () => href,
      report: (m) => reports.push(m),
      log: (message) => logged.push(message),
    });
    expect(() => broken.tick()).not.toThrow();
    expect(logged).toEqual(['could not watch this page']);
  });
});

describe('answering the background', () => {
  it('tells what the page shows even before its first tick', () => {
    document.body.innerHTML = bodyOf(fixture('desktop-2023-rpi-and-bullets.html'));
    const reports: PageReport[] = [];
    const watcher = createPageWatcher({ document, href: () => 'https://www.amazon.fr/dp/207036822X', report: (m) => reports.push(m) });
    expect(watcher.current()).toMatchObject({ type: 'BookSeen', isbn13: '9782070368228' });
  });

  it('tells what the page shows now, without reporting it again', () => {
    const reports: PageReport[] = [];
    document.body.innerHTML = bodyOf(fixture('desktop-2023-rpi-and-bullets.html'));
    const watcher = createPageWatcher({ document, href: () => 'https://www.amazon.fr/dp/207036822X', report: (m) => reports.push(m) });
    watcher.tick();
    expect(watcher.current()).toMatchObject({ type: 'BookSeen', isbn13: '9782070368228' });
    expect(reports).toHaveLength(1);
  });
});
