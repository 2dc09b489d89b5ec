// The one summary of an answer that the badge, the card and the popup all say: its verdict and counts,
// and the headline words chosen from it.
import { describe, expect, it } from 'vitest';
import type { LookupResult, SourceStatus } from '../src/lookup/result';
import { shopsCounted, summarize, type AnswerSummary } from '../src/lookup/summary';
import { headline } from '../src/shared/answer-words';
import type { ShopNearby } from '../src/shops/shop';
import { answerWith, directorySource, librarySource, libraryWith, shopWith, stockSource } from './answers';

const OTHER_EDITION = '9782070368228';
const stock = stockSource;
const map = directorySource;
const shop = shopWith;
const result = (shops: ShopNearby[], sources: SourceStatus[], stockCovered = true): LookupResult => answerWith(shops, sources, { stockCovered });

describe('the summary of an answer', () => {
  it('counts the open shops with this edition, with another, closed for holidays, of unknown stock, and those that answered they do not have it, each apart', () => {
    const summary = summarize(
      result(
        [
          shop('in-stock'),
          shop('preorder'),
          // A network that does not say which edition it has in stock: this one, as asked.
          shop('in-stock', { isbn13: null }),
          shop('in-stock', { isbn13: OTHER_EDITION }),
          shop('in-stock', { closedForHolidays: true }),
          shop('out-of-stock'),
          shop('unknown'),
          shop('unknown'),
        ],
        [stock(), map()],
      ),
    );
    expect(summary).toEqual({ verdict: 'has-it', thisEdition: 3, otherEdition: 1, onHoliday: 1, stockUnknown: 2, notInStock: 1, toBorrow: 0, onLoan: 0 });
    // The badge's figure: every open shop that has the book, any print edition.
    expect(shopsCounted(summary)).toBe(4);
  });

  it('counts the libraries that can lend it apart: never as shops that have it, never in the badge’s figure', () => {
    const withShop = summarize(result([shop('in-stock'), libraryWith('in-stock'), libraryWith('in-stock'), libraryWith('on-loan'), libraryWith('out-of-stock'), libraryWith('unknown')], [stock(), map(), librarySource()]));
    expect(withShop).toEqual({ verdict: 'has-it', thisEdition: 1, otherEdition: 0, onHoliday: 0, stockUnknown: 0, notInStock: 0, toBorrow: 2, onLoan: 1 });
    expect(shopsCounted(withShop)).toBe(1);
    // London: no stock network, the map's shops and a library that lends it.
    const onlyLibrary = summarize(result([shop('unknown'), libraryWith('on-loan')], [map(), librarySource()], false));
    expect(onlyLibrary).toEqual({ verdict: 'stock-unknown', unknownBecause: 'no-network', thisEdition: 0, otherEdition: 0, onHoliday: 0, stockUnknown: 1, notInStock: 0, toBorrow: 0, onLoan: 1 });
    expect(shopsCounted(onlyLibrary)).toBe(0);
    // A library's answer is not a bookshop source's: with every bookshop source down, nobody could say.
    expect(summarize(result([libraryWith('in-stock')], [stock('timeout'), map('unreachable'), librarySource()])).verdict).toBe('unreachable');
  });

  it.each([
    ['no source answered', [], [stock('timeout'), map('unreachable')], true, { verdict: 'unreachable' }],
    ['the stock network answered, no open shop has it (one closed for holidays does)', [shop('out-of-stock'), shop('in-stock', { closedForHolidays: true })], [stock(), map()], true, { verdict: 'none-has-it', onHoliday: 1 }],
    ['no stock network covers the place', [shop('unknown')], [map()], false, { verdict: 'stock-unknown', unknownBecause: 'no-network', stockUnknown: 1 }],
    ['the stock network failed, the map answered', [shop('unknown')], [stock('server-error'), map()], true, { verdict: 'stock-unknown', unknownBecause: 'not-checked', stockUnknown: 1 }],
  ] as const)('says so when %s', (_when, shops, sources, stockCovered, expected) => {
    expect(summarize(result([...shops], [...sources], stockCovered))).toMatchObject(expected);
  });
});

describe('the headline chosen from it', () => {
  const summary = (more: Partial<AnswerSummary>): AnswerSummary => ({ verdict: 'has-it', thisEdition: 0, otherEdition: 0, onHoliday: 0, stockUnknown: 0, notInStock: 0, toBorrow: 0, onLoan: 0, ...more });

  it.each([
    [{ thisEdition: 3 }, ['answerHaveIt', ['3'], 3]],
    [{ otherEdition: 2 }, ['answerHaveOtherEdition', ['2'], 2]],
    [{ thisEdition: 1, otherEdition: 2 }, ['answerHaveItEditions', ['1', '2'], 1]],
    [{ verdict: 'stock-unknown', stockUnknown: 4 }, ['answerStockUnknown', ['4'], 4]],
    // Nothing to count: no card, and the popup says it in its own words.
    [{ verdict: 'stock-unknown', stockUnknown: 0 }, null],
    [{ verdict: 'none-has-it', stockUnknown: 2 }, null],
    // Shops that answered they do not have it: said so, counting only them.
    [{ verdict: 'none-has-it', stockUnknown: 2, notInStock: 4, toBorrow: 0, onLoan: 0 }, ['answerNoneHasIt', ['4'], 4]],
    [{ verdict: 'unreachable' }, null],
    // Only a library has it: said as borrowing, the shops' own words after it (the popup says those).
    [{ verdict: 'none-has-it', notInStock: 4, toBorrow: 2, onLoan: 1 }, ['answerBorrow', ['2'], 2]],
    [{ verdict: 'stock-unknown', stockUnknown: 3, onLoan: 1 }, ['answerBorrowOnLoan', ['1'], 1]],
    // A shop that has it comes first: the card counts shops.
    [{ thisEdition: 1, toBorrow: 2 }, ['answerHaveIt', ['1'], 1]],
  ] as const)('%o → %o', (more, words) => {
    expect(headline(summary(more as Partial<AnswerSummary>))).toEqual(words);
  });
});
