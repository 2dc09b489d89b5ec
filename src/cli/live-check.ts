// The contract check: each real service asked once, with the production adapters and settings, to
// notice a service that moved, changed its answers or started refusing us before shoppers do. One line
// per service: reached or not, the HTTP status, whether the answer still fits the adapter, what it
// found, the time. A refusal (401, 403, 406, 429) fails the check as a broken contract does, with the
// refusal's `server` header and first bytes. Run by `npm run live-check` (never in `npm test`: live
// services rot tests), identified as the extension identifies itself (networks/identification.ts).
import { DIRECTORY_MAX_AGE_DAYS, directoryProblems } from '../release/directory-check';
import { geocodeRequest, readGeocodeAnswer, readGeoplateformeReverse, readReverseAnswer, reverseRequest } from '../networks/geocoders';
import { fetchJson, refusalOf, type FetchOutcome, type SourceProblem } from '../networks/fetch-source';
import { identifiedHosts } from '../networks/identification';
import { createLookup, type LookupCache } from '../lookup/lookup';
import { calil } from '../networks/calil';
import { lesLibrairesCa } from '../networks/leslibraires-ca';
import { libraryBooksUk } from '../networks/librarybooks-uk';
import { openStreetMap } from '../networks/overpass';
import { placeDesLibraires } from '../networks/place-des-libraires';
import type { RemoteSource, SourceQuery } from '../networks/source';
import { userAgentOf, type Identity } from '../shared/identity';
import { isTileTemplate, type Settings } from '../shared/settings';
import { missingLayers, sourceFromTileJson, tileUrl } from '../map/vector-source';

/**
 * Books nearly every French bookshop keeps on its shelves: Camus's L'Étranger and Saint-Exupéry's Le
 * Petit Prince in Folio, both set reading in French schools year after year and among Folio's best
 * sellers. When a network lists many shops and not one has either, its stock field has surely changed
 * name or meaning: the check fails.
 */
export const CHECK_BOOKS = [
  { isbn13: '9782070360024', title: 'L’Étranger' },
  { isbn13: '9782070612758', title: 'Le Petit Prince' },
];
/** The middle of Toulouse. */
export const CHECK_PLACE = { lat: 43.6, lon: 1.44 };
/** Tokyo's centre and a book nearly every Japanese public library holds (Natsume Sōseki's Kokoro, Shinchō bunko). */
export const CHECK_JAPAN = { isbn13: '9784101010137', place: { lat: 35.69, lon: 139.75 } };
/** The check keeps nothing between runs. */
const noCache: LookupCache = { get: async () => null, set: async () => {}, getBackoff: async () => null, setBackoff: async () => {} };
/** The middle of Montréal, for Québec's network. */
export const CHECK_MONTREAL = { lat: 45.5, lon: -73.57 };
/**
 * The UK catalogues' check: the book and library service of the API's own example
 * (LibrariesHacked/catalogues-api README: `/api/availability/9780747538493?service=Gloucestershire`),
 * a Harry Potter nearly every county's libraries hold.
 */
export const CHECK_CATALOGUE = { isbn13: '9780747538493', service: 'Gloucestershire', place: { lat: 51.86, lon: -2.24 } };
/** Below this many shops listed, none having either book says nothing. */
const MANY_SHOPS = 5;
/** How much of a refusal's body the line quotes. */
const QUOTED_CHARS = 120;

export interface CheckLine {
  service: string;
  /** Read from this checkout (the packaged directory), not asked of a service. */
  local?: boolean;
  reached: boolean;
  httpStatus?: number;
  /** The answer still has the shape the adapter reads (null: not reached, or refused before any answer was read). */
  fits: boolean | null;
  /** Why not, in a word: the problem the request or the answer had. */
  problem?: SourceProblem | 'not-an-image' | 'not-a-tile' | 'gone' | 'missing-layers' | 'no-shop-has-any' | 'directory-too-old';
  /** The service refused us (401, 403, 406, 429): the check fails, quoting what the refusal said. */
  refusal?: { server?: string; body?: string };
  shopsWithBook?: number;
  found?: string;
  ms: number;
}

