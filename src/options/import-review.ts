// A settings file is someone else's choices. What concerns only the shopper (place, radius, the card,
// asking on popup only, marks on list pages, favourite shops) is taken as it is; what decides where the extension sends
// requests (which networks, their addresses, the geocoders, the tiles) is listed, before and after,
// and changed only when the shopper confirms. Pure: the options page renders and applies it.
import type { Settings, SourceId, Tiles } from '../shared/settings';

/** One service the file would change: which, and the value now and in the file. */
export interface ServiceChange {
  /** i18n key of the label, and its substitution (a network's name). */
  label: [string, string?];
  before: string;
  after: string;
}

export interface ImportReview {
  /** The current settings with the file's own choices for the shopper. */
  personal: Settings;
  /** The same, with the file's services too. */
  withServices: Settings;
  changes: ServiceChange[];
}

export function reviewImport(current: Settings, imported: Settings, sourceNames: Record<SourceId, string>, onOff: (on: boolean) => string): ImportReview {
  const personal: Settings = {
    ...current,
    place: imported.place,
    radiusKm: imported.radiusKm,
    card: imported.card,
    askOnOpen: imported.askOnOpen,
    lists: imported.lists,
    favourites: imported.favourites,
  };
  const withServices: Settings = { ...personal, sources: imported.sources, geocoders: imported.geocoders, tiles: imported.tiles };
  const changes: ServiceChange[] = [];
  const compare = (label: ServiceChange['label'], before: string, after: string) => {
    if (before !== after) changes.push({ label, before, after });
  };
  for (const id of Object.keys(current.sources) as SourceId[]) {
    compare(['importSourceOn', sourceNames[id]], onOff(current.sources[id].enabled), onOff(imported.sources[id].enabled));
    compare(['baseUrlOf', sourceNames[id]], current.sources[id].baseUrl, imported.sources[id].baseUrl);
  }
  compare(['directoryUrl'], current.sources.openstreetmap.directoryUrl, imported.sources.openstreetmap.directoryUrl);
  compare(['geocoderFrance'], current.geocoders.geoplateforme, imported.geocoders.geoplateforme);
  compare(['geocoderElsewhere'], current.geocoders.nominatim, imported.geocoders.nominatim);
  compare(['geocoderContact'], current.geocoders.contactEmail, imported.geocoders.contactEmail);
  for (const kind of ['vector', 'raster'] as const) {
    compare([kind === 'vector' ? 'tilesVector' : 'tilesRaster'], describeTiles(current.tiles[kind]), describeTiles(imported.tiles[kind]));
  }
  return { personal, withServices, changes };
}

/** A map service in a line: its address and credit, or a dash for none. */
const describeTiles = (service: Tiles['vector']) => (service ? [service.url, service.attribution, service.attributionUrl].filter(Boolean).join(' · ') : '—');
