// Where the card goes on Amazon's page and what it says, on real pages (../shared/amazon-pages) and on
// the project's own demo page, in jsdom with the content script's own code.
import { existsSync, readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CARD_HOST_ID, showCard } from '../src/content/card';
import type { AnswerSummary } from '../src/lookup/summary';
import type { ShowCard } from '../src/shared/messages';
import { englishMessage } from './english';

const CORPUS = '../shared/amazon-pages';
const quiet = new VirtualConsole();
const page = (html: string | Buffer) => new JSDOM(html, { virtualConsole: quiet }).window.document;
const summary: AnswerSummary = { verdict: 'has-it', thisEdition: 2, otherEdition: 0, onHoliday: 0, stockUnknown: 1, nearest: { name: 'Librairie X', km: 0.5 } };
const card: ShowCard = { type: 'ShowCard', summary, country: 'fr' };
const show = (document: Document, message = card) => showCard(message, { document, t: englishMessage, locale: 'en', onOpen: () => {}, onDismiss: () => {} });
const headlineOf = (document: Document) => document.getElementById(CARD_HOST_ID)?.shadowRoot?.querySelector('.headline')?.textContent ?? null;

describe('the card on the page', () => {
  it('goes just after the buy box on the demo page, and says the count and the nearest shop', () => {
    const document = page(readFileSync('demo/amazon-fr-book.html'));
    expect(show(document)).toBe(true);
    const host = document.getElementById(CARD_HOST_ID)!;
    expect(host.previousElementSibling?.id).toBe('buybox');
    expect(host.shadowRoot!.querySelector('.headline')!.textContent).toBe('2 bookshops near you have it');
    expect(host.shadowRoot!.querySelector('.nearest')!.textContent).toBe('Nearest: Librairie X, 0.5 km');
  });

  it.runIf(existsSync(CORPUS))('on a mobile page with no buy box, goes after the product block, never between the title and the price', () => {
    const document = page(readFileSync(`${CORPUS}/com-kindle-mobile-2018-seven-languages.html`));
    expect(document.getElementById('buybox')).toBeNull();
    expect(show(document)).toBe(true);
    const host = document.getElementById(CARD_HOST_ID)!;
    expect(host.previousElementSibling?.id).toBe('ppd');
    expect(host.closest('#ppd, [id*="itleGroup"], #title_feature_div')).toBeNull();
  });

  it('finds no place on a page without any of its anchors, and adds nothing', () => {
    const document = page('<main><p>nothing here</p></main>');
    expect(show(document)).toBe(false);
    expect(document.getElementById(CARD_HOST_ID)).toBeNull();
  });

  it('says what the badge and the popup say: editions apart, stock unknown as unknown, nothing when none has it', () => {
    const document = page(readFileSync('demo/amazon-fr-book.html'));
    show(document, { ...card, summary: { ...summary, thisEdition: 2, otherEdition: 1 } });
    expect(headlineOf(document)).toBe('2 bookshops near you have this edition, 1 another');
    show(document, { ...card, summary: { ...summary, thisEdition: 0, otherEdition: 1 } });
    expect(headlineOf(document)).toBe('1 bookshop near you has another edition of it');
    show(document, { ...card, summary: { ...summary, verdict: 'stock-unknown', unknownBecause: 'no-network', thisEdition: 0, stockUnknown: 3 } });
    expect(headlineOf(document)).toBe('3 bookshops near you (stock unknown)');
    // The badge says 0 and the popup says none has it: the card does not speak of the 3 others.
    expect(show(document, { ...card, summary: { ...summary, verdict: 'none-has-it', thisEdition: 0, stockUnknown: 3, nearest: null } })).toBe(false);
    expect(document.getElementById(CARD_HOST_ID)).toBeNull();
  });
});