export interface LiveCheckDeps {
  settings: Settings;
  fetch: typeof fetch;
  /** Who is asking: the project's identity and the extension's version, sent as the extension sends them. */
  identity: Identity;
  version: string;
  /** The bookshop directory the build packages (its index.json), for its age; undefined: none read. */
  directoryIndex?: unknown;
  /** Per request; every request runs at once, so the whole check takes about this long at most. */
  timeoutMs?: number;
  now?: () => number;
  /** Between the two Nominatim requests (its policy: one a second). */
  nominatimGapMs?: number;
  /** Calil's app key (the release setting); without one, Calil's line says it was not checked. */
  calilKey?: string;
}

/** Problems that mean the answer came and is not what the adapter reads: the contract is broken. */
const SHAPE_PROBLEMS: ReadonlySet<string> = new Set(['not-json', 'bad-json', 'bad-data', 'not-an-image', 'gone']);
/** Problems that mean nothing was heard from the service. */
const NOT_REACHED: ReadonlySet<string> = new Set(['unreachable', 'offline', 'timeout']);

/** Answers that refuse us (fetch-source's refusalOf): blocked (401, 403, 406) or asked to slow down (429). */
const REFUSALS: ReadonlySet<string> = new Set<string>(['blocked', 'rate-limited'] satisfies Array<ReturnType<typeof refusalOf>>);

/** What a refusal said about itself, as the check's fetch noted it (fetchJson keeps it only for some). */
type Said = { server?: string; body?: string };

/** A failed outcome as a line; a 404 or 410 means the address is gone, which breaks the contract too. */
function failedLine(service: string, outcome: Extract<FetchOutcome, { ok: false }>, ms: number, said?: Said): CheckLine {
  const gone = outcome.httpStatus === 404 || outcome.httpStatus === 410;
  const reached = !NOT_REACHED.has(outcome.problem);
  const problem = gone ? 'gone' : outcome.problem;
  const refusal = REFUSALS.has(problem) ? { ...said, ...outcome.detail } : undefined;
  return { service, reached, httpStatus: outcome.httpStatus, fits: reached && SHAPE_PROBLEMS.has(problem) ? false : null, problem, ...(refusal ? { refusal } : {}), ms };
}

