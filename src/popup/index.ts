// Popup: the shops near the shopper that have the tab's book (or tab N's, with ?tabId=N as a full page).
// The list is painted first; the map (Leaflet) and the opening hours are loaded after it, so a slow or
// refused tile server never holds the list back. Every state says what is happening and what to do.
import { countryOfStorefront } from '../book/storefronts';
import { toIsbn13 } from '../book/isbn';
import type { LookupResult, SourceStatus } from '../lookup/result';
import { browser } from '../shared/browser';
import { CAMPAIGN_AREA } from '../shared/campaign-area';
import { hostPattern, isThisMachine } from '../shared/host-pattern';
import { kilometres, uiLocale } from '../shared/locale';
import { say } from '../shared/plural';
import { displayIsbn13 } from '../shared/isbn-format';
import { readTabRecords, tabBookKey, tabListKey, tabLookupKey, type TabBook, type TabList, type TabLookup } from '../messages/session-records';
import type { TabState } from '../messages/page-to-worker';
import { ask } from '../ui/ask';
import { OSM_COPYRIGHT } from '../map/credits';
import { type Place, type Settings } from '../shared/settings';
import { changesSettings, loadSettings, saveSettings } from '../shared/settings-storage';
import { byId, element, externalLink } from '../ui/dom';
import { t, translatePage } from '../ui/i18n';
import { createPlaceForm } from '../ui/place-form';
import { RADII } from '../ui/radii';
import { describe, describeLookup, problemReport, type View } from './describe';
import { hasTheBook } from '../shops/shop';
import { fillHours, orderShops, renderShopList, stockWords, type ListedShop } from './shop-list';
import { SHARE_URL, showShareCode } from './share';
import type { ShopMap } from './shop-map';
import { hoursLine } from './hours-line';
import type { HoursAnswered, HoursAsked } from './hours-worker';

/** storage.local: the vector tiles' TileJSON answer, kept a day (map/vector-source.ts). */
const MAP_SOURCE_KEY = 'map:tilejson';

const locale = uiLocale((key) => browser.i18n.getMessage(key));
const distance = kilometres(locale);

let tabId: number | null = null;
let settings: Settings;
/** The answer for an ISBN typed in the popup (on a page that is not a book), or a list page's book picked. */
let searched: LookupResult | null = null;
/** The title of the list page's book picked, for the book line. */
let searchedTitle: string | null = null;
let map: { key: string; view: ShopMap | null } | null = null;
let firstListPainted = false;
/** The map's code (Leaflet and the vector renderer) and stylesheet, asked for as soon as a map is known to come. */
let mapCode: Promise<typeof import('./shop-map')> | null = null;

/**
 * Starts loading the map's code and stylesheet, side by side, while the list is being read and painted:
 * the first tile is then asked for as soon as the list is up (the bench's "map visible"), not at the end
 * of a chain of loads.
 */
function loadMapCode(): Promise<typeof import('./shop-map')> {
  mapCode ??= Promise.all([import('./shop-map'), loadMapStylesheet()]).then(([code]) => code);
  // The background's first two reads, too: the kept TileJSON and whether the vector host is allowed.
  const vectorUrl = settings.tiles.vector?.url;
  mapReadsAhead ??= { kept: readAheadOnce(readKeptTileJson), vectorAllowed: vectorUrl ? { url: vectorUrl, read: readAheadOnce(() => tileHostAllowed(vectorUrl)) } : null };
  return mapCode;
}

const readKeptTileJson = async (): Promise<unknown> => (await browser.storage.local.get(MAP_SOURCE_KEY))[MAP_SOURCE_KEY];
/** As the worker checks before each request: a tile host the browser does not allow is not asked. */
const tileHostAllowed = async (url: string): Promise<boolean> => isThisMachine(url) || browser.permissions.contains({ origins: [hostPattern(url)] });

/** Reads started beside the map's code, each handed to the base layer's first ask. */
let mapReadsAhead: { kept: () => Promise<unknown>; vectorAllowed: { url: string; read: () => Promise<boolean> } | null } | null = null;

/** A read started now and handed to its first asker; later askers read afresh (the value may have changed since). */
function readAheadOnce<T>(read: () => Promise<T>): () => Promise<T> {
  let ahead: Promise<T> | null = read();
  return () => {
    const first = ahead;
    ahead = null;
    return first ?? read();
  };
}

