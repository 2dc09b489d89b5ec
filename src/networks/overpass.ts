// OpenStreetMap bookshops around the shopper's rounded place (Overpass API, shop=books, nodes and ways).
// Stock is unknown; opening hours, phone and website are kept. Within Overpass's usage policy: one query
// per area, cached for a week, a small radius, and the point rounded to about a kilometre. Overpass
// answers a query that failed on the server with HTTP 200 and a "runtime error" remark: that is a
// failure of the source, never "no bookshops here".
import * as z from 'zod/mini';
import { cleanText, safeLink, validPoint } from '../shops/clean';
import { type Shop } from '../shops/shop';
import { DETAIL_CHARS } from './fetch-source';
import { withSlash, type RemoteSource, type SourceQuery } from './source';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Overpass is not an app backend: never ask it for more than this. */
const MAX_RADIUS_M = 50_000;

const Tags = z.record(z.string(), z.unknown());
const Element = z.object({
  type: z.enum(['node', 'way', 'relation']),
  id: z.number(),
  lat: z.optional(z.number()),
  lon: z.optional(z.number()),
  center: z.optional(z.object({ lat: z.number(), lon: z.number() })),
  tags: z.optional(Tags),
});
const Answer = z.object({ elements: z.array(z.unknown()), remark: z.optional(z.string()) });

/**
 * The server gives up on the query after this long and says so in a remark; the client waits a little
 * longer for that answer to arrive, so the two limits agree (a client that gave up first would leave
 * the query running on a shared server for nothing).
 */
export const OVERPASS_SERVER_TIMEOUT_S = 10;
export const OVERPASS_CLIENT_TIMEOUT_MS = (OVERPASS_SERVER_TIMEOUT_S + 3) * 1000;

export function overpassQuery({ place, radiusKm }: SourceQuery): string {
  const radius = Math.min(Math.round(radiusKm * 1000), MAX_RADIUS_M);
  const around = `(around:${radius},${place.lat.toFixed(2)},${place.lon.toFixed(2)})`;
  return `[out:json][timeout:${OVERPASS_SERVER_TIMEOUT_S}];(node["shop"="books"]${around};way["shop"="books"]${around};);out center tags;`;
}

/** One Overpass element with a name, as the common shape (stock unknown), with its tags; null otherwise. */
function namedPlace(raw: unknown): { shop: Shop; tags: Record<string, unknown> } | null {
  const parsed = Element.safeParse(raw);
  if (!parsed.success) return null;
  const { type, id, lat, lon, center } = parsed.data;
  const tags = parsed.data.tags ?? {};
  const tag = (key: string, max?: number) => cleanText(tags[key], max);
  const name = tag('name');
  if (!name) return null;
  const street = [tag('addr:housenumber', 20), tag('addr:street')].filter(Boolean).join(' ') || undefined;
  const shop: Shop = {
    id: `openstreetmap:${type}/${id}`,
    sourceId: 'openstreetmap',
    name,
    address: { street, postalCode: tag('addr:postcode', 12), city: tag('addr:city', 80) },
    location: validPoint(lat ?? center?.lat ?? null, lon ?? center?.lon ?? null),
    phone: tag('phone', 30) ?? tag('contact:phone', 30),
    website: safeLink(tags['website'] ?? tags['contact:website']),
    openingHours: tag('opening_hours', 300),
    stock: 'unknown',
    isbn13: null,
    links: {},
  };
  return { shop, tags };
}

/**
 * One Overpass element as a bookshop the extension lists, or null when it is not one: no name, a chain
 * (brand tags), or second-hand only, which are not the independents a shopper looks for (nor a library,
 * which the directory's query also brings). The live query and the directory (`npm run directory`)
 * apply this same rule.
 */
export function bookshopOf(raw: unknown): Shop | null {
  const place = namedPlace(raw);
  if (!place) return null;
  const { tags } = place;
  if (tags['amenity'] === 'library' || cleanText(tags['brand']) || cleanText(tags['brand:wikidata']) || cleanText(tags['second_hand']) === 'only') return null;
  return place.shop;
}

/**
 * One Overpass element as a public library (amenity=library, with a name), with its `operator` (the
 * council or authority that runs it, OpenStreetMap's usual key: iorala/osm-libch, docs/DataRequirements.md),
 * by which the directory finds its library service. Null for anything else.
 */
export function libraryOf(raw: unknown): { shop: Shop; operator?: string } | null {
  const place = namedPlace(raw);
  if (!place || place.tags['amenity'] !== 'library') return null;
  const operator = cleanText(place.tags['operator'], 200);
  return { shop: { ...place.shop, kind: 'library' }, ...(operator ? { operator } : {}) };
}

export function openStreetMap(baseUrl: string): RemoteSource {
  const base = withSlash(baseUrl);
  return {
    id: 'openstreetmap',
    name: 'OpenStreetMap',
    kind: 'directory',
    perBook: false,
    attribution: '© OpenStreetMap contributors (ODbL)',
    timeoutMs: OVERPASS_CLIENT_TIMEOUT_MS,
    request(query) {
      const url = `${base}interpreter?data=${encodeURIComponent(overpassQuery(query))}`;
      return { url, cacheKey: url };
    },
    shops(data) {
      const answer = Answer.safeParse(data);
      if (!answer.success) return null;
      // "runtime error: Query timed out…", "…out of memory…": the elements, if any, are partial.
      const { remark } = answer.data;
      if (remark && /error/i.test(remark)) return { problem: 'source-error', detail: { body: cleanText(remark, DETAIL_CHARS) } };
      return answer.data.elements.flatMap((raw) => bookshopOf(raw) ?? []);
    },
    expiresAt: (fetchedAt) => fetchedAt + WEEK_MS,
  };
}
