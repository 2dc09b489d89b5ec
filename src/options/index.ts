// Options page: place and radius, sources (on/off and base URL), map tiles, the card, marks on lists, favourite shops,
// export and import (every change a file would make shown first, applied once confirmed). Each change is checked with the settings schema and saved at once; a value that
// does not pass gets its message next to the field and is not saved.
import { countryOfStorefront } from '../book/storefronts';
import { CALIL } from '../networks/calil';
import { LESLIBRAIRES_CA } from '../networks/leslibraires-ca';
import { LIBRARYBOOKS_UK } from '../networks/librarybooks-uk';
import { PLACE_DES_LIBRAIRES_INSTANCES } from '../networks/place-des-libraires-instances';
import { browser } from '../shared/browser';
import { CAMPAIGN_AREA } from '../shared/campaign-area';
import { hostPattern, isThisMachine } from '../shared/host-pattern';
import { uiLocale } from '../shared/locale';
import { isQuotaError } from '../shared/quota';
import { readAllTabBooks } from '../messages/session-records';
import { ask } from '../ui/ask';
import { GEOCODERS_DEFAULT, isServiceAddress, readSettings, Settings, StrictSettings, SOURCE_DEFAULTS, TILES_DEFAULT, type SourceId, type Tiles } from '../shared/settings';
import { loadSettings, saveSettings } from '../shared/settings-storage';
import { byId, element } from '../ui/dom';
import { t, translatePage } from '../ui/i18n';
import { deviceTimeZone, guessCountry } from '../ui/country-guess';
import { createPlaceForm } from '../ui/place-form';
import { addressesToAllow, reviewImport, withoutRefused, type ImportReview } from './import-review';

const SOURCE_NAMES: Record<SourceId, string> = {
  ...(Object.fromEntries(PLACE_DES_LIBRAIRES_INSTANCES.map((i) => [i.id, i.name])) as Record<SourceId, string>),
  [LESLIBRAIRES_CA.id]: LESLIBRAIRES_CA.name,
  [LIBRARYBOOKS_UK.id]: LIBRARYBOOKS_UK.name,
  [CALIL.id]: CALIL.name,
  openstreetmap: 'OpenStreetMap',
};

const SOURCE_COVERAGE: Record<SourceId, string> = {
  ...(Object.fromEntries(PLACE_DES_LIBRAIRES_INSTANCES.map((i) => [i.id, i.coverage])) as Record<SourceId, string>),
  [LESLIBRAIRES_CA.id]: 'coverageQuebec',
  [LIBRARYBOOKS_UK.id]: 'coverageLibrariesUk',
  [CALIL.id]: 'coverageLibrariesJapan',
  openstreetmap: 'coverageOpenStreetMap',
};

let settings: Settings;
const MAX_IMPORT_BYTES = 1_000_000;

async function save(next: Settings, { rewrite = false } = {}): Promise<boolean> {
  // Checked without fallbacks: a bad value is refused, not silently replaced by its default.
  if (!StrictSettings.safeParse(next).success) return false;
  const checked = Settings.parse(next);
  const problem = byId('save-problem');
  try {
    await saveSettings(browser.storage, checked, { rewrite });
  } catch (error) {
    // Nothing is lost: the page keeps the settings that are stored, and says why this change is not.
    problem.textContent = t(isQuotaError(error) ? 'reason_storage_full' : 'saveFailed');
    problem.hidden = false;
    return false;
  }
  problem.hidden = true;
  settings = checked;
  return true;
}

