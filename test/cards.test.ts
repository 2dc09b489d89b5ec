// The card's rules in the worker: shown only when wanted, closed for the session, link falls back to a tab.
import { describe, expect, it } from 'vitest';
import { createCards } from '../src/background/cards';
import { createSettingsStore } from '../src/background/stores';
import type { ShowCard } from '../src/messages/worker-to-content';
import { SETTINGS_KEY } from '../src/shared/settings';
import { fakeStorageArea } from './fake-browser';

const card: ShowCard = {
  type: 'ShowCard',
  summary: { verdict: 'has-it', thisEdition: 3, otherEdition: 0, onHoliday: 0, stockUnknown: 1, notInStock: 0, toBorrow: 0, onLoan: 0 },
  country: 'fr',
};

function setUp(openPopup: () => Promise<void> = async () => {}) {
  const sync = fakeStorageArea();
  const sent: number[] = [];
  const tabs: string[] = [];
  const cards = createCards({
    settings: createSettingsStore({ sync, local: fakeStorageArea() }),
    session: fakeStorageArea(),
    sendToTab: async (tabId) => sent.push(tabId),
    openPopup,
    openTab: async (url) => tabs.push(url),
    popupUrl: (tabId) => `popup.html?tabId=${tabId}`,
  });
  return { sync, sent, tabs, cards };
}

describe('the card on the page', () => {
  it('is shown until the shopper closes one, then not again this session', async () => {
    const { sent, cards } = setUp();
    await cards.show(4, card);
    await cards.dismiss();
    await cards.show(5, card);
    expect(sent).toEqual([4]);
  });

  it('is never shown when turned off in the options', async () => {
    const { sync, sent, cards } = setUp();
    await sync.set({ [SETTINGS_KEY]: { version: 2, card: false } });
    await cards.show(4, card);
    expect(sent).toEqual([]);
  });

  it('opens the results in a tab where the browser will not open the popup', async () => {
    const { tabs, cards } = setUp(async () => {
      throw new Error('openPopup requires a user gesture');
    });
    await cards.openResults(9);
    expect(tabs).toEqual(['popup.html?tabId=9']);
  });
});
