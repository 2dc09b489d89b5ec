// The tab that opens once, when the extension is installed: what it does, what it sends, and the place
// form first, so a new shopper starts with one field and Enter. The country is guessed on the device
// (time zone, then the browser's region: no Amazon tab is known yet) and shown, for the shopper to change.
import { browser } from '../shared/browser';
import { CAMPAIGN_AREA } from '../shared/campaign-area';
import { loadSettings } from '../shared/settings-storage';
import { byId } from '../ui/dom';
import { t, translatePage } from '../ui/i18n';
import { deviceTimeZone, guessCountry } from '../ui/country-guess';
import { createPlaceForm } from '../ui/place-form';

async function start(): Promise<void> {
  translatePage('welcomeTitle');
  const { settings } = await loadSettings(browser.storage);
  const country = settings.place?.country ?? CAMPAIGN_AREA?.country ?? guessCountry({ timeZone: deviceTimeZone(), uiLanguage: browser.i18n.getUILanguage() });
  const form = createPlaceForm({
    country,
    currentLabel: settings.place?.label,
    radiusKm: settings.radiusKm,
    onSaved: (label) => {
      const done = byId('welcome-done');
      done.hidden = false;
      done.textContent = t('welcomeDone', label);
      done.tabIndex = -1;
      done.focus();
    },
  });
  byId('place').append(form);
  form.querySelector<HTMLInputElement>('input[name="place"]')?.focus();
}

void start();
