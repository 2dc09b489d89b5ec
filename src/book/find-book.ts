// Finds the book an Amazon product page is about. Pure: takes a Document and the page's address,
// reads only the product's own details (never carousels or search results), and never reads
// layout-dependent properties such as innerText, so it forces no layout on Amazon's huge pages.

import { isValidIsbn10, isbn10To13, toIsbn13 } from './isbn';
import { asinFromUrl } from './storefronts';
import * as S from './amazon-selectors';

export type PageKind = 'print' | 'kindle' | 'audiobook' | 'not-a-book' | 'unknown';

export interface BookOnPage {
  /** The print book the page is about; on eBook and audiobook pages, the preferred print edition. */
  isbn13: string | null;
  /** Every print edition the page names, isbn13 first. */
  editions: string[];
  /** What the page sells. */
  kind: PageKind;
  /** Where isbn13 was read: rpi, detail-bullets, details-table, legacy-details, mobile-header, asin, format-switcher, print-edition-note, or none. */
  source: string;
  /** The product's ASIN, the key that changes when Amazon swaps the product without a reload. */
  asin: string | null;
}

interface Found {
  isbn13: string;
  source: string;
}

const NOTHING = (kind: PageKind, asin: string | null): BookOnPage => ({
  isbn13: null,
  editions: [],
  kind,
  source: 'none',
  asin,
});

const INVISIBLE_MARKS = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** "ISBN", "ISBN-10", "ISBN 13", also "Page numbers source ISBN"; not "eISBN". */
const ISBN_LABEL = /(?:^|\s)ISBN(?:[\s-]?1[03])?$/;

/** textContent without bidi marks, all Unicode spaces folded to one, trimmed. */
function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(INVISIBLE_MARKS, '').replace(/\s+/g, ' ').trim();
}

function isIsbnLabel(label: string): boolean {
  const bare = label.replace(/[\s:：]+$/, '').trim().toUpperCase();
  return bare.length <= 40 && ISBN_LABEL.test(bare);
}

/** The ISBN-13s a value holds, decided by length and check digit; one value may list two numbers. */
function isbnsInValue(value: string): string[] {
  const whole = toIsbn13(value);
  if (whole) return [whole];
  const found: string[] = [];
  for (const piece of value.split(/[\s,;/|()]+/)) {
    const isbn = toIsbn13(piece);
    if (isbn) found.push(isbn);
  }
  return found;
}

/** "Label : value" read from one element's text (legacy `<b>ISBN-10:</b> …` and current bullets alike). */
function isbnsInLabelledItem(item: Element): string[] {
  const line = text(item);
  const colon = line.search(/[:：]/);
  if (colon < 0 || !isIsbnLabel(line.slice(0, colon))) return [];
  return isbnsInValue(line.slice(colon + 1));
}

function fromItems(items: Iterable<Element>, source: string): Found[] {
  const found: Found[] = [];
  for (const item of items) {
    for (const isbn13 of isbnsInLabelledItem(item)) found.push({ isbn13, source });
  }
  return found;
}

function fromLabelCells(labels: Iterable<Element>, source: string): Found[] {
  const found: Found[] = [];
  for (const label of labels) {
    if (!isIsbnLabel(text(label))) continue;
    for (const isbn13 of isbnsInValue(text(label.nextElementSibling))) found.push({ isbn13, source });
  }
  return found;
}

function byIds(doc: Document, ids: readonly string[]): Element[] {
  return ids.map((id) => doc.getElementById(id)).filter((el): el is HTMLElement => el !== null);
}

/** Elements matching `selector` inside the containers with these ids (each element once). */
function inside(doc: Document, ids: readonly string[], selector: string): Element[] {
  return [...new Set(byIds(doc, ids).flatMap((container) => Array.from(container.querySelectorAll(selector))))];
}

// Readers of the ISBNs printed in the product's details, one per layout family, cheapest first.
// The first that finds anything wins; the later ones (full-document selectors) run only on older pages.
const DETAIL_READERS: Array<(doc: Document) => Found[]> = [
  function rpiCards(doc) {
    const found: Found[] = [];
    for (const card of byIds(doc, S.RPI_ISBN_CARD_IDS)) {
      for (const isbn13 of isbnsInValue(text(card.querySelector(S.RPI_VALUE)))) found.push({ isbn13, source: 'rpi' });
    }
    return found;
  },
  function detailBullets(doc) {
    return fromItems(inside(doc, S.DETAIL_BULLETS_IDS, 'li'), 'detail-bullets');
  },
  function detailTables(doc) {
    return fromLabelCells(inside(doc, S.DETAIL_TABLE_IDS, 'th'), 'details-table');
  },
  function legacyDetails(doc) {
    return fromItems(inside(doc, S.LEGACY_DETAILS_IDS, 'li'), 'legacy-details');
  },
  function mobileHeader(doc) {
    const dp = doc.getElementById(S.PRODUCT_CONTAINER_ID);
    if (!dp || !S.MOBILE_DP_CLASS.test(dp.className)) return [];
    return fromLabelCells(dp.querySelectorAll(S.MOBILE_HEADER_SPANS), 'mobile-header');
  },
  function mobileDetailTable(doc) {
    const cells = Array.from(doc.getElementsByClassName(S.DETAIL_TABLE_LABEL_CLASS)).filter((cell) => cell.localName === 'th');
    return fromLabelCells(cells, 'details-table');
  },
  function oldDetails(doc) {
    const blocks = Array.from(doc.getElementsByClassName(S.OLD_DETAILS_CLASS)).filter(
      (block) => block.previousElementSibling?.localName === 'h2' || block.parentElement?.matches('td.bucket'),
    );
    return fromItems(blocks.flatMap((block) => Array.from(block.querySelectorAll('li'))), 'legacy-details');
  },
];

