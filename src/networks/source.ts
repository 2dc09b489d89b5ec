// What every stock or directory source provides. The lookup knows sources only through this.
import type { LatLon, NetworkOffer, Shop } from '../shops/shop';

/**
 * A public library near the shopper, from the directory inside the package (OpenStreetMap's
 * amenity=library): where it is, and the library service (authority) whose catalogue lists its loans.
 */
export interface NearbyLibrary {
  /** As a shop of kind 'library', its stock unknown: where a catalogue that names no place finds it. */
  shop: Shop;
  /** The library service's code in the catalogue's own terms (the UK's: its ONS/GSS authority code). */
  service?: string;
}
import type { ProblemDetail, SourceProblem } from './fetch-source';

/**
 * stock: bookshops and what each has; directory: bookshops only; library: public libraries and their
 * loans; network: a network's answer for all its shops at once, naming none (an offer).
 */
export type SourceKind = 'stock' | 'directory' | 'library' | 'network';

export interface SourceQuery {
  isbn13: string;
  /** The shopper's place, already rounded to two decimals; only directory sources receive it. */
  place: LatLon;
  radiusKm: number;
  /** The place's country (ISO 3166-1 alpha-2, lower case), where known: the directory is kept by country. */
  country?: string;
  /** The libraries within the radius, nearest first, from the package (given to library sources only). */
  libraries?: readonly NearbyLibrary[];
}

export interface SourceRequest {
  url: string;
  /** The cache key: what makes two requests the same (never more than the request itself says). */
  cacheKey: string;
}

/** What every source says of itself. */
interface SourceAbout {
  id: string;
  name: string;
  kind: SourceKind;
  /** True when the answer depends on the book (stock), false when only on the place (directory). */
  perBook: boolean;
  /** Where the source has shops (ISO 3166-1 alpha-2, lower case); absent: anywhere. A source is asked only for a place it covers. */
  countries?: readonly string[];
  attribution?: string;
  /**
   * Asked only once the shopper opens the popup, never on the page alone: a service whose limits are
   * unknown is not sent a request for every book page a shopper passes.
   */
  onDemand?: boolean;
  /** Whether it can answer this query at all (a catalogue needs a library service nearby); absent: always. */
  answers?(query: SourceQuery): boolean;
  /**
   * Asked (from its own cache first) when this source cannot answer: the packaged directory, for a place
   * it does not cover, falls back to the live Overpass query. Its answer stands for this source's.
   */
  fallback?: ShopSource;
}

/** A source read from the extension's own package: nothing leaves the browser, nothing is cached. */
export interface PackagedSource extends SourceAbout {
  /** The shops for this query, or null when the package does not cover the place (the fallback answers). */
  readPackaged(query: SourceQuery): Promise<Shop[] | null>;
}

export type ShopSource = RemoteSource | PackagedSource;

/** What a source that reads the same data another way says of itself: its fallback's words, and the fallback. */
export function standingFor(fallback: ShopSource): SourceAbout & { fallback: ShopSource } {
  const { id, name, kind, perBook, attribution } = fallback;
  return { id, name, kind, perBook, attribution, fallback };
}

export const isPackaged = (source: ShopSource): source is PackagedSource => 'readPackaged' in source;

/** A source asked over the network. */
export interface RemoteSource extends SourceAbout {
  request(query: SourceQuery): SourceRequest;
  /**
   * Maps a parsed JSON answer to shops; throws a ZodError (or returns null) when the shape is wrong, and
   * returns a failure when the answer says the source failed (such an answer is never cached). A source
   * that answers in steps is given every answer, the last one first.
   */
  shops(data: unknown, query: SourceQuery, steps?: readonly unknown[]): Shop[] | null | SourceFailure;
  /**
   * A source that answers in steps (Calil: the libraries near a point, then their loans, then the same
   * asked again until the answer is complete): given every answer so far, the next request and how long
   * to wait for it, or null when the last answer completes it.
   */
  next?(steps: readonly unknown[], query: SourceQuery): { url: string; afterMs: number } | null;
  /** Why it is not asked at all, said to the shopper: 'no-key', a source that needs a key this build was not given. */
  unavailable?: 'no-key';
  /** A network-level answer (kind 'network'): its offer for the book, or null when the answer is of another shape. */
  offer?(data: unknown, query: SourceQuery): NetworkOffer | null;
  /**
   * A 404 is this source's way of saying it does not know the book (a book page's address, not a moved
   * service): the answer to read instead, as if it had come.
   */
  notFoundAnswer?(query: SourceQuery): unknown;
  /** The client's time limit for this source, when it is not the default (it must agree with any server-side limit). */
  timeoutMs?: number;
  /** Until when an answer may be reused. */
  expiresAt(fetchedAt: number): number;
}

/** An answer that says the source itself failed. */
export interface SourceFailure {
  problem: SourceProblem;
  detail?: ProblemDetail;
}

/** A base address as the adapters join paths to it: with its last slash. */
export const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** Local midnight after `time`: Place des Libraires syncs stock once a day. */
export function nextLocalMidnight(time: number): number {
  const date = new Date(time);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}
