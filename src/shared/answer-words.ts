// The card's headline and the popup's first line, chosen from the one summary of the answer
// (lookup/summary.ts), so both say the same thing. Types only: the content script stays small.
import type { AnswerSummary } from '../lookup/summary';

/** An i18n key, its substitutions, and the count its plural form follows. */
export type Words = [key: string, substitutions: string[], count: number];

/**
 * "3 bookshops near you have it", "2 have this edition, 1 another", "3 bookshops near you (stock
 * unknown)", "4 bookshops near you answered: none has it in stock"; null: nothing to count.
 */
export function headline(summary: AnswerSummary, format: (n: number) => string = String): Words | null {
  const { thisEdition, otherEdition, stockUnknown, notInStock } = summary;
  if (summary.verdict === 'has-it') {
    if (otherEdition === 0) return ['answerHaveIt', [format(thisEdition)], thisEdition];
    if (thisEdition === 0) return ['answerHaveOtherEdition', [format(otherEdition)], otherEdition];
    return ['answerHaveItEditions', [format(thisEdition), format(otherEdition)], thisEdition];
  }
  // No bookshop nearby is known to have it, and the network of the shopper's region can sell it (said
  // as the network's answer, never as a shop's stock); else a library nearby holds it: said as borrowing.
  if (summary.networkHasIt) return ['answerQuebecNetwork', [summary.networkHasIt], 1];
  const lending = borrowWords(summary, format);
  if (lending) return lending;
  if (summary.verdict === 'stock-unknown' && stockUnknown > 0) return ['answerStockUnknown', [format(stockUnknown)], stockUnknown];
  // Only the shops that said so: never "none has it" of a shop nobody asked.
  if (summary.verdict === 'none-has-it' && notInStock > 0) return ['answerNoneHasIt', [format(notInStock)], notInStock];
  return null;
}

/**
 * "2 libraries near you can lend it now", or "1 library near you has it, all out on loan" (the card's
 * and the popup's words, or the toolbar's tooltip); null: no library nearby has it.
 */
export function borrowWords(summary: AnswerSummary, format: (n: number) => string = String, forTooltip = false): Words | null {
  const { toBorrow, onLoan } = summary;
  if (toBorrow > 0) return [forTooltip ? 'badgeTitleBorrow' : 'answerBorrow', [format(toBorrow)], toBorrow];
  if (onLoan > 0) return [forTooltip ? 'badgeTitleBorrowOnLoan' : 'answerBorrowOnLoan', [format(onLoan)], onLoan];
  return null;
}