/** The map's stylesheet (Leaflet's and the markers'), loaded with the map rather than before the list. */
function loadMapStylesheet(): Promise<void> {
  const link = element('link', { rel: 'stylesheet', href: 'map.css' });
  const loaded = new Promise<void>((resolve) => {
    link.onload = link.onerror = () => resolve();
  });
  document.head.append(link);
  return loaded;
}

async function targetTabId(): Promise<number | null> {
  const fromQuery = Number.parseInt(new URLSearchParams(location.search).get('tabId') ?? '', 10);
  if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [[active], own] = await Promise.all([browser.tabs.query({ active: true, currentWindow: true }), browser.tabs.getCurrent()]);
  if (!own || active?.id !== own.id) return active?.id ?? null;
  // Opened as a tab of its own (Firefox for Android opens every popup so), the popup is the active tab:
  // the shopper's page is the tab they were on just before.
  const others = (await browser.tabs.query({ currentWindow: true })).filter((tab) => tab.id !== undefined && tab.id !== own.id);
  return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]?.id ?? null;
}

const KIND_MESSAGE: Record<TabBook['kind'], string> = {
  print: 'kindPrint',
  kindle: 'kindKindle',
  audiobook: 'kindAudiobook',
  'not-a-book': 'kindPrint',
  unknown: 'kindPrint',
};

function renderBook(book: TabBook | null, result: LookupResult | null): void {
  const line = byId('book-line');
  const isbn13 = result?.isbn13 ?? book?.isbn13 ?? book?.editions[0];
  line.hidden = !isbn13;
  if (!isbn13) return;
  const parts = [...(searched && searchedTitle ? [searchedTitle] : []), `ISBN ${displayIsbn13(isbn13)}`];
  if (book && book.kind !== 'print' && book.kind !== 'unknown') parts.push(t('printEditionOf', t(KIND_MESSAGE[book.kind])));
  const edition = result?.editionsAsked.length ? t('otherEditionsAsked') : '';
  line.textContent = [...parts, edition].filter(Boolean).join(' · ');
}

function renderPlace(state: TabState, view: View, book: TabBook | null): void {
  const slot = byId('place-form-slot');
  const line = byId('place-line');
  const wantsForm = view.state === 'no-place' || slot.dataset.open === 'true';
  line.hidden = !state.place;
  renderPlaceCredit(state.place?.foundBy);
  if (state.place) byId('place-current').textContent = t('placeCurrentRadius', [state.place.label, new Intl.NumberFormat(locale).format(state.place.radiusKm)]);
  if (wantsForm && slot.childElementCount === 0) {
    slot.append(
      createPlaceForm({
        country: state.place?.country ?? CAMPAIGN_AREA?.country ?? countryOfStorefront(book?.storefront),
        currentLabel: state.place?.label,
        radiusKm: state.place?.radiusKm,
        // After saving, focus goes to the line that says what was found there.
        onSaved: () => {
          slot.dataset.open = 'false';
          slot.replaceChildren();
          void render().then(() => byId('status').focus());
        },
        // A place is set: the form was opened by "Change", and Cancel or Escape closes it.
        onCancel: state.place
          ? () => {
              slot.dataset.open = 'false';
              slot.replaceChildren();
              byId('place-change').focus();
            }
          : undefined,
      }),
    );
  } else if (!wantsForm) {
    slot.replaceChildren();
  }
}

/** Nominatim's policy asks for attribution where its answer is shown; the Géoplateforme is credited too. */
function renderPlaceCredit(foundBy: Place['foundBy']): void {
  const credit = byId('place-credit');
  credit.hidden = !foundBy;
  if (foundBy === 'nominatim') credit.replaceChildren(t('placeFoundByNominatim'), ' ', externalLink(OSM_COPYRIGHT, t('osmContributors')));
  else if (foundBy === 'geoplateforme') credit.replaceChildren(t('placeFoundByGeoplateforme'));
}

