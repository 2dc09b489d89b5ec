// Popup: the shops near the shopper that have the tab's book (or tab N's, with ?tabId=N as a full page).
// The list is painted first; the map's code loads beside it and the opening hours are read in a worker,
// so a slow or refused tile server never holds the list back. Every state says what is happening and
// what to do. Each render makes one state (state.ts) that the parts in render/ draw.
import { toIsbn13 } from '../book/isbn';
import type { LookupResult } from '../lookup/result';
import type { TabState } from '../messages/page-to-worker';
import { readTabRecords, tabBookKey, tabListKey, tabLookupKey, type TabLookup } from '../messages/session-records';
import { browser } from '../shared/browser';
import type { Settings } from '../shared/settings';
import { changesSettings, loadSettings, saveSettings } from '../shared/settings-storage';
import { ask } from '../ui/ask';
import { byId } from '../ui/dom';
import { t, translatePage } from '../ui/i18n';
import { describe, describeLookup } from './describe';
import { renderBook } from './render/book';
import { renderListBooks } from './render/list-books';
import { loadMapCode, mapComes } from './render/map';
import { renderPlace } from './render/place';
import { renderProblems, renderProgress } from './render/problems';
import { renderOffers, renderOsmCredit, renderPortals, renderResults, renderWider } from './render/results';
import { renderStatus } from './render/status';
import { SHARE_URL, showShareCode } from './share';
import type { PopupActions, PopupState } from './state';

let tabId: number | null = null;
let settings: Settings;
/** A book looked up here (an ISBN typed on a page that is not a book, or a list page's book picked): its answer and title. */
let searched: { result: LookupResult; title: string | null } | null = null;
/** The title of the book being looked up here, until its answer comes. */
let searchingTitle: string | null = null;

const actions: PopupActions = { render, search, retry };

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

function retry(): void {
  if (tabId === null) return;
  void ask({ type: 'Retry', tabId });
}

async function search(isbn13: string, title: string | null = null): Promise<void> {
  searchingTitle = title;
  byId('status').textContent = t('stateAsking');
  const answer = await ask({ type: 'Search', isbn13 }).catch((error: unknown) => {
    console.debug('[local-bookshops] no usable answer to the search', error);
    return null;
  });
  if (!answer) {
    byId('status').textContent = t('stateUnreadable');
    return;
  }
  searched = answer.state === 'done' ? { result: answer.result, title: searchingTitle } : null;
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
    searched = null;
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

/** What the popup shows now: the worker's word on the tab (or what it stored), the settings, a book looked up here. */
function stateOf(tab: TabState): PopupState {
  if (!tab.place && settings.place) tab.place = { label: settings.place.label, country: settings.place.country, radiusKm: settings.radiusKm, foundBy: settings.place.foundBy };
  const lookup: TabLookup | null = searched ? { state: 'done', result: searched.result } : tab.lookup;
  return {
    tabId,
    settings,
    tab,
    lookup,
    result: lookup?.state === 'done' ? lookup.result : null,
    view: searched ? describeLookup(lookup) : describe(tab, { askOnOpen: settings.askOnOpen }),
    searched: searched && { isbn13: searched.result.isbn13, title: searched.title },
  };
}

async function renderNow(known?: TabState): Promise<void> {
  let tab: TabState;
  try {
    tab = known ?? (tabId === null ? { book: null, lookup: null, place: null } : await ask({ type: 'TabState', tabId }));
  } catch (error) {
    // No answer, or one of another shape (a worker of another version mid-update): said, never guessed at.
    console.debug('[local-bookshops] no usable answer about the tab', error);
    byId('app').dataset.state = 'unreadable';
    byId('status').textContent = t('stateUnreadable');
    return;
  }
  const state = stateOf(tab);
  // A book's mark clicked on the list page: open on that book's shops.
  const chosen = searched ? undefined : tab.list?.chosen;
  if (chosen) void search(chosen, tab.list?.books.find((book) => book.isbn13 === chosen)?.title ?? null);
  // While asking, ask the worker again now and then: if the browser stopped it mid-lookup, this wakes
  // it and it starts the lookup again (it sees that nobody is finishing the stored one).
  clearTimeout(askAgain);
  if ((state.view.state === 'asking' || state.view.state === 'throttled') && !searched) askAgain = setTimeout(() => void render(), ASK_AGAIN_MS);
  renderStatus(state);
  renderBook(state);
  renderPlace(state, actions);
  renderProgress(state);
  renderProblems(state, actions);
  renderWider(state, actions);
  renderOffers(state);
  renderPortals(state);
  renderListBooks(state, actions);
  renderOsmCredit(state);
  renderResults(state);
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
  // A map will be drawn: its code starts loading now, beside the list's painting.
  if (mapComes(remembered?.lookup?.state === 'done' ? remembered.lookup.result : null, settings)) void loadMapCode(settings);
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
