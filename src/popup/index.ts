// Popup: what the extension knows about the current tab (or tab N, with ?tabId=N as a full page).
import { browser } from '../shared/browser';
import { displayIsbn13 } from '../shared/isbn-format';
import { tabBookKey, tabLookupKey, type TabBook, type TabLookup, type TabState, type TabStateRequest } from '../shared/messages';
import { hasTheBook } from '../lookup/shop';
import { countryOfStorefront } from '../shared/settings';
import { createPlaceForm } from '../ui/place-form';

const t = (key: string, substitutions?: string | string[]) => browser.i18n.getMessage(key, substitutions);
const byId = (id: string) => document.getElementById(id)!;

async function targetTabId(): Promise<number | null> {
  const fromQuery = Number.parseInt(new URLSearchParams(location.search).get('tabId') ?? '', 10);
  if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

const KIND_MESSAGE: Record<TabBook['kind'], string> = {
  print: 'kindPrint',
  kindle: 'kindKindle',
  audiobook: 'kindAudiobook',
  'not-a-book': 'stateNotABook',
  unknown: 'kindPrint',
};

function showState(state: 'reading' | 'no-book' | 'book'): void {
  byId('app').dataset.state = state;
}

function showBook(book: TabBook): void {
  showState('book');
  byId('title').textContent = t('bookFound');
  byId('status').textContent = '';
  byId('book').hidden = false;
  byId('book-kind').textContent = t(KIND_MESSAGE[book.kind]);
  byId('book-isbn').textContent = book.isbn13 ? displayIsbn13(book.isbn13) : '—';
  byId('book-no-own-isbn').hidden = book.isbn13 !== null;
  byId('book-no-own-isbn').textContent = t('noOwnIsbn');
  const others = book.editions.filter((isbn) => isbn !== book.isbn13);
  byId('other-editions').hidden = others.length === 0;
  byId('other-editions-title').textContent = t('otherEditions');
  byId('edition-list').replaceChildren(
    ...others.map((isbn) => {
      const item = document.createElement('li');
      item.textContent = displayIsbn13(isbn);
      return item;
    }),
  );
}

const STOCK_MESSAGE = { 'in-stock': 'stockInStock', preorder: 'stockPreorder', unknown: 'stockUnknown', 'out-of-stock': 'stockUnknown' } as const;

function showPlaceForm(state: TabState, book: TabBook, tabId: number): void {
  const slot = byId('place-form-slot');
  if (slot.childElementCount > 0) return;
  slot.append(
    createPlaceForm({
      country: state.place?.country ?? countryOfStorefront(book.storefront),
      currentLabel: state.place?.label,
      radiusKm: state.place?.radiusKm,
      onSaved: () => void render(tabId),
    }),
  );
}

function showLookup(state: TabState, tabId: number): void {
  const book = state.book!;
  const lookup: TabLookup | null = state.lookup;
  byId('lookup').hidden = false;
  const status = byId('lookup-status');
  byId('place-line').hidden = !state.place;
  if (state.place) {
    byId('place-current').textContent = t('placeCurrent', state.place.label);
    byId('place-change').textContent = t('placeChange');
    byId('place-change').onclick = () => showPlaceForm(state, book, tabId);
  }
  if (!lookup || lookup.state === 'no-place') {
    status.textContent = t('statePlaceNeeded');
    showPlaceForm(state, book, tabId);
    return;
  }
  byId('place-form-slot').replaceChildren();
  if (lookup.state === 'asking') {
    status.textContent = t('stateAsking');
    return;
  }
  const { result } = lookup;
  const withBook = result.shops.filter(hasTheBook).length;
  status.textContent = withBook > 0 ? t('stateShops', String(withBook)) : t('stateNoShop', String(result.radiusKm));
  const distance = new Intl.NumberFormat(browser.i18n.getUILanguage(), { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
  byId('shop-list').replaceChildren(
    ...result.shops.map((shop) => {
      const item = document.createElement('li');
      item.dataset.shopId = shop.id;
      const name = document.createElement('div');
      name.className = 'shop-name';
      name.textContent = shop.name;
      const meta = document.createElement('div');
      meta.className = 'shop-meta';
      const stock = shop.isbn13 && shop.isbn13 !== result.isbn13 ? 'stockOtherEdition' : STOCK_MESSAGE[shop.stock];
      meta.textContent = [distance.format(shop.distanceKm), t(stock), shop.address.city].filter(Boolean).join(' · ');
      item.append(name, meta);
      return item;
    }),
  );
  byId('source-problems').replaceChildren(
    ...result.sources
      .filter((source) => source.state !== 'ok')
      .map((source) => {
        const item = document.createElement('li');
        item.dataset.sourceState = source.state;
        item.textContent = t('sourceFailed', source.name);
        return item;
      }),
  );
}

async function render(tabId: number | null): Promise<void> {
  const request: TabStateRequest | null = tabId === null ? null : { type: 'TabState', tabId };
  const state = request ? ((await browser.runtime.sendMessage(request)) as TabState) : { book: null, lookup: null, place: null };
  if (state.book && tabId !== null) {
    showBook(state.book);
    showLookup(state, tabId);
  } else {
    showState('no-book');
    byId('status').textContent = t('stateNoBookTab');
  }
}

async function start(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('extensionName');
  byId('title').textContent = t('extensionName');
  byId('status').textContent = t('stateReading');
  const tabId = await targetTabId();
  // The page may report its book after the popup opened, or switch to another book: follow it.
  browser.storage.session.onChanged.addListener((changes) => {
    if (tabId !== null && (tabBookKey(tabId) in changes || tabLookupKey(tabId) in changes)) void render(tabId);
  });
  await render(tabId);
}

void start();
