// The card on Amazon's book pages, from the worker's side: shown only when the shopper wants cards
// (settings) and has not closed one this browser session; its link opens the results.
import type { HideCard, ShowCard } from '../messages/worker-to-content';
import type { SettingsStore } from './stores';

const DISMISSED_KEY = 'cardDismissed';

export interface CardDeps {
  settings: SettingsStore;
  /** storage.session: a closed card stays closed until the browser restarts. */
  session: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  sendToTab: (tabId: number, card: ShowCard | HideCard) => Promise<unknown>;
  /** The toolbar popup, where the browser allows an extension to open it. */
  openPopup: () => Promise<void>;
  openTab: (url: string) => Promise<unknown>;
  popupUrl: (tabId: number) => string;
}

export function createCards(deps: CardDeps) {
  return {
    async show(tabId: number, card: ShowCard): Promise<void> {
      const [settings, session] = await Promise.all([deps.settings.load(), deps.session.get(DISMISSED_KEY)]);
      if (!settings.card || session[DISMISSED_KEY] === true) return;
      await deps.sendToTab(tabId, card);
    },
    /** The answer has nothing to show: a card still on the page (asking for a town) goes. */
    async hide(tabId: number): Promise<void> {
      await deps.sendToTab(tabId, { type: 'HideCard' }).catch(() => {});
    },
    async dismiss(): Promise<void> {
      await deps.session.set({ [DISMISSED_KEY]: true });
    },
    async openResults(tabId: number): Promise<void> {
      try {
        await deps.openPopup();
      } catch {
        // Firefox opens the popup only from a click in the browser's own UI: show the results in a tab.
        await deps.openTab(deps.popupUrl(tabId));
      }
    },
  };
}
