// The answer's shops: the list (pinned shops first), their hours, the map beside it; the portals, the
// credit OpenStreetMap's data asks for, and "look further" when no shop is near.
import { OSM_COPYRIGHT } from '../../map/credits';
import { browser } from '../../shared/browser';
import { saveSettings } from '../../shared/settings-storage';
import { byId, element, externalLink } from '../../ui/dom';
import { t } from '../../ui/i18n';
import { RADII } from '../../ui/radii';
import { ask } from '../../ui/ask';
import { canBorrow, isLibrary } from '../../shops/shop';
import { renderShopList, type ListedShop } from '../shop-list';
import type { PopupActions, PopupState } from '../state';
import { renderHours } from './hours';
import { highlightOnMap, removeMap, renderMap } from './map';
import { count, locale } from './words';

/** The shop whose star had focus when it was pressed: the list redraws, and focus stays on that star. */
let refocusPinOf: string | null = null;
let firstListPainted = false;

export function renderResults({ result, settings, lookup }: PopupState): void {
  const section = byId('results');
  const shown = result ? mapped(result) : null;
  section.hidden = !result || !shown || shown.shops.length === 0;
  if (!result || !shown || shown.shops.length === 0) {
    removeMap();
    return;
  }
  const { bookshops, libraries } = shown;
  const alsoAsking = lookup?.state === 'done' ? (lookup.alsoAsking ?? []) : [];
  const options = {
    t,
    locale,
    isbn13: result.isbn13,
    favourites: new Set(settings.favourites.map((f) => f.id)),
    onToggleFavourite: (shop: ListedShop) => void toggleFavourite(shop, settings),
    onFocusShop: highlightOnMap,
  };
  const list = byId('shop-list');
  list.hidden = bookshops.length === 0;
  renderShopList(list, bookshops, options);
  // The libraries that can lend it, apart from the shops, numbered on from them as on the map.
  byId('libraries').hidden = libraries.length === 0 && alsoAsking.length === 0;
  renderShopList(byId('library-list'), libraries, { ...options, firstNumber: bookshops.length + 1 });
  const asking = byId('libraries-asking');
  asking.hidden = alsoAsking.length === 0;
  asking.textContent = alsoAsking.length > 0 ? t('librariesAsking', alsoAsking.map((source) => source.name).join(', ')) : '';
  if (refocusPinOf) {
    section.querySelector<HTMLElement>(`li[data-shop-id="${CSS.escape(refocusPinOf)}"] .pin`)?.focus();
    refocusPinOf = null;
  }
  if (!firstListPainted) {
    firstListPainted = true;
    performance.mark('list-painted');
  }
  void renderHours(section, result);
  renderMap({ ...result, shops: shown.shops }, settings);
}

/**
 * What the list and the map show of an answer: the bookshops, and after them the libraries that can
 * lend the book (a library that holds no copy, or whose loans nobody said, is not listed).
 */
function mapped(result: NonNullable<PopupState['result']>) {
  const bookshops = result.shops.filter((shop) => !isLibrary(shop));
  const libraries = result.shops.filter(canBorrow);
  return { bookshops, libraries, shops: [...bookshops, ...libraries] };
}

async function toggleFavourite(shop: ListedShop, settings: PopupState['settings']): Promise<void> {
  const pinned = settings.favourites.some((f) => f.id === shop.id);
  const favourites = pinned ? settings.favourites.filter((f) => f.id !== shop.id) : [...settings.favourites, { id: shop.id, name: shop.name }];
  refocusPinOf = shop.id;
  // The settings' change draws the popup again (index.ts listens to storage).
  await saveSettings(browser.storage, { ...settings, favourites });
  byId('announce').textContent = t(pinned ? 'shopUnpinned' : 'shopPinned', shop.name);
}

/** None near: one step further, with the next radius, then the same book again. */
export function renderWider({ view, result, searched }: PopupState, { search }: PopupActions): void {
  const radiusKm = result?.radiusKm;
  const next = RADII.find((km) => radiusKm !== undefined && km > radiusKm);
  const box = byId('wider');
  box.hidden = !(view.state === 'none-nearby' && next);
  if (!box.hidden) {
    byId('wider-button').textContent = t('lookFurther', count.format(next!));
    byId('wider-button').onclick = async () => {
      await ask({ type: 'SetRadius', radiusKm: next! });
      if (searched) await search(searched.isbn13, searched.title);
    };
  }
}

/** The independent bookshops' online portals, for ordering where no shop nearby can be counted on. */
export function renderPortals({ result, view }: PopupState): void {
  const section = byId('portals');
  section.hidden = !result || result.portals.length === 0;
  byId('portal-list').replaceChildren(...(result?.portals ?? []).map((portal) => element('li', {}, externalLink(portal.url, portal.name))));
  // Where nobody knows who has it in stock, ordering from an independent bookshop online comes first.
  const results = byId('results');
  if (view.state === 'no-stock-network') results.before(section);
  else results.after(section);
}

/** OpenStreetMap's data is shown: "© OpenStreetMap contributors", linked, and a way to fix what is wrong. */
export function renderOsmCredit({ result }: PopupState): void {
  const credit = byId('osm-credit');
  // Its shops are listed, or its hours, sites and points filled in the network's shops (merge.ts).
  const shown = !!result && result.shops.length > 0 && result.sources.some((source) => source.sourceId === 'openstreetmap' && source.state === 'ok');
  credit.hidden = !shown;
  if (shown) {
    credit.replaceChildren(
      t('shopDataFrom'),
      ' ',
      externalLink(OSM_COPYRIGHT, t('osmContributors')),
      ' · ',
      externalLink('https://www.openstreetmap.org/fixthemap', t('fixTheMap')),
    );
  }
}

/**
 * What a network said for all its shops at once (Québec's leslibraires.ca): available or not, its price,
 * and where to order it. Said as the network's answer, never as a shop's stock.
 */
export function renderOffers({ result }: PopupState): void {
  const offers = result?.offers ?? [];
  byId('offers').hidden = offers.length === 0;
  byId('offer-list').replaceChildren(
    ...offers.map((offer) => {
      const price = offer.price !== undefined && offer.currency ? new Intl.NumberFormat(locale, { style: 'currency', currency: offer.currency }).format(offer.price) : null;
      const words = [t(offer.available ? 'offerQuebecAvailable' : 'offerQuebecUnavailable'), ...(offer.available && price ? [price] : [])].join(' · ');
      const item = element('li', { 'data-offer': offer.sourceId, 'data-available': String(offer.available) }, words);
      if (offer.url && /^https?:\/\//i.test(offer.url)) item.append(' ', externalLink(offer.url, t(offer.available ? 'offerOrderFrom' : 'offerSeeOn', offer.name)));
      return item;
    }),
  );
}