function isbnsInDetails(doc: Document): Found[] {
  for (const read of DETAIL_READERS) {
    const found = read(doc);
    if (found.length > 0) return found;
  }
  return [];
}

function kindFromDpClass(className: string): PageKind | null {
  const first = className.trim().split(/\s+/)[0] ?? '';
  if (!first) return null;
  if (S.BOOK_DP_CLASS.test(first)) return 'print';
  if (S.EBOOK_DP_CLASS.test(first)) return 'kindle';
  if (S.AUDIOBOOK_DP_CLASS.test(first)) return 'audiobook';
  return 'not-a-book';
}

function kindFromCategory(category: string): PageKind | null {
  if (!category) return null;
  if (S.EBOOK_CATEGORY.test(category)) return 'kindle';
  if (S.AUDIOBOOK_CATEGORY.test(category)) return 'audiobook';
  if (S.BOOK_CATEGORY.test(category)) return 'print';
  return 'not-a-book';
}

/** What the page sells, from the signals Amazon sets on product pages; 'unknown' when none is there. */
export function pageKind(doc: Document): PageKind {
  if (doc.getElementById(S.AUDIBLE_DETAILS_ID)) return 'audiobook';
  const signals: Array<PageKind | null> = [
    kindFromDpClass(doc.getElementById(S.PRODUCT_CONTAINER_ID)?.className ?? ''),
    kindFromCategory(doc.getElementById(S.SUBNAV_ID)?.getAttribute('data-category') ?? ''),
    S.KINDLE_SUBTITLE.test(text(doc.getElementById(S.PRODUCT_SUBTITLE_ID))) ? 'kindle' : null,
  ];
  // A book signal wins over a non-book one: a wrong "not a book" costs only a missed lookup, but
  // Amazon's class names change, and any single signal may be missing or new.
  return signals.find((kind) => kind !== null && kind !== 'not-a-book') ?? (signals.includes('not-a-book') ? 'not-a-book' : 'unknown');
}

function asinFromCanonical(doc: Document): string | null {
  const href = (doc.head ?? doc).querySelector(S.CANONICAL_LINK)?.getAttribute('href');
  return href ? asinFromUrl(new URL(href, 'https://www.amazon.com/').href) : null;
}

/** Values of the page's hidden ASIN inputs: #ASIN, and inputs named ASIN in its forms (some pages have several). */
function asinInputValues(doc: Document): string[] {
  const inputs: Element[] = [];
  const byId = doc.getElementById(S.ASIN_INPUT_ID);
  if (byId) inputs.push(byId);
  for (const form of Array.from(doc.forms)) {
    for (const name of S.ASIN_INPUT_NAMES) {
      const named = form.elements.namedItem(name);
      if (!named) continue;
      // One element, or a RadioNodeList when several share the name.
      if ('localName' in named) inputs.push(named);
      else inputs.push(...Array.from(named));
    }
  }
  return inputs.filter((el) => el.localName === 'input').map((input) => (input as HTMLInputElement).value.trim().toUpperCase());
}

/** The ASINs the page itself declares, to confirm the address names the product shown. */
function declaredAsins(doc: Document): string[] {
  const asins = asinInputValues(doc);
  asins.push(asinFromCanonical(doc) ?? '', doc.getElementById(S.REVIEWS_ID)?.getAttribute('data-asin')?.toUpperCase() ?? '');
  return asins.filter((asin) => /^[A-Z0-9]{10}$/.test(asin));
}

/**
 * The product's ASIN: the address's when the page confirms it or says nothing, else the page's own
 * (Amazon swaps a variant in place and the address can lag behind what the page shows).
 */
export function productAsin(doc: Document, url: string): { asin: string | null; confirmed: boolean } {
  const fromUrl = asinFromUrl(url);
  const declared = declaredAsins(doc);
  if (fromUrl && (declared.length === 0 || declared.includes(fromUrl))) return { asin: fromUrl, confirmed: declared.includes(fromUrl) };
  const asin = declared[0] ?? null;
  return { asin, confirmed: asin !== null };
}

interface Edition {
  isbn13: string;
  format: string;
}

