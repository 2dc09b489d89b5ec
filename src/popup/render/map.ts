// The map beside the list: its code (Leaflet and the vector renderer, compiled ahead by popup.html's
// modulepreload) and stylesheet start loading while the list is painted, and so do the background's first
// two reads, so the first tile is asked for as soon as the list is up (the bench's "map visible").
// Offline, or with no background to draw, the list stands alone with one line saying why.
import type { LookupResult } from '../../lookup/result';
import { browser } from '../../shared/browser';
import { hostPattern, isThisMachine } from '../../shared/host-pattern';
import type { Settings } from '../../shared/settings';
import { canBorrow, hasTheBook, isLibrary } from '../../shops/shop';
import { byId, element } from '../../ui/dom';
import { t } from '../../ui/i18n';
import type { ShopMap } from '../shop-map';
import { orderShops, stockWords } from '../shop-list';
import { distance, locale } from './words';

/** storage.local: the vector tiles' TileJSON answer, kept a day (map/vector-source.ts). */
const MAP_SOURCE_KEY = 'map:tilejson';

/** The map drawn, named by what it shows: drawn again only when that changes. */
let shown: { key: string; view: ShopMap | null } | null = null;
let mapCode: Promise<typeof import('../shop-map')> | null = null;
/** Reads started beside the map's code, each handed to the background's first ask. */
let readsAhead: { kept: () => Promise<unknown>; vectorAllowed: { url: string; read: () => Promise<boolean> } | null } | null = null;

const readKeptTileJson = async (): Promise<unknown> => (await browser.storage.local.get(MAP_SOURCE_KEY))[MAP_SOURCE_KEY];
/** As the worker checks before each request: a tile host the browser does not allow is not asked. */
const tileHostAllowed = async (url: string): Promise<boolean> => isThisMachine(url) || browser.permissions.contains({ origins: [hostPattern(url)] });

/** Starts loading the map's code and stylesheet, side by side, and the background's first reads. */
export function loadMapCode(settings: Settings): Promise<typeof import('../shop-map')> {
  mapCode ??= Promise.all([import('../shop-map'), loadMapStylesheet()]).then(([code]) => code);
  const vectorUrl = settings.tiles.vector?.url;
  readsAhead ??= { kept: readAheadOnce(readKeptTileJson), vectorAllowed: vectorUrl ? { url: vectorUrl, read: readAheadOnce(() => tileHostAllowed(vectorUrl)) } : null };
  return mapCode;
}

/** Whether a map will be drawn for this answer, as far as can be told before drawing it. */
export const mapComes = (result: LookupResult | null, settings: Settings): boolean => !!result?.shops.length && navigator.onLine && !!(settings.tiles.vector || settings.tiles.raster);

/** A read started now and handed to its first asker; later askers read afresh (the value may have changed since). */
function readAheadOnce<T>(read: () => Promise<T>): () => Promise<T> {
  let ahead: Promise<T> | null = read();
  return () => {
    const first = ahead;
    ahead = null;
    return first ?? read();
  };
}

/** The map's stylesheet (Leaflet's and the markers'), applied with the map rather than before the list. */
function loadMapStylesheet(): Promise<void> {
  const link = element('link', { rel: 'stylesheet', href: 'map.css' });
  const loaded = new Promise<void>((resolve) => {
    link.onload = link.onerror = () => resolve();
  });
  document.head.append(link);
  return loaded;
}

/** Draws the map for this answer unless it shows it already (pinning renumbers the list: the markers follow). */
export function renderMap(result: LookupResult, settings: Settings): void {
  const key = `${result.isbn13}@${result.finishedAt}@${settings.favourites.map((f) => f.id).join(' ')}`;
  if (shown?.key === key) return;
  shown?.view?.remove();
  shown = { key, view: null };
  // Not awaited: later renders must not wait for the map.
  void showMap(result, settings, key);
}

export function removeMap(): void {
  shown?.view?.remove();
  shown = null;
}

/** The list's shop under the keyboard or the pointer, marked on the map too. */
export const highlightOnMap = (shopId: string | null): void => shown?.view?.highlight(shopId);

async function showMap(result: LookupResult, settings: Settings, key: string): Promise<void> {
  const container = byId('map');
  const status = byId('map-status');
  status.hidden = true;
  const legend = byId('map-legend');
  if (!navigator.onLine) {
    container.hidden = legend.hidden = true;
    status.hidden = false;
    status.textContent = t('mapOffline');
    return;
  }
  container.hidden = legend.hidden = false;
  // Each entry only for a kind of marker the map shows: no "has it" when no shop has it.
  byId('legend-has-it').hidden = !result.shops.some((shop) => hasTheBook(shop) && !shop.closedForHolidays);
  byId('legend-unknown').hidden = !result.shops.some((shop) => shop.stock === 'unknown' && !isLibrary(shop));
  byId('legend-library').hidden = !result.shops.some(canBorrow);
  byId('legend-holiday').hidden = !result.shops.some((shop) => hasTheBook(shop) && shop.closedForHolidays);
  // The map's code arrives in a task of its own, after the list is in the page.
  const { createShopMap } = await loadMapCode(settings);
  if (shown?.key !== key) return;
  // As the lists number them: the bookshops (pinned first), then the libraries.
  const favourites = new Set(settings.favourites.map((f) => f.id));
  const ordered = [...orderShops(result.shops.filter((shop) => !isLibrary(shop)), favourites), ...orderShops(result.shops.filter(isLibrary), favourites)];
  const numbers = new Map(ordered.map((shop, i) => [shop.id, i + 1]));
  const view = createShopMap(container, {
    place: result.place,
    shops: result.shops,
    tiles: settings.tiles,
    baseLayer: {
      readKept: readsAhead?.kept ?? readKeptTileJson,
      keep: (kept) => browser.storage.local.set({ [MAP_SOURCE_KEY]: kept }),
      language: locale.split('-')[0]!,
      allowed: (url) => (url === readsAhead?.vectorAllowed?.url ? readsAhead.vectorAllowed.read() : tileHostAllowed(url)),
    },
    describeShop: (shop) => `${distance.format(shop.distanceKm)} · ${stockWords(shop, result.isbn13, t)}`,
    numberOf: (shopId) => numbers.get(shopId) ?? 0,
    onSelect: (shopId) => {
      const item = document.querySelector<HTMLElement>(`#shop-list li[data-shop-id="${CSS.escape(shopId)}"]`);
      for (const other of document.querySelectorAll('#shop-list li.highlight')) other.classList.remove('highlight');
      item?.classList.add('highlight');
      item?.scrollIntoView({ block: 'nearest' });
      item?.focus({ preventScroll: true });
    },
    labels: { zoomIn: t('zoomIn'), zoomOut: t('zoomOut') },
    onNoBackground: (why) => {
      // The list alone, with one line saying why; the markers without a background would say nothing.
      // The key stays: the same answer drawn again would fail the same way.
      if (shown?.key === key) {
        shown.view?.remove();
        shown.view = null;
      }
      container.hidden = legend.hidden = true;
      if (!settings.tiles.vector && !settings.tiles.raster) return;
      status.hidden = false;
      status.textContent = why && 'lacks' in why ? t('mapTilesLackLayers', why.lacks.join(', ')) : why && 'needsPermission' in why ? t('mapNeedsPermission', why.needsPermission) : t('mapTilesFailed');
    },
  });
  shown.view = view;
  container.dataset.markers = String(view.markerCount());
}
