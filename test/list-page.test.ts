// @vitest-environment jsdom
// The list script's work on a page (src/content/list-page.ts), in jsdom with a stand-in
// IntersectionObserver and MutationObserver and a fake clock: what it tells the worker, and the marks
// it puts on the page for the answers it gets.
import { beforeEach, describe, expect, it } from 'vitest';
import { createListPage } from '../src/content/list-page';
import type { Intersection } from '../src/lists/visibility';

// The shopper's timings, pinned as figures (not read from the code, which a break would change too):
// a book counts as seen after 600 ms in view, the page is read again 500 ms after it settles, and
// books still waiting are said again every 20 s.
const DWELL_MS = 600;
const RESCAN_MS = 500;
const RESEND_MS = 20_000;
import type { ListMessage } from '../src/messages/content-to-worker';
import { englishMessage as english } from './english';

const DRACULA = { isbn10: '0141439513', isbn13: '9780141439518' };
const ETRANGER = { isbn10: '2070360024', isbn13: '9782070360024' };
const KINDLE = 'B00TESTKIN';

const result = (asin: string, title: string) =>
  `<div data-component-type="s-search-result" data-asin="${asin}"><a href="/${title}/dp/${asin}/ref=sr_1_1"><h2><span>${title}</span></h2></a><span class="price">12 €</span></div>`;

let time: number;
let timers: Map<number, { at: number; run: () => void }>;
let nextTimer: number;
/** Each IntersectionObserver the page made and has not disconnected: its callback and what it watches. */
let observers: Array<{ callback: (entries: Intersection[]) => void; observed: Set<Element> }>;
let pageChanged: () => void;
let sent: ListMessage[];
let marksWanted: boolean;
let views: number;

function advance(ms: number): void {
  const until = time + ms;
  for (;;) {
    const due = [...timers].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
    if (!due) break;
    timers.delete(due[0]);
    time = due[1].at;
    due[1].run();
  }
  time = until;
}

function openPage(body: string) {
  document.body.innerHTML = body;
  return createListPage({
    document,
    t: english,
    locale: 'en',
    send: async (message) => {
      sent.push(message);
      return message.type === 'ListShown' ? { marks: marksWanted } : undefined;
    },
    observer: (callback) => {
      const observer = { callback, observed: new Set<Element>() };
      observers.push(observer);
      return { observe: (element) => void observer.observed.add(element), disconnect: () => void observers.splice(observers.indexOf(observer), 1) };
    },
    setTimer: (run, ms) => {
      timers.set(nextTimer, { at: time + ms, run });
      return nextTimer++;
    },
    clearTimer: (timer) => timers.delete(timer as number),
    onPageChange: (changed) => {
      pageChanged = changed;
      return () => (pageChanged = () => {});
    },
    newView: () => `view${++views}`,
    address: 'https://www.amazon.fr/s?k=camus',
  });
}

const items = () => [...document.querySelectorAll('[data-component-type="s-search-result"]')];
// As in the browser, an observer reports on the elements it watches only.
const report = (elements: Element[], isIntersecting: boolean) => {
  for (const { callback, observed } of [...observers]) callback(elements.filter((target) => observed.has(target)).map((target) => ({ target, isIntersecting })));
};
const inView = (...elements: Element[]) => report(elements, true);
const outOfView = (...elements: Element[]) => report(elements, false);
const marked = () => items().map((item) => item.querySelector('[data-local-bookshops="mark"]') !== null);

beforeEach(() => {
  time = 0;
  timers = new Map();
  nextTimer = 1;
  sent = [];
  marksWanted = true;
  views = 0;
  observers = [];
  pageChanged = () => {};
});

