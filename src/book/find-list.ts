// The books on an Amazon list page (search results, wish lists, bestsellers), item by item, from each
// item's own markup: its ASIN (its data-asin, else its own product link), and the print edition's
// ISBN-13 when that ASIN is an ISBN-10, or else when one of the item's own format links is one (a Kindle
// result often links its paperback). Pure: a Document in, values out; no layout is read.
import { LIST_ITEM_SELECTORS, LIST_TITLE_SELECTORS } from './amazon-selectors';
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

/**
 * The item's links to a product, each with the ASIN it names, in page order: a link inside a nested
 * item belongs to that item. One plain selector: jsdom returned a list of attribute selectors part by
 * part, not in page order.
 */
function productLinks(item: Element): Array<{ link: Element; asin: string }> {
  // Most items hold no other item; only then is each link's owner looked up.
  const nested = item.querySelector(LIST_ITEM_SELECTORS) !== null;
  const links: Array<{ link: Element; asin: string }> = [];
  for (const link of item.querySelectorAll('a[href]')) {
    const asin = asinFromPath(link.getAttribute('href')!.split('?')[0]!);
    if (asin && (!nested || link.closest(LIST_ITEM_SELECTORS) === item)) links.push({ link, asin });
  }
  return links;
}

/**
 * The item's own ASIN: its data-asin (search results), else its first product link, which in every
 * list layout is its own (the picture or the title), format links coming after.
 */
function ownAsin(item: Element, links: Array<{ asin: string }>): string | null {
  const attribute = item.getAttribute('data-asin')?.trim().toUpperCase();
  return attribute && ASIN.test(attribute) ? attribute : (links[0]?.asin ?? null);
}

/** The item's title: its heading, else the first of its product links that has words, else its picture's words. */
function titleOf(item: Element, links: Array<{ link: Element }>): string | null {
  const heading = item.querySelector(LIST_TITLE_SELECTORS);
  const named = links.find(({ link }) => link.textContent!.trim().length > 1)?.link;
  const text = heading?.getAttribute('title') || heading?.textContent || named?.textContent || item.querySelector('img[alt]')?.getAttribute('alt') || '';
  return text.replace(/\s+/g, ' ').trim() || null;
}

/** The list's items in page order; an item inside another (a result's own carousel) is not one. */
export function findListItems(doc: Document): ListItem[] {
  const items: ListItem[] = [];
  for (const element of doc.querySelectorAll(LIST_ITEM_SELECTORS)) {
    // Every item has a parent: the list, at least the body.
    if (element.parentElement!.closest(LIST_ITEM_SELECTORS)) continue;
    const links = productLinks(element);
    const asin = ownAsin(element, links);
    if (!asin) continue;
    const print = [asin, ...links.map((link) => link.asin)].find(isValidIsbn10);
    items.push({ asin, isbn13: print ? isbn10To13(print) : null, title: titleOf(element, links), element });
  }
  return items;
}
