// Town or postcode → rounded coordinates: the Géoplateforme geocoder in France (data.geopf.fr/geocodage,
// which took over the closed national address API with the same answers; 50 requests a second per IP),
// Nominatim elsewhere (its policy: one request a second at most, an identified application, answers
// cached, attribution, an address that can change without a release). Never throws.
import * as z from 'zod/mini';
import { roundPlace } from '../shops/geo';
import { cleanText, parseCoordinate, validPoint } from '../shops/clean';
import { Place, type Settings } from '../shared/settings';
import { fetchJson, realSleep, type FetchDeps, type FetchOutcome, type SourceProblem } from './fetch-source';
import { withSlash } from './source';

export type GeocodeOutcome = { ok: true; place: Place } | { ok: false; reason: 'empty' | 'too-long' | 'not-found' | SourceProblem };

/** Which geocoder found a place: the popup credits it where the place is shown. */
export type Geocoder = NonNullable<Place['foundBy']>;

const MAX_QUERY_LENGTH = 100;
/** Nominatim's policy: at most one request a second. */
const NOMINATIM_INTERVAL_MS = 1_000;

/** The Géoplateforme's GeoJSON answer (the fields of the former national address API, unchanged). */
const GeoplateformeAnswer = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.looseObject({ label: z.optional(z.string()), city: z.optional(z.string()), postcode: z.optional(z.string()), distance: z.optional(z.number()) }),
    }),
  ),
});
const NominatimAnswer = z.array(z.looseObject({ lat: z.union([z.string(), z.number()]), lon: z.union([z.string(), z.number()]), display_name: z.optional(z.string()) }));
/** Nominatim's /reverse answer (format=jsonv2): one place with its address parts, or `{ error }` where it knows none. */
const NominatimReverseAnswer = z.union([
  z.object({ error: z.string() }),
  z.looseObject({
    address: z.looseObject({
      city: z.optional(z.string()),
      town: z.optional(z.string()),
      village: z.optional(z.string()),
      municipality: z.optional(z.string()),
      county: z.optional(z.string()),
      country_code: z.optional(z.string()),
    }),
  }),
]);

export interface GeocoderDeps extends FetchDeps {
  /** The two addresses, and the contact Nominatim's policy asks each application for (sent as `email=`). */
  geocoders: Settings['geocoders'];
  /** The host permission a request needs and the browser does not give (see background/host-permissions). */
  missingPermission?: (url: string) => Promise<string | null>;
  now: () => number;
  cache: { get(key: string): Promise<unknown>; set(key: string, value: unknown): Promise<void> };
  onRequest?: (url: string) => void;
}


/** Which geocoder a place in this country is asked of, and the address asked. */
export function geocodeRequest(query: string, country: string, geocoders: Settings['geocoders']): { geocoder: Geocoder; url: string } {
  if (country === 'fr') {
    return { geocoder: 'geoplateforme', url: `${withSlash(geocoders.geoplateforme)}search?q=${encodeURIComponent(query)}&type=municipality&limit=1` };
  }
  return {
    geocoder: 'nominatim',
    url: `${withSlash(geocoders.nominatim)}search?q=${encodeURIComponent(query)}&countrycodes=${country}&format=jsonv2&limit=1&email=${encodeURIComponent(geocoders.contactEmail)}`,
  };
}

export type GeocodeHit = { lat: number | null; lon: number | null; label: string | undefined };

/** The first place in a geocoder's answer; null when it found none, 'bad-data' when the answer is not of its shape. */
export function readGeocodeAnswer(geocoder: Geocoder, data: unknown): GeocodeHit | null | 'bad-data' {
  if (geocoder === 'geoplateforme') {
    const answer = GeoplateformeAnswer.safeParse(data);
    if (!answer.success) return 'bad-data';
    const feature = answer.data.features[0];
    if (!feature) return null;
    const { label, city, postcode } = feature.properties;
    return { lon: feature.geometry.coordinates[0], lat: feature.geometry.coordinates[1], label: [postcode, city ?? label].filter(Boolean).join(' ') || label };
  }
  const answer = NominatimAnswer.safeParse(data);
  if (!answer.success) return 'bad-data';
  const first = answer.data[0];
  return first ? { lat: parseCoordinate(first.lat), lon: parseCoordinate(first.lon), label: first.display_name?.split(',')[0] } : null;
}

/**
 * The reverse lookup of an already rounded point: in France the Géoplateforme (its /geocodage/reverse
 * answers with the nearest address and its town), elsewhere Nominatim, which knows every country and
 * says which one the point is in.
 */
export function reverseRequest(point: { lat: number; lon: number }, country: string, geocoders: Settings['geocoders']): { geocoder: Geocoder; url: string } {
  const lat = point.lat.toFixed(2);
  const lon = point.lon.toFixed(2);
  if (country === 'fr') return { geocoder: 'geoplateforme', url: `${withSlash(geocoders.geoplateforme)}reverse?lon=${lon}&lat=${lat}&index=address&limit=1` };
  // zoom=10 asks for the town, not the street: the point is a kilometre wide anyway.
  return { geocoder: 'nominatim', url: `${withSlash(geocoders.nominatim)}reverse?lat=${lat}&lon=${lon}&zoom=10&format=jsonv2&email=${encodeURIComponent(geocoders.contactEmail)}` };
}

/** Farther than this from the point, the Géoplateforme's nearest French address is not where the shopper is (a border town's neighbour). */
const FRENCH_ADDRESS_MAX_METRES = 5_000;