/** OpenStreetMap's data is shown: "© OpenStreetMap contributors", linked, and a way to fix what is wrong. */
function renderOsmCredit(result: LookupResult | null): void {
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

function renderProgress(lookup: TabLookup | null): void {
  const list = byId('progress');
  list.hidden = lookup?.state !== 'asking';
  if (lookup?.state !== 'asking') return;
  list.replaceChildren(
    ...lookup.progress.map((source) =>
      element('li', { 'data-source-state': source.state }, t(source.state === 'waiting' ? 'progressWaiting' : source.state === 'ok' ? 'progressDone' : 'progressFailed', source.name)),
    ),
  );
}

function renderProblems(view: View): void {
  const box = byId('problems');
  box.hidden = view.problems.length === 0;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  byId('problem-list').replaceChildren(
    ...view.problems.map(({ source, reason }) => {
      const host = source.origin ? source.origin.replace(/^https?:\/\/|\/\*$/g, '') : '';
      const why = source.state === 'rate-limited' && source.retryAt ? t(reason, time.format(source.retryAt)) : source.state === 'needs-permission' ? t(reason, host) : t(reason);
      const item = element('li', { 'data-source-id': source.sourceId, 'data-source-state': source.state }, t('sourceFailedWhy', [source.name, why]));
      if (source.state === 'needs-permission' && source.origin) item.append(' ', allowButton(source.origin, host));
      if (source.httpStatus || source.detail) item.append(' ', copyDetailsButton(source));
      return item;
    }),
  );
  byId('retry').hidden = tabId === null || searched !== null;
}

/** Asks the browser, in the click as it requires, for the host permission the shopper took back; then asks the sources again. */
function allowButton(origin: string, host: string): HTMLButtonElement {
  const button = element('button', { type: 'button', class: 'link allow-host' }, t('permissionAllow', host));
  button.addEventListener('click', async () => {
    const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
    if (granted) retry();
  });
  return button;
}

/** Copies what the source said about its refusal, for a bug report: "refused by a firewall" is not "refused by the network". */
function copyDetailsButton(source: SourceStatus): HTMLButtonElement {
  const button = element('button', { type: 'button', class: 'link copy-details' }, t('copyDetails'));
  button.addEventListener('click', async () => {
    const report = problemReport(source, browser.runtime.getManifest().version, Date.now());
    const copied = await navigator.clipboard.writeText(report).then(
      () => true,
      () => false,
    );
    button.textContent = t(copied ? 'detailsCopied' : 'detailsNotCopied');
    button.title = report;
  });
  return button;
}

function retry(): void {
  if (tabId === null) return;
  void ask({ type: 'Retry', tabId });
}

function renderWider(view: View, radiusKm: number | undefined): void {
  const next = RADII.find((km) => radiusKm !== undefined && km > radiusKm);
  const box = byId('wider');
  box.hidden = !(view.state === 'none-nearby' && next);
  if (!box.hidden) {
    byId('wider-button').textContent = t('lookFurther', new Intl.NumberFormat(locale).format(next!));
    byId('wider-button').onclick = async () => {
      await ask({ type: 'SetRadius', radiusKm: next! });
      if (searched) await search(searched.isbn13, searchedTitle);
    };
  }
}

function describeShop(shop: ListedShop, isbn13: string): string {
  return `${distance.format(shop.distanceKm)} · ${stockWords(shop, isbn13, t)}`;
}

async function renderResults(result: LookupResult | null): Promise<void> {
  const section = byId('results');
  section.hidden = !result || result.shops.length === 0;
  if (!result || result.shops.length === 0) {
    map?.view?.remove();
    map = null;
    return;
  }
  const list = byId('shop-list');
  const favourites = new Set(settings.favourites.map((f) => f.id));
  renderShopList(list, result.shops, {
    t,
    locale,
    isbn13: result.isbn13,
    favourites,
    onToggleFavourite: (shop) => void toggleFavourite(shop),
    onFocusShop: (shopId) => map?.view?.highlight(shopId),
  });
  if (refocusPinOf) {
    list.querySelector<HTMLElement>(`li[data-shop-id="${CSS.escape(refocusPinOf)}"] .pin`)?.focus();
    refocusPinOf = null;
  }
  if (!firstListPainted) {
    firstListPainted = true;
    performance.mark('list-painted');
  }
  void showHours(list, result);
  // Pinning a shop renumbers the list: the markers carry the same numbers, so the map is drawn again.
  const key = `${result.isbn13}@${result.finishedAt}@${settings.favourites.map((f) => f.id).join(' ')}`;
  if (map?.key !== key) {
    map?.view?.remove();
    map = { key, view: null };
    // Not awaited: a page in the background gets no animation frames, and later renders must not wait.
    void showMap(result, key);
  }
}

let hoursWorker: Worker | null = null;
let hoursAsked = 0;

/** Today's hours of the shops that give theirs, read in the hours worker; the list says them when they come. */
async function showHours(list: HTMLElement, result: LookupResult): Promise<void> {
  const shops = result.shops.flatMap((shop) => (shop.openingHours ? [{ id: shop.id, value: shop.openingHours, place: shop.location ?? result.place }] : []));
  if (shops.length === 0) return;
  hoursWorker ??= new Worker(new URL('hours-worker.js', location.href), { type: 'module' });
  const worker = hoursWorker;
  const asked: HoursAsked = { ask: ++hoursAsked, shops, now: Date.now(), locale };
  const hours = await new Promise<HoursAnswered['hours']>((resolve) => {
    const onAnswer = (event: MessageEvent<HoursAnswered>) => {
      if (event.data.ask !== asked.ask) return;
      worker.removeEventListener('message', onAnswer);
      resolve(event.data.hours);
    };
    worker.addEventListener('message', onAnswer);
    // A worker that cannot start (or fails) leaves the hours unsaid, as a value that cannot be read does.
    worker.addEventListener('error', () => resolve({}), { once: true });
    worker.postMessage(asked);
  });
  fillHours(list, result.shops, (shop) => {
    const today = hours[shop.id];
    return today ? hoursLine(today, t) : null;
  });
}

async function showMap(result: LookupResult, key: string): Promise<void> {
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
  byId('legend-unknown').hidden = !result.shops.some((shop) => shop.stock === 'unknown');
  byId('legend-holiday').hidden = !result.shops.some((shop) => hasTheBook(shop) && shop.closedForHolidays);
  // The map's code arrives in a task of its own, after the list is in the page.
  const { createShopMap } = await loadMapCode();
  if (map?.key !== key) return;
  const numbers = new Map(orderShops(result.shops, new Set(settings.favourites.map((f) => f.id))).map((shop, i) => [shop.id, i + 1]));
  map.view = createShopMap(container, {
    place: result.place,
    shops: result.shops,
    tiles: settings.tiles,
    baseLayer: {
      readKept: mapReadsAhead?.kept ?? readKeptTileJson,
      keep: (kept) => browser.storage.local.set({ [MAP_SOURCE_KEY]: kept }),
      language: locale.split('-')[0]!,
      allowed: (url) => (url === mapReadsAhead?.vectorAllowed?.url ? mapReadsAhead.vectorAllowed.read() : tileHostAllowed(url)),
    },
    describeShop: (shop) => describeShop(shop, result.isbn13),
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
      map?.view?.remove();
      if (map) map.view = null;
      container.hidden = legend.hidden = true;
      if (!settings.tiles.vector && !settings.tiles.raster) return;
      status.hidden = false;
      status.textContent = why && 'lacks' in why ? t('mapTilesLackLayers', why.lacks.join(', ')) : why && 'needsPermission' in why ? t('mapNeedsPermission', why.needsPermission) : t('mapTilesFailed');
    },
  });
  container.dataset.markers = String(map.view.markerCount());
}