function renderSources(): void {
  byId('sources').replaceChildren(
    ...(Object.keys(SOURCE_DEFAULTS) as SourceId[]).map((id) => {
      const source = settings.sources[id];
      const toggle = element('input', { type: 'checkbox', name: `source-${id}`, id: `source-${id}` });
      toggle.checked = source.enabled;
      const message = element('p', { class: 'place-message', role: 'alert' });
      toggle.addEventListener('change', async () => {
        message.textContent = '';
        if (toggle.checked) {
          // Asked in the click, as browsers require; refused → stays off, and says why.
          const granted = await browser.permissions.request({ origins: [hostPattern(source.baseUrl)] }).catch(() => false);
          if (!granted) {
            toggle.checked = false;
            message.textContent = t('permissionRefused', SOURCE_NAMES[id]);
            return;
          }
        }
        await save({ ...settings, sources: { ...settings.sources, [id]: { ...source, enabled: toggle.checked } } });
      });
      // Where each works, beside its name: a Brussels shopper sees which one is theirs.
      const where = element('span', { class: 'coverage' }, t(SOURCE_COVERAGE[id]));
      return element('div', { class: 'source', 'data-source-id': id }, element('label', { for: `source-${id}` }, toggle, ` ${SOURCE_NAMES[id]} `, where), message);
    }),
  );
  // The addresses are for campaigns and maintainers: under "Advanced", not in every shopper's face.
  byId('source-addresses').replaceChildren(
    ...(Object.keys(SOURCE_DEFAULTS) as SourceId[]).map((id) =>
      addressField(`source-${id}-url`, id, t('baseUrlOf', SOURCE_NAMES[id]), settings.sources[id].baseUrl, {
        askHost: () => settings.sources[id].enabled,
        withAddress: (baseUrl) => ({ ...settings, sources: { ...settings.sources, [id]: { ...settings.sources[id], baseUrl } } }),
      }),
    ),
    // OpenStreetMap's bookshops as the directory's files, read before any Overpass query (networks/directory.ts).
    addressField('directory-url', 'directory', t('directoryUrl'), settings.sources.openstreetmap.directoryUrl, {
      askHost: () => true,
      withAddress: (directoryUrl) => ({ ...settings, sources: { ...settings.sources, openstreetmap: { ...settings.sources.openstreetmap, directoryUrl } } }),
    }),
  );
}

/**
 * A service's address under "Advanced", saved when it changes: its host asked of the browser first
 * (a valid address only, and only where it will be used), and a refused value said next to it.
 */
function addressField(id: string, sourceId: string, label: string, value: string, { askHost, withAddress }: { askHost: () => boolean; withAddress: (url: string) => Settings }): HTMLElement {
  const url = element('input', { type: 'url', name: id, id, value });
  const message = element('p', { class: 'place-message', role: 'alert' });
  url.addEventListener('change', async () => {
    const address = url.value.trim();
    const refused = isServiceAddress(address) && askHost() ? (await allowHosts([address])).hosts : [];
    // A host the browser refused: nothing saved (the field keeps what was typed, to try again).
    const ok = refused.length === 0 && (await save(withAddress(address)));
    message.textContent = refused.length ? t('hostRefusedNotSaved', refused.join(', ')) : !ok ? t('invalidUrl') : '';
    url.setAttribute('aria-invalid', String(!ok));
  });
  return element('div', { class: 'source-address', 'data-source-id': sourceId }, element('label', { for: id }, label), url, message);
}

const TILE_KINDS = ['vector', 'raster'] as const;

function renderTiles(): void {
  for (const kind of TILE_KINDS) {
    const service = settings.tiles[kind];
    byId<HTMLInputElement>(`tiles-${kind}-url`).value = service?.url ?? '';
    byId<HTMLInputElement>(`tiles-${kind}-attribution`).value = service?.attribution ?? '';
    byId<HTMLInputElement>(`tiles-${kind}-link`).value = service?.attributionUrl ?? '';
  }
}

/** The map's services as the form has them: an empty address is no such service. */
function tilesInForm(): Tiles {
  const value = (id: string) => byId<HTMLInputElement>(id).value.trim();
  const service = (kind: (typeof TILE_KINDS)[number]) =>
    value(`tiles-${kind}-url`) ? { url: value(`tiles-${kind}-url`), attribution: value(`tiles-${kind}-attribution`), attributionUrl: value(`tiles-${kind}-link`) } : null;
  return { vector: service('vector'), raster: service('raster') };
}

/** The addresses of the map's services, whose hosts the map fetches from. */
const tileAddresses = (tiles: Tiles) => TILE_KINDS.flatMap((kind) => (tiles[kind] ? [tiles[kind].url] : []));

function renderGeocoders(): void {
  byId<HTMLInputElement>('geocoder-geoplateforme').value = settings.geocoders.geoplateforme;
  byId<HTMLInputElement>('geocoder-nominatim').value = settings.geocoders.nominatim;
  byId<HTMLInputElement>('geocoder-contact').value = settings.geocoders.contactEmail;
}

function renderFavourites(): void {
  byId('favourites-empty').hidden = settings.favourites.length > 0;
  byId('favourites').replaceChildren(
    ...settings.favourites.map((favourite) => {
      const remove = element('button', { type: 'button', class: 'link' }, t('unpinShop'));
      remove.addEventListener('click', () => void save({ ...settings, favourites: settings.favourites.filter((f) => f.id !== favourite.id) }).then(renderFavourites));
      return element('li', { 'data-shop-id': favourite.id }, `${favourite.name} `, remove);
    }),
  );
}

/**
 * Asks the browser, by name, for the hosts of these addresses (granted ones answer at once, without a
 * prompt; this machine's are not asked). Called first thing in a click, as browsers require. Says
 * which hosts are still not allowed, and whether an address is on one of them: nothing refused is saved.
 */
