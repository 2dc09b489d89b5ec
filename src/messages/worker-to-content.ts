// Worker → content scripts: what the card and the marks should show, and the worker's questions. Only
// the extension itself can send these (a page's scripts cannot reach a content script's runtime
// listener), yet each is read by the checks below before use: a message of another shape, or from a
// newer worker mid-update, is dropped rather than half-shown. Hand-written, not zod: the content
// scripts carry no zod (their size budget, test/content-size.test.ts).
import type { AnswerSummary } from '../lookup/summary';

/** Is the tab still showing the book you reported? Answered with BookSeen or BookGone. */
export interface StillShowing {
  type: 'StillShowing';
}

/** What the card on the page says (nothing is shown without it). */
export interface ShowCard {
  type: 'ShowCard';
  /** The answer, summed up once for the badge, the card and the popup alike (lookup/summary.ts). */
  summary?: AnswerSummary;
  /** The storefront's country, for the French fixed-price reminder. */
  country: string;
  /** No place yet: the card invites the shopper to set their town instead of counting shops. */
  needsPlace?: boolean;
}

/** Take the card away (the answer has nothing to show). */
export interface HideCard {
  type: 'HideCard';
}

/** The answer to ListShown: whether this shopper wants marks on this kind of list. */
export interface ListAnswer {
  marks: boolean;
}

/** A book of the view is answered: `count` open shops near the shopper have it (0: no mark). */
export interface ListMark {
  type: 'ListMark';
  view: string;
  isbn13: string;
  count: number;
}

/** Is the tab still showing the list you spoke of? Answered with { view } by the list script, by nobody once the tab has left it. */
export interface StillListing {
  type: 'StillListing';
}

/** The settings changed (marks on or off, another place): start again, with marks or without. */
export interface ListRestart {
  type: 'ListRestart';
  marks: boolean;
}

export type ToBookPage = StillShowing | ShowCard | HideCard;
export type ToListPage = ListMark | StillListing | ListRestart;

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const SUMMARY_COUNTS = ['thisEdition', 'otherEdition', 'onHoliday', 'stockUnknown', 'notInStock', 'toBorrow', 'onLoan'] as const;

function isSummary(value: unknown): value is AnswerSummary {
  const network = value && (value as Fields).networkHasIt;
  return isObject(value) && typeof value.verdict === 'string' && SUMMARY_COUNTS.every((count) => isCount(value[count])) && (network === undefined || (typeof network === 'string' && network.length <= 100));
}

/** A message for the book page's script, or null when it is none of them. */
export function readToBookPage(message: unknown): ToBookPage | null {
  if (!isObject(message)) return null;
  switch (message.type) {
    case 'StillShowing':
    case 'HideCard':
      return { type: message.type };
    case 'ShowCard':
      if (typeof message.country !== 'string' || (message.summary !== undefined && !isSummary(message.summary))) return null;
      return { type: 'ShowCard', country: message.country, summary: message.summary as AnswerSummary | undefined, needsPlace: message.needsPlace === true };
    default:
      return null;
  }
}

/** A message for the list page's script, or null when it is none of them. */
export function readToListPage(message: unknown): ToListPage | null {
  if (!isObject(message)) return null;
  switch (message.type) {
    case 'StillListing':
      return { type: 'StillListing' };
    case 'ListRestart':
      return typeof message.marks === 'boolean' ? { type: 'ListRestart', marks: message.marks } : null;
    case 'ListMark':
      return typeof message.view === 'string' && typeof message.isbn13 === 'string' && isCount(message.count) ? { type: 'ListMark', view: message.view, isbn13: message.isbn13, count: message.count } : null;
    default:
      return null;
  }
}

/** The worker's answer to ListShown; no marks when it is not one. */
export function readListAnswer(answer: unknown): ListAnswer {
  return { marks: isObject(answer) && answer.marks === true };
}
