// The one message listener: checks who is speaking, parses what they say, hands it to a handler.
// A page script on Amazon cannot reach it (runtime messages come only from our own scripts), and a
// content script may speak only for its own tab, from the top frame of an Amazon storefront.
import { storefrontOf } from '../book/storefronts';
import { ContentMessage, PageMessage, type StillShowing, type TabBook, type TabState } from '../shared/messages';
import type { Runtime } from '../shared/browser';
import type { Badge } from './badge';
import type { TabBooks } from './tab-books';

const sameBook = (a: Omit<TabBook, 'storefront' | 'seenAt'>, b: Omit<TabBook, 'storefront' | 'seenAt'>) =>
  a.isbn13 === b.isbn13 && a.asin === b.asin && a.kind === b.kind && a.editions.join() === b.editions.join();

export interface RouterDeps {
  extensionId: string;
  /** The extension's own origin, e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  tabBooks: TabBooks;
  badge: Badge;
  now: () => number;
  /** Asks the content script in a tab what it shows now; rejects when no content script answers. */
  askTab: (tabId: number, question: StillShowing) => Promise<unknown>;
}

export function createRouter({ extensionId, extensionOrigin, tabBooks, badge, now, askTab }: RouterDeps) {
  /**
   * The remembered book, if the tab still shows it. The browser resets a tab's badge when it navigates,
   * but tells us nothing (without the "tabs" permission) when a tab leaves Amazon: so ask the page.
   */
  async function currentBook(tabId: number): Promise<TabBook | null> {
    const remembered = await tabBooks.get(tabId);
    if (!remembered) return null;
    const answer = ContentMessage.safeParse(await askTab(tabId, { type: 'StillShowing' }).catch(() => null));
    if (answer.success && answer.data.type === 'BookSeen') {
      if (sameBook(answer.data, remembered)) return remembered;
      await fromContentScript(answer.data, tabId, remembered.storefront);
      return tabBooks.get(tabId);
    }
    await tabBooks.forget(tabId);
    return null;
  }

  async function fromContentScript(message: ContentMessage, tabId: number, storefront: string): Promise<void> {
    if (message.type === 'BookGone') {
      await Promise.all([tabBooks.forget(tabId), badge.clear(tabId)]);
      return;
    }
    const { type: _type, ...book } = message;
    const remembered: TabBook = { ...book, storefront, seenAt: now() };
    await Promise.all([tabBooks.set(tabId, remembered), badge.showBookSeen(tabId, book.isbn13)]);
  }

  async function fromExtensionPage(message: PageMessage): Promise<TabState> {
    switch (message.type) {
      case 'TabState':
        return { book: await currentBook(message.tabId) };
    }
  }

  /** Returns a promise for messages we answer, undefined for anything else (so other listeners may answer). */
  return function route(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
    if (sender.id !== extensionId) return undefined;
    const senderUrl = sender.url ?? '';
    if (senderUrl.startsWith(extensionOrigin)) {
      const parsed = PageMessage.safeParse(message);
      return parsed.success ? fromExtensionPage(parsed.data) : undefined;
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0 || (sender.frameId ?? 0) !== 0) return undefined;
    let storefront: string | null = null;
    try {
      storefront = storefrontOf(new URL(senderUrl).hostname);
    } catch {
      return undefined;
    }
    if (!storefront) return undefined;
    const parsed = ContentMessage.safeParse(message);
    return parsed.success ? fromContentScript(parsed.data, tabId, storefront) : undefined;
  };
}