function formatOf(link: Element): string {
  const href = link.getAttribute('href') ?? '';
  const code = S.FORMAT_CODE_IN_LINK.exec(href)?.[1]?.toLowerCase();
  if (code) return code;
  const tile = link.closest(S.FORMAT_TILE);
  const name = tile?.id.slice('tmm-grid-swatch-'.length) ?? '';
  return S.FORMAT_TILE_NAMES[name] ?? (name ? name.toLowerCase() : '');
}

/** Print editions offered in the format switcher: links whose ASIN is an ISBN-10, Kindle and audio left out. */
function editionsInFormatSwitcher(doc: Document): Edition[] {
  const editions: Edition[] = [];
  for (const link of inside(doc, S.FORMAT_SWITCHER_IDS, 'a[href]')) {
    const format = formatOf(link);
    if (!format || S.NON_PRINT_FORMAT_CODE.test(format)) continue;
    const path = (link.getAttribute('href') ?? '').split(/[?#]/)[0] ?? '';
    const asin = asinFromUrl(new URL(path, 'https://www.amazon.com/').href);
    if (asin && isValidIsbn10(asin)) editions.push({ isbn13: isbn10To13(asin), format });
  }
  const rank = (format: string) => {
    const index = S.PREFERRED_PRINT_FORMAT_CODES.indexOf(format);
    return index < 0 ? S.PREFERRED_PRINT_FORMAT_CODES.length : index;
  };
  // Stable sort: page order within a format.
  return editions.sort((a, b) => rank(a.format) - rank(b.format));
}

const ISBN_IN_NOTE = /ISBN(?:[\s-]?1[03])?[\s:\u00a0]*([\dXx][\dXx\s-]{8,16}[\dXx])/gi;

/** ISBNs an eBook page cites as its print edition (evidence of an edition, not always the current one). */
function isbnsInPrintEditionNotes(doc: Document): string[] {
  const found: string[] = [];
  for (const note of byIds(doc, S.PRINT_EDITION_NOTE_IDS)) {
    const texts = [note.textContent ?? ''];
    for (const el of [note, ...note.querySelectorAll(`[${S.POPOVER_ATTRIBUTE}]`)]) {
      texts.push(el.getAttribute(S.POPOVER_ATTRIBUTE) ?? '');
    }
    for (const chunk of texts) {
      for (const match of chunk.matchAll(ISBN_IN_NOTE)) {
        const isbn = toIsbn13(match[1]!);
        if (isbn) found.push(isbn);
      }
    }
  }
  return found;
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

/** A robot check or an interstitial stands where the product would be. */
function isNotAProductPage(doc: Document): boolean {
  if (doc.getElementById(S.NOT_A_PRODUCT_ID)) return true;
  return Array.from(doc.forms).some((form) => S.NOT_A_PRODUCT_FORM_ACTION.test(form.getAttribute('action') ?? ''));
}

/** Finds the book a product page is about, or says why there is none. Never throws on odd pages. */
export function findBookOnPage(doc: Document, url: string): BookOnPage {
  if (isNotAProductPage(doc)) return NOTHING('not-a-book', null);
  const { asin, confirmed } = productAsin(doc, url);
  const kind = pageKind(doc);
  if (kind === 'not-a-book') return NOTHING(kind, asin);
  // Search results, the home page, lists: no product of their own, only other products' ASINs.
  if (!asin && kind === 'unknown') return NOTHING('not-a-book', null);

  const inDetails = isbnsInDetails(doc);
  // For books that have an ISBN-10, Amazon uses it as the ASIN; Kindle, Audible and 979 books get B… ASINs.
  const asinIsbn = asin && isValidIsbn10(asin) ? isbn10To13(asin) : null;

  if (kind === 'kindle' || kind === 'audiobook') {
    const switcher = editionsInFormatSwitcher(doc);
    const notes = isbnsInPrintEditionNotes(doc);
    const candidates: Found[] = [
      ...switcher.map((e) => ({ isbn13: e.isbn13, source: 'format-switcher' })),
      ...notes.map((isbn13) => ({ isbn13, source: 'print-edition-note' })),
      ...inDetails,
    ];
    const editions = unique(candidates.map((c) => c.isbn13));
    const first = candidates[0];
    return { isbn13: first?.isbn13 ?? null, editions, kind, source: first?.source ?? 'none', asin };
  }

  // A print page (or one with no kind signal): the product's own number.
  const trustAsin = asinIsbn !== null && (confirmed || kind === 'print' || inDetails.some((f) => f.isbn13 === asinIsbn));
  let own: Found | null = null;
  if (trustAsin) {
    // When the details agree with the ASIN, say where the printed ISBN was read.
    own = inDetails.find((f) => f.isbn13 === asinIsbn) ?? { isbn13: asinIsbn, source: 'asin' };
  } else if (inDetails.length > 0) {
    own = inDetails[0]!;
  }
  if (!own && kind === 'unknown') return NOTHING('unknown', asin);
  const others = editionsInFormatSwitcher(doc).map((e) => e.isbn13);
  return {
    isbn13: own?.isbn13 ?? null,
    editions: unique([own?.isbn13 ?? null, ...others]),
    kind: 'print',
    source: own?.source ?? 'none',
    asin,
  };
}
