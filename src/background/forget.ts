// "Forget everything this extension has stored": the cached answers and geocodings (storage.local),
// each tab's book and answer (storage.session), what the worker holds in memory, and, when the shopper
// asks, the settings too (their choices in storage.sync, the services in storage.local). The badges of
// open tabs go with their answers.
import type { Storage } from '../shared/browser';
import { SERVICES_KEY } from '../shared/settings';

export interface ForgetDeps {
  local: Storage.StorageArea;
  session: Storage.StorageArea;
  sync: Storage.StorageArea;
  /** Tabs with a remembered book, whose badges are cleared. */
  tabsWithBooks: () => Promise<number[]>;
  clearBadge: (tabId: number) => Promise<void>;
  /** What the worker keeps in memory (answers with no shop). */
  forgetMemory: () => void;
}

export function createForgetting(deps: ForgetDeps) {
  return async function forget(settingsToo: boolean): Promise<void> {
    const tabs = await deps.tabsWithBooks();
    deps.forgetMemory();
    const services = settingsToo ? {} : await deps.local.get(SERVICES_KEY);
    await Promise.all([deps.local.clear(), deps.session.clear(), settingsToo ? deps.sync.clear() : undefined]);
    if (Object.keys(services).length) await deps.local.set(services);
    await Promise.all(tabs.map((tabId) => deps.clearBadge(tabId).catch(() => {})));
  };
}
