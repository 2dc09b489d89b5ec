// Every state of an answer, in the words the shopper reads, in every language the extension speaks:
// the popup's line and its asides, and the toolbar's tooltip, from one table of answers. English is
// pinned word for word; each other language must say the same figures and names, leave no placeholder
// unfilled, and not fall back to English.
import { describe, expect, it } from 'vitest';
import { createBadge } from '../src/background/badge';
import type { LookupResult } from '../src/lookup/result';
import { summarize } from '../src/lookup/summary';
import { describe as describeTab, describeLookup, type View } from '../src/popup/describe';
import type { TabList } from '../src/messages/session-records';
import { say } from '../src/shared/plural';
import type { ShopNearby } from '../src/shops/shop';
import { answerWith, BOOK, directorySource, librarySource, libraryWith, shopWith, stockSource } from './answers';
import { messageIn } from './english';

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;
const stock = stockSource;
const directory = directorySource;
const shop = shopWith;
const times = (n: number, make: () => ShopNearby) => Array.from({ length: n }, make);
const answer = answerWith;

/** Each answer, and what the English popup and tooltip say of it. */
const ANSWERS: Array<[string, LookupResult, { line: string; asides: string[]; tooltip: string }]> = [
  [
    'three open shops have it, one more closed for holidays',
    answer([...times(3, () => shop('in-stock')), shop('in-stock', { closedForHolidays: true })], [stock(), directory()]),
    { line: '3 bookshops near you have it', asides: ['1 bookshop that has it is closed for holidays.'], tooltip: 'Local Bookshops: 3 shops near you have it' },
  ],
  [
    'eight shops answered "not in stock", two more of unknown stock',
    answer([...times(8, () => shop('out-of-stock')), ...times(2, () => shop('unknown'))], [stock(), directory()]),
    {
      line: '8 bookshops within 30 km answered: none has it in stock. Order it from one of them, or look further.',
      asides: ['The stock of 2 others nearby is unknown: call ahead.'],
      tooltip: 'Local Bookshops: 8 shops near you answered, none has it in stock',
    },
  ],
  [
    'the stock network answered with no shop nearby; two shops of unknown stock',
    answer(times(2, () => shop('unknown')), [stock(), directory()]),
    {
      line: 'No bookshop within 30 km that shares its stock has it. The stock of 2 others nearby is unknown: call ahead, or order it from a bookshop below.',
      asides: [],
      tooltip: 'Local Bookshops: no shop near you that shares its stock has it; the stock of 2 others is unknown',
    },
  ],
  [
    'the stock network answered with no shop at all nearby',
    answer([], [stock(), directory()]),
    { line: 'No bookshop within 30 km has it in stock. Look further, or order it from a bookshop below.', asides: [], tooltip: 'Local Bookshops: no shop near you has it in stock' },
  ],
  [
    'Brussels: no network switched on shares its stock there, Librel would, and is off',
    answer(times(3, () => shop('unknown')), [directory()], { stockCovered: false, networksOff: ['Librel'] }),
    {
      line: 'No network you have switched on shares its stock where you are, so nobody can say which shop has it. 3 bookshops near you: call ahead, or order from an independent bookshop online.',
      asides: ['Librel shares its stock where you are, and is switched off: turn it on in the options.'],
      tooltip: 'Local Bookshops: no network you have switched on shares its stock where you are; see the bookshops near you',
    },
  ],
  [
    'London: no network shares its stock there',
    answer(times(3, () => shop('unknown')), [directory()], { stockCovered: false }),
    {
      line: 'No bookshop network shares its stock where you are, so nobody can say which shop has it. 3 bookshops near you: call ahead, or order from an independent bookshop online.',
      asides: [],
      tooltip: 'Local Bookshops: no bookshop network shares its stock where you are; see the bookshops near you',
    },
  ],
  [
    'London: no network shares its stock, and two branches of the library service hold it, one on the shelf',
    answer([...times(3, () => shop('unknown')), libraryWith('in-stock'), libraryWith('on-loan')], [directory(), librarySource()], { stockCovered: false }),
    {
      line: 'No bookshop network shares its stock where you are, so nobody can say which shop has it. 3 bookshops near you: call ahead, or order from an independent bookshop online.',
      asides: ['1 library near you can lend it now'],
      tooltip: 'Local Bookshops: 1 library near you can lend it now',
    },
  ],
  [
    'the shops answered "not in stock", and a library has it, every copy out on loan',
    answer([...times(2, () => shop('out-of-stock')), libraryWith('on-loan'), libraryWith('on-loan')], [stock(), directory(), librarySource()]),
    {
      line: '2 bookshops within 30 km answered: none has it in stock. Order it from one of them, or look further.',
      asides: ['2 libraries near you have it, all out on loan'],
      tooltip: 'Local Bookshops: 2 libraries near you have it, all out on loan',
    },
  ],
  [
    'no network shares its stock there, and no bookshop is known nearby',
    answer([], [directory()], { stockCovered: false }),
    { line: 'No bookshop within 30 km is known to the services asked. Look further, or order it from a bookshop site below.', asides: [], tooltip: 'Local Bookshops: no bookshop known near you' },
  ],
  [
    'the stock network failed; three shops of unknown stock',
    answer(times(3, () => shop('unknown')), [stock('timeout'), directory()]),
    {
      line: '3 bookshops near you; their stock could not be checked. Call ahead, or retry.',
      asides: [],
      tooltip: 'Local Bookshops: bookshops near you, stock unknown',
    },
  ],
  [
    'no source answered',
    answer([], [stock('timeout'), directory('offline')]),
    { line: 'No bookshop network could be checked just now. Retry in a moment.', asides: [], tooltip: 'Local Bookshops: the bookshop networks could not be reached' },
  ],
];

