// Reading and writing the settings in their two places (see settings.ts): the shopper's own choices in
// storage.sync, the services in storage.local. The worker, the popup, the options and the welcome tab
// all go through here, so none of them can put a service address where it would sync.
import type { Storage } from './browser';
import { readStoredSettings, SERVICES_KEY, SETTINGS_KEY, splitSettings, type Settings } from './settings';

export interface SettingsAreas {
  sync: Storage.StorageArea;
  local: Storage.StorageArea;
}

/** The settings as stored (a damaged part falls back to its default, and `repaired` says so). */
export async function loadSettings(areas: SettingsAreas): Promise<{ settings: Settings; repaired: boolean }> {
  const [personal, services] = await Promise.all([areas.sync.get(SETTINGS_KEY), areas.local.get(SERVICES_KEY)]);
  return readStoredSettings(personal[SETTINGS_KEY], services[SERVICES_KEY]);
}

/**
 * Writes the part or parts that change, and only those: storage.sync allows few writes a minute, and
 * each write makes every open page redraw. Services never changed are not written at all, so they
 * follow the defaults of each release (or the campaign build's). `rewrite`: both parts, as given
 * (to replace a damaged stored value with its repair).
 */
export async function saveSettings(areas: SettingsAreas, settings: Settings, { rewrite = false } = {}): Promise<void> {
  const next = splitSettings(settings);
  const now = splitSettings((await loadSettings(areas)).settings);
  const same = (a: unknown, b: unknown) => !rewrite && JSON.stringify(a) === JSON.stringify(b);
  await Promise.all([
    same(now.personal, next.personal) ? undefined : areas.sync.set({ [SETTINGS_KEY]: next.personal }),
    same(now.services, next.services) ? undefined : areas.local.set({ [SERVICES_KEY]: next.services }),
  ]);
}

/** Whether a storage.onChanged event touches the settings (either part). */
export const changesSettings = (changes: Record<string, unknown>, areaName: string) =>
  (areaName === 'sync' && SETTINGS_KEY in changes) || (areaName === 'local' && SERVICES_KEY in changes);
