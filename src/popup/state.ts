// The popup's one state, made anew at each render (index.ts) and drawn by the parts in render/.
import type { LookupResult } from '../lookup/result';
import type { TabState } from '../messages/page-to-worker';
import type { TabLookup } from '../messages/session-records';
import type { Settings } from '../shared/settings';
import type { View } from './describe';

export interface PopupState {
  /** The tab the popup speaks for; null on a page of its own for no tab. */
  tabId: number | null;
  settings: Settings;
  /** What the worker knows of the tab (its place filled from the settings where it has none). */
  tab: TabState;
  /** The lookup shown: the tab's, or the one for a book looked up here. */
  lookup: TabLookup | null;
  /** Its answer, once there is one. */
  result: LookupResult | null;
  /** What it all means, in the popup's words (describe.ts). */
  view: View;
  /** A book looked up here (an ISBN typed, a list's book picked), with its title when the list gave one. */
  searched: { isbn13: string; title: string | null } | null;
}

/** What a part may ask of the popup. */
export interface PopupActions {
  /** Draws everything again from a fresh state (one render at a time, in order). */
  render(): Promise<void>;
  /** Looks a book up here, for no tab in particular. */
  search(isbn13: string, title?: string | null): Promise<void>;
  /** Asks the sources again for the tab. */
  retry(): void;
}
