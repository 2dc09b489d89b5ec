// The contract check: each real service asked once, with the production adapters and settings, to
// notice a service that moved or changed its answers before shoppers do. One line per service:
// reached or not, the HTTP status, whether the answer still fits the adapter, the shops with the book,
// the time. Run by `npm run live-check` (never in `npm test`: live services rot tests).
import { geocodeRequest, readGeocodeAnswer, readGeoplateformeReverse, readReverseAnswer, reverseRequest } from '../networks/geocoders';
import { fetchJson, type FetchOutcome, type SourceProblem } from '../networks/fetch-source';
import { openStreetMap } from '../networks/overpass';
import { placeDesLibraires } from '../networks/place-des-libraires';
import type { RemoteSource, SourceQuery } from '../networks/source';
import { isTileTemplate, type Settings } from '../shared/settings';
import { sourceFromTileJson, tileUrl } from '../map/vector-source';

/** A book Place des Libraires' shops stock (L'Étranger, Folio), and the middle of Toulouse. */
export const CHECK_BOOK = '9782070360024';
export const CHECK_PLACE = { lat: 43.6, lon: 1.44 };

export interface CheckLine {
  service: string;
  reached: boolean;
  httpStatus?: number;
  /** The answer still has the shape the adapter reads (null: not reached, or refused before any answer was read). */
  fits: boolean | null;
  /** Why not, in a word: the problem the request or the answer had. */
  problem?: SourceProblem | 'not-an-image' | 'not-a-tile' | 'gone';
  shopsWithBook?: number;
  found?: string;
  ms: number;
}

export interface LiveCheckDeps {
  settings: Settings;
  fetch: typeof fetch;
  /** Per request; every request runs at once, so the whole check takes about this long at most. */
  timeoutMs?: number;
  now?: () => number;
  /** Between the two Nominatim requests (its policy: one a second). */
  nominatimGapMs?: number;
}

/** Problems that mean the answer came and is not what the adapter reads: the contract is broken. */
const SHAPE_PROBLEMS: ReadonlySet<string> = new Set(['not-json', 'bad-json', 'bad-data', 'not-an-image', 'gone']);
/** Problems that mean nothing was heard from the service. */
const NOT_REACHED: ReadonlySet<string> = new Set(['unreachable', 'offline', 'timeout']);

/** A failed outcome as a line; a 404 or 410 means the address is gone, which breaks the contract too. */
function failedLine(service: string, outcome: Extract<FetchOutcome, { ok: false }>, ms: number): CheckLine {
  const gone = outcome.httpStatus === 404 || outcome.httpStatus === 410;
  const reached = !NOT_REACHED.has(outcome.problem);
  const problem = gone ? 'gone' : outcome.problem;
  return { service, reached, httpStatus: outcome.httpStatus, fits: reached && SHAPE_PROBLEMS.has(problem) ? false : null, problem, ms };
}

