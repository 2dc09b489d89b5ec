// One description of a lookup's answer, which the badge, the card and the popup all speak from, so the
// three never tell different stories. Pure: the worker and the popup call it on the same result.
import type { LookupResult } from './result';
import { canBorrow, hasTheBook, isLibrary } from '../shops/shop';

/**
 * - has-it: open shops nearby have the book (this edition or another);
 * - none-has-it: the stock networks answered, and no open shop nearby has it;
 * - stock-unknown: nobody can say (no network shares its stock here, or those that do could not be asked);
 * - unreachable: no source answered at all.
 */
export type Verdict = 'has-it' | 'none-has-it' | 'stock-unknown' | 'unreachable';

export interface AnswerSummary {
  verdict: Verdict;
  /** Open shops with this very edition on the shelf or on pre-order. */
  thisEdition: number;
  /** Open shops with another print edition of it. */
  otherEdition: number;
  /** Shops that have it but are closed for holidays: listed after the open ones, never counted. */
  onHoliday: number;
  /** Shops nearby whose stock nobody can tell. */
  stockUnknown: number;
  /** Shops nearby that answered (through their stock network) that they do not have it. */
  notInStock: number;
  /** Libraries nearby with a copy on the shelf to borrow now (never counted as shops: they lend, not sell). */
  toBorrow: number;
  /** Libraries nearby whose every copy is out on loan. */
  onLoan: number;
  /** A network that answered for all its shops at once that it can sell the book (its name): never a shop's stock. */
  networkHasIt?: string;
  /**
   * stock-unknown: no network shares its stock where the shopper is, none the shopper switched on does
   * (one that would is off), or the ones that do failed.
   */
  unknownBecause?: 'no-network' | 'networks-off' | 'not-checked';
}

/** The figure on the badge: open shops that have the book, any print edition. */
export const shopsCounted = (summary: AnswerSummary) => summary.thisEdition + summary.otherEdition;

export function summarize(result: LookupResult): AnswerSummary {
  // The verdict speaks of bookshops and of the sources that list them; libraries are counted apart.
  const answered = result.sources.filter((source) => source.state === 'ok' && (source.kind === 'stock' || source.kind === 'directory'));
  const shops = result.shops.filter((shop) => !isLibrary(shop));
  const lending = result.shops.filter(canBorrow);
  const withBook = shops.filter(hasTheBook);
  const open = withBook.filter((shop) => !shop.closedForHolidays);
  const other = open.filter((shop) => shop.isbn13 !== null && shop.isbn13 !== result.isbn13);
  const unknown = shops.filter((shop) => shop.stock === 'unknown');
  const notInStock = shops.filter((shop) => shop.stock === 'out-of-stock').length;
  const toBorrow = lending.filter((library) => library.stock === 'in-stock').length;
  const offer = result.offers.find((one) => one.available);
  const counts = {
    thisEdition: open.length - other.length,
    otherEdition: other.length,
    onHoliday: withBook.length - open.length,
    stockUnknown: unknown.length,
    notInStock,
    toBorrow,
    onLoan: lending.length - toBorrow,
    ...(offer ? { networkHasIt: offer.name } : {}),
  };
  if (answered.length === 0) return { verdict: 'unreachable', ...counts };
  if (open.length > 0) return { verdict: 'has-it', ...counts };
  if (!result.stockCovered) return { verdict: 'stock-unknown', unknownBecause: result.networksOff.length > 0 ? 'networks-off' : 'no-network', ...counts };
  if (!answered.some((source) => source.kind === 'stock')) return { verdict: 'stock-unknown', unknownBecause: 'not-checked', ...counts };
  return { verdict: 'none-has-it', ...counts };
}