/** A list page: its books that shops nearby have, nearest first; each opens its shops here. */
function renderList(list: TabList | null | undefined, view: View): void {
  const books = byId('list-books');
  books.hidden = !list || searched !== null || view.state !== 'list' || list.books.length === 0;
  byId('list-back-line').hidden = !list || searched === null;
  // Marks are off on this kind of list (search results, the charts): the one step that turns them on.
  byId('list-offer').hidden = !list || list.kind === 'wishlist' || view.state !== 'list-off' || settings.askOnOpen;
  if (books.hidden || !list) return;
  const count = new Intl.NumberFormat(locale);
  books.replaceChildren(
    ...list.books.map((book) => {
      const open = element('button', { type: 'button', class: 'link list-book' }, book.title ?? `ISBN ${displayIsbn13(book.isbn13)}`);
      // The list gives way to the book's shops: focus goes to the line that says what came back, not to <body>.
      open.addEventListener('click', () => void search(book.isbn13, book.title).then(() => byId('status').focus()));
      const shops = say(t, locale, ['listBookShops', [count.format(book.count), distance.format(book.nearestKm)], book.count]);
      return element('li', { 'data-isbn13': book.isbn13 }, open, element('span', { class: 'list-book-shops' }, shops));
    }),
  );
}

function renderPortals(result: LookupResult | null): void {
  const section = byId('portals');
  section.hidden = !result || result.portals.length === 0;
  byId('portal-list').replaceChildren(...(result?.portals ?? []).map((portal) => element('li', {}, externalLink(portal.url, portal.name))));
}

