// The books on an Amazon list page (search results, wish lists, bestsellers), item by item, from each
// item's own markup: its ASIN (its data-asin, else its own product link), and the print edition's
// ISBN-13 when that ASIN is an ISBN-10, or else when one of the item's own format links is one (a Kindle
// result often links its paperback). Pure: a Document in, values out; no layout is read.
import { LIST_ITEM_SELECTORS, LIST_TITLE_SELECTORS, PRODUCT_LINK_SELECTOR } from './amazon-selectors';
import { isbn10To13, isValidIsbn10 } from './isbn';
import { asinFromPath } from './storefronts';

export interface ListItem {
  asin: string;
  /** The print edition's ISBN-13, or null when nothing in the item names one. */
  isbn13: string | null;
  title: string | null;
  /** The item's element, for the mark (content script); not printed by the detect command. */
  element: Element;
}

const ASIN = /^[A-Z0-9]{10}$/;

/** The item's own product links, in page order: a link inside a nested item belongs to that item. */
function productLinks(item: Element): Element[] {
  const links = [...item.querySelectorAll(PRODUCT_LINK_SELECTOR)];
  // Most items hold no other item; only then is each link's owner looked up.
  return item.querySelector(LIST_ITEM_SELECTORS) ? links.filter((link) => link.closest(LIST_ITEM_SELECTORS) === item) : links;
}

/** The ASINs those links name, in order. */
function linkedAsins(links: Element[]): string[] {
  return links.map((link) => asinFromPath(link.getAttribute('href')!.split('?')[0]!)).filter((asin): asin is string => asin !== null);
}

/**
 * The item's own ASIN: its data-asin (search results), else its first product link, which in every
 * list layout is its own (the picture or the title), format links coming after.
 */
function ownAsin(item: Element, linked: string[]): string | null {
  const attribute = item.getAttribute('data-asin')?.trim().toUpperCase() ?? '';
  return ASIN.test(attribute) ? attribute : (linked[0] ?? null);
}

/** The item's title: its heading, else the first of its product links that has words, else its picture's words. */
function titleOf(item: Element, links: Element[]): string | null {
  const heading = item.querySelector(LIST_TITLE_SELECTORS);
  const named = links.find((link) => link.textContent!.trim().length > 1);
  const text = heading?.getAttribute('title') || heading?.textContent || named?.textContent || item.querySelector('img[alt]')?.getAttribute('alt') || '';
  return text.replace(/\s+/g, ' ').trim() || null;
}

/** The list's items in page order; an item inside another (a result's own carousel) is not one. */
export function findListItems(doc: Document): ListItem[] {
  const items: ListItem[] = [];
  for (const element of doc.querySelectorAll(LIST_ITEM_SELECTORS)) {
    if (element.parentElement?.closest(LIST_ITEM_SELECTORS)) continue;
    const links = productLinks(element);
    const asins = linkedAsins(links);
    const asin = ownAsin(element, asins);
    if (!asin) continue;
    const print = [asin, ...asins].find(isValidIsbn10);
    items.push({ asin, isbn13: print ? isbn10To13(print) : null, title: titleOf(element, links), element });
  }
  return items;
}