/** The slippy-map tile that holds a point, for one real tile request. */
export function tileOf({ lat, lon }: { lat: number; lon: number }, zoom: number): { x: number; y: number; z: number } {
  const n = 2 ** zoom;
  const rad = (lat * Math.PI) / 180;
  return { z: zoom, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

export async function liveCheck({ settings, fetch: baseFetch, identity, version, directoryIndex, timeoutMs = 10_000, now = () => performance.now(), nominatimGapMs = 1100, calilKey = '' }: LiveCheckDeps): Promise<CheckLine[]> {
  // The HTTP status of each answer (fetchJson keeps it only for failures), and what each refusal said.
  const statuses = new Map<string, number>();
  const refusals = new Map<string, Said>();
  // As the extension's rule names it to OpenStreetMap's services (a User-Agent and a Referer naming the
  // project); to the others, the same User-Agent, so every operator can tell the check from a shopper.
  const osmHosts = new Set(identifiedHosts(settings));
  const userAgent = userAgentOf('extension', version, identity);
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers: Record<string, string> = { 'user-agent': userAgent, ...(osmHosts.has(new URL(url).hostname) ? { referer: identity.page } : {}) };
    const response = await baseFetch(input, { ...init, headers: { ...headers, ...(init?.headers as Record<string, string> | undefined) } });
    statuses.set(url, response.status);
    if (!response.ok) {
      const body = await response.clone().text().catch(() => '');
      refusals.set(url, { server: response.headers.get('server') ?? undefined, body: body.replace(/\s+/g, ' ').trim().slice(0, QUOTED_CHARS) || undefined });
    }
    return response;
  }) as typeof globalThis.fetch;
  const deps = { fetch, sleep: async () => {}, isOnline: () => true };

  /** One source's answer, read by its adapter: its shops, or the line that says why there are none. */
  async function ask(service: string, adapter: RemoteSource, query: SourceQuery): Promise<{ line: CheckLine; shops?: Array<{ stock: string }> }> {
    const start = now();
    const { url } = adapter.request(query);
    const outcome = await fetchJson(url, deps, { timeoutMs: Math.min(timeoutMs, adapter.timeoutMs ?? timeoutMs), retryDelayMs: 0 });
    const ms = Math.round(now() - start);
    if (!outcome.ok) return { line: failedLine(service, outcome, ms, refusals.get(url)) };
    let shops: ReturnType<RemoteSource['shops']>;
    try {
      shops = adapter.shops(outcome.data, query);
    } catch {
      shops = null;
    }
    const httpStatus = statuses.get(url);
    if (shops === null) return { line: { service, reached: true, httpStatus, fits: false, problem: 'bad-data', ms } };
    if (!Array.isArray(shops)) return { line: { service, reached: true, httpStatus, fits: true, problem: shops.problem, ms } };
    return { line: { service, reached: true, httpStatus, fits: true, ms }, shops };
  }

  async function source(service: string, adapter: RemoteSource, query: SourceQuery): Promise<CheckLine> {
    const { line, shops } = await ask(service, adapter, query);
    return shops ? { ...line, shopsWithBook: shops.filter(hasIt).length } : line;
  }

  /**
   * A stock network, asked for books nearly every shop has: each book's count of shops that have it
   * out of those listed. No shop of many having either is a stock field renamed or gone.
   */
  async function stock(service: string, adapter: RemoteSource): Promise<CheckLine> {
    const answers = await Promise.all(CHECK_BOOKS.map((book) => ask(service, adapter, { isbn13: book.isbn13, place: CHECK_PLACE, radiusKm: 1 })));
    const failed = answers.find((answer) => !answer.shops);
    if (failed) return failed.line;
    const counts = answers.map((answer) => ({ listed: answer.shops!.length, having: answer.shops!.filter(hasIt).length }));
    const found = CHECK_BOOKS.map((book, i) => `${book.title} ${counts[i]!.having} of ${counts[i]!.listed} shops`).join(', ');
    const none = counts.every((count) => count.having === 0) && Math.max(...counts.map((count) => count.listed)) >= MANY_SHOPS;
    const ms = Math.max(...answers.map((answer) => answer.line.ms));
    const shopsWithBook = Math.max(...counts.map((count) => count.having));
    return { ...answers[0]!.line, ms, shopsWithBook, found, ...(none ? { fits: false, problem: 'no-shop-has-any' as const } : {}) };
  }

  /** A library catalogue, asked for a book its service's branches hold: how many list it, how many on the shelf. */
  async function catalogue(service: string, adapter: RemoteSource, query: SourceQuery): Promise<CheckLine> {
    const { line, shops } = await ask(service, adapter, query);
    if (!shops) return line;
    const onShelf = shops.filter((shop) => shop.stock === 'in-stock').length;
    return { ...line, shopsWithBook: onShelf, found: `${shops.length} branches list it, ${onShelf} with a copy on the shelf` };
  }

  /**
   * A source that answers in steps (Calil), asked through the production lookup (its steps and waits
   * as the extension takes them): its state, and the libraries that can lend the book.
   */
  async function stepped(service: string, adapter: RemoteSource, query: SourceQuery): Promise<CheckLine> {
    if (adapter.unavailable === 'no-key') return { service, local: true, reached: false, fits: null, problem: 'no-key', ms: 0 };
    const start = now();
    const lookup = createLookup({ ...deps, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), timeoutMs, sources: [{ ...adapter, onDemand: false }], cache: noCache, now: Date.now });
    const result = await lookup({ isbn13: query.isbn13, editions: [query.isbn13], storefront: 'amazon.co.jp', place: { ...query.place, country: query.country }, radiusKm: query.radiusKm });
    const ms = Math.round(now() - start);
    const status = result.sources[0];
    if (!status) return { service, reached: true, fits: true, found: 'no public library near the point', ms };
    if (status.state !== 'ok') {
      const reached = !NOT_REACHED.has(status.state);
      const refusal = REFUSALS.has(status.state) ? { ...status.detail } : undefined;
      return { service, reached, httpStatus: status.httpStatus, fits: reached && SHAPE_PROBLEMS.has(status.state) ? false : null, problem: status.state, ...(refusal ? { refusal } : {}), ms };
    }
    const onShelf = result.shops.filter((shop) => shop.stock === 'in-stock').length;
    return { service, reached: true, httpStatus: 200, fits: true, shopsWithBook: onShelf, found: `${result.shops.length} libraries list it, ${onShelf} with a copy on the shelf`, ms };
  }

  /** A network's answer for all its shops (an offer), read by its adapter: available or not, at what price. */
  async function network(service: string, adapter: RemoteSource, query: SourceQuery): Promise<CheckLine> {
    const start = now();
    const { url } = adapter.request(query);
    const outcome = await fetchJson(url, deps, { timeoutMs, retryDelayMs: 0 });
    const ms = Math.round(now() - start);
    if (!outcome.ok) return failedLine(service, outcome, ms, refusals.get(url));
    const offer = adapter.offer?.(outcome.data, query) ?? null;
    const httpStatus = statuses.get(url);
    if (!offer) return { service, reached: true, httpStatus, fits: false, problem: 'bad-data', ms };
    return { service, reached: true, httpStatus, fits: true, found: `${offer.available ? 'available' : 'not available'}${offer.price !== undefined ? `, ${offer.price} ${offer.currency ?? ''}`.trimEnd() : ''}`, ms };
  }

  /** A geocoder's answer at `url`, read by the production reader: what it found, or that it no longer fits. */
  async function geocoderLine(service: string, url: string, read: (data: unknown) => string | 'bad-data'): Promise<CheckLine> {
    const start = now();
    const outcome = await fetchJson(url, deps, { timeoutMs, retryDelayMs: 0 });
    const ms = Math.round(now() - start);
    if (!outcome.ok) return failedLine(service, outcome, ms, refusals.get(url));
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
        if (!response.ok) return refusedOrFailed(line, response.status, refusals.get(vector.url));
        const answer: unknown = await response.json().catch(() => null);
        const source = sourceFromTileJson(vector.url, answer);
        // The layers the map draws, each listed in the TileJSON's vector_layers, or the map would be half blank.
        const lacks = answer && typeof answer === 'object' ? missingLayers(answer) : [];
        if (!source && lacks.length > 0 && (answer as { tiles?: unknown }).tiles) return line({ reached: true, httpStatus: response.status, fits: false, problem: 'missing-layers', found: `no ${lacks.join(', ')} in vector_layers` });
        if (!source) return line({ reached: true, httpStatus: response.status, fits: false, problem: 'bad-data' });
        template = source.template;
      }
      const tile = tileUrl(template, tileOf(CHECK_PLACE, 12)).replace('{s}', 'a');
      const response = await fetch(tile, { signal: controller.signal });
      const body = new Uint8Array(await response.arrayBuffer());
      const type = response.headers.get('content-type') ?? '';
      if (response.status === 404 || response.status === 410) return line({ reached: true, httpStatus: response.status, fits: false, problem: 'gone' });
      if (!response.ok) return refusedOrFailed(line, response.status, refusals.get(tile));
      // A vector tile is protobuf bytes (never a web page); a raster tile, an image.
      const fits = vector ? body.length > 0 && !/text\/html/.test(type) : /^image\//.test(type);
      return line({ reached: true, httpStatus: response.status, fits, ...(fits ? {} : { problem: vector ? ('not-a-tile' as const) : ('not-an-image' as const) }) });
    } catch {
      return line({ reached: false, fits: null, problem: controller.signal.aborted ? 'timeout' : 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The bookshop directory in the package: its data's age, which a release keeps under 45 days. */
  function directory(index: unknown): CheckLine {
    const { about, problems } = directoryProblems(index, Date.now());
    const tooOld = problems.some((problem) => problem.includes(`at most ${DIRECTORY_MAX_AGE_DAYS} days`));
    const unreadable = problems.some((problem) => problem.includes('no readable index'));
    // (The fictional one of a development checkout is said as such: the release refuses it, the check does not.)
    return { service: 'Bookshop directory (package)', local: true, reached: true, fits: !tooOld && !unreadable, found: about, ...(tooOld ? { problem: 'directory-too-old' as const } : unreadable ? { problem: 'bad-data' as const } : {}), ms: 0 };
  }

  const pdl = settings.sources.placedeslibraires;
  const lines = await Promise.all([
    stock('Place des Libraires', placeDesLibraires({ id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: pdl.baseUrl })),
    geocoder('Géoplateforme "Toulouse"', 'Toulouse', 'fr'),
    geocoder('Géoplateforme "31000"', '31000', 'fr'),
    source('Overpass (1 km, Toulouse)', openStreetMap(settings.sources.openstreetmap.baseUrl), { isbn13: CHECK_BOOKS[0]!.isbn13, place: CHECK_PLACE, radiusKm: 1 }),
    geocoder('Nominatim "Berlin"', 'Berlin', 'de'),
    // Nominatim's policy: one request a second, so the reverse lookup waits its turn.
    reverse('Géoplateforme reverse (Toulouse)', CHECK_PLACE, 'fr'),
    new Promise((resolve) => setTimeout(resolve, nominatimGapMs)).then(() => reverse('Nominatim reverse (Berlin)', { lat: 52.52, lon: 13.4 }, 'de')),
    catalogue('UK library catalogues (Gloucestershire)', libraryBooksUk(settings.sources['librarybooks-uk'].baseUrl), {
      isbn13: CHECK_CATALOGUE.isbn13,
      place: CHECK_CATALOGUE.place,
      radiusKm: 1,
      country: 'gb',
      // As the package would name the nearest library's service (here by name, which the API also takes).
      libraries: [{ shop: { id: 'check', sourceId: 'check', kind: 'library', name: 'Gloucester Library', address: {}, location: CHECK_CATALOGUE.place, stock: 'unknown', isbn13: null, links: {} }, service: CHECK_CATALOGUE.service }],
    }),
    stepped('Calil (Tokyo)', calil(settings.sources.calil.baseUrl, calilKey), { isbn13: CHECK_JAPAN.isbn13, place: CHECK_JAPAN.place, radiusKm: 3, country: 'jp' }),
    network('leslibraires.ca (Montréal)', lesLibrairesCa(settings.sources['leslibraires-ca'].baseUrl), { isbn13: CHECK_BOOKS[0]!.isbn13, place: CHECK_MONTREAL, radiusKm: 1, country: 'ca' }),
    tile(),
  ]);
  return directoryIndex === undefined ? lines : [...lines, directory(directoryIndex)];
}

const hasIt = (shop: { stock: string }) => shop.stock === 'in-stock' || shop.stock === 'preorder';

/** A tile service's answer that is not a tile: a refusal (fails, quoted), or another error. */
function refusedOrFailed(line: (fields: Omit<CheckLine, 'service' | 'ms'>) => CheckLine, status: number, said: Said | undefined): CheckLine {
  const refused = refusalOf(status);
  return line({ reached: true, httpStatus: status, fits: null, problem: refused ?? 'http-error', ...(refused ? { refusal: said ?? {} } : {}) });
}

/** The check fails when a service was reached and its answer no longer fits (or its address is gone), or it refused us. */
export const checkFails = (lines: CheckLine[]) => lines.some((line) => line.reached && (line.fits === false || line.refusal !== undefined));

export function formatLine(line: CheckLine): string {
  const cells = [line.service.padEnd(32)];
  if (line.problem === 'no-key') return [...cells, 'not checked: no app key given (CALIL_APP_KEY)'].join('  ');
  if (!line.reached) {
    cells.push(line.problem === 'unreachable' ? 'unreachable' : `unreachable (${line.problem})`);
  } else if (line.local) {
    cells.push('read', line.fits ? 'fits' : `DOES NOT FIT (${line.problem})`);
    if (line.found !== undefined) cells.push(line.found);
    return cells.join('  ');
  } else {
    cells.push('reached', line.httpStatus ? `HTTP ${line.httpStatus}` : 'HTTP ?');
    const refused = line.refusal ? `REFUSED (${line.problem}${line.refusal.server ? `, server ${line.refusal.server}` : ''}${line.refusal.body ? `): ${JSON.stringify(line.refusal.body)}` : ')'}` : null;
    cells.push(refused ?? (line.fits === true ? 'fits' : line.fits === false ? `DOES NOT FIT (${line.problem})` : `failed (${line.problem})`));
    if (line.fits && line.problem) cells.push(`the service reported: ${line.problem}`);
    if (line.shopsWithBook !== undefined) cells.push(`${line.shopsWithBook} shops with the book`);
    if (line.found !== undefined) cells.push(`found ${line.found}`);
  }
  cells.push(`${line.ms} ms`);
  return cells.join('  ');
}
