// Lookup answers built by hand for the tests that read what one says (its summary, its words): shops
// with a stock, the sources that answered or not, and the result around them.
import type { LookupResult, SourceStatus } from '../src/lookup/result';
import type { ShopNearby } from '../src/shops/shop';

export const BOOK = '9782070360024';

/** The stock network, answered ('ok') or failed as `state`. */
export const stockSource = (state: SourceStatus['state'] = 'ok'): SourceStatus => ({ sourceId: 'placedeslibraires', name: 'Place des Libraires', kind: 'stock', state });
/** OpenStreetMap's bookshops, answered or failed. */
export const directorySource = (state: SourceStatus['state'] = 'ok'): SourceStatus => ({ sourceId: 'openstreetmap', name: 'OpenStreetMap', kind: 'directory', state });

/** A public library catalogue, answered or failed. */
export const librarySource = (state: SourceStatus['state'] = 'ok'): SourceStatus => ({ sourceId: 'librarybooks-uk', name: 'Library Books (UK)', kind: 'library', state });

let serial = 0;
/** A shop 1 km away with this stock (of BOOK unless it is unknown), each with its own id and name. */
export const shopWith = (stock: ShopNearby['stock'], more: Partial<ShopNearby> = {}): ShopNearby => ({
  id: `test:${++serial}`,
  sourceId: 'test',
  name: `Shop ${serial}`,
  address: {},
  location: { lat: 43.6, lon: 1.44 },
  distanceKm: 1,
  stock,
  isbn13: stock === 'unknown' ? null : BOOK,
  links: {},
  ...more,
});

/** An answer about BOOK near Toulouse within 30 km. */
export const answerWith = (shops: ShopNearby[], sources: SourceStatus[], more: Partial<LookupResult> = {}): LookupResult => ({
  isbn13: BOOK,
  place: { lat: 43.6, lon: 1.44 },
  radiusKm: 30,
  shops,
  sources,
  stockCovered: true,
  networksOff: [],
  editionsAsked: [],
  portals: [],
  finishedAt: 0,
  onDemandAsked: false,
  offers: [],
  ...more,
});

/** A public library 1 km away with this loan state ('in-stock': on the shelf; 'on-loan': every copy out). */
export const libraryWith = (stock: ShopNearby['stock'], more: Partial<ShopNearby> = {}): ShopNearby => shopWith(stock, { sourceId: 'librarybooks-uk', kind: 'library', name: `Library ${serial + 1}`, ...more });
