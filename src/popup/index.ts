// Popup: what the extension knows about the current tab (or tab N, with ?tabId=N as a full page).
import { browser } from '../shared/browser';
import { displayIsbn13 } from '../shared/isbn-format';
import { tabBookKey, type TabBook, type TabState, type TabStateRequest } from '../shared/messages';

const t = (key: string) => browser.i18n.getMessage(key);
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

async function render(tabId: number | null): Promise<void> {
  const request: TabStateRequest | null = tabId === null ? null : { type: 'TabState', tabId };
  const state = request ? ((await browser.runtime.sendMessage(request)) as TabState) : { book: null };
  if (state.book) {
    showBook(state.book);
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
    if (tabId !== null && tabBookKey(tabId) in changes) void render(tabId);
  });
  await render(tabId);
}

void start();