describe('a list page', () => {
  it('says which books stayed in view, and marks those the worker says shops nearby have, after the title’s link', async () => {
    const page = openPage(result(DRACULA.isbn10, 'Dracula') + result(ETRANGER.isbn10, 'L’Étranger') + result(KINDLE, 'Kindle only'));
    expect(page.receive({ type: 'StillListing' })).toBeUndefined();
    await page.start();
    expect(sent).toEqual([{ type: 'ListShown', view: 'view1', address: 'https://www.amazon.fr/s?k=camus' }]);
    // The popup's question, through the worker: the page still shows this view.
    expect(page.receive({ type: 'StillListing' })).toEqual({ view: 'view1' });
    inView(...items());
    advance(DWELL_MS);
    // The Kindle result names no print edition: never watched, never said.
    expect(sent.slice(1)).toEqual([
      { type: 'ListSeen', view: 'view1', isbn13: DRACULA.isbn13, title: 'Dracula' },
      { type: 'ListSeen', view: 'view1', isbn13: ETRANGER.isbn13, title: 'L’Étranger' },
    ]);
    page.receive({ type: 'ListMark', view: 'view1', isbn13: ETRANGER.isbn13, count: 2 });
    page.receive({ type: 'ListMark', view: 'view1', isbn13: DRACULA.isbn13, count: 0 });
    // An answer for a view the page has left is not shown.
    page.receive({ type: 'ListMark', view: 'view0', isbn13: DRACULA.isbn13, count: 5 });
    expect(marked()).toEqual([false, true, false]);
    const host = items()[1]!.querySelector('[data-local-bookshops="mark"]')!;
    expect(host.previousElementSibling?.tagName).toBe('A');
    // What a page script sees: the host, and not a word of what it says.
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
  });

  it('says nothing more when the shopper wants no marks here, until the worker says to start again', async () => {
    marksWanted = false;
    const page = openPage(result(DRACULA.isbn10, 'Dracula'));
    await page.start();
    inView(...items());
    advance(DWELL_MS * 10);
    expect(sent).toEqual([{ type: 'ListShown', view: 'view1', address: 'https://www.amazon.fr/s?k=camus' }]);
    marksWanted = true;
    page.receive({ type: 'ListRestart', marks: true });
    await Promise.resolve();
    await Promise.resolve();
    inView(...items());
    advance(DWELL_MS);
    expect(sent.slice(1)).toEqual([
      { type: 'ListShown', view: 'view2', address: 'https://www.amazon.fr/s?k=camus' },
      { type: 'ListSeen', view: 'view2', isbn13: DRACULA.isbn13, title: 'Dracula' },
    ]);
  });

  it('takes its marks away when told to start again (another place, or marks turned off)', async () => {
    const page = openPage(result(ETRANGER.isbn10, 'L’Étranger'));
    await page.start();
    inView(...items());
    advance(DWELL_MS);
    page.receive({ type: 'ListMark', view: 'view1', isbn13: ETRANGER.isbn13, count: 2 });
    expect(marked()).toEqual([true]);
    marksWanted = false;
    page.receive({ type: 'ListRestart', marks: false });
    expect(marked()).toEqual([false]);
  });

  it('says when a book left the view before its answer, and not after', async () => {
    const page = openPage(result(DRACULA.isbn10, 'Dracula') + result(ETRANGER.isbn10, 'L’Étranger'));
    await page.start();
    inView(...items());
    advance(DWELL_MS);
    page.receive({ type: 'ListMark', view: 'view1', isbn13: ETRANGER.isbn13, count: 1 });
    outOfView(...items());
    expect(sent.filter((message) => message.type === 'ListUnseen')).toEqual([{ type: 'ListUnseen', view: 'view1', isbn13: DRACULA.isbn13 }]);
  });

  it('says the books still waiting again now and then (a stopped worker starts again with them), not the answered ones', async () => {
    const page = openPage(result(DRACULA.isbn10, 'Dracula') + result(ETRANGER.isbn10, 'L’Étranger'));
    await page.start();
    inView(...items());
    advance(DWELL_MS);
    page.receive({ type: 'ListMark', view: 'view1', isbn13: ETRANGER.isbn13, count: 1 });
    sent = [];
    advance(RESEND_MS);
    expect(sent).toEqual([{ type: 'ListSeen', view: 'view1', isbn13: DRACULA.isbn13, title: 'Dracula' }]);
  });

  it('picks up the items Amazon adds as the shopper scrolls, once the page is quiet', async () => {
    const page = openPage(`<div id="list">${result(DRACULA.isbn10, 'Dracula')}</div>`);
    await page.start();
    document.getElementById('list')!.insertAdjacentHTML('beforeend', result(ETRANGER.isbn10, 'L’Étranger'));
    pageChanged();
    inView(items()[1]!);
    advance(DWELL_MS);
    expect(sent.some((message) => message.type === 'ListSeen' && message.isbn13 === ETRANGER.isbn13)).toBe(false);
    advance(RESCAN_MS);
    inView(items()[1]!);
    advance(DWELL_MS);
    expect(sent.filter((message) => message.type === 'ListSeen').map((message) => (message as { isbn13: string }).isbn13)).toEqual([ETRANGER.isbn13]);
  });

  it('does not ask again for a book answered in this view when it comes back into view, and marks a copy of it added later at once', async () => {
    const page = openPage(`<div id="list">${result(ETRANGER.isbn10, 'L’Étranger')}</div>`);
    await page.start();
    inView(...items());
    advance(DWELL_MS);
    page.receive({ type: 'ListMark', view: 'view1', isbn13: ETRANGER.isbn13, count: 2 });
    outOfView(...items());
    inView(...items());
    advance(DWELL_MS);
    expect(sent.filter((message) => message.type === 'ListSeen')).toHaveLength(1);
    document.getElementById('list')!.insertAdjacentHTML('beforeend', result(ETRANGER.isbn10, 'L’Étranger'));
    pageChanged();
    advance(RESCAN_MS);
    expect(marked()).toEqual([true, true]);
  });

  it('watches nothing more once told to start again without marks, and one view at a time when started twice at once', async () => {
    const page = openPage(result(DRACULA.isbn10, 'Dracula'));
    await page.start();
    marksWanted = false;
    page.receive({ type: 'ListRestart', marks: false });
    await Promise.resolve();
    inView(...items());
    advance(DWELL_MS);
    expect(sent.filter((message) => message.type === 'ListSeen')).toEqual([]);
    // Answers and messages that are not for it change nothing, and never throw into the page.
    page.receive({ type: 'ListMark', view: 'view2', isbn13: DRACULA.isbn13, count: 2 });
    page.receive(null);
    page.receive({ type: 'Other', view: 'view2', isbn13: DRACULA.isbn13, count: 2 });
    expect(marked()).toEqual([false]);

    marksWanted = true;
    void page.start();
    await page.start();
    inView(...items());
    advance(DWELL_MS);
    expect(sent.filter((message) => message.type === 'ListSeen')).toEqual([{ type: 'ListSeen', view: 'view4', isbn13: DRACULA.isbn13, title: 'Dracula' }]);
  });

  it('says the count in the shopper’s words, and ignores a click a script makes up, which Amazon’s item never sees', async () => {
    // The closed roots, kept by the test as the browser's remote protocol would reach them.
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    };
    try {
      const page = openPage(result(ETRANGER.isbn10, 'L’Étranger') + result(DRACULA.isbn10, 'Dracula'));
      let itemClicks = 0;
      items()[0]!.addEventListener('click', () => itemClicks++);
      await page.start();
      inView(...items());
      advance(DWELL_MS);
      page.receive({ type: 'ListMark', view: 'view1', isbn13: ETRANGER.isbn13, count: 2 });
      page.receive({ type: 'ListMark', view: 'view1', isbn13: DRACULA.isbn13, count: 1 });
      const buttons = roots.map((root) => root.querySelector('button')!);
      // No count, and no text node: the words are drawn from data-text (a page's find() has nothing to find).
      expect(buttons.map((button) => [button.dataset.text, button.textContent, button.getAttribute('aria-label')])).toEqual([
        ['A bookshop near you has it', '', 'A bookshop near you has it'],
        ['A bookshop near you has it', '', 'A bookshop near you has it'],
      ]);
      // jsdom's clicks, like a page script's, are not trusted: no ListOpen.
      buttons[0]!.click();
      expect(sent.filter((message) => message.type === 'ListOpen')).toEqual([]);
      expect(itemClicks).toBe(0);
    } finally {
      Element.prototype.attachShadow = attach;
    }
  });
});
