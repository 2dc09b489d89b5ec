// The sources the settings switch on, each at its configured address.
import { bookshopDirectory } from '../networks/directory';
import { calil } from '../networks/calil';
import { lesLibrairesCa } from '../networks/leslibraires-ca';
import { libraryBooksUk } from '../networks/librarybooks-uk';
import { openStreetMap } from '../networks/overpass';
import { packagedDirectory, type ReadPackagedFile } from '../networks/packaged-directory';
import { placeDesLibraires } from '../networks/place-des-libraires';
import { PLACE_DES_LIBRAIRES_INSTANCES } from '../networks/place-des-libraires-instances';
import type { ShopSource } from '../networks/source';
import { CALIL_APP_KEY } from '../shared/release-keys';
import type { Settings } from '../shared/settings';

/** `readDirectory`: reads a file of the directory inside the package (background/index.ts). */
export function enabledSources(settings: Settings, readDirectory: ReadPackagedFile): ShopSource[] {
  const sources: ShopSource[] = [];
  for (const instance of PLACE_DES_LIBRAIRES_INSTANCES) {
    const configured = settings.sources[instance.id as keyof Settings['sources']];
    if (configured?.enabled) sources.push(placeDesLibraires({ ...instance, baseUrl: configured.baseUrl }));
  }
  // Québec's network, for a place in Québec: its answer for all its shops at once.
  const quebec = settings.sources['leslibraires-ca'];
  if (quebec.enabled) sources.push(lesLibrairesCa(quebec.baseUrl));
  const osm = settings.sources.openstreetmap;
  if (osm.enabled) {
    // OpenStreetMap's bookshops: the directory in the package; Overpass only for a place it does not
    // cover; a campaign's hosted directory, where one is set, before both.
    const packaged = packagedDirectory(readDirectory, openStreetMap(osm.baseUrl));
    sources.push(osm.directoryUrl ? bookshopDirectory(osm.directoryUrl, packaged) : packaged);
  }
  // Libraries, by the shopper's choice: each catalogue source where it is switched on.
  const uk = settings.sources['librarybooks-uk'];
  if (settings.libraries && uk.enabled) sources.push(libraryBooksUk(uk.baseUrl));
  // Japan's, with the app key this build was given (none: not asked, and said so).
  const japan = settings.sources.calil;
  if (settings.libraries && japan.enabled) sources.push(calil(japan.baseUrl, CALIL_APP_KEY));
  return sources;
}

/** The stock networks the settings leave off, with the countries each covers: a result names those that cover the shopper. */
export function switchedOffNetworks(settings: Settings): Array<{ name: string; countries?: readonly string[] }> {
  return PLACE_DES_LIBRAIRES_INSTANCES.filter((instance) => !settings.sources[instance.id as keyof Settings['sources']]?.enabled).map(({ name, countries }) => ({ name, countries }));
}