const list = (count: number, checked: number): TabList => ({
  kind: 'wishlist',
  storefront: 'amazon.fr',
  view: 'v1',
  marks: true,
  checked,
  books: Array.from({ length: count }, (_, i) => ({ isbn13: BOOK, title: `Book ${i}`, count: 2, nearestKm: i })),
});
const PLACE = { label: '31000 Toulouse', country: 'fr', radiusKm: 30 };
/** List pages: the books found among those looked up so far; the tooltip for the same counts. */
const LISTS: Array<[string, TabList, { line: string; tooltip: string | null }]> = [
  ['one book found among five looked up', list(1, 5), { line: '1 book on this page is in a shop near you, of 5 looked up so far:', tooltip: 'Local Bookshops: 1 book on this page is in a shop near you, of 5 looked up so far' }],
  ['three found among twelve', list(3, 12), { line: '3 books on this page are in a shop near you, of 12 looked up so far, nearest first:', tooltip: 'Local Bookshops: 3 books on this page are in a shop near you, of 12 looked up so far' }],
  ['none found among four', list(0, 4), { line: 'None of the 4 books looked up on this page so far is in a shop near you. The others are looked up as you stop at them.', tooltip: null }],
  ['none looked up yet', list(0, 0), { line: 'No book on this page has been looked up yet: each is looked up once you stop at it.', tooltip: null }],
];

function wordsIn(lang: string) {
  const t = messageIn(lang);
  const show = (words: View['line']) => say(t, lang, words);
  async function tooltip(draw: (badge: ReturnType<typeof createBadge>) => Promise<void>): Promise<string | null> {
    let title: string | null = null;
    const action = { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setIcon: async () => {}, setTitle: async ({ title: given }: { title: string }) => void (title = given) };
    await draw(createBadge(action as never, t, undefined, lang));
    return title === t('actionTitle') ? null : title;
  }
  return {
    async ofAnswer(result: LookupResult) {
      const view = describeLookup({ state: 'done', result });
      return { line: show(view.line), asides: (view.asides ?? []).map(show), tooltip: await tooltip((badge) => badge.showAnswer(1, summarize(result))) };
    },
    async ofList(tabList: TabList) {
      const view = describeTab({ book: null, lookup: null, place: PLACE, list: tabList });
      return { line: show(view.line), tooltip: await tooltip((badge) => badge.showListCount(1, { count: tabList.books.length, checked: tabList.checked })) };
    },
  };
}

const english = wordsIn('en');

describe('what each answer says, in English', () => {
  it.each(ANSWERS)('%s', async (_case, result, expected) => {
    expect(await english.ofAnswer(result)).toEqual(expected);
  });
  it.each(LISTS)('a list page: %s', async (_case, tabList, expected) => {
    expect(await english.ofList(tabList)).toEqual(expected);
  });
});

/** The figures and names a sentence must carry: every number and capitalised name of its English. */
const carried = (english: string) => [...english.matchAll(/\b\d+\b|Librel/g)].map((match) => match[0]);

describe.each(LANGUAGES.slice(1))('what each answer says, in %s', (lang) => {
  const words = wordsIn(lang);
  const check = (said: string | null, inEnglish: string | null, what: string) => {
    expect(said === null, `${what}: said where English says nothing, or the reverse`).toBe(inEnglish === null);
    if (said === null || inEnglish === null) return;
    expect(said, what).not.toBe('');
    expect(said, `${what}: a placeholder left`).not.toMatch(/\$\w+\$|\$\d/);
    expect(said, `${what}: English words`).not.toBe(inEnglish);
    for (const figure of carried(inEnglish)) expect(said, `${what}: ${figure}`).toContain(figure);
  };
  it.each(ANSWERS)('%s', async (_case, result) => {
    const [said, inEnglish] = await Promise.all([words.ofAnswer(result), english.ofAnswer(result)]);
    check(said.line, inEnglish.line, 'line');
    check(said.tooltip, inEnglish.tooltip, 'tooltip');
    expect(said.asides).toHaveLength(inEnglish.asides.length);
    said.asides.forEach((aside, i) => check(aside, inEnglish.asides[i]!, `aside ${i}`));
  });
  it.each(LISTS)('a list page: %s', async (_case, tabList) => {
    const [said, inEnglish] = await Promise.all([words.ofList(tabList), english.ofList(tabList)]);
    check(said.line, inEnglish.line, 'line');
    check(said.tooltip, inEnglish.tooltip, 'tooltip');
  });
});
