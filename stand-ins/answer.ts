// One function that answers a request to a real source's address the way that source answers, in a
// chosen scenario: good payloads and every fault the extension must survive. Used by the local server
// (unit tests), by the browser tests and the offline demo (under the real hosts' names, real-hosts.ts).
import type { ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALIL_STAND_IN_KEY, calilCheckAnswer, calilLibraryAnswer, geoplateformeAnswer, geoplateformeReverseAnswer, lesLibrairesCaAnswer, libraryBooksAnswer, libraryServicesAnswer, nominatimAnswer, nominatimReverseAnswer, overpassAnswer, overpassCountryAnswer, overpassRuntimeError, placeDesLibrairesAnswer, SHARED_PHONE } from './payloads';
import { standInTile } from './tiles';
import { standInVectorTile } from './vector-tiles';

export type Scenario =
  | 'ok'
  | 'forbidden' // 403 with Cloudflare-like HTML
  | 'timeout' // never answers
  | 'rate-limited' // 429, Retry-After: 120
  | 'server-error' // 503
  | 'html' // 200 with a web page instead of JSON
  | 'truncated' // JSON cut in the middle
  | 'huge' // over 5 MB
  | 'missing-fields' // JSON without the fields the adapter needs
  | 'bad-coordinates' // empty, NaN, swapped, out of range
  | 'hostile' // names with HTML and script, javascript: links
  | 'shared-phone' // every shop gives one number (a head office's or a placeholder)
  | 'overpass-remark' // Overpass's runtime error: HTTP 200, a "remark" and no elements
  | 'stock-field-renamed' // Place des Libraires' stock flag under another name (its typo corrected)
  | 'tilejson-refused' // the TileJSON answers 403 while the builds' tiles still answer (OpenFreeMap, May 2026)
  | 'tilejson-without-layers' // a TileJSON whose vector_layers lack layers the map draws
  | 'catalogue-exception'; // the UK catalogue API could not read a library service's catalogue (HTTP 200, `exception`)

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** The stand-in never answers (the caller's timeout must fire). */
  hang?: boolean;
}

const json = (data: unknown, status = 200): StandInResponse => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(data) });
const html = (body: string, status = 200): StandInResponse => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });

function faulty(scenario: Scenario, good: unknown): StandInResponse | null {
  switch (scenario) {
    case 'forbidden':
      // As a CDN's bot shield refuses: its own server header and page (research/networks.md 2.1: "403 für Skripte").
      return { ...html('<!doctype html><title>Access denied</title><h1>403 Forbidden</h1>', 403), headers: { 'content-type': 'text/html; charset=utf-8', server: 'cloudflare' } };
    case 'timeout':
      return { status: 200, headers: {}, body: '', hang: true };
    case 'rate-limited':
      return { ...html('<h1>Too Many Requests</h1>', 429), headers: { 'content-type': 'text/html', 'retry-after': '120' } };
    case 'server-error':
      return html('<h1>503 Service Unavailable</h1>', 503);
    case 'html':
      return html('<!doctype html><html><body><p>Maintenance en cours</p></body></html>');
    case 'truncated': {
      const body = JSON.stringify(good);
      return { ...json(null), body: body.slice(0, Math.floor(body.length / 2)) };
    }
    case 'huge':
      return { ...json(null), body: `{"shop":[${'{"id":"1","name":"x"},'.repeat(300_000)}{"id":"2"}]}` };
    case 'missing-fields':
      return json({ result: 'ok', items: [] });
    default:
      return null;
  }
}

