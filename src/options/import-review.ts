// A settings file is someone else's choices, and nothing of it is taken before the shopper has seen it:
// every setting the file would change (the place and radius, the card, asking only on opening the popup,
// marks on lists, favourite shops, and where the extension sends requests: which networks, their
// addresses, the geocoders, the tiles) is listed, before and after, and applied only when the shopper
// confirms. A service whose host the browser then refuses keeps its current value: nothing refused is
// saved. Pure: the options page renders and applies it.
import type { Settings, SourceId, Tiles } from '../shared/settings';

/** One setting the file would change: which, and the value now and in the file. */
export interface SettingChange {
  /** i18n key of the label, and its substitution (a network's name). */
  label: [string, string?];
  before: string;
  after: string;
}

export interface ImportReview {
  /** The current settings with everything the file holds. */
  next: Settings;
  changes: SettingChange[];
}

/** How the review says a value in the shopper's language. */
export interface ReviewWords {
  sourceNames: Record<SourceId, string>;
  onOff: (on: boolean) => string;
  /** A place and its radius in a line ("Near Toulouse, within 20 km"). */
  place: (label: string, radiusKm: number) => string;
}

const NONE = '—';

export function reviewImport(current: Settings, imported: Settings, words: ReviewWords): ImportReview {
  const next: Settings = { ...current, ...imported, version: current.version };
  const changes: SettingChange[] = [];
  const compare = (label: SettingChange['label'], before: string, after: string) => {
    if (before !== after) changes.push({ label, before, after });
  };
  const place = (settings: Settings) => (settings.place ? words.place(settings.place.label, settings.radiusKm) : NONE);
  const favourites = (settings: Settings) => settings.favourites.map((shop) => shop.name).join(', ') || NONE;
  compare(['optionsPlace'], place(current), place(imported));
  compare(['cardSetting'], words.onOff(current.card), words.onOff(imported.card));
  compare(['askOnOpenSetting'], words.onOff(current.askOnOpen), words.onOff(imported.askOnOpen));
  compare(['librariesSetting'], words.onOff(current.libraries), words.onOff(imported.libraries));
  compare(['listsWishlistsSetting'], words.onOff(current.lists.wishlists), words.onOff(imported.lists.wishlists));
  compare(['listsSearchSetting'], words.onOff(current.lists.searchResults), words.onOff(imported.lists.searchResults));
  compare(['optionsFavourites'], favourites(current), favourites(imported));
  for (const id of Object.keys(current.sources) as SourceId[]) {
    compare(['importSourceOn', words.sourceNames[id]], words.onOff(current.sources[id].enabled), words.onOff(imported.sources[id].enabled));
    compare(['baseUrlOf', words.sourceNames[id]], current.sources[id].baseUrl, imported.sources[id].baseUrl);
  }
  compare(['directoryUrl'], current.sources.openstreetmap.directoryUrl, imported.sources.openstreetmap.directoryUrl);
  compare(['geocoderFrance'], current.geocoders.geoplateforme, imported.geocoders.geoplateforme);
  compare(['geocoderElsewhere'], current.geocoders.nominatim, imported.geocoders.nominatim);
  compare(['geocoderContact'], current.geocoders.contactEmail, imported.geocoders.contactEmail);
  for (const kind of ['vector', 'raster'] as const) {
    compare([kind === 'vector' ? 'tilesVector' : 'tilesRaster'], describeTiles(current.tiles[kind]), describeTiles(imported.tiles[kind]));
  }
  return { next, changes };
}

/** The addresses whose hosts the reviewed settings would send requests to: the browser is asked for them. */
export function addressesToAllow(settings: Settings): string[] {
  const { sources, geocoders, tiles } = settings;
  const directory = sources.openstreetmap.enabled && sources.openstreetmap.directoryUrl ? [sources.openstreetmap.directoryUrl] : [];
  const enabled = Object.values(sources).flatMap((source) => (source.enabled ? [source.baseUrl] : []));
  const maps = (['vector', 'raster'] as const).flatMap((kind) => (tiles[kind] ? [tiles[kind].url] : []));
  return [...enabled, ...directory, geocoders.geoplateforme, geocoders.nominatim, ...maps];
}

/**
 * The reviewed settings with each service whose address the browser refused (`refused`) kept as it is
 * now: a network, the directory, a geocoder or a map service, one by one.
 */
export function withoutRefused(current: Settings, next: Settings, refused: (address: string) => boolean): Settings {
  const sources = Object.fromEntries(
    (Object.keys(next.sources) as SourceId[]).map((id) => [id, next.sources[id].enabled && refused(next.sources[id].baseUrl) ? current.sources[id] : next.sources[id]]),
  ) as Settings['sources'];
  if (next.sources.openstreetmap.enabled && next.sources.openstreetmap.directoryUrl && refused(next.sources.openstreetmap.directoryUrl)) {
    sources.openstreetmap = { ...sources.openstreetmap, directoryUrl: current.sources.openstreetmap.directoryUrl };
  }
  const geocoders = {
    ...next.geocoders,
    geoplateforme: refused(next.geocoders.geoplateforme) ? current.geocoders.geoplateforme : next.geocoders.geoplateforme,
    nominatim: refused(next.geocoders.nominatim) ? current.geocoders.nominatim : next.geocoders.nominatim,
  };
  const keepTiles = (kind: 'vector' | 'raster') => {
    const service = next.tiles[kind];
    return service && refused(service.url) ? current.tiles[kind] : service;
  };
  return { ...next, sources, geocoders, tiles: { vector: keepTiles('vector'), raster: keepTiles('raster') } };
}

/** A map service in a line: its address and credit, or a dash for none. */
const describeTiles = (service: Tiles['vector']) => (service ? [service.url, service.attribution, service.attributionUrl].filter(Boolean).join(' · ') : NONE);
