// The shopper's place: the line saying where the answer is for (and who found it), and the form to set
// or change it.
import { countryOfStorefront } from '../../book/storefronts';
import { OSM_COPYRIGHT } from '../../map/credits';
import { CAMPAIGN_AREA } from '../../shared/campaign-area';
import type { Place } from '../../shared/settings';
import { byId, externalLink } from '../../ui/dom';
import { t } from '../../ui/i18n';
import { createPlaceForm } from '../../ui/place-form';
import type { PopupActions, PopupState } from '../state';
import { count } from './words';

export function renderPlace({ tab: { place, book }, view }: PopupState, { render }: PopupActions): void {
  const slot = byId('place-form-slot');
  const line = byId('place-line');
  const wantsForm = view.state === 'no-place' || slot.dataset.open === 'true';
  line.hidden = !place;
  renderPlaceCredit(place?.foundBy);
  if (place) byId('place-current').textContent = t('placeCurrentRadius', [place.label, count.format(place.radiusKm)]);
  if (wantsForm && slot.childElementCount === 0) {
    slot.append(
      createPlaceForm({
        country: place?.country ?? CAMPAIGN_AREA?.country ?? countryOfStorefront(book?.storefront),
        currentLabel: place?.label,
        radiusKm: place?.radiusKm,
        // After saving, focus goes to the line that says what was found there.
        onSaved: () => {
          slot.dataset.open = 'false';
          slot.replaceChildren();
          void render().then(() => byId('status').focus());
        },
        // A place is set: the form was opened by "Change", and Cancel or Escape closes it.
        onCancel: place
          ? () => {
              slot.dataset.open = 'false';
              slot.replaceChildren();
              byId('place-change').focus();
            }
          : undefined,
      }),
    );
  } else if (!wantsForm) {
    slot.replaceChildren();
  }
}

/** Nominatim's policy asks for attribution where its answer is shown; the Géoplateforme is credited too. */
function renderPlaceCredit(foundBy: Place['foundBy']): void {
  const credit = byId('place-credit');
  credit.hidden = !foundBy;
  if (foundBy === 'nominatim') credit.replaceChildren(t('placeFoundByNominatim'), ' ', externalLink(OSM_COPYRIGHT, t('osmContributors')));
  else if (foundBy === 'geoplateforme') credit.replaceChildren(t('placeFoundByGeoplateforme'));
}
