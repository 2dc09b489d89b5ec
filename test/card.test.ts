// Where the card goes on Amazon's page and what it says, on real pages (../shared/amazon-pages) and on
// the project's own demo page, in jsdom with the content script's own code.
import { existsSync, readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CARD_HOST_ID, showCard } from '../src/content/card';
import type { ShowCard } from '../src/shared/messages';

const CORPUS = '../shared/amazon-pages';
const quiet = new VirtualConsole();
const page = (html: string | Buffer) => new JSDOM(html, { virtualConsole: quiet }).window.document;
const english: Record<string, { message: string }> = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8'));
const t = (key: string, substitutions: string[] = []) => (english[key]?.message ?? '').replace(/\$ARG(\d)\$/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
const card: ShowCard = { type: 'ShowCard', withBook: 2, stockUnknown: 1, nearestKm: 0.5, nearestName: 'Librairie X', country: 'fr' };
const show = (document: Document, message = card) => showCard(message, { document, t, locale: 'en', onOpen: () => {}, onDismiss: () => {} });

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
});
