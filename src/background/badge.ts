// The toolbar icon's badge, per tab: how many shops nearby have the book, or a quiet mark saying why
// there is no figure. Pages that are not books get nothing at all.
import type { Action } from '../shared/browser';
import { shopsCounted, type AnswerSummary } from '../lookup/summary';
import { borrowWords, type Words } from '../shared/answer-words';
import { counted, say } from '../shared/plural';
import { ICON_PATHS, type IconDetails, type IconName } from './icons';

export type BadgeApi = Pick<Action.Static, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle' | 'setIcon'>;

type Translate = (key: string, substitutions?: string | string[]) => string;

const GREEN = '#1f6f50';
const GREY = '#5f6368';
const AMBER = '#b45309';

/** Why nobody can say who has it, in the tooltip's words. */
const UNKNOWN_TITLE: Record<NonNullable<AnswerSummary['unknownBecause']>, string> = {
  'no-network': 'badgeTitleNoStockNetwork',
  'networks-off': 'badgeTitleNetworksOff',
  'not-checked': 'badgeTitleDirectoryOnly',
};

/** `icons`: what setIcon is given for each icon (decoded pixels in the worker, paths in tests); `locale`: the words' language, for plurals. */
export function createBadge(action: BadgeApi, t: Translate, icons: (name: IconName) => IconDetails = (name) => ({ path: ICON_PATHS[name] }), locale = 'en') {
  async function show(tabId: number, text: string, color: string, title: string): Promise<void> {
    await Promise.all([
      action.setIcon({ tabId, ...icons('book') }),
      action.setBadgeBackgroundColor({ tabId, color }),
      action.setBadgeText({ tabId, text }),
      action.setTitle({ tabId, title }),
    ]);
  }
  async function clear(tabId: number): Promise<void> {
    await Promise.all([action.setBadgeText({ tabId, text: '' }), action.setTitle({ tabId, title: t('actionTitle') }), action.setIcon({ tabId, ...icons('idle') })]);
  }
  return {
    /** A book, but no place yet (or the lookup is under way): a grey dot. */
    showBookSeen: (tabId: number, isbn13: string | null) => show(tabId, '•', GREY, isbn13 ? t('badgeTitleBookSeen', isbn13) : t('actionTitle')),
    /** A book, and no place yet: the grey dot, and a tooltip that says what to do. */
    showNoPlace: (tabId: number, isbn13: string | null) => show(tabId, '•', GREY, isbn13 ? t('badgeTitleNoPlace') : t('actionTitle')),
    /** Looked up only when the shopper opens the popup (their choice): "…" until then. */
    showWaiting: (tabId: number) => show(tabId, '…', GREY, t('badgeTitleWaiting')),
    /** The page changed its book too often: asked again in a moment. */
    showThrottled: (tabId: number) => show(tabId, '…', GREY, t('badgeTitleThrottled')),
    /** The answer, as the card and the popup tell it: how many open shops have it, or why no figure. */
    showAnswer(tabId: number, summary: AnswerSummary) {
      const count = shopsCounted(summary);
      if (summary.verdict === 'has-it') return show(tabId, String(count), GREEN, counted(t, locale, 'badgeTitleCount', count, [String(count)]));
      // No shop nearby has it, but the region's network or a library does: the figure stays the shops'
      // (a network names no shop, a library sells nothing), the tooltip says which.
      const besides: Words | null = summary.networkHasIt ? ['badgeTitleQuebecNetwork', [summary.networkHasIt], 1] : borrowWords(summary, String, true);
      switch (summary.verdict) {
        case 'none-has-it': {
          if (besides) return show(tabId, '0', GREY, say(t, locale, besides));
          // The shops that answered, counted; the others said as unknown, never as "not in stock".
          const { notInStock, stockUnknown } = summary;
          if (notInStock > 0) return show(tabId, '0', GREY, counted(t, locale, 'badgeTitleNoneAnswered', notInStock, [String(notInStock)]));
          return show(tabId, '0', GREY, stockUnknown > 0 ? counted(t, locale, 'badgeTitleNoneSomeUnknown', stockUnknown, [String(stockUnknown)]) : t('badgeTitleNone'));
        }
        // Nobody can say who has it: no figure, never a 0.
        case 'stock-unknown':
          if (besides) return show(tabId, '?', GREY, say(t, locale, besides));
          if (summary.stockUnknown === 0) return show(tabId, '?', GREY, t('badgeTitleNoShopKnown'));
          return show(tabId, '?', GREY, t(UNKNOWN_TITLE[summary.unknownBecause ?? 'not-checked']));
        case 'unreachable':
          return show(tabId, '!', AMBER, t('badgeTitleUnreachable'));
      }
    },
    /** A list page: how many of the books looked up so far shops nearby have (none: the idle icon, no figure). */
    async showListCount(tabId: number, { count, checked }: { count: number; checked: number }): Promise<void> {
      if (count === 0) await clear(tabId);
      else await show(tabId, String(count), GREEN, counted(t, locale, 'badgeTitleListCount', count, [String(count), String(checked)]));
    },
    clear,
  };
}

export type Badge = ReturnType<typeof createBadge>;
