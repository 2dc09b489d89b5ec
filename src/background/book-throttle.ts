// How often a tab may bring a new book to look up. A page script (or an injected one on Amazon) can
// rewrite the product details every second; each new book costs requests to the networks from the
// shopper's address. In the worker's memory: a page hammering it keeps the worker awake anyway.

export interface BookLimits {
  /** Between two new books in one tab. */
  gapMs: number;
  /** New books per tab per hour. */
  perTabPerHour: number;
  /** New books per hour, all tabs together. */
  overallPerHour: number;
}

/** A shopper going from book to book is far below these; a page changing its book every second is not. */
export const BOOK_LIMITS: BookLimits = { gapMs: 3000, perTabPerHour: 30, overallPerHour: 240 };

const HOUR = 60 * 60 * 1000;

export function createBookThrottle(now: () => number, limits: BookLimits = BOOK_LIMITS) {
  const perTab = new Map<number, number[]>();
  let overall: number[] = [];
  const lastHour = (times: number[], at: number) => times.filter((time) => at - time < HOUR);

  return {
    /** Admits (and counts) a new book for this tab now, or says from when it may be asked. */
    admit(tabId: number): { admitted: true } | { admitted: false; retryAt: number } {
      const at = now();
      const tab = lastHour(perTab.get(tabId) ?? [], at);
      overall = lastHour(overall, at);
      const waits = [
        tab.length > 0 ? tab[tab.length - 1]! + limits.gapMs : 0,
        tab.length >= limits.perTabPerHour ? tab[tab.length - limits.perTabPerHour]! + HOUR : 0,
        overall.length >= limits.overallPerHour ? overall[overall.length - limits.overallPerHour]! + HOUR : 0,
      ];
      const retryAt = Math.max(...waits);
      perTab.set(tabId, tab);
      if (retryAt > at) return { admitted: false, retryAt };
      tab.push(at);
      overall.push(at);
      return { admitted: true };
    },
    forget(tabId: number): void {
      perTab.delete(tabId);
    },
  };
}

export type BookThrottle = ReturnType<typeof createBookThrottle>;
