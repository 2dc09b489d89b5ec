// Where the card goes on an Amazon book page, by the ids amazon-selectors lists in order of preference
// (below the buy box, else at the end of the right column, else after the product block). Pure: ids
// only, no layout read.
import { CARD_AFTER_FALLBACK_IDS, CARD_AFTER_IDS, CARD_APPEND_IDS } from '../book/amazon-selectors';

export interface CardPlace {
  node: Element;
  where: InsertPosition;
}

/** The first of these the page has, in this order; null on a page with none (no card then). */
export function cardPlace(document: Document): CardPlace | null {
  const candidates: Array<[readonly string[], InsertPosition]> = [
    [CARD_AFTER_IDS, 'afterend'],
    [CARD_APPEND_IDS, 'beforeend'],
    [CARD_AFTER_FALLBACK_IDS, 'afterend'],
  ];
  for (const [ids, where] of candidates) {
    for (const id of ids) {
      const node = document.getElementById(id);
      if (node) return { node, where };
    }
  }
  return null;
}
