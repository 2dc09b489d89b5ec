// "This tab shows ISBN X" → "these shops near you have it": every enabled source in parallel, each
// answer cached for its source's lifetime, one request per book per source however many tabs ask,
// and other print editions asked for when no shop nearby has the exact one.
import { fetchJson, realSleep, type FetchDeps } from '../networks/fetch-source';
import { portalLinks } from '../networks/portal-links';
import { isPackaged, type NearbyLibrary, type PackagedSource, type RemoteSource, type ShopSource, type SourceQuery } from '../networks/source';
import { roundPlace } from '../shops/geo';
import { mergeShops, nearbyShops } from './merge';
import type { LookupResult, SourceStatus } from './result';
import { hasTheBook, NetworkOfferSchema, ShopSchema, type LatLon, type NetworkOffer, type Shop } from '../shops/shop';
import * as z from 'zod/mini';

export interface CacheEntry {
  shops: Shop[];
  /** A network-level source's offer (Québec's leslibraires.ca). */
  offer?: NetworkOffer;
  expiresAt: number;
}

export interface LookupCache {
  get(key: string): Promise<CacheEntry | null>;
  set(key: string, entry: CacheEntry): Promise<void>;
  /** Source id → until when it asked us to wait (429 Retry-After). */
  getBackoff(sourceId: string): Promise<number | null>;
  setBackoff(sourceId: string, until: number): Promise<void>;
}

export interface LookupDeps extends FetchDeps {
  /** Enabled sources, in the order the popup lists them. */
  sources: ShopSource[];
  /** The stock networks switched off, with the countries each covers: a result names those that cover the shopper. */
  switchedOff?: Array<{ name: string; countries?: readonly string[] }>;
  cache: LookupCache;
  now: () => number;
  /** Counts requests that leave the browser (for the benchmarks and tests). */
  onRequest?: (url: string) => void;
  /** Per-request time limit (default: the source's own, else 8 s). */
  timeoutMs?: number;
  /**
   * Whether the browser lets the extension ask this address (a host permission the shopper can revoke).
   * Answers the host permission pattern to ask for when it does not; null when it may ask.
   */
  missingPermission?: (url: string) => Promise<string | null>;
  /** The libraries near a place, from the package (given to library sources: where each is, and its service). */
  librariesNear?: (query: SourceQuery) => Promise<NearbyLibrary[]>;
}

export interface LookupRequest {
  isbn13: string;
  editions: string[];
  storefront: string;
  /** The shopper's place; its country decides which stock networks cover it (all when it is not known). */
  place: LatLon & { country?: string };
  radiusKm: number;
  /** Called as each source answers (for the popup's progress), before the lookup is finished. */
  onSourceDone?: (status: SourceStatus) => void;
  /** The shopper opened the popup: the sources asked only then (onDemand) are asked too. */
  fromPopup?: boolean;
}

const MAX_OTHER_EDITIONS = 3;
/** The most further steps a source that answers in steps is followed (Calil: the loans, then four more asks, about 8 s). */
const MAX_STEPS = 5;
/** How long a source that failed is passed over for its fallback. */
const FALLBACK_REST_MS = 3600_000;
const CachedShops = z.array(ShopSchema);

/** A cache entry's shops and offer, parsed again as read back; null when either is of another shape. */
function fromCache(entry: CacheEntry): { shops: Shop[]; offer?: NetworkOffer } | null {
  const shops = CachedShops.safeParse(entry.shops);
  const offer = entry.offer === undefined ? undefined : NetworkOfferSchema.safeParse(entry.offer);
  if (!shops.success || offer?.success === false) return null;
  return { shops: shops.data, ...(offer?.data ? { offer: offer.data } : {}) };
}

type Answer = { shops: Shop[]; status: SourceStatus; offer?: NetworkOffer };

