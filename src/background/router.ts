// The one message listener: checks who is speaking, parses what they say, hands it to the tab service.
// A page script on Amazon cannot reach it (runtime messages come only from our own scripts), and a
// content script may speak only for its own tab, from the top frame of an Amazon storefront.
import { storefrontOf } from '../book/storefronts';
import { CardMessage, BookReport, ListMessage } from '../messages/content-to-worker';
import { PageMessage } from '../messages/page-to-worker';
import type { Runtime } from '../shared/browser';
import type { ListService } from './list-service';
import type { TabService } from './tab-service';

export interface RouterDeps {
  extensionId: string;
  /** The extension's own origin, e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  tabs: TabService;
  lists: ListService;
  cards: { openResults(tabId: number): Promise<void>; dismiss(): Promise<void> };
  /** Forgets what the extension stored (background/forget.ts). */
  forget: (settingsToo: boolean) => Promise<void>;
}

export function createRouter({ extensionId, extensionOrigin, tabs, lists, cards, forget }: RouterDeps) {
  /** Returns a promise for messages we answer, undefined for anything else (so other listeners may answer). */
  return function route(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
    if (sender.id !== extensionId) return undefined;
    const senderUrl = sender.url ?? '';
    if (senderUrl.startsWith(extensionOrigin)) {
      const parsed = PageMessage.safeParse(message);
      if (!parsed.success) return undefined;
      const request = parsed.data;
      switch (request.type) {
        case 'TabState':
          return Promise.all([tabs.tabState(request.tabId), lists.state(request.tabId)]).then(([state, list]) => ({ ...state, list }));
        case 'SetPlace':
          return tabs.setPlace(request);
        case 'Retry':
          return tabs.refresh(request.tabId);
        case 'SetRadius':
          return tabs.setRadius(request);
        case 'Search':
          return tabs.search(request);
        case 'ForgetStored':
          return forget(request.settingsToo);
      }
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
    const card = CardMessage.safeParse(message);
    if (card.success) return card.data.type === 'OpenResults' ? cards.openResults(tabId) : cards.dismiss();
    const list = ListMessage.safeParse(message);
    if (list.success) {
      const request = list.data;
      switch (request.type) {
        case 'ListShown':
          return lists.shown(tabId, senderUrl, request);
        case 'ListSeen':
          return lists.seen(tabId, request);
        case 'ListUnseen':
          lists.unseen(tabId, request);
          return Promise.resolve();
        case 'ListOpen':
          return lists.open(tabId, request);
      }
    }
    const parsed = BookReport.safeParse(message);
    if (!parsed.success) return undefined;
    return parsed.data.type === 'BookGone' ? tabs.bookGone(tabId) : tabs.bookSeen(tabId, storefront, parsed.data);
  };
}