/** The shop whose star had focus when it was pressed: the list redraws, and focus stays on that star. */
let refocusPinOf: string | null = null;

async function toggleFavourite(shop: ListedShop): Promise<void> {
  const pinned = settings.favourites.some((f) => f.id === shop.id);
  const favourites = pinned ? settings.favourites.filter((f) => f.id !== shop.id) : [...settings.favourites, { id: shop.id, name: shop.name }];
  refocusPinOf = shop.id;
  await saveSettings(browser.storage, { ...settings, favourites });
  byId('announce').textContent = t(pinned ? 'shopUnpinned' : 'shopPinned', shop.name);
}

async function search(isbn13: string, title: string | null = null): Promise<void> {
  searchedTitle = title;
  byId('status').textContent = t('stateAsking');
  const answer = await ask({ type: 'Search', isbn13 }).catch((error: unknown) => {
    console.debug('[local-bookshops] no usable answer to the search', error);
    return null;
  });
  if (!answer) {
    byId('status').textContent = t('stateUnreadable');
    return;
  }
  searched = answer.state === 'done' ? answer.result : null;
  await render();
}

function setUpForms(): void {
  byId('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('search-input');
    const isbn13 = toIsbn13(input.value);
    if (!isbn13) {
      byId('search-message').textContent = t('searchInvalid');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    byId('search-message').textContent = '';
    input.removeAttribute('aria-invalid');
    void search(isbn13);
  });
  byId('place-change').addEventListener('click', () => {
    byId('place-form-slot').dataset.open = 'true';
    void render().then(() => byId('place-form-slot').querySelector('input')?.focus());
  });
  if (SHARE_URL) {
    const button = byId('share-button');
    button.hidden = false;
    button.addEventListener('click', async () => {
      const panel = byId('share');
      panel.hidden = !panel.hidden;
      button.setAttribute('aria-expanded', String(!panel.hidden));
      if (panel.hidden) return;
      const link = byId<HTMLAnchorElement>('share-link');
      link.href = SHARE_URL!;
      link.textContent = SHARE_URL!;
      await showShareCode(byId<HTMLImageElement>('share-code'), SHARE_URL!);
    });
  }
  byId('retry').addEventListener('click', retry);
  // Past the map's zoom buttons and credits, straight to the first shop.
  byId('skip-map').addEventListener('click', (event) => {
    event.preventDefault();
    document.querySelector<HTMLElement>('#shop-list li')?.focus();
  });
  byId('list-back').addEventListener('click', () => {
    searched = searchedTitle = null;
    void render().then(() => byId('status').focus());
  });
  // Marks on search results and the charts, turned on from the page where the shopper wants them; the
  // worker then has the page start again with marks.
  byId('list-offer-button').addEventListener('click', async () => {
    await saveSettings(browser.storage, { ...settings, lists: { ...settings.lists, searchResults: true } });
    // The offer hides once drawn again: focus goes to the line that says what happens now.
    settings = { ...settings, lists: { ...settings.lists, searchResults: true } };
    await render();
    byId('status').focus();
  });
}

let rendering = Promise.resolve();
/** One render at a time, in order: storage changes can arrive while one is under way. */
function render(): Promise<void> {
  rendering = rendering.then(
    () => renderNow(),
    () => renderNow(),
  );
  return rendering;
}

const ASK_AGAIN_MS = 2000;
let askAgain: ReturnType<typeof setTimeout> | undefined;

