// OpenStreetMap's bookshops from the directory inside the extension's own package (`npm run directory`,
// put there by the build): the worker reads the files of the few grid cells within the search radius,
// with no request at all, so no service learns the shopper's area and no host can stand in for the
// directory. A place in a country the package does not cover is looked up live (the fallback, Overpass).
import { cellsWithin, PACKAGED_INDEX, PackagedCell, packagedCellPath, PackagedIndex } from '../directory/schema';
import { distanceKm } from '../shops/geo';
import type { LatLon, Shop } from '../shops/shop';
import { directoryShop } from './directory';
import { standingFor, type NearbyLibrary, type PackagedSource, type ShopSource, type SourceQuery } from './source';

/** Reads one of the packaged directory's files (a path under its folder) as JSON; rejects when it cannot. */
export type ReadPackagedFile = (path: string) => Promise<unknown>;

/** The packaged directory's bookshops, read with `read`, with `live` (the live query) for the places it does not cover. */
export function packagedDirectory(read: ReadPackagedFile, live: ShopSource): PackagedSource {
  const cellsNear = packagedCells(read);
  return {
    ...standingFor(live),
    async readPackaged(query) {
      const cells = await cellsNear(query);
      return cells && cells.flatMap((cell) => cell.shops.flatMap((entry) => near(directoryShop(entry), query) ?? []));
    },
  };
}

/**
 * The libraries within the radius, nearest first, from the same files: where each is, and its library
 * service. None where the package does not cover the place (no library source is asked there).
 */
export function packagedLibraries(read: ReadPackagedFile): (query: SourceQuery) => Promise<NearbyLibrary[]> {
  const cellsNear = packagedCells(read);
  return async (query) => {
    const libraries: Array<NearbyLibrary & { shop: { location: LatLon } }> = [];
    for (const cell of (await cellsNear(query)) ?? []) {
      for (const entry of cell.libraries ?? []) {
        const shop = near(directoryShop(entry), query);
        if (shop) libraries.push({ shop: { ...shop, kind: 'library' }, ...(entry.service ? { service: entry.service } : {}) });
      }
    }
    return libraries.sort((a, b) => distanceKm(query.place, a.shop.location) - distanceKm(query.place, b.shop.location));
  };
}

/** A directory entry within the radius, or null. */
const near = (shop: Shop | null, { place, radiusKm }: SourceQuery) => (shop?.location && distanceKm(place, shop.location) <= radiusKm ? (shop as Shop & { location: LatLon }) : null);

/**
 * The package's cell files around a query's place, or null where it does not cover the place's country.
 * The index (the list of countries and cells: tens of kilobytes) is read once per worker; cell files are
 * read when a lookup needs them and not kept.
 */
function packagedCells(read: ReadPackagedFile): (query: SourceQuery) => Promise<PackagedCell[] | null> {
  let index: Promise<PackagedIndex | null> | undefined;
  // A package without a readable index (a build without a directory) covers nothing: the live query answers.
  const indexOf = () => (index ??= read(PACKAGED_INDEX).then((data) => PackagedIndex.safeParse(data).data ?? null, () => null));
  return async ({ place, radiusKm, country }) => {
    const known = await indexOf();
    if (!known || !country || !known.countries.includes(country)) return null;
    const cells = new Set(known.cells);
    const files = await Promise.all(cellsWithin(place, radiusKm).filter((cell) => cells.has(cell)).map((cell) => read(packagedCellPath(cell))));
    // A file the package lists but cannot give is a broken package: said as a failure, not as "no shops".
    return files.map((file) => PackagedCell.parse(file));
  };
}
