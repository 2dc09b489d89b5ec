// Japan's public libraries, through Calil's API (api.calil.jp), in steps: the libraries near the
// shopper's rounded point (`/library?geocode=lon,lat`), then the loans of this book in the nearest
// library systems (`/check?isbn=&systemid=`), asked again with its session while Calil is still
// reading their catalogues (`continue: 1`). Needs an app key (a release setting): without one it is not
// asked, and the popup says so.
//
// Evidence: `format=json&callback=no` for plain JSON, and the session asked again about every 2 s while
// `continue` is 1 (public clients: a fetch loop `if (data.continue === 0) return data` then
// `check?appkey=&session=`; champierre/libron background.js and libron.js read `books[isbn][systemid]`
// `.status`, `.libkey` and `.reserveurl`); a library's fields `systemid`, `systemname`, `libkey`,
// `formal`, `short`, `address`, `tel`, `url_pc`, `category`, `geocode` ("lon,lat" as text) and, for a
// geocode query, `distance` (warada0209/pycalil README); the branch states (a public client's
// CALIL_STATUS_KEYWORDS: 貸出可 and 蔵書あり available, 貸出中 and 返却待ち checked out, 予約可 reservable,
// 蔵書なし and 休館中 unknown).
import * as z from 'zod/mini';
import { distanceKm } from '../shops/geo';
import { cleanText, parseCoordinate, safeLink, validPoint } from '../shops/clean';
import type { Shop, StockState } from '../shops/shop';
import { withSlash, type RemoteSource, type SourceQuery } from './source';

export const CALIL = { id: 'calil', name: 'Calil (Japan’s library catalogues)' } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Libraries asked for around the point, and library systems (a city's, a prefecture's) asked about. */
const NEAREST = 20;
const SYSTEMS = 3;
/** Public libraries: a city's or district's (MEDIUM) and a prefecture's (LARGE); not school rooms, universities or special libraries. */
const PUBLIC_CATEGORIES = new Set(['MEDIUM', 'LARGE']);
/** Calil's wait between asks of a session still reading. */
const POLL_MS = 2000;

/** Only the states that say a copy can be borrowed, now or once it is back; anything else says nothing of lending here. */
const STATES: Record<string, StockState> = { 貸出可: 'in-stock', 貸出中: 'on-loan', 予約中: 'on-loan', 返却待ち: 'on-loan' };

const Library = z.object({
  systemid: z.string(),
  libkey: z.string(),
  formal: z.optional(z.string()),
  short: z.optional(z.string()),
  address: z.optional(z.string()),
  tel: z.optional(z.string()),
  url_pc: z.optional(z.string()),
  category: z.optional(z.string()),
  geocode: z.optional(z.string()),
});
type Library = z.infer<typeof Library>;
const Libraries = z.array(z.unknown());
const System = z.object({ status: z.optional(z.string()), reserveurl: z.optional(z.nullable(z.string())), libkey: z.optional(z.union([z.record(z.string(), z.string()), z.array(z.unknown())])) });
const Check = z.object({ session: z.optional(z.string()), continue: z.optional(z.union([z.number(), z.string()])), books: z.record(z.string(), z.record(z.string(), z.unknown())) });

/** A library's point from its "lon,lat" text. */
function pointOf(library: Library) {
  const [lon, lat] = (library.geocode ?? '').split(',').map(parseCoordinate);
  return validPoint(lat ?? null, lon ?? null);
}

/** The public libraries within the radius, nearest first, as Calil listed them. */
function librariesNear(answer: unknown, { place, radiusKm }: SourceQuery): Library[] {
  const listed = Libraries.parse(answer).flatMap((raw) => Library.safeParse(raw).data ?? []);
  return listed.filter((library) => {
    const point = pointOf(library);
    return PUBLIC_CATEGORIES.has(library.category ?? '') && point !== null && distanceKm(place, point) <= radiusKm;
  });
}

const continues = (answer: z.infer<typeof Check>) => Number(answer.continue) === 1;

export function calil(baseUrl: string, appKey: string): RemoteSource {
  const base = withSlash(baseUrl);
  const key = `appkey=${encodeURIComponent(appKey)}`;
  return {
    ...CALIL,
    kind: 'library',
    perBook: true,
    countries: ['jp'],
    // Calil's limits for an extension of this size are not published: asked only from the popup.
    onDemand: true,
    ...(appKey ? {} : { unavailable: 'no-key' as const }),
    request({ place, isbn13 }) {
      const url = `${base}library?${key}&geocode=${place.lon.toFixed(2)},${place.lat.toFixed(2)}&limit=${NEAREST}&format=json&callback=no`;
      // The answer kept is this book's, near this point.
      return { url, cacheKey: `${url}#isbn=${isbn13}` };
    },
    next(steps, query) {
      if (steps.length === 1) {
        const systems = [...new Set(librariesNear(steps[0], query).map((library) => library.systemid))].slice(0, SYSTEMS);
        if (systems.length === 0) return null;
        return { url: `${base}check?${key}&isbn=${query.isbn13}&systemid=${systems.map(encodeURIComponent).join(',')}&format=json&callback=no`, afterMs: 0 };
      }
      const answer = Check.parse(steps[0]);
      if (!continues(answer) || !answer.session) return null;
      return { url: `${base}check?${key}&session=${encodeURIComponent(answer.session)}&format=json&callback=no`, afterMs: POLL_MS };
    },
    shops(data, query, steps = [data]) {
      // No public library near the point: nothing was asked about the book.
      if (steps.length === 1) return Libraries.safeParse(data).success ? [] : null;
      const answer = Check.safeParse(data);
      if (!answer.success) return null;
      const libraries = librariesNear(steps.at(-1), query);
      const systems = Object.entries(answer.data.books[query.isbn13] ?? {});
      const read = systems.flatMap(([systemid, raw]) => {
        const system = System.safeParse(raw).data;
        return system && system.status !== 'Error' ? [{ systemid, system }] : [];
      });
      // Every system's catalogue failed to answer Calil: a failure, not "no library has it".
      if (systems.length > 0 && read.length === 0) return { problem: 'source-error' };
      const shops: Shop[] = [];
      for (const { systemid, system } of read) {
        if (!system.libkey || Array.isArray(system.libkey)) continue;
        const reserve = safeLink(system.reserveurl);
        for (const [libkey, state] of Object.entries(system.libkey)) {
          const stock = STATES[state.trim()];
          if (!stock) continue;
          const library = libraries.find((one) => one.systemid === systemid && one.libkey === libkey);
          const name = cleanText(library?.formal ?? library?.short ?? libkey, 120);
          if (!name) continue;
          shops.push({
            id: `calil:${systemid}:${libkey}`,
            sourceId: CALIL.id,
            kind: 'library',
            name,
            address: { street: cleanText(library?.address), country: 'JP' },
            location: library ? pointOf(library) : null,
            phone: cleanText(library?.tel, 30),
            website: safeLink(library?.url_pc),
            stock,
            isbn13: query.isbn13,
            links: reserve ? { book: reserve, reserve } : {},
          });
        }
      }
      return shops;
    },
    expiresAt: (fetchedAt) => fetchedAt + DAY_MS,
  };
}
