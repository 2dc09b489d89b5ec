// The place form shared by the popup and the options page: a town or postcode (input name="place"),
// the country it is looked for in (shown, and the shopper's to change: a postcode means nothing without
// it), a "use my position" button and a radius. The background geocodes; a place that cannot be found
// gets its reason next to the field, and nothing is changed. The browser's position is asked only on that
// click, from this page (the worker has no geolocation), and rounded here before it goes anywhere; the
// background then names the town at the rounded point.
import { browser } from '../shared/browser';
import { areaName, CAMPAIGN_AREA, insideArea } from '../shared/campaign-area';
import { uiLocale } from '../shared/locale';
import type { SetPlace, SetPlaceAnswer } from '../messages/page-to-worker';
import { ask } from './ask';
import { DEFAULT_RADIUS_KM } from '../shared/settings';
import { STOREFRONT_DOMAINS, countryOfStorefront } from '../book/storefronts';
import { element } from './dom';
import { t } from './i18n';
import { readPlaceQuery } from './place-query';
import { RADII } from './radii';

const REASON_MESSAGE: Record<string, string> = {
  empty: 'reason_empty',
  'too-long': 'reason_too_long',
  'not-found': 'reason_not_found',
  'storage-full': 'reason_storage_full',
  'needs-permission': 'reason_needs_permission',
};

/** Where a shopper may be: every storefront's country, and the neighbours that shop on them. */
const COUNTRIES = [...new Set([...STOREFRONT_DOMAINS.map((domain) => countryOfStorefront(domain)), 'be', 'ch', 'lu', 'at', 'ie', 'pt', 'dk', 'fi', 'no'])];