export function createLookup(deps: LookupDeps) {
  /** Requests under way, by cache key: ten tabs asking for one book share one request. */
  const inFlight = new Map<string, Promise<Answer>>();

  /** One request of a source's, its permission checked first: the answer, or the status that says why none. */
  async function fetchStep(source: RemoteSource, url: string, query: SourceQuery, base: SourceStatus): Promise<{ data: unknown } | Answer> {
    const origin = await deps.missingPermission?.(url).catch(() => null);
    if (origin) return { shops: [], status: { ...base, state: 'needs-permission', origin } };
    deps.onRequest?.(url);
    const fetched = await fetchJson(url, deps, { timeoutMs: deps.timeoutMs ?? source.timeoutMs });
    if (fetched.ok) return { data: fetched.data };
    if (fetched.problem === 'not-found' && source.notFoundAnswer) return { data: source.notFoundAnswer(query) };
    const status: SourceStatus = { ...base, state: fetched.problem, httpStatus: fetched.httpStatus, ...(fetched.detail ? { detail: fetched.detail } : {}) };
    if (fetched.problem === 'rate-limited') {
      status.retryAt = deps.now() + (fetched.retryAfterSec ?? 60) * 1000;
      await deps.cache.setBackoff(source.id, status.retryAt).catch(() => {});
    }
    return { shops: [], status };
  }

  async function fetchAndCache(source: RemoteSource, query: SourceQuery, base: SourceStatus): Promise<Answer> {
    const request = source.request(query);
    // A source that answers in steps is asked each next step in turn, within a bound: an answer still
    // incomplete after MAX_STEPS is said as a timeout, not kept.
    const steps: unknown[] = [];
    let url: string | null = request.url;
    for (let step = 0; url !== null; step++) {
      if (step > MAX_STEPS) return { shops: [], status: { ...base, state: 'timeout' } };
      const got = await fetchStep(source, url, query, base);
      if (!('data' in got)) return got;
      steps.unshift(got.data);
      let next: ReturnType<NonNullable<RemoteSource['next']>> = null;
      try {
        next = source.next?.(steps, query) ?? null;
      } catch {
        return { shops: [], status: { ...base, state: 'bad-data' } };
      }
      if (next && next.afterMs > 0) await (deps.sleep ?? realSleep)(next.afterMs);
      url = next?.url ?? null;
    }
    const data = steps[0];
    let shops: ReturnType<RemoteSource['shops']>;
    try {
      shops = source.shops(data, query, steps);
    } catch {
      shops = null;
    }
    // A network's answer for all its shops: its offer, read by the same adapter.
    let offer: NetworkOffer | null | undefined;
    try {
      offer = source.offer ? source.offer(data, query) : undefined;
    } catch {
      offer = null;
    }
    if (shops === null || offer === null) return { shops: [], status: { ...base, state: 'bad-data' } };
    // The source said it failed: shown in words, not cached, asked again next time.
    if (!Array.isArray(shops)) return { shops: [], status: { ...base, state: shops.problem, ...(shops.detail ? { detail: shops.detail } : {}) } };
    // An answer the cache cannot keep is still the answer.
    await deps.cache.set(request.cacheKey, { shops, ...(offer ? { offer } : {}), expiresAt: source.expiresAt(deps.now()) }).catch(() => {});
    return { shops, status: { ...base, state: 'ok' }, ...(offer ? { offer } : {}) };
  }

  const statusOf = (source: ShopSource): SourceStatus => ({ sourceId: source.id, name: source.name, kind: source.kind, state: 'ok' });

  /**
   * The package's answer, free and never cached (it is already on the shopper's disk), or the fallback's
   * where the package does not cover the place. A package that cannot be read is a failure, said so.
   */
  async function packagedAnswer(source: PackagedSource, query: SourceQuery, fallback: (source: ShopSource) => Promise<Answer | null>): Promise<Answer | null> {
    let shops: Shop[] | null;
    try {
      shops = await source.readPackaged(query);
    } catch {
      return { shops: [], status: { ...statusOf(source), state: 'bad-data' } };
    }
    if (shops) return { shops, status: statusOf(source) };
    return source.fallback ? fallback(source.fallback) : null;
  }

  /** The cache's answer, or the source's. Ten tabs asking at once share one such call (and one request). */
  function ask(source: ShopSource, query: SourceQuery): Promise<Answer> {
    // (A package that does not cover the place and has nothing to fall back on has no file for it.)
    if (isPackaged(source)) return packagedAnswer(source, query, (fallback) => ask(fallback, query)).then((answer) => answer ?? { shops: [], status: { ...statusOf(source), state: 'not-found' } });
    const { cacheKey } = source.request(query);
    let pending = inFlight.get(cacheKey);
    if (!pending) {
      pending = answerOf(source, query, cacheKey).finally(() => inFlight.delete(cacheKey));
      inFlight.set(cacheKey, pending);
    }
    return pending;
  }

  async function answerOf(source: RemoteSource, query: SourceQuery, cacheKey: string): Promise<Answer> {
    const base = statusOf(source);
    // Not asked, and said why (a key this build was not given).
    if (source.unavailable) return { shops: [], status: { ...base, state: source.unavailable } };
    const cached = await deps.cache.get(cacheKey).catch(() => null);
    if (cached && cached.expiresAt > deps.now()) {
      const kept = fromCache(cached);
      if (kept) return { ...kept, status: { ...base, fromCache: true } };
    }
    const backoff = await deps.cache.getBackoff(source.id).catch(() => null);
    if (backoff && backoff > deps.now()) return { shops: [], status: { ...base, state: 'rate-limited', retryAt: backoff } };
    if (!source.fallback) return fetchAndCache(source, query, base);
    // A source with a fallback (the directory, before Overpass) that could not be read is left alone
    // for an hour: a directory that is down or hangs is not waited for at every lookup.
    const restKey = `${source.id}:resting`;
    const resting = await deps.cache.getBackoff(restKey).catch(() => null);
    if (!resting || resting <= deps.now()) {
      const answer = await fetchAndCache(source, query, base);
      if (answer.status.state === 'ok') return answer;
      await deps.cache.setBackoff(restKey, deps.now() + FALLBACK_REST_MS).catch(() => {});
    }
    // Unreachable, no file for this place, or unreadable: the fallback, from its own cache if it has one.
    return ask(source.fallback, query);
  }

  async function askAll(sources: ShopSource[], query: SourceQuery): Promise<Answer[]> {
    return Promise.all(sources.map((source) => ask(source, query)));
  }

  function withUnplaced(answer: Answer): SourceStatus {
    const unplaced = answer.shops.filter((shop) => shop.location === null).length;
    return unplaced > 0 ? { ...answer.status, unplaced } : answer.status;
  }

  /**
   * The sources that cover a place in this country: a network with no shop there is not sent the ISBN.
   * Those asked only from the popup are left out until it is open.
   */
  function sourcesFor(country: string | undefined, fromPopup = false): ShopSource[] {
    return deps.sources.filter((source) => (!country || !source.countries || source.countries.includes(country)) && (fromPopup || !source.onDemand));
  }

  /**
   * The query and the sources that can answer it: a library source is given the libraries near the
   * place (read from the package, nothing asked), and left out where it has nothing to ask about.
   */
  async function prepared(request: LookupRequest): Promise<{ query: SourceQuery; sources: ShopSource[] }> {
    const query = queryOf(request);
    let sources = sourcesFor(request.place.country, request.fromPopup);
    if (sources.some((source) => source.kind === 'library')) {
      const libraries = await (deps.librariesNear?.(query) ?? Promise.resolve([])).catch(() => []);
      query.libraries = libraries;
    }
    sources = sources.filter((source) => source.answers?.(query) ?? true);
    return { query, sources };
  }

  /** A source's answer from the cache (its own, else its fallback's), or null: nothing is asked. */
  async function cachedAnswer(source: ShopSource, query: SourceQuery): Promise<Answer | null> {
    if (isPackaged(source)) return packagedAnswer(source, query, (fallback) => cachedAnswer(fallback, query));
    const cached = await deps.cache.get(source.request(query).cacheKey).catch(() => null);
    const kept = cached && cached.expiresAt > deps.now() ? fromCache(cached) : null;
    if (kept) return { ...kept, status: { ...statusOf(source), fromCache: true } };
    return source.fallback ? cachedAnswer(source.fallback, query) : null;
  }

  const queryOf = (request: LookupRequest): SourceQuery => ({ isbn13: request.isbn13, place: roundPlace(request.place), radiusKm: request.radiusKm, country: request.place.country });

  function resultOf(request: LookupRequest, query: SourceQuery, sources: ShopSource[], answers: Answer[], shops: LookupResult['shops'], editionsAsked: string[]): LookupResult {
    return {
      isbn13: request.isbn13,
      place: query.place,
      radiusKm: request.radiusKm,
      shops,
      sources: answers.map(withUnplaced),
      offers: answers.flatMap((answer) => answer.offer ?? []),
      stockCovered: sources.some((source) => source.kind === 'stock'),
      networksOff: (deps.switchedOff ?? []).filter((network) => !!request.place.country && !!network.countries?.includes(request.place.country)).map((network) => network.name),
      editionsAsked,
      portals: portalLinks({ country: request.place.country, storefront: request.storefront }, request.isbn13),
      finishedAt: deps.now(),
      onDemandAsked: request.fromPopup === true,
    };
  }

  async function lookup(request: LookupRequest): Promise<LookupResult> {
    const { query, sources } = await prepared(request);
    const { place } = query;
    const answers = await Promise.all(
      sources.map(async (source) => {
        const answer = await ask(source, query);
        request.onSourceDone?.(withUnplaced(answer));
        return answer;
      }),
    );
    let entries = answers.flatMap((a) => a.shops);
    let shops = nearbyShops(mergeShops(entries), place, request.radiusKm);
    const editionsAsked: string[] = [];

    // Other editions only from stock sources that answered: one that just failed would fail again (and a
    // timeout would make the shopper wait twice).
    const stockSources = sources.filter((source, i) => source.kind === 'stock' && answers[i]!.status.state === 'ok');
    if (!shops.some(hasTheBook) && stockSources.length > 0) {
      const others = request.editions.filter((isbn) => isbn !== request.isbn13).slice(0, MAX_OTHER_EDITIONS);
      for (const isbn13 of others) {
        editionsAsked.push(isbn13);
        const more = await askAll(stockSources, { ...query, isbn13 });
        // A shop with this edition stands in for its own "not in stock" of the one asked; its "not in
        // stock" of this edition too adds nothing.
        const having = more.flatMap((a) => a.shops).filter(hasTheBook);
        const ids = new Set(having.map((shop) => shop.id));
        entries = [...entries.filter((shop) => !ids.has(shop.id)), ...having];
        shops = nearbyShops(mergeShops(entries), place, request.radiusKm);
        if (shops.some((shop) => shop.isbn13 === isbn13 && hasTheBook(shop))) break;
      }
    }
    return resultOf(request, query, sources, answers, shops, editionsAsked);
  }

  /**
   * The answer the cache holds for this book, without asking anyone (other editions aside), or null
   * when any source would have to be asked: a list page shows such answers at once, for free.
   */
  async function cachedOnly(request: LookupRequest): Promise<LookupResult | null> {
    const { query, sources } = await prepared(request);
    const answers = await Promise.all(sources.map((source) => cachedAnswer(source, query)));
    if (answers.some((answer) => answer === null)) return null;
    const known = answers as Answer[];
    const shops = nearbyShops(mergeShops(known.flatMap((a) => a.shops)), query.place, request.radiusKm);
    return resultOf(request, query, sources, known, shops, []);
  }
  return Object.assign(lookup, { cachedOnly, sourcesFor: (country?: string, fromPopup?: boolean) => sourcesFor(country, fromPopup).map(({ id, name }) => ({ id, name })) });
}

export type Lookup = ReturnType<typeof createLookup>;