/** The slippy-map tile that holds a point, for one real tile request. */
export function tileOf({ lat, lon }: { lat: number; lon: number }, zoom: number): { x: number; y: number; z: number } {
  const n = 2 ** zoom;
  const rad = (lat * Math.PI) / 180;
  return { z: zoom, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

export async function liveCheck({ settings, fetch: baseFetch, timeoutMs = 10_000, now = () => performance.now(), nominatimGapMs = 1100 }: LiveCheckDeps): Promise<CheckLine[]> {
  // The HTTP status of each answer, which fetchJson keeps only for failures.
  const statuses = new Map<string, number>();
  const identified = { 'user-agent': `local-bookshops-live-check (contract check; ${settings.geocoders.contactEmail})` };
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await baseFetch(input, { ...init, headers: { ...identified, ...(init?.headers as Record<string, string> | undefined) } });
    statuses.set(String(input), response.status);
    return response;
  }) as typeof globalThis.fetch;
  const deps = { fetch, sleep: async () => {}, isOnline: () => true };

  async function source(service: string, adapter: RemoteSource, query: SourceQuery): Promise<CheckLine> {
    const start = now();
    const { url } = adapter.request(query);
    const outcome = await fetchJson(url, deps, { timeoutMs: Math.min(timeoutMs, adapter.timeoutMs ?? timeoutMs), retryDelayMs: 0 });
    const ms = Math.round(now() - start);
    if (!outcome.ok) return failedLine(service, outcome, ms);
    let shops: ReturnType<RemoteSource['shops']>;
    try {
      shops = adapter.shops(outcome.data, query);
    } catch {
      shops = null;
    }
    const httpStatus = statuses.get(url);
    if (shops === null) return { service, reached: true, httpStatus, fits: false, problem: 'bad-data', ms };
    if (!Array.isArray(shops)) return { service, reached: true, httpStatus, fits: true, problem: shops.problem, ms };
    return { service, reached: true, httpStatus, fits: true, shopsWithBook: shops.filter((s) => s.stock === 'in-stock' || s.stock === 'preorder').length, ms };
  }

  /** A geocoder's answer at `url`, read by the production reader: what it found, or that it no longer fits. */
  async function geocoderLine(service: string, url: string, read: (data: unknown) => string | 'bad-data'): Promise<CheckLine> {
    const start = now();
    const outcome = await fetchJson(url, deps, { timeoutMs, retryDelayMs: 0 });
    const ms = Math.round(now() - start);
    if (!outcome.ok) return failedLine(service, outcome, ms);
    const found = read(outcome.data);
    const httpStatus = statuses.get(url);
    if (found === 'bad-data') return { service, reached: true, httpStatus, fits: false, problem: 'bad-data', ms };
    return { service, reached: true, httpStatus, fits: true, found, ms };
  }

  function geocoder(service: string, query: string, country: string): Promise<CheckLine> {
    const { geocoder: which, url } = geocodeRequest(query, country, settings.geocoders);
    return geocoderLine(service, url, (data) => {
      const hit = readGeocodeAnswer(which, data);
      return hit === 'bad-data' ? hit : hit ? `${hit.label ?? '?'} (${hit.lat}, ${hit.lon})` : 'nothing';
    });
  }

  /** "Use my position": the town at a rounded point, from the geocoder of the point's country. */
  function reverse(service: string, point: { lat: number; lon: number }, country: string): Promise<CheckLine> {
    const { geocoder: which, url } = reverseRequest(point, country, settings.geocoders);
    return geocoderLine(service, url, (data) => {
      const town = which === 'geoplateforme' ? readGeoplateformeReverse(data) : readReverseAnswer(data);
      return town === 'bad-data' ? town : town ? `${town.town} (${town.country ?? '?'})` : 'nothing';
    });
  }

  /** The map: the vector tiles' TileJSON (when the address is one) and one of their tiles; else one raster tile. */
  async function tile(): Promise<CheckLine> {
    const start = now();
    const service = 'Map tile';
    const line = (fields: Omit<CheckLine, 'service' | 'ms'>): CheckLine => ({ service, ...fields, ms: Math.round(now() - start) });
    const vector = settings.tiles.vector;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let template = vector?.url ?? settings.tiles.raster?.url ?? '';
      if (vector && !isTileTemplate(vector.url)) {
        const response = await fetch(vector.url, { signal: controller.signal });
        const source = sourceFromTileJson(vector.url, response.ok ? await response.json().catch(() => null) : null);
        if (!response.ok) return line({ reached: true, httpStatus: response.status, fits: null, problem: response.status === 403 ? 'blocked' : 'http-error' });
        if (!source) return line({ reached: true, httpStatus: response.status, fits: false, problem: 'bad-data' });
        template = source.template;
      }
      const response = await fetch(tileUrl(template, tileOf(CHECK_PLACE, 12)).replace('{s}', 'a'), { signal: controller.signal });
      const body = new Uint8Array(await response.arrayBuffer());
      const type = response.headers.get('content-type') ?? '';
      if (response.status === 404 || response.status === 410) return line({ reached: true, httpStatus: response.status, fits: false, problem: 'gone' });
      if (!response.ok) return line({ reached: true, httpStatus: response.status, fits: null, problem: response.status === 403 ? 'blocked' : 'http-error' });
      // A vector tile is protobuf bytes (never a web page); a raster tile, an image.
      const fits = vector ? body.length > 0 && !/text\/html/.test(type) : /^image\//.test(type);
      return line({ reached: true, httpStatus: response.status, fits, ...(fits ? {} : { problem: vector ? ('not-a-tile' as const) : ('not-an-image' as const) }) });
    } catch {
      return line({ reached: false, fits: null, problem: controller.signal.aborted ? 'timeout' : 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  }

  const pdl = settings.sources.placedeslibraires;
  return Promise.all([
    source('Place des Libraires', placeDesLibraires({ id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: pdl.baseUrl }), { isbn13: CHECK_BOOK, place: CHECK_PLACE, radiusKm: 1 }),
    geocoder('Géoplateforme "Toulouse"', 'Toulouse', 'fr'),
    geocoder('Géoplateforme "31000"', '31000', 'fr'),
    source('Overpass (1 km, Toulouse)', openStreetMap(settings.sources.openstreetmap.baseUrl), { isbn13: CHECK_BOOK, place: CHECK_PLACE, radiusKm: 1 }),
    geocoder('Nominatim "Berlin"', 'Berlin', 'de'),
    // Nominatim's policy: one request a second, so the reverse lookup waits its turn.
    reverse('Géoplateforme reverse (Toulouse)', CHECK_PLACE, 'fr'),
    new Promise((resolve) => setTimeout(resolve, nominatimGapMs)).then(() => reverse('Nominatim reverse (Berlin)', { lat: 52.52, lon: 13.4 }, 'de')),
    tile(),
  ]);
}

/** A contract is broken when a service was reached and its answer no longer fits (or its address is gone). */
export const contractBroken = (lines: CheckLine[]) => lines.some((line) => line.reached && line.fits === false);

export function formatLine(line: CheckLine): string {
  const cells = [line.service.padEnd(28)];
  if (!line.reached) {
    cells.push(line.problem === 'unreachable' ? 'unreachable' : `unreachable (${line.problem})`);
  } else {
    cells.push('reached', line.httpStatus ? `HTTP ${line.httpStatus}` : 'HTTP ?');
    cells.push(line.fits === true ? 'fits' : line.fits === false ? `DOES NOT FIT (${line.problem})` : `refused (${line.problem})`);
    if (line.fits && line.problem) cells.push(`the service reported: ${line.problem}`);
    if (line.shopsWithBook !== undefined) cells.push(`${line.shopsWithBook} shops with the book`);
    if (line.found !== undefined) cells.push(`found ${line.found}`);
  }
  cells.push(`${line.ms} ms`);
  return cells.join('  ');
}
