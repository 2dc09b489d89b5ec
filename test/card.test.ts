// Where the card goes on Amazon's page and what it says, on real pages (../shared/amazon-pages) and on
// the project's own demo page, in jsdom with the content script's own code. The card's shadow root is
// closed, so the tests keep the roots the card attaches (as a page script could not).
import { existsSync, readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createCard } from '../src/content/card';
import type { AnswerSummary } from '../src/lookup/summary';
import type { ShowCard } from '../src/messages/worker-to-content';
import { englishMessage } from './english';

const CORPUS = '../shared/amazon-pages';
// Without the corpus the real-page tests below cannot run: said aloud, and a failure under CI.
if (!existsSync(CORPUS)) {
  console.warn('\n*** ../shared/amazon-pages is missing: the card was NOT placed on real pages ***\n');
  if (process.env.CI === 'true') throw new Error('the real-page corpus ../shared/amazon-pages is missing under CI');
}
const quiet = new VirtualConsole();
const summary: AnswerSummary = { verdict: 'has-it', thisEdition: 2, otherEdition: 0, onHoliday: 0, stockUnknown: 1, notInStock: 0, toBorrow: 0, onLoan: 0 };
const message: ShowCard = { type: 'ShowCard', summary, country: 'fr' };

/** A page in jsdom with a card of its own, and the shadow roots attached in it with their mode. */
function page(html: string | Buffer) {
  const { window } = new JSDOM(html, { virtualConsole: quiet });
  const roots: { host: Element; root: ShadowRoot; mode: string }[] = [];
  const attach = window.Element.prototype.attachShadow;
  window.Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push({ host: this, root, mode: init.mode });
    return root;
  };
  const document = window.document;
  const card = createCard({ document, t: englishMessage, locale: 'en', onOpen: () => {}, onDismiss: () => {} });
  const shown = () => roots.find(({ host }) => host.isConnected);
  const headline = () => shown()?.root.querySelector<HTMLElement>('.headline')?.dataset.text ?? null;
  return { document, card, roots, shown, headline };
}

