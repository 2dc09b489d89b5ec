// The list of shops: the part of the popup that must always work (no map, no tiles, a screen reader).
// Each shop is an <li data-shop-id> with its name, distance, stock in words, hours, address, phone,
// directions and the network's page. Everything from the network goes in as text; links were already
// checked to be http(s) when the answer was parsed, and are checked again here.
import type { LookupResult } from '../lookup/result';
import { kilometres } from '../shared/locale';
import { hasTheBook, isLibrary } from '../shops/shop';
import { element, externalLink, type Translate } from '../ui/dom';

export type ListedShop = LookupResult['shops'][number];

const STOCK_MESSAGE: Record<ListedShop['stock'], string> = {
  'in-stock': 'stockInStock',
  preorder: 'stockPreorder',
  // (A bookshop is never on loan: a library's words, below.)
  'on-loan': 'stockUnknown',
  unknown: 'stockUnknown',
  'out-of-stock': 'stockNotInStock',
};

/** A library lends: its words never say "stock" (a library has no pre-orders). */
const LIBRARY_MESSAGE: Record<ListedShop['stock'], string> = {
  'in-stock': 'libraryOnShelf',
  preorder: 'libraryNotChecked',
  'on-loan': 'libraryOnLoan',
  unknown: 'libraryNotChecked',
  'out-of-stock': 'libraryNoCopy',
};

const isWebLink = (href: string | undefined): href is string => !!href && /^https?:\/\//i.test(href);

export interface ShopListOptions {
  t: Translate;
  locale: string;
  /** The ISBN asked for: a shop listed for another edition says so. */
  isbn13: string;
  favourites: Set<string>;
  onToggleFavourite: (shop: ListedShop) => void;
  onFocusShop: (shopId: string | null) => void;
  /** The first item's number (the libraries' list goes on from the shops', as their markers do). */
  firstNumber?: number;
}

export function stockWords(shop: ListedShop, isbn13: string, t: Translate): string {
  if (isLibrary(shop)) return t(LIBRARY_MESSAGE[shop.stock]);
  // Has it, but nobody can buy it there now: said in one place, not "In stock" in green with a grey line below.
  if (shop.closedForHolidays && hasTheBook(shop)) return t('stockOnHoliday');
  if (shop.isbn13 && shop.isbn13 !== isbn13 && hasTheBook(shop)) return t('stockOtherEdition');
  return t(STOCK_MESSAGE[shop.stock]);
}

/** Pinned shops first, then as the lookup ordered them (in stock first, then by distance). */
export function orderShops(shops: ListedShop[], favourites: Set<string>): ListedShop[] {
  return [...shops.filter((shop) => favourites.has(shop.id)), ...shops.filter((shop) => !favourites.has(shop.id))];
}

export function renderShopList(list: HTMLElement, shops: ListedShop[], options: ShopListOptions): void {
  const { t, locale, isbn13, favourites } = options;
  const distance = kilometres(locale);
  list.replaceChildren(
    ...orderShops(shops, favourites).map((shop, index) => {
      const pinned = favourites.has(shop.id);
      const item = element('li', { 'data-shop-id': shop.id, 'data-stock': shop.stock, tabindex: '-1' });
      if (isLibrary(shop)) item.dataset.kind = 'library';
      if (pinned) item.dataset.pinned = 'true';
      if (shop.closedForHolidays) item.dataset.holiday = 'true';
      const heading = element('h3', { class: 'shop-name' }, shop.name);
      // The number its marker carries on the map (a list item's position is said by screen readers already).
      const number = element('span', { class: 'shop-number', 'data-stock': shop.stock, 'aria-hidden': 'true' }, `${index + (options.firstNumber ?? 1)}`);
      // A toggle keeps one name; aria-pressed says whether it is on. Each names its shop: six "Pin" buttons read alike.
      const pinLabel = t('pinShopNamed', shop.name);
      const pin = element('button', { type: 'button', class: 'pin', 'aria-pressed': String(pinned), title: pinLabel, 'aria-label': pinLabel }, pinned ? '★' : '☆');
      pin.addEventListener('click', () => options.onToggleFavourite(shop));
      const facts = element('p', { class: 'shop-meta' }, [distance.format(shop.distanceKm), stockWords(shop, isbn13, t)].join(' · '));
      const hours = element('p', { class: 'shop-hours' });
      const address = [shop.address.street, [shop.address.postalCode, shop.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      const links = element('p', { class: 'shop-links' });
      // Each link's name starts with its visible words and names the shop, so a list of links reads apart.
      const named = (key: string) => ({ 'aria-label': t(key, shop.name) });
      if (shop.phone) links.append(element('a', { href: `tel:${shop.phone.replace(/[^\d+]/g, '')}`, 'aria-label': t('callShop', [shop.phone, shop.name]) }, shop.phone));
      if (shop.location) {
        const to = `${shop.location.lat.toFixed(5)},${shop.location.lon.toFixed(5)}`;
        links.append(externalLink(`https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${to}`)}`, t('directions'), named('directionsTo')));
      }
      const page = shop.links.reserve ?? shop.links.book;
      if (isWebLink(page)) links.append(externalLink(page, t(shop.links.reserve ? 'reserve' : 'bookPage'), named(shop.links.reserve ? 'reserveAt' : 'bookPageAt')));
      if (isWebLink(shop.website)) links.append(externalLink(shop.website, t('website'), named('websiteOf')));
      item.append(element('div', { class: 'shop-head' }, number, heading, pin), facts, hours);
      if (address) item.append(element('p', { class: 'shop-address' }, address));
      item.append(links);
      item.addEventListener('mouseenter', () => options.onFocusShop(shop.id));
      item.addEventListener('focusin', () => options.onFocusShop(shop.id));
      item.addEventListener('mouseleave', () => options.onFocusShop(null));
      return item;
    }),
  );
}

/** Fills in each shop's hours line once the hours module is loaded. */
export function fillHours(list: HTMLElement, shops: ListedShop[], describe: (shop: ListedShop) => string | null): void {
  for (const shop of shops) {
    if (!shop.openingHours || shop.closedForHolidays) continue;
    const line = list.querySelector<HTMLElement>(`li[data-shop-id="${CSS.escape(shop.id)}"] .shop-hours`);
    const text = describe(shop);
    if (line && text) line.textContent = text;
  }
}