async function renderNow(known?: TabState): Promise<void> {
  let state: TabState;
  try {
    state = known ?? (tabId === null ? { book: null, lookup: null, place: null } : await ask({ type: 'TabState', tabId }));
  } catch (error) {
    // No answer, or one of another shape (a worker of another version mid-update): said, never guessed at.
    console.debug('[local-bookshops] no usable answer about the tab', error);
    byId('app').dataset.state = 'unreadable';
    byId('status').textContent = t('stateUnreadable');
    return;
  }
  if (!state.place && settings.place) state.place = { label: settings.place.label, country: settings.place.country, radiusKm: settings.radiusKm, foundBy: settings.place.foundBy };
  const lookup: TabLookup | null = searched ? { state: 'done', result: searched } : state.lookup;
  const view = searched ? describeLookup(lookup) : describe(state, { askOnOpen: settings.askOnOpen });
  // A book's mark clicked on the list page: open on that book's shops.
  if (state.list?.chosen && !searched) {
    const chosen = state.list.books.find((book) => book.isbn13 === state.list!.chosen);
    void search(state.list.chosen, chosen?.title ?? null);
  }
  const result = lookup?.state === 'done' ? lookup.result : null;
  byId('app').dataset.state = view.state;
  // While asking, ask the worker again now and then: if the browser stopped it mid-lookup, this wakes
  // it and it starts the lookup again (it sees that nobody is finishing the stored one).
  clearTimeout(askAgain);
  if ((view.state === 'asking' || view.state === 'throttled') && !searched) askAgain = setTimeout(() => void render(), ASK_AGAIN_MS);
  const status = byId('status');
  status.textContent = say(t, locale, view.line);
  for (const aside of view.asides ?? []) status.append(' ', element('span', { class: 'aside' }, say(t, locale, aside)));
  // Which services were asked: what the line above speaks for.
  const asked = byId('asked-line');
  asked.hidden = !result;
  asked.textContent = result ? t('askedSources', result.sources.map((source) => source.name).join(', ')) : '';
  byId('search-form').hidden = view.state !== 'not-a-book' && !(searched && !state.list);
  renderBook(state.book, result);
  renderPlace(state, view, state.book);
  renderProgress(lookup);
  renderProblems(view);
  renderWider(view, result?.radiusKm);
  renderPortals(result);
  renderList(state.list, view);
  // Where nobody knows who has it in stock, ordering from an independent bookshop online comes first.
  const [portals, results] = [byId('portals'), byId('results')];
  if (view.state === 'no-stock-network') results.before(portals);
  else results.after(portals);
  renderOsmCredit(result);
  await renderResults(result);
}

async function rememberedState(id: number): Promise<TabState | null> {
  const { book, lookup } = await readTabRecords(browser.storage.session, id);
  if (!book || lookup?.state !== 'done') return null;
  return { book, lookup, place: null };
}

async function start(): Promise<void> {
  translatePage('extensionName');
  byId('status').textContent = t('stateReading');
  setUpForms();
  // Paint what the worker stored for this tab straight away; the worker's answer (which first checks
  // that the tab still shows that book) follows and corrects it if the tab has moved on.
  const tab = targetTabId().then(async (id) => ({ id, remembered: id === null ? null : await rememberedState(id) }));
  const [{ id, remembered }, stored] = await Promise.all([tab, loadSettings(browser.storage)]);
  tabId = id;
  settings = stored.settings;
  const rememberedResult = remembered?.lookup?.state === 'done' ? remembered.lookup.result : null;
  if (rememberedResult?.shops.length && navigator.onLine && (settings.tiles.vector || settings.tiles.raster)) void loadMapCode();
  if (remembered) await renderNow(remembered);
  browser.storage.session.onChanged.addListener((changes) => {
    if (tabId !== null && (tabBookKey(tabId) in changes || tabLookupKey(tabId) in changes || tabListKey(tabId) in changes)) void render();
  });
  // Back online while open: ask the worker again, which re-asks the sources the lost network cut short.
  addEventListener('online', () => void render());
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (!changesSettings(changes, areaName)) return;
    void loadSettings(browser.storage).then((stored) => {
      settings = stored.settings;
      return render();
    });
  });
  await render();
}

void start();