/** The town the Géoplateforme's reverse answer names; null when none is near, 'bad-data' when it is not of its shape. */
export function readGeoplateformeReverse(data: unknown): { town: string; country: 'fr' } | null | 'bad-data' {
  const answer = GeoplateformeAnswer.safeParse(data);
  if (!answer.success) return 'bad-data';
  const properties = answer.data.features[0]?.properties;
  if (!properties) return null;
  const distance = typeof properties.distance === 'number' ? properties.distance : 0;
  const town = cleanText(properties.city, 120);
  return town && distance <= FRENCH_ADDRESS_MAX_METRES ? { town, country: 'fr' } : null;
}

/** The town and country a reverse answer names; null when it names none, 'bad-data' when it is not of its shape. */
export function readReverseAnswer(data: unknown): { town: string; country: string | null } | null | 'bad-data' {
  const answer = NominatimReverseAnswer.safeParse(data);
  if (!answer.success) return 'bad-data';
  if ('error' in answer.data) return null;
  const { city, town, village, municipality, county, country_code: code } = answer.data.address ?? {};
  const name = cleanText(city ?? town ?? village ?? municipality ?? county, 120);
  if (!name) return null;
  return { town: name, country: code && /^[a-z]{2}$/i.test(code) ? code.toLowerCase() : null };
}

/** How a position is shown when no town name could be found for it: the rounded point itself. */
export const pointLabel = (point: { lat: number; lon: number }) => `${point.lat.toFixed(2)}, ${point.lon.toFixed(2)}`;

export function createGeocoder(deps: GeocoderDeps) {
  /** When the next Nominatim request may leave. */
  let nextNominatimAt = 0;

  /**
   * Waits for this request's own second: the slot is taken before waiting, so requests asked at the same
   * moment leave a second apart instead of together once the same wait is over.
   */
  async function nominatimSlot(): Promise<void> {
    const now = deps.now();
    const at = Math.max(now, nextNominatimAt);
    nextNominatimAt = at + NOMINATIM_INTERVAL_MS;
    if (at > now) await (deps.sleep ?? realSleep)(at - now);
  }

  /** A place stored earlier under `key`, parsed again when read back; null when there is none. */
  async function cachedPlace(key: string): Promise<Place | null> {
    const cached = Place.safeParse(await deps.cache.get(key).catch(() => undefined));
    return cached.success ? cached.data : null;
  }

  /**
   * One request to a geocoder: asked only where the browser lets the extension ask that host (null
   * otherwise), and Nominatim at most once a second, as its policy asks.
   */
  async function ask(url: string, geocoder: Geocoder): Promise<FetchOutcome | null> {
    if (await deps.missingPermission?.(url).catch(() => null)) return null;
    if (geocoder === 'nominatim') await nominatimSlot();
    deps.onRequest?.(url);
    return fetchJson(url, deps);
  }

  /**
   * The town at a point, from the geocoder of the country the shopper chose: null when no name came
   * back, 'not-in-france' when the Géoplateforme answered that no French address is near.
   */
  async function townAt(point: { lat: number; lon: number }, country: string) {
    const { geocoder, url } = reverseRequest(point, country, deps.geocoders);
    const outcome = await ask(url, geocoder);
    if (!outcome?.ok) return null;
    const found = geocoder === 'geoplateforme' ? readGeoplateformeReverse(outcome.data) : readReverseAnswer(outcome.data);
    if (found === null && geocoder === 'geoplateforme') return 'not-in-france';
    return found && found !== 'bad-data' ? { ...found, geocoder } : null;
  }

  /**
   * The browser's position → the town it is in. Only the rounded point is sent; when no name comes back
   * (offline, refused, the sea) the place is still the point, shown as its coordinates: nothing is lost.
   */
  async function placeAt(position: { lat: number; lon: number }, country: string): Promise<Place> {
    const point = roundPlace(position);
    const cacheKey = `geo:at:${pointLabel(point)}`;
    const cached = await cachedPlace(cacheKey);
    if (cached) return cached;
    // A shopper of the French storefront standing in another country: that country's town, from Nominatim.
    const first = await townAt(point, country);
    const found = first === 'not-in-france' ? await townAt(point, 'elsewhere') : first;
    if (!found || found === 'not-in-france') return { ...point, label: pointLabel(point), country };
    const place: Place = { ...point, label: found.town, country: found.country ?? country, foundBy: found.geocoder };
    await deps.cache.set(cacheKey, place).catch(() => {});
    return place;
  }

  async function geocode(rawQuery: string, country: string): Promise<GeocodeOutcome> {
    const query = rawQuery.replace(/\s+/g, ' ').trim();
    if (!query) return { ok: false, reason: 'empty' };
    if (query.length > MAX_QUERY_LENGTH) return { ok: false, reason: 'too-long' };
    if (!/[\p{L}\p{N}]/u.test(query)) return { ok: false, reason: 'not-found' };
    const cacheKey = `geo:${country}:${query.toLowerCase()}`;
    const cached = await cachedPlace(cacheKey);
    if (cached) return { ok: true, place: cached };

    const { geocoder, url } = geocodeRequest(query, country, deps.geocoders);
    const outcome = await ask(url, geocoder);
    if (!outcome) return { ok: false, reason: 'needs-permission' };
    if (!outcome.ok) return { ok: false, reason: outcome.problem };
    const found = readGeocodeAnswer(geocoder, outcome.data);
    if (found === 'bad-data') return { ok: false, reason: 'bad-data' };
    const point = found ? validPoint(found.lat, found.lon) : null;
    if (!found || !point) return { ok: false, reason: 'not-found' };
    const place: Place = { ...roundPlace(point), label: cleanText(found.label, 120) ?? query, country, foundBy: geocoder };
    // A place the cache cannot keep is still the place.
    await deps.cache.set(cacheKey, place).catch(() => {});
    return { ok: true, place };
  }

  return { geocode, placeAt };
}

export type GeocoderFor = (settings: Settings) => ReturnType<typeof createGeocoder>;
