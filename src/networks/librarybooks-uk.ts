// The UK's public library catalogues, through Libraries Hacked's catalogue API (www.librarybooks.uk):
// `GET /api/availability/<isbn>?service=<code>` reads one library service's own catalogue and answers,
// per branch, how many copies are on the shelf and how many are out. Only the ISBN and the service's
// code are sent: the service is the one of the library nearest the shopper, from the package.
//
// Evidence (LibrariesHacked/catalogues-api: openapi.json for the host and route, README for the
// `service` filter by name or code; LibrariesHacked/catalogues-library: index.js `availability` answers
// one object per service, helpers/common.js `initialiseSearchByISBNResponse` gives its fields
// `{ id, service, code, availability: [], start, end }`, each connector pushes
// `{ library, available, unavailable }` per branch and sets `url` to the catalogue's search, and some
// write the counts as text ("2") and set `exception` when the catalogue could not be read).
// Its limits are not published: it is asked only from the popup (onDemand), once per book per service
// per day.
import * as z from 'zod/mini';
import { cleanText, safeLink } from '../shops/clean';
import type { Shop, StockState } from '../shops/shop';
import { withSlash, type NearbyLibrary, type RemoteSource, type SourceQuery } from './source';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How the source names itself (the options list it by this name). */
export const LIBRARYBOOKS_UK = { id: 'librarybooks-uk', name: 'UK library catalogues (Libraries Hacked)' } as const;

const Count = z.union([z.number(), z.string()]);
const Branch = z.object({ library: z.string(), available: z.optional(Count), unavailable: z.optional(Count) });
const ServiceAnswer = z.object({
  service: z.optional(z.string()),
  code: z.optional(z.string()),
  availability: z.array(z.unknown()),
  url: z.optional(z.string()),
  exception: z.optional(z.unknown()),
});
const Answer = z.array(z.unknown());

/** A count as the connectors write it (1, "1"); anything else is none. */
function count(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** A branch's name as two sources can agree on it: "Kentish Town Library" and "KENTISH TOWN" are one. */
export function libraryKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(?:library|libraries|branch|the|and|centre|center|community|hub)\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The shopper's library service: the one of the nearest library that names one. */
const serviceOf = (query: SourceQuery) => query.libraries?.find((library) => library.service)?.service;

export function libraryBooksUk(baseUrl: string): RemoteSource {
  const base = withSlash(baseUrl);
  return {
    ...LIBRARYBOOKS_UK,
    kind: 'library',
    perBook: true,
    countries: ['gb'],
    onDemand: true,
    answers: (query) => serviceOf(query) !== undefined,
    request(query) {
      const url = `${base}api/availability/${encodeURIComponent(query.isbn13)}?service=${encodeURIComponent(serviceOf(query) ?? '')}`;
      return { url, cacheKey: url };
    },
    shops(data, query) {
      const answer = Answer.safeParse(data);
      if (!answer.success) return null;
      const service = serviceOf(query);
      // The service asked (by its code, or by its name as the API also takes), not another's.
      const entries = answer.data.flatMap((raw) => ServiceAnswer.safeParse(raw).data ?? []).filter((entry) => entry.code === service || entry.service === service || (!entry.code && !entry.service));
      if (entries.length === 0) return null;
      // The catalogue could not be read (the connector caught an error): a failure, not "no copy".
      if (entries.every((entry) => entry.exception !== undefined && entry.availability.length === 0)) return { problem: 'source-error' };
      const nearby = new Map<string, NearbyLibrary>();
      for (const library of query.libraries ?? []) if (library.service === service) nearby.set(libraryKey(library.shop.name), library);
      const shops: Shop[] = [];
      for (const entry of entries) {
        const link = safeLink(entry.url);
        for (const raw of entry.availability) {
          const branch = Branch.safeParse(raw).data;
          const name = cleanText(branch?.library, 120);
          if (!branch || !name) continue;
          const [onShelf, out] = [count(branch.available), count(branch.unavailable)];
          if (onShelf + out === 0) continue;
          const stock: StockState = onShelf > 0 ? 'in-stock' : 'on-loan';
          const key = libraryKey(name);
          // The package places the branch; one it does not know is listed without a point (and counted as such).
          const known = nearby.get(key) ?? (key.length >= 4 ? [...nearby.entries()].find(([other]) => other.length >= 4 && (other.includes(key) || key.includes(other)))?.[1] : undefined);
          const place = known?.shop;
          shops.push({
            // The package's library where it places it (a pin stays on it whatever the catalogue calls it).
            id: place ? `librarybooks-uk:${place.id.replace(/^openstreetmap:/, '')}` : `librarybooks-uk:${service}:${key || name}`,
            sourceId: 'librarybooks-uk',
            kind: 'library',
            name: place?.name ?? name,
            address: place?.address ?? { country: 'GB' },
            location: place?.location ?? null,
            phone: place?.phone,
            website: place?.website,
            openingHours: place?.openingHours,
            stock,
            isbn13: query.isbn13,
            links: link ? { book: link, reserve: link } : {},
          });
        }
      }
      return shops;
    },
    expiresAt: (fetchedAt) => fetchedAt + DAY_MS,
  };
}
