// What the popup says, as data: from the tab's state to one line and its next step. Pure, so every
// state is tested without a browser.
import type { SourceStatus } from '../lookup/result';
import { hasTheBook } from '../shops/shop';
import type { TabLookup, TabState } from '../shared/messages';

export type ViewState = 'reading' | 'not-a-book' | 'no-place' | 'asking' | 'results' | 'none-nearby' | 'unreachable' | 'directory-only' | 'no-stock-network';

export interface View {
  state: ViewState;
  /** i18n key and substitutions of the one line that explains the state, and the count its words agree with. */
  line: [string, string[]?, number?];
  /** Sources that could not be checked, with the i18n key of the reason. */
  problems: Array<{ source: SourceStatus; reason: string }>;
}

/** Every problem a source can have, in the shopper's words (see fetch-source.ts for the cases). */
export const PROBLEM_MESSAGE: Record<Exclude<SourceStatus['state'], 'ok'>, string> = {
  timeout: 'problemTimeout',
  offline: 'problemOffline',
  unreachable: 'problemUnreachable',
  blocked: 'problemBlocked',
  'rate-limited': 'problemRateLimited',
  'server-error': 'problemServerError',
  'not-found': 'problemNotFound',
  'http-error': 'problemServerError',
  'not-json': 'problemBadAnswer',
  'bad-json': 'problemBadAnswer',
  'too-large': 'problemTooLarge',
  'bad-data': 'problemBadAnswer',
  'source-error': 'problemSourceError',
  'needs-permission': 'problemNeedsPermission',
};

/**
 * A source's problem as plain text for a bug report ("copy details"): which source, what state, the
 * HTTP status, and what the refusal said about itself. Nothing about the shopper: no place, no page.
 */
export function problemReport(source: SourceStatus, version: string, at: number): string {
  return [
    `Local Bookshops ${version}, ${new Date(at).toISOString()}`,
    `${source.name} (${source.sourceId}): ${source.state}${source.httpStatus ? `, HTTP ${source.httpStatus}` : ''}`,
    source.detail?.server ? `server: ${source.detail.server}` : '',
    source.detail?.body ? `said: ${source.detail.body}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function describe(state: TabState | null): View {
  const none: View['problems'] = [];
  if (!state) return { state: 'reading', line: ['stateReading'], problems: none };
  const { book, lookup } = state;
  if (!book || book.kind === 'not-a-book' || (book.isbn13 === null && book.editions.length === 0)) {
    return { state: 'not-a-book', line: ['stateNotABookNext'], problems: none };
  }
  return describeLookup(lookup);
}

export function describeLookup(lookup: TabLookup | null): View {
  const none: View['problems'] = [];
  if (!lookup || lookup.state === 'no-place') return { state: 'no-place', line: ['statePlaceNeeded'], problems: none };
  if (lookup.state === 'asking') {
    const answered = lookup.progress.filter((p) => p.state !== 'waiting').length;
    return { state: 'asking', line: ['stateAskingProgress', [String(answered), String(lookup.progress.length)]], problems: none };
  }
  const { result } = lookup;
  const problems = result.sources.filter((source) => source.state !== 'ok').map((source) => ({ source, reason: PROBLEM_MESSAGE[source.state as keyof typeof PROBLEM_MESSAGE] }));
  const answered = result.sources.filter((source) => source.state === 'ok');
  const withBook = result.shops.filter(hasTheBook).length;
  if (answered.length === 0) return { state: 'unreachable', line: ['stateUnreachable'], problems };
  // No network shares its stock where the shopper is: never "no shop has it", which nobody knows.
  if (!result.stockCovered) return { state: 'no-stock-network', line: ['stateNoStockNetwork', [String(result.shops.length)], result.shops.length], problems };
  if (withBook > 0) return { state: 'results', line: ['stateShops', [String(withBook)], withBook], problems };
  if (!answered.some((source) => source.kind === 'stock') && result.shops.length > 0) {
    return { state: 'directory-only', line: ['stateDirectoryOnly', [String(result.shops.length)], result.shops.length], problems };
  }
  return { state: 'none-nearby', line: ['stateNoShop', [String(result.radiusKm)]], problems };
}
