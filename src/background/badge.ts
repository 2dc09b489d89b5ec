// The toolbar icon's badge, per tab. Until the stock lookup answers, a found book is a quiet grey dot.
import type { Action } from '../shared/browser';

export type BadgeApi = Pick<Action.Static, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;
type Translate = (key: string, substitutions?: string | string[]) => string;

const QUIET_GREY = '#5f6368';

export function createBadge(action: BadgeApi, t: Translate) {
  return {
    async showBookSeen(tabId: number, isbn13: string | null): Promise<void> {
      await Promise.all([
        action.setBadgeBackgroundColor({ tabId, color: QUIET_GREY }),
        action.setBadgeText({ tabId, text: '•' }),
        action.setTitle({ tabId, title: isbn13 ? t('badgeTitleBookSeen', isbn13) : t('actionTitle') }),
      ]);
    },
    async clear(tabId: number): Promise<void> {
      await Promise.all([action.setBadgeText({ tabId, text: '' }), action.setTitle({ tabId, title: t('actionTitle') })]);
    },
  };
}

export type Badge = ReturnType<typeof createBadge>;