describe('the card on the page', () => {
  it('goes just after the buy box on the demo page, and says the count, with no shop or distance a page could search for', () => {
    const { card, shown } = page(readFileSync('demo/amazon-fr-book.html'));
    expect(card.show(message)).toBe(true);
    const { host, root } = shown()!;
    expect(host.previousElementSibling?.id).toBe('buybox');
    // Every word is generated content (data-text drawn by ::before): no text node a page's find() could land in.
    // The extension that put it there named first.
    expect([...root.querySelectorAll<HTMLElement>('[data-text]')].map((node) => node.dataset.text)).toEqual([
      'Local Bookshops',
      '2 bookshops near you have it',
      'See them',
      '×',
      'In France a new book costs the same in a bookshop as on Amazon (fixed book price law).',
    ]);
    expect(root.querySelector('.card')!.textContent).toBe('');
    expect(root.querySelector('.open')!.getAttribute('aria-label')).toBe('See them');
  });

  it('shows the page a closed host only: no open shadow root, no id to find, none of its words', () => {
    const { document, card, roots } = page(readFileSync('demo/amazon-fr-book.html'));
    // A page script that got there first, with the id the card once had.
    const planted = document.createElement('div');
    planted.id = 'local-bookshops-card';
    planted.textContent = 'planted';
    document.body.prepend(planted);
    card.show(message);
    expect(roots.map(({ mode }) => mode)).toEqual(['closed']);
    const { host } = roots[0]!;
    expect(host).not.toBe(planted);
    expect(host.id).toBe('');
    expect(host.shadowRoot).toBeNull();
    expect(planted.textContent).toBe('planted');
    expect(planted.shadowRoot).toBeNull();
    // An update goes into the same card, and removing it leaves the planted element alone.
    card.show({ ...message, summary: { ...summary, thisEdition: 3 } });
    expect(roots).toHaveLength(1);
    card.remove();
    expect(host.isConnected).toBe(false);
    expect(planted.isConnected).toBe(true);
  });

  it('comes back when Amazon re-renders the column and drops it', () => {
    const { document, card, roots, headline } = page(readFileSync('demo/amazon-fr-book.html'));
    card.show(message);
    roots[0]!.host.remove();
    expect(card.show(message)).toBe(true);
    expect(roots).toHaveLength(2);
    expect(roots[1]!.host.isConnected).toBe(true);
    expect(document.querySelectorAll('[data-local-bookshops]')).toHaveLength(1);
    expect(headline()).toBe('2 bookshops near you have it');
  });

  it('goes between the buy box and what follows it, and at the end of the right column when there is no buy box', () => {
    const demo = readFileSync('demo/amazon-fr-book.html', 'utf8');
    const withSibling = page(demo.replace('<div id="buybox">', '<div id="buybox-before"></div><div id="buybox">').replace(/(<div id="rightCol">[\s\S]*?)(\n {2}<\/div>)/, '$1<div id="after-buybox">more of Amazon</div>$2'));
    expect(withSibling.document.getElementById('after-buybox')).not.toBeNull();
    withSibling.card.show(message);
    const { host } = withSibling.shown()!;
    expect([host.parentElement?.id, host.previousElementSibling?.id, host.nextElementSibling?.id]).toEqual(['rightCol', 'buybox', 'after-buybox']);

    const noBuyBox = page('<div id="ppd"><div id="centerCol"><h1 id="title">A book</h1></div><div id="rightCol"><div id="offers">Offers</div><div id="more">More</div></div></div>');
    noBuyBox.card.show(message);
    const appended = noBuyBox.shown()!.host;
    expect([appended.parentElement?.id, appended.previousElementSibling?.id, appended.nextElementSibling]).toEqual(['rightCol', 'more', null]);

    const titleOnly = page('<main><div id="title_feature_div"><h1>A book</h1></div><p id="price">12 €</p></main>');
    titleOnly.card.show(message);
    const afterTitle = titleOnly.shown()!.host;
    expect([afterTitle.previousElementSibling?.id, afterTitle.nextElementSibling?.id]).toEqual(['title_feature_div', 'price']);
  });

  it.runIf(existsSync(CORPUS))('on every real page with a buy box, goes right after it', () => {
    const expected = JSON.parse(readFileSync(`${CORPUS}/EXPECTED.json`, 'utf8')) as { pages: Array<{ file: string }> };
    let placed = 0;
    for (const { file } of expected.pages) {
      const { document, card, shown } = page(readFileSync(`${CORPUS}/${file}`));
      const buyBox = ['desktop_buybox', 'buybox', 'buyBoxAccordion', 'combinedBuyBox'].map((id) => document.getElementById(id)).find(Boolean);
      if (!buyBox) continue;
      expect(card.show(message), file).toBe(true);
      const { host } = shown()!;
      expect([host.previousElementSibling, host.parentElement], file).toEqual([buyBox, buyBox.parentElement]);
      placed++;
    }
    expect(placed).toBeGreaterThanOrEqual(10);
  });

  it.runIf(existsSync(CORPUS))('on the Kindle phone page, goes right under its buy box, after the title and the price, never between them', () => {
    const { document, card, shown } = page(readFileSync(`${CORPUS}/com-kindle-mobile-2018-seven-languages.html`));
    expect(document.getElementById('buybox')).toBeNull();
    expect(card.show(message)).toBe(true);
    const { host } = shown()!;
    expect(host.previousElementSibling?.id).toBe('combinedBuyBox');
    expect(host.closest('[id*="itleGroup"], #title_feature_div, [id*="Price"]')).toBeNull();
    for (const id of ['title_feature_div', 'ebooksPrice_feature_div']) expect(document.getElementById(id)!.compareDocumentPosition(host) & 4 /* host follows */, id).toBeTruthy();
  });

  it('on a page with no buy box, goes after the product block, never between the title and the price', () => {
    const { card, shown } = page(Buffer.from('<div id="dp" class="book_mobile"><div id="ppd"><div id="title_feature_div"><h1 id="title">T</h1></div><div id="price">1 €</div></div><div id="after"></div></div>'));
    expect(card.show(message)).toBe(true);
    expect(shown()!.host.previousElementSibling?.id).toBe('ppd');
  });

  it('finds no place on a page without any of its anchors, and adds nothing', () => {
    const { document, card, roots } = page('<main><p>nothing here</p></main>');
    expect(card.show(message)).toBe(false);
    expect(roots).toEqual([]);
    expect(document.body.innerHTML).toBe('<main><p>nothing here</p></main>');
  });

  it('says what the badge and the popup say: editions apart, stock unknown as unknown, nothing when none has it', () => {
    const { card, shown, headline } = page(readFileSync('demo/amazon-fr-book.html'));
    card.show({ ...message, summary: { ...summary, thisEdition: 2, otherEdition: 1 } });
    expect(headline()).toBe('2 bookshops near you have this edition, 1 another');
    card.show({ ...message, summary: { ...summary, thisEdition: 0, otherEdition: 1 } });
    expect(headline()).toBe('1 bookshop near you has another edition of it');
    card.show({ ...message, summary: { ...summary, verdict: 'stock-unknown', unknownBecause: 'no-network', thisEdition: 0, stockUnknown: 3 } });
    expect(headline()).toBe('3 bookshops near you (stock unknown)');
    // The badge says 0 and the popup says none has it: the card does not speak of the 3 others.
    expect(card.show({ ...message, summary: { ...summary, verdict: 'none-has-it', thisEdition: 0, stockUnknown: 3 } })).toBe(false);
    expect(shown()).toBeUndefined();
  });
});