async function allowHosts(urls: string[]): Promise<{ hosts: string[]; refused: (url: string) => boolean }> {
  const patternOf = (url: string) => (!isThisMachine(url) && URL.canParse(url) ? hostPattern(url) : null);
  const origins = [...new Set(urls.flatMap((url) => patternOf(url) ?? []))];
  let notAllowed: string[] = [];
  if (origins.length > 0 && !(await browser.permissions.request({ origins }).catch(() => false))) {
    const granted = await Promise.all(origins.map((origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false)));
    notAllowed = origins.filter((_, i) => !granted[i]);
  }
  return {
    hosts: notAllowed.map((origin) => new URL(origin.replace('/*', '/')).host),
    refused: (url) => notAllowed.includes(patternOf(url) ?? ''),
  };
}

/**
 * Saves a change of service addresses, after asking the browser for their hosts (in the click, as
 * browsers require; only for a valid change, so a refused one gets its message, not a prompt). A host
 * the browser refused: nothing is saved. The message to show: why it was not saved, or none.
 */
async function saveServices(next: Settings, urls: string[], invalidKey: string): Promise<string> {
  if (!StrictSettings.safeParse(next).success) return t(invalidKey);
  const { hosts } = await allowHosts(urls);
  if (hosts.length) return t('hostRefusedNotSaved', hosts.join(', '));
  return (await save(next)) ? '' : t(invalidKey);
}

/** Every setting an imported file would change, each before → after, to apply or to keep as they are. */
function showImportReview(review: ImportReview | null): void {
  const box = byId('import-review');
  box.hidden = !review || review.changes.length === 0;
  if (!review || box.hidden) return;
  byId('import-changes').replaceChildren(
    ...review.changes.map(({ label: [key, name], before, after }) => element('li', {}, `${t(key, name ?? '')}: ${before} → ${after}`)),
  );
  byId('import-apply').onclick = async () => {
    // Asked first thing in the click; each service on a refused host keeps its current address.
    const { hosts, refused } = await allowHosts(addressesToAllow(review.next));
    const ok = await save(withoutRefused(settings, review.next, refused));
    byId('backup-message').textContent = !ok ? t('importNotSaved') : hosts.length ? t('importAppliedExceptRefused', hosts.join(', ')) : t('imported');
    showImportReview(null);
    await renderAll();
  };
}

/** A save's outcome next to its button: why it was not saved, or "Saved." (never silence). */
function say(message: HTMLElement, problem: string): void {
  message.textContent = problem || t('saved');
  if (problem) delete message.dataset.kind;
  else message.dataset.kind = 'done';
}