function placeDesLibraires(isbn13: string, scenario: Scenario): StandInResponse {
  const good = placeDesLibrairesAnswer(isbn13);
  const fault = faulty(scenario, good);
  if (fault) return fault;
  if (scenario === 'bad-coordinates') {
    const shops = good.shop;
    shops[0] = { ...shops[0]!, latitude: '', longitude: '' };
    shops[1] = { ...shops[1]!, latitude: 'NaN', longitude: '01 45 73 48 29' };
    shops[2] = { ...shops[2]!, latitude: shops[2]!.longitude, longitude: shops[2]!.latitude }; // swapped
    shops[4] = { ...shops[4]!, latitude: '143.46', longitude: '1.32' }; // out of range
  }
  if (scenario === 'shared-phone') for (const shop of good.shop) shop.phone = SHARED_PHONE;
  // What the live check must notice: a renamed stock flag reads as "no shop has any book".
  if (scenario === 'stock-field-renamed') return json({ shop: good.shop.map(({ stockAvailablility, ...shop }) => ({ ...shop, stockAvailability: stockAvailablility })) });
  if (scenario === 'hostile') {
    const shops = good.shop;
    // Every text field: HTML, script, a right-to-left override, 100 KB. Shop 1 is the nearest with the book (the card names it).
    shops[1] = { ...shops[1]!, name: '<img src=x onerror=alert(1)>', address: '<script>alert(2)</script>', postalCode: '<i>31000</i>', city: '\u202eesuoluoT', phone: '<a href="javascript:alert(5)">05</a>' };
    shops[0] = { ...shops[0]!, name: 'A'.repeat(100_000), address: `<script>${'B'.repeat(100_000)}</script>`, city: 'C'.repeat(100_000) };
    // Markup written as entities, as this network writes its text: decoded, it must stay visible text.
    shops[2] = { ...shops[2]!, name: '&lt;b&gt;La Page&lt;/b&gt; Blanche', address: '&lt;script&gt;alert(10)&lt;/script&gt;' };
  }
  return json(good);
}

