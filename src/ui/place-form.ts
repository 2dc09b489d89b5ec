// The place form shared by the popup and the options page: a town or postcode (input name="place"),
// a "use my position" button and a radius. The background geocodes; a place that cannot be found gets
// its reason next to the field, and nothing is changed. The browser's position is asked only on that
// click, from this page (the worker has no geolocation), and rounded here before it goes anywhere.
import { browser } from '../shared/browser';
import { uiLocale } from '../shared/locale';
import type { SetPlace, SetPlaceAnswer } from '../shared/messages';
import { DEFAULT_RADIUS_KM } from '../shared/settings';
import { element } from './dom';
import { t } from './i18n';
import { RADII } from './radii';

const REASON_MESSAGE: Record<string, string> = {
  empty: 'reason_empty',
  'too-long': 'reason_too_long',
  'not-found': 'reason_not_found',
  'storage-full': 'reason_storage_full',
};

/** About a kilometre: the exact position never leaves this page. */
const round2 = (value: number) => Math.round(value * 100) / 100;

export interface PlaceFormOptions {
  country: string;
  currentLabel?: string;
  radiusKm?: number;
  onSaved?: (label: string) => void;
}

export function createPlaceForm({ country, currentLabel, radiusKm = DEFAULT_RADIUS_KM, onSaved }: PlaceFormOptions): HTMLFormElement {
  const form = element('form', { class: 'place-form', novalidate: '' });
  const input = element('input', { name: 'place', type: 'text', autocomplete: 'postal-code', maxlength: '100', required: '', id: 'place-input', 'aria-describedby': 'place-message' });
  if (currentLabel) input.value = currentLabel;
  const radius = element('select', { name: 'radius', id: 'radius-select' });
  for (const km of RADII) {
    const option = element('option', { value: String(km) }, `${new Intl.NumberFormat(uiLocale((key) => browser.i18n.getMessage(key))).format(km)} km`);
    if (km === radiusKm) option.selected = true;
    radius.append(option);
  }
  const message = element('p', { id: 'place-message', role: 'alert', class: 'place-message' });
  const usePosition = element('button', { type: 'button', class: 'use-position' }, t('placeUsePosition'));
  form.append(
    element('label', { for: 'place-input' }, t('placeLabel')),
    input,
    usePosition,
    element('label', { for: 'radius-select' }, t('radiusLabel')),
    radius,
    element('button', { type: 'submit' }, t('placeSave')),
    message,
  );
  async function save(place: Pick<SetPlace, 'query' | 'position'>): Promise<void> {
    message.textContent = '';
    form.setAttribute('aria-busy', 'true');
    const request: SetPlace = { type: 'SetPlace', ...place, country, radiusKm: Number(radius.value) };
    let answer: SetPlaceAnswer;
    try {
      answer = (await browser.runtime.sendMessage(request)) as SetPlaceAnswer;
    } catch {
      answer = { ok: false, reason: 'unreachable' };
    }
    form.removeAttribute('aria-busy');
    if (answer.ok) {
      input.value = answer.label;
      form.dataset.saved = answer.label;
      onSaved?.(answer.label);
    } else {
      message.textContent = t(REASON_MESSAGE[answer.reason] ?? 'reason_network');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save({ query: input.value });
  });
  usePosition.addEventListener('click', () => {
    message.textContent = '';
    form.setAttribute('aria-busy', 'true');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => void save({ position: { lat: round2(coords.latitude), lon: round2(coords.longitude) } }),
      (error) => {
        form.removeAttribute('aria-busy');
        message.textContent = t(error.code === error.PERMISSION_DENIED ? 'reason_position_denied' : 'reason_position_unavailable');
      },
      { enableHighAccuracy: false, maximumAge: 10 * 60_000, timeout: 15_000 },
    );
  });
  input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
  return form;
}
