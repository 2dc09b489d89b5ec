// Options page: the shopper's place and radius (more settings come with the popup work).
import { browser } from '../shared/browser';
import { parseSettings, SETTINGS_KEY } from '../shared/settings';
import { createPlaceForm } from '../ui/place-form';

async function start(): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = browser.i18n.getMessage('optionsTitle');
  document.getElementById('title')!.textContent = browser.i18n.getMessage('optionsTitle');
  const settings = parseSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const uiRegion = browser.i18n.getUILanguage().split('-')[1]?.toLowerCase();
  const country = settings.place?.country ?? (uiRegion && /^[a-z]{2}$/.test(uiRegion) ? uiRegion : 'fr');
  document.getElementById('place')!.append(createPlaceForm({ country, currentLabel: settings.place?.label, radiusKm: settings.radiusKm }));
}

void start();