function setUpControls(): void {
  byId('tiles-save').addEventListener('click', async () => {
    const tiles = tilesInForm();
    // The map fetches its tiles without cookies, which needs the hosts allowed (map/base-layer.ts).
    say(byId('tiles-message'), await saveServices({ ...settings, tiles }, tileAddresses(tiles), 'invalidTilesUrl'));
  });
  byId('tiles-reset').addEventListener('click', () => void save({ ...settings, tiles: TILES_DEFAULT }).then(renderTiles));
  byId('geocoders-save').addEventListener('click', async () => {
    const value = (id: string) => byId<HTMLInputElement>(id).value.trim();
    const geocoders = { geoplateforme: value('geocoder-geoplateforme'), nominatim: value('geocoder-nominatim'), contactEmail: value('geocoder-contact') };
    say(byId('geocoders-message'), await saveServices({ ...settings, geocoders }, [geocoders.geoplateforme, geocoders.nominatim], 'invalidGeocoders'));
  });
  byId('geocoders-reset').addEventListener('click', () => void save({ ...settings, geocoders: GEOCODERS_DEFAULT }).then(renderGeocoders));
  byId<HTMLInputElement>('card').addEventListener('change', (event) => void save({ ...settings, card: (event.target as HTMLInputElement).checked }));
  byId<HTMLInputElement>('ask-on-open').addEventListener('change', (event) => void save({ ...settings, askOnOpen: (event.target as HTMLInputElement).checked }));
  byId<HTMLInputElement>('libraries').addEventListener('change', (event) => void save({ ...settings, libraries: (event.target as HTMLInputElement).checked }));
  byId<HTMLInputElement>('lists-wishlists').addEventListener('change', (event) => void save({ ...settings, lists: { ...settings.lists, wishlists: (event.target as HTMLInputElement).checked } }));
  byId<HTMLInputElement>('lists-search').addEventListener('change', (event) => void save({ ...settings, lists: { ...settings.lists, searchResults: (event.target as HTMLInputElement).checked } }));
  // Forgetting cannot be undone: the first button only asks, and the answer is one click away.
  const forget = byId('forget');
  const confirmBox = byId('forget-confirm');
  const askToForget = (open: boolean) => {
    confirmBox.hidden = !open;
    forget.setAttribute('aria-expanded', String(open));
    (open ? byId('forget-no') : forget).focus();
  };
  forget.addEventListener('click', () => {
    byId('forget-message').textContent = '';
    askToForget(confirmBox.hidden !== false);
  });
  byId('forget-no').addEventListener('click', () => askToForget(false));
  byId('forget-yes').addEventListener('click', async () => {
    askToForget(false);
    const settingsToo = byId<HTMLInputElement>('forget-settings').checked;
    await ask({ type: 'ForgetStored', settingsToo });
    byId('forget-message').textContent = t(settingsToo ? 'forgottenAll' : 'forgotten');
    if (settingsToo) location.reload();
  });
  byId('export').addEventListener('click', () => {
    const blob = new Blob([JSON.stringify(settings, null, 2)], { type: 'application/json' });
    const link = element('a', { href: URL.createObjectURL(blob), download: 'local-bookshops-settings.json' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  byId<HTMLInputElement>('import').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    const message = byId('backup-message');
    if (!file) return;
    let parsed: unknown;
    try {
      // Exported settings are a few kilobytes: anything far larger is not one of ours.
      if (file.size > MAX_IMPORT_BYTES) throw new RangeError('too large');
      parsed = JSON.parse(await file.text());
    } catch {
      message.textContent = t('importNotJson');
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      message.textContent = t('importNotJson');
      return;
    }
    // Whatever does not pass is left at its default, and the shopper is told.
    const { settings: imported, repaired } = readSettings(parsed);
    // Nothing is taken before the shopper has seen it all and confirmed.
    const review = reviewImport(settings, imported, {
      sourceNames: SOURCE_NAMES,
      onOff: (on) => t(on ? 'sourceOn' : 'sourceOff'),
      place: (label, radiusKm) => t('placeCurrentRadius', [label, new Intl.NumberFormat(uiLocale((key) => t(key))).format(radiusKm)]),
    });
    message.textContent = review.changes.length === 0 ? t('importNothingNew') : repaired ? t('importRepaired') : '';
    showImportReview(review);
  });
  byId('import-keep').addEventListener('click', () => {
    byId('backup-message').textContent = t('importKept');
    showImportReview(null);
  });
}

/**
 * The country the place form starts on: the stored place's; else the storefront of the Amazon tabs open
 * now (a shopper on amazon.fr shops from France, whatever language the browser speaks); else the
 * device's time zone or the browser's region. The form shows it, and the shopper can change it.
 */
async function startingCountry(): Promise<string> {
  if (settings.place) return settings.place.country;
  // A campaign's build: the country of the area it serves.
  if (CAMPAIGN_AREA) return CAMPAIGN_AREA.country;
  const books = await readAllTabBooks(browser.storage.session).catch(() => []);
  const counts = new Map<string, number>();
  for (const book of books) counts.set(book.storefront, (counts.get(book.storefront) ?? 0) + 1);
  const storefront = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return guessCountry({ storefrontCountry: storefront ? countryOfStorefront(storefront) : null, timeZone: deviceTimeZone(), uiLanguage: browser.i18n.getUILanguage() });
}

async function renderAll(): Promise<void> {
  const slot = byId('place');
  const country = await startingCountry();
  slot.querySelector('form')?.remove();
  slot.append(
    createPlaceForm({
      country,
      currentLabel: settings.place?.label,
      radiusKm: settings.radiusKm,
      onSaved: () => void reload(),
    }),
  );
  renderSources();
  renderTiles();
  renderGeocoders();
  byId<HTMLInputElement>('card').checked = settings.card;
  byId<HTMLInputElement>('ask-on-open').checked = settings.askOnOpen;
  byId<HTMLInputElement>('libraries').checked = settings.libraries;
  byId<HTMLInputElement>('lists-wishlists').checked = settings.lists.wishlists;
  byId<HTMLInputElement>('lists-search').checked = settings.lists.searchResults;
  renderFavourites();
}

const readStored = () => loadSettings(browser.storage);

async function reload(): Promise<void> {
  settings = (await readStored()).settings;
}

async function start(): Promise<void> {
  translatePage('optionsTitle');
  const { settings: stored, repaired } = await readStored();
  settings = stored;
  // A damaged value was replaced by its default: say so, and store the repaired settings.
  byId('repaired-note').hidden = !repaired;
  if (repaired) await save(settings, { rewrite: true });
  setUpControls();
  await renderAll();
}

void start();
