// What the popup says, as data: from the tab's state to one line and its next step. Pure, so every
// state is tested without a browser.
import type { SourceStatus } from '../lookup/result';
import { summarize } from '../lookup/summary';
import { borrowWords, headline, type Words } from '../shared/answer-words';
import type { TabList, TabLookup } from '../messages/session-records';
import type { TabState } from '../messages/page-to-worker';

export type ViewState = 'reading' | 'not-a-book' | 'list' | 'list-off' | 'no-place' | 'asking' | 'throttled' | 'results' | 'none-nearby' | 'unreachable' | 'directory-only' | 'no-stock-network';

export interface View {
  state: ViewState;
  /** i18n key and substitutions of the one line that explains the state, and the count its words agree with. */
  line: [string, string[]?, number?];
  /** Further sentences, each counted: shops whose stock is unknown beside those that answered, shops that have it but are closed for holidays. */
  asides?: Words[];
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
  'no-key': 'problemNoKey',
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

export function describe(state: TabState | null, { askOnOpen = false } = {}): View {
  const none: View['problems'] = [];
  if (!state) return { state: 'reading', line: ['stateReading'], problems: none };
  const { book, lookup } = state;
  if (!book && state.list) return describeList(state.list, state.place !== null, askOnOpen);
  if (!book || book.kind === 'not-a-book' || (book.isbn13 === null && book.editions.length === 0)) {
    return { state: 'not-a-book', line: ['stateNotABookNext'], problems: none };
  }
  return describeLookup(lookup);
}

/**
 * A list page: its books that shops nearby have, or why there are none to show. No place first; then
 * the shopper's own choices (books looked up only from the popup, marks off on this kind of list).
 */
export function describeList(list: TabList, hasPlace: boolean, askOnOpen: boolean): View {
  const problems: View['problems'] = [];
  if (!hasPlace) return { state: 'no-place', line: ['statePlaceNeeded'], problems };
  if (askOnOpen) return { state: 'list-off', line: ['stateListAskOnOpen'], problems };
  if (!list.marks) return { state: 'list-off', line: ['stateListOff'], problems };
  // Counted among the books looked up so far: the others have not been asked yet.
  const { checked } = list;
  const count = list.books.length;
  if (count > 0) return { state: 'list', line: ['stateListBooks', [String(count), String(checked)], count], problems };
  return { state: 'list', line: checked > 0 ? ['stateListNone', [String(checked)], checked] : ['stateListNoneYet'], problems };
}

export function describeLookup(lookup: TabLookup | null): View {
  const none: View['problems'] = [];
  if (!lookup || lookup.state === 'no-place') return { state: 'no-place', line: ['statePlaceNeeded'], problems: none };
  if (lookup.state === 'throttled') return { state: 'throttled', line: ['stateThrottled'], problems: none };
  if (lookup.state === 'waiting' || (lookup.state === 'asking' && lookup.progress.length === 0)) return { state: 'asking', line: ['stateAsking'], problems: none };
  if (lookup.state === 'asking') {
    const answered = lookup.progress.filter((p) => p.state !== 'waiting').length;
    return { state: 'asking', line: ['stateAskingProgress', [String(answered), String(lookup.progress.length)]], problems: none };
  }
  const { result } = lookup;
  const problems = result.sources.filter((source) => source.state !== 'ok').map((source) => ({ source, reason: PROBLEM_MESSAGE[source.state as keyof typeof PROBLEM_MESSAGE] }));
  // The same summary the badge and the card are drawn from.
  const summary = summarize(result);
  const { stockUnknown, onHoliday, notInStock } = summary;
  // Said beside the shops' line: a library nearby that can lend it (never counted among the shops), and
  // the shops that have it but are closed for holidays.
  const lending = borrowWords(summary);
  const besides: Words[] = [...(lending ? [lending] : []), ...(onHoliday > 0 ? [['answerOnHoliday', [String(onHoliday)], onHoliday] as Words] : [])];
  // Where no network switched on shares its stock, one that would and is switched off is said, with
  // where to turn it on (not elsewhere: a shop list that answered needs no advert).
  const off: Words[] = result.networksOff.length > 0 ? [['answerNetworksOff', [result.networksOff.join(', ')], result.networksOff.length]] : [];
  const radius = String(result.radiusKm);
  switch (summary.verdict) {
    case 'unreachable':
      return { state: 'unreachable', line: ['stateUnreachable'], problems };
    case 'has-it':
      return { state: 'results', line: headline(summary)!, asides: besides, problems };
    // Where nobody can say: never "no shop has it", and never "0 bookshops near you".
    case 'stock-unknown': {
      if (summary.unknownBecause === 'not-checked') {
        return { state: 'directory-only', line: stockUnknown === 0 ? ['stateNoShopKnown', [radius]] : ['stateDirectoryOnly', [String(stockUnknown)], stockUnknown], asides: besides, problems };
      }
      // No network shares its stock here; or none the shopper switched on, and the one that would is said.
      const key = summary.unknownBecause === 'networks-off' ? 'stateNetworksOff' : 'stateNoStockNetwork';
      return { state: 'no-stock-network', line: stockUnknown === 0 ? ['stateNoShopKnown', [radius]] : [key, [String(stockUnknown)], stockUnknown], asides: [...besides, ...off], problems };
    }
    case 'none-has-it': {
      // The shops that answered "not in stock", said as such; the others, as unknown: never "not in
      // stock" or "does not share its stock" of a shop that did not say so.
      if (notInStock > 0) {
        const unknown: Words[] = stockUnknown > 0 ? [['answerOthersUnknown', [String(stockUnknown)], stockUnknown]] : [];
        return { state: 'none-nearby', line: ['stateNoneAnswered', [String(notInStock), radius], notInStock], asides: [...unknown, ...besides], problems };
      }
      return {
        state: 'none-nearby',
        line: stockUnknown > 0 ? ['stateNoShopSomeUnknown', [radius, String(stockUnknown)], stockUnknown] : ['stateNoShop', [radius]],
        asides: besides,
        problems,
      };
    }
  }
}
