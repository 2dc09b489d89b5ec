// OpenStreetMap's bookshops from the directory inside the extension's own package (`npm run directory`,
// put there by the build): the worker reads the files of the few grid cells within the search radius,
// with no request at all, so no service learns the shopper's area and no host can stand in for the
// directory. A place in a country the package does not cover is looked up live (the fallback, Overpass).
import { cellsWithin, PACKAGED_INDEX, PackagedCell, packagedCellPath, PackagedIndex } from '../directory/schema';
import { distanceKm } from '../shops/geo';
import type { Shop } from '../shops/shop';
import { directoryShop } from './directory';
import { standingFor, type PackagedSource, type ShopSource } from './source';

/** Reads one of the packaged directory's files (a path under its folder) as JSON; rejects when it cannot. */
export type ReadPackagedFile = (path: string) => Promise<unknown>;

/**
 * The packaged directory, read with `read`, with `live` (the live query) for the places it does not cover.
 * The index (the list of countries and cells: tens of kilobytes) is read once per worker; cell files are
 * read when a lookup needs them and not kept.
 */
export function packagedDirectory(read: ReadPackagedFile, live: ShopSource): PackagedSource {
  let index: Promise<PackagedIndex | null> | undefined;
  // A package without a readable index (a build without a directory) covers nothing: the live query answers.
  const indexOf = () => (index ??= read(PACKAGED_INDEX).then((data) => PackagedIndex.safeParse(data).data ?? null, () => null));
  return {
    ...standingFor(live),
    async readPackaged({ place, radiusKm, country }) {
      const known = await indexOf();
      if (!known || !country || !known.countries.includes(country)) return null;
      const cells = new Set(known.cells);
      const files = await Promise.all(cellsWithin(place, radiusKm).filter((cell) => cells.has(cell)).map((cell) => read(packagedCellPath(cell))));
      const shops: Shop[] = [];
      for (const file of files) {
        // A file the package lists but cannot give is a broken package: said as a failure, not as "no shops".
        const cell = PackagedCell.parse(file);
        for (const entry of cell.shops) {
          const shop = directoryShop(entry);
          if (shop?.location && distanceKm(place, shop.location) <= radiusKm) shops.push(shop);
        }
      }
      return shops;
    },
  };
}