/** The browser's country names, one reader per language (the form names some thirty countries twice over). */
const regionNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name in a language (its code where the browser has no name for it). */
function countryName(locale: string, code: string): string {
  if (!regionNames.has(locale)) {
    try {
      regionNames.set(locale, new Intl.DisplayNames([locale], { type: 'region' }));
    } catch {
      regionNames.set(locale, null);
    }
  }
  try {
    return regionNames.get(locale)?.of(code.toUpperCase()) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

/** The countries, named in the shopper's language and in its order. */
function countryOptions(locale: string, selected: string): HTMLOptionElement[] {
  const codes = COUNTRIES.includes(selected) ? COUNTRIES : [...COUNTRIES, selected];
  return codes
    .map((code) => ({ code, name: countryName(locale, code) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map(({ code, name }) => {
      const option = element('option', { value: code }, name);
      option.selected = code === selected;
      return option;
    });
}

/** About a kilometre: the exact position never leaves this page. */
const round2 = (value: number) => Math.round(value * 100) / 100;

export interface PlaceFormOptions {
  country: string;
  currentLabel?: string;
  radiusKm?: number;
  onSaved?: (label: string) => void;
  /** Given when there is a place to go back to: a Cancel button, and Escape, close the form unchanged. */
  onCancel?: () => void;
}

export function createPlaceForm({ country, currentLabel, radiusKm = DEFAULT_RADIUS_KM, onSaved, onCancel }: PlaceFormOptions): HTMLFormElement {
  const locale = uiLocale((key) => browser.i18n.getMessage(key));
  const form = element('form', { class: 'place-form', novalidate: '' });
  const input = element('input', { name: 'place', type: 'text', autocomplete: 'postal-code', maxlength: '100', required: '', id: 'place-input', 'aria-describedby': 'place-message' });
  if (currentLabel) input.value = currentLabel;
  const countrySelect = element('select', { name: 'country', id: 'country-select', autocomplete: 'country' });
  countrySelect.append(...countryOptions(locale, country));
  const radius = element('select', { name: 'radius', id: 'radius-select' });
  for (const km of RADII) {
    const option = element('option', { value: String(km) }, `${new Intl.NumberFormat(locale).format(km)} km`);
    if (km === radiusKm) option.selected = true;
    radius.append(option);
  }
  const message = element('p', { id: 'place-message', role: 'alert', class: 'place-message' });
  const usePosition = element('button', { type: 'button', class: 'use-position' }, t('placeUsePosition'));
  const actions = element('div', { class: 'place-actions' }, element('button', { type: 'submit' }, t('placeSave')));
  form.append(
    element('label', { for: 'place-input' }, t('placeLabel')),
    input,
    element('label', { for: 'country-select' }, t('placeCountry')),
    countrySelect,
    usePosition,
    element('label', { for: 'radius-select' }, t('radiusLabel')),
    radius,
    actions,
    message,
  );
  if (onCancel) {
    const cancel = element('button', { type: 'button', class: 'link place-cancel' }, t('placeCancel'));
    cancel.addEventListener('click', onCancel);
    // Beside Save, not alone under the labels.
    actions.append(cancel);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onCancel();
      }
    });
  }
  async function save(place: Pick<SetPlace, 'query' | 'position'>): Promise<void> {
    message.textContent = '';
    delete message.dataset.kind;
    form.setAttribute('aria-busy', 'true');
    // "Toulouse, France" or "SW1A 1AA" corrects a country guessed wrong; the form then shows it.
    const typed = place.query === undefined ? null : readPlaceQuery(place.query, countrySelect.value, COUNTRIES, (code) => [countryName(locale, code), countryName('en', code)]);
    if (typed) countrySelect.value = typed.country;
    const request: SetPlace = { type: 'SetPlace', ...place, ...(typed ? { query: typed.query } : {}), country: countrySelect.value, radiusKm: Number(radius.value) };
    let answer: SetPlaceAnswer;
    try {
      answer = await ask(request);
    } catch {
      answer = { ok: false, reason: 'unreachable' };
    }
    form.removeAttribute('aria-busy');
    if (answer.ok) {
      input.value = answer.label;
      input.removeAttribute('aria-invalid');
      form.dataset.saved = answer.label;
      // A campaign's build serves an area: a town outside it is kept, and the shopper told.
      if (CAMPAIGN_AREA && !insideArea(CAMPAIGN_AREA, answer)) {
        message.textContent = t('placeOutsideArea', [answer.label, areaName(CAMPAIGN_AREA, locale.split('-')[0]!)]);
        message.dataset.kind = 'note';
      }
      onSaved?.(answer.label);
    } else {
      // Not found: say where it was looked for, and how to look elsewhere.
      message.textContent =
        answer.reason === 'not-found' && typed ? t('reason_not_found_in', [typed.query, countryName(locale, countrySelect.value)]) : t(REASON_MESSAGE[answer.reason] ?? 'reason_network');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save({ query: input.value });
  });
  function positionFailed(reason: string): void {
    form.removeAttribute('aria-busy');
    message.textContent = t(reason);
  }
  usePosition.addEventListener('click', () => {
    message.textContent = '';
    form.setAttribute('aria-busy', 'true');
    // Firefox holds the position as an optional permission, asked now: the request must come from the
    // click itself. Chrome cannot make it optional, so its manifest holds it (see test/manifest.test.ts).
    const optional = browser.runtime.getManifest().optional_permissions?.includes('geolocation');
    const allowed = optional ? browser.permissions.request({ permissions: ['geolocation'] }).catch(() => false) : Promise.resolve(true);
    void allowed.then((granted) => {
      if (!granted) return positionFailed('reason_position_denied');
      navigator.geolocation.getCurrentPosition(
        ({ coords }) => void save({ position: { lat: round2(coords.latitude), lon: round2(coords.longitude) } }),
        (error) => positionFailed(error.code === error.PERMISSION_DENIED ? 'reason_position_denied' : 'reason_position_unavailable'),
        { enableHighAccuracy: false, maximumAge: 10 * 60_000, timeout: 15_000 },
      );
    });
  });
  input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
  return form;
}
