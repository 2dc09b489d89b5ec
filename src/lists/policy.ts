// Whether a list page of this kind gets marks for this shopper: never before a place is set (there is
// nothing near nobody), never when books are looked up only on opening the popup (nothing is sent while
// browsing), on wish lists unless turned off, on search results and bestseller lists only when turned on.
import type { ListKind } from '../book/storefronts';
import type { Settings } from '../shared/settings';

export function marksOn(settings: Pick<Settings, 'place' | 'askOnOpen' | 'lists'>, kind: ListKind): boolean {
  if (settings.place === null || settings.askOnOpen) return false;
  return kind === 'wishlist' ? settings.lists.wishlists : settings.lists.searchResults;
}
