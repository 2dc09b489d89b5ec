// The sources the settings switch on, each at its configured address.
import { bookshopDirectory } from '../networks/directory';
import { openStreetMap } from '../networks/overpass';
import { placeDesLibraires } from '../networks/place-des-libraires';
import { PLACE_DES_LIBRAIRES_INSTANCES } from '../networks/place-des-libraires-instances';
import type { ShopSource } from '../networks/source';
import type { Settings } from '../shared/settings';

export function enabledSources(settings: Settings): ShopSource[] {
  const sources: ShopSource[] = [];
  for (const instance of PLACE_DES_LIBRAIRES_INSTANCES) {
    const configured = settings.sources[instance.id as keyof Settings['sources']];
    if (configured?.enabled) sources.push(placeDesLibraires({ ...instance, baseUrl: configured.baseUrl }));
  }
  const osm = settings.sources.openstreetmap;
  if (osm.enabled) {
    const overpass = openStreetMap(osm.baseUrl);
    // The directory's files first; Overpass when they cannot be read (or no directory is set).
    sources.push(osm.directoryUrl ? bookshopDirectory(osm.directoryUrl, overpass) : overpass);
  }
  return sources;
}