/** The centre of the query's `(around:R,lat,lon)`, which the stand-in answers for as Overpass would. */
function aroundOf(query: string): { lat: number; lon: number } | undefined {
  const match = /\(around:\d+,(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\)/.exec(query);
  return match ? { lat: Number(match[1]), lon: Number(match[2]) } : undefined;
}

function overpass(scenario: Scenario, query: string): StandInResponse {
  const country = /area\["ISO3166-1"="([A-Z]{2})"\]/.exec(query)?.[1];
  const good = (country ? overpassCountryAnswer(country) : overpassAnswer(aroundOf(query))) as { elements: Array<Record<string, unknown>> };
  const fault = faulty(scenario, good);
  if (fault) return fault;
  if (scenario === 'overpass-remark') return json(overpassRuntimeError());
  if (scenario === 'shared-phone') for (const element of good.elements) element.tags = { ...(element.tags as object), phone: '+33 5 61 00 00 00' };
  if (scenario === 'hostile') {
    good.elements[1] = {
      ...good.elements[1],
      tags: {
        shop: 'books',
        name: '<b onmouseover=alert(3)>Bulles</b>',
        website: 'javascript:alert(4)',
        'contact:website': 'data:text/html,<script>alert(6)</script>',
        opening_hours: '<script>',
        phone: `\u202e${'7'.repeat(100_000)}`,
        'addr:street': `<svg onload=alert(8)>${'D'.repeat(100_000)}`,
        'addr:city': '\u202eesuoluoT',
      },
    };
  }
  return json(good);
}

/** A geocoder's names for a place, as hostile as a shop's. */
const HOSTILE_PLACE = { label: '<img src=x onerror=alert(9)>', city: `<img src=x onerror=alert(9)>\u202e${'E'.repeat(100_000)}`, postcode: '<b>31000</b>' };

export type StandInSource = 'placedeslibraires' | 'openstreetmap' | 'geocoders' | 'tiles' | 'vector' | 'directory' | 'libraries' | 'quebec' | 'calil';

/** Calil's sessions: what each was asked (a session's later asks name only the session). */
const calilSessions = new Map<string, { isbn: string; systems: string[] }>();
/** A scenario for every source, or one per source. */
export type Scenarios = Scenario | Partial<Record<StandInSource, Scenario>>;

const scenarioOf = (scenarios: Scenarios, source: StandInSource): Scenario =>
  typeof scenarios === 'string' ? scenarios : (scenarios[source] ?? 'ok');

/** The headers a request came with, as Node gives them (names in lower case). */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * User-Agents that name no application: a browser's own (every one starts "Mozilla/5.0") and HTTP
 * libraries' defaults, which Nominatim's policy names as not enough ("stock User-Agents as set by http
 * libraries will not do").
 */
const STOCK_USER_AGENT = /^(?:Mozilla\/|curl\/|Wget\/|python-requests\/|Python-urllib\/|node(?:-fetch)?\b|undici\b|axios\/|Go-http-client\/|okhttp\/|Java\/|libwww-perl\/)/i;

const identifies = (headers: RequestHeaders) => {
  const referer = String(headers.referer ?? '');
  const agent = String(headers['user-agent'] ?? '').trim();
  return /^https?:\/\/\S+/.test(referer) || (agent !== '' && !STOCK_USER_AGENT.test(agent));
};

/**
 * How OpenStreetMap's services refuse a request that does not identify its application (neither a
 * Referer nor a User-Agent of its own), under their real names only (a campaign's server has its own
 * rules). Overpass: HTTP 406 since April 2026, for a browser's request without a Referer and a script's
 * with a stock User-Agent (drolbr/Overpass-API#791, its operators' comment of 2026-04-21; clients that
 * broke: louis-e/arnis#961, DinoTools/python-overpy#134, vmiklos/osm-gimmisn#4956, whose curl without a
 * User-Agent got 406 and with "Overpass checker" got through). Nominatim: HTTP 403 "Access denied. See
 * https://operations.osmfoundation.org/policies/nominatim/" (dedicatedcode/reitti#848, 2026-03-30;
 * its policy asks "a valid HTTP Referer or User-Agent identifying the application").
 */
export function unidentifiedRefusal(url: string, headers: RequestHeaders): StandInResponse | null {
  const host = new URL(url).hostname;
  if (identifies(headers)) return null;
  if (host === 'overpass-api.de') return html('<html><head><title>406 Not Acceptable</title></head><body><h1>Not Acceptable</h1></body></html>', 406);
  if (host === 'nominatim.openstreetmap.org') return { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Access denied. See https://operations.osmfoundation.org/policies/nominatim/' };
  return null;
}

/**
 * Answers a local server's request for `url` from the stand-ins (after `delayMs`, with `headers` added):
 * 404 where no stand-in knows the address, and nothing at all where the stand-in hangs. True then: the
 * server ends that response when it closes. Given the request's headers (the services under their real
 * names), an unidentified request to OpenStreetMap's services is refused as they refuse it.
 */
export function serveStandIn(
  url: string,
  response: ServerResponse,
  scenarios: Scenarios,
  { headers = {}, delayMs = 0, requestHeaders }: { headers?: Record<string, string>; delayMs?: number; requestHeaders?: RequestHeaders } = {},
): boolean {
  const answer = (requestHeaders && unidentifiedRefusal(url, requestHeaders)) || standInAnswer(url, scenarios);
  if (!answer) response.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('no stand-in here');
  else if (!answer.hang) setTimeout(() => response.writeHead(answer.status, { ...answer.headers, ...headers }).end(answer.body), delayMs);
  return answer?.hang === true;
}

/**
 * A campaign's hosted directory, as a static host serves it: the file, or 404 where there is none. The
 * files (stand-ins/hosted-directory/) are written by hand from the directory's format (src/directory/
 * schema.ts) and the stand-in Overpass's shops, not by the builder, so the reader is not tested against
 * the builder's own output (test/directory.test.ts holds the builder to these files). Toulouse's cell
 * and London's; every other cell answers 404, as a country the campaign did not build would.
 */
function directoryFile(path: string, scenario: Scenario): StandInResponse {
  const file = /^[a-z]{2}\/cells\/-?\d{1,2}\.\d_-?\d{1,3}\.\d\.json$/.test(path) ? join(HOSTED_DIRECTORY, path) : null;
  const body = file && existsSync(file) ? readFileSync(file, 'utf8') : null;
  return faulty(scenario, null) ?? (body ? { status: 200, headers: { 'content-type': 'application/json' }, body } : { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>404 Not Found</h1>' });
}

const HOSTED_DIRECTORY = join(import.meta.dirname, 'hosted-directory');

/** The OpenMapTiles schema's layers (openmaptiles.org/schema). */
const OPENMAPTILES_LAYERS = ['aerodrome_label', 'aeroway', 'boundary', 'building', 'housenumber', 'landcover', 'landuse', 'mountain_peak', 'park', 'place', 'poi', 'transportation', 'transportation_name', 'water', 'water_name', 'waterway'];

/** The build of the planet the stand-in TileJSON names (OpenFreeMap's are dated, one a week). */
const PLANET_BUILD = '20261125_001001_pt';

/**
 * OpenFreeMap's TileJSON at /planet and its tiles under /planet/<build>/{z}/{x}/{y}.pbf. Shape from public
 * clients that recorded it (TileJSON 3.0.0 with "tiles", "minzoom": 0, "maxzoom": 14, "bounds", and an
 * "attribution" written as HTML links; the build's path changes weekly): the tests of
 * "MapStyleSourceFreezerTest" and "basemap_tilejson" in public apps quoting tiles.openfreemap.org/planet
 * on 2026-08-30 and 2026-09-14, and hyperknot/openfreemap's README. Its `vector_layers` (required of
 * vector tiles by TileJSON 3.0.0) name the OpenMapTiles schema's layers, as a planetiler-built
 * OpenMapTiles TileJSON lists them (public styles quoting one with "planetiler:buildtime"; OpenFreeMap
 * builds with planetiler, per its README; openmaptiles.org/schema). Tiles are served uncompressed as
 * application/x-protobuf; any other build's path answers 404, as a build taken down would. Both are kept
 * by the browser as OpenFreeMap's nginx tells it (hyperknot/openfreemap,
 * modules/http_host/http_host_lib/nginx_config_gen.py: `expires 1d` on /planet, `expires 10y` on a build's
 * tiles, each with `add_header Cache-Control public`): the map's second opening reads its tiles from the
 * HTTP cache, as a shopper's does.
 */
function vectorTiles(url: URL, scenario: Scenario): StandInResponse | null {
  if (url.pathname.endsWith('/planet')) {
    const tiles = `${url.origin}${url.pathname}/${PLANET_BUILD}/{z}/{x}/{y}.pbf`;
    // During OpenFreeMap's outage of May 2026, /planet answered 403 for hours while the builds' own
    // addresses kept serving tiles (hyperknot/openfreemap#112, #114).
    if (scenario === 'tilejson-refused') return { ...html('<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>', 403), headers: { 'content-type': 'text/html', server: 'nginx' } };
    const layers = scenario === 'tilejson-without-layers' ? OPENMAPTILES_LAYERS.filter((id) => id !== 'place' && id !== 'waterway') : OPENMAPTILES_LAYERS;
    const answer =
      faulty(scenario, null) ??
      json({
        tilejson: '3.0.0',
        tiles: [tiles],
        minzoom: 0,
        maxzoom: 14,
        bounds: [-180, -85.05113, 180, 85.05113],
        vector_layers: layers.map((id) => ({ id, fields: {}, minzoom: 0, maxzoom: 14 })),
        attribution: '<a href="https://openfreemap.org" target="_blank">OpenFreeMap</a> <a href="https://www.openmaptiles.org/" target="_blank">&copy; OpenMapTiles</a> Data from <a href="https://www.openstreetmap.org/copyright" target="_blank">OpenStreetMap</a>',
      });
    return answer.status === 200 ? { ...answer, headers: { ...answer.headers, 'cache-control': 'max-age=86400, public' } } : answer;
  }
  const tile = /\/planet\/([^/]+)\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(url.pathname);
  if (!tile) return null;
  if (tile[1] !== PLANET_BUILD) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  return faulty(scenario, null) ?? { status: 200, headers: { 'content-type': 'application/x-protobuf', 'cache-control': 'max-age=315360000, public' }, body: standInVectorTile(Number(tile[2]), Number(tile[3]), Number(tile[4])) };
}

/** The stand-in's answer for a request to `url`, or null when no stand-in knows that address. */
export function standInAnswer(url: string, scenarios: Scenarios = 'ok'): StandInResponse | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const path = parsed.pathname;
  // The project's bookshop directory, under /directory/ (its site's own path).
  const directory = /\/directory\/(.+)$/.exec(path);
  if (directory) return directoryFile(directory[1]!, scenarioOf(scenarios, 'directory'));
  // Vector tiles and their TileJSON, as OpenFreeMap serves them.
  const vector = vectorTiles(parsed, scenarioOf(scenarios, 'vector'));
  if (vector) return vector;
  // Map tiles ({z}/{x}/{y}.png), as the popup's tile layer asks for them.
  if (/\/\d+\/\d+\/\d+\.png$/.test(path)) {
    const scenario = scenarioOf(scenarios, 'tiles');
    return scenario === 'ok' ? { status: 200, headers: { 'content-type': 'image/png' }, body: standInTile() } : faulty(scenario, null);
  }
  if (path.endsWith('/getshoplist.php')) return placeDesLibraires(parsed.searchParams.get('ISBN') ?? '', scenarioOf(scenarios, 'placedeslibraires'));
  if (path.endsWith('/interpreter')) return overpass(scenarioOf(scenarios, 'openstreetmap'), parsed.searchParams.get('data') ?? '');
  // The UK's library catalogues (Libraries Hacked's API): /api/availability/<isbn>?service=<code or name>.
  // Calil: the libraries near a point, then a book's loans (asked again with the session while it reads).
  if (path.endsWith('/library') || path.endsWith('/check')) {
    const scenario = scenarioOf(scenarios, 'calil');
    const params = parsed.searchParams;
    const calilFault = faulty(scenario, null);
    if (calilFault) return calilFault;
    // (What Calil answers a wrong key is not in the evidence: a 403 here, so a test notices a build without the key.)
    if (params.get('appkey') !== CALIL_STAND_IN_KEY) return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'invalid appkey' };
    if (path.endsWith('/library')) {
      const [lon, lat] = (params.get('geocode') ?? '').split(',').map(Number);
      return json(calilLibraryAnswer(lat ?? NaN, lon ?? NaN));
    }
    const session = params.get('session');
    const isbn = session ? calilSessions.get(session)?.isbn ?? '' : params.get('isbn') ?? '';
    const systems = session ? calilSessions.get(session)?.systems ?? [] : (params.get('systemid') ?? '').split(',').filter(Boolean);
    if (!session) calilSessions.set('stand-in-session-1', { isbn, systems });
    return json(calilCheckAnswer(isbn, systems, { polled: session !== null }));
  }
  // Québec's independent bookshops' network: one answer per book for the whole network, 404 for a book it does not know.
  const quebec = /\/api\/v1\/public\/books\/isbn\/([^/]+)$/.exec(path);
  if (quebec) {
    const good = lesLibrairesCaAnswer(decodeURIComponent(quebec[1]!));
    return faulty(scenarioOf(scenarios, 'quebec'), good) ?? (good ? json(good) : { status: 404, headers: {}, body: '' });
  }
  if (path.endsWith('/api/services')) return faulty(scenarioOf(scenarios, 'libraries'), null) ?? json(libraryServicesAnswer());
  const catalogue = /\/api\/availability\/([^/]+)$/.exec(path);
  if (catalogue) {
    const scenario = scenarioOf(scenarios, 'libraries');
    const good = libraryBooksAnswer(decodeURIComponent(catalogue[1]!), parsed.searchParams.get('service') ?? '', { broken: scenario === 'catalogue-exception' });
    return faulty(scenario, good) ?? json(good);
  }
  const scenario = scenarioOf(scenarios, 'geocoders');
  // The Géoplateforme answers on /geocodage/search, Nominatim on /search. (The closed national address
  // API answered on /search/: no stand-in answers there, as nothing does any more.)
  if (path.endsWith('/geocodage/search')) {
    const answer = geoplateformeAnswer(parsed.searchParams.get('q') ?? '') as { features: Array<{ properties: Record<string, unknown> }> };
    if (scenario === 'hostile') for (const feature of answer.features) feature.properties = { ...feature.properties, ...HOSTILE_PLACE };
    return faulty(scenario, null) ?? json(answer);
  }
  if (path.endsWith('/geocodage/reverse')) {
    const answer = geoplateformeReverseAnswer(Number(parsed.searchParams.get('lat')), Number(parsed.searchParams.get('lon')));
    return faulty(scenario, null) ?? json(answer);
  }
  if (path.endsWith('/reverse')) {
    const answer = nominatimReverseAnswer(Number(parsed.searchParams.get('lat')), Number(parsed.searchParams.get('lon')));
    return faulty(scenario, null) ?? json(answer);
  }
  if (path.endsWith('/search')) {
    const answer = nominatimAnswer(parsed.searchParams.get('q') ?? parsed.searchParams.get('postalcode') ?? '', parsed.searchParams.get('countrycodes') ?? '') as Array<Record<string, unknown>>;
    if (scenario === 'hostile') for (const hit of answer) hit.display_name = `${HOSTILE_PLACE.city}, FR`;
    return faulty(scenario, null) ?? json(answer);
  }
  return null;
}
