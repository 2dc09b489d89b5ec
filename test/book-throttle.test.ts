// The limit on new books per tab: a page that changes its book every half second is asked about once
// every three seconds; a shopper going from book to book is never held back.
import { describe, expect, it } from 'vitest';
import { createBookThrottle } from '../src/background/book-throttle';

describe('the new-book throttle', () => {
  it('admits one new book every 3 seconds per tab, and says when the next may be asked', () => {
    let now = 0;
    const throttle = createBookThrottle(() => now);
    const admitted: number[] = [];
    for (let i = 0; i < 20; i++, now += 500) if (throttle.admit(7).admitted) admitted.push(now);
    expect(admitted).toEqual([0, 3000, 6000, 9000]);
    expect(throttle.admit(7)).toEqual({ admitted: false, retryAt: 12_000 });
    // Another tab has its own gap.
    expect(throttle.admit(8)).toEqual({ admitted: true });
  });

  it('caps a tab at 30 new books an hour, and all tabs together at 240', () => {
    let now = 0;
    const throttle = createBookThrottle(() => now);
    for (let i = 0; i < 30; i++, now += 60_000) expect(throttle.admit(1).admitted).toBe(true);
    expect(throttle.admit(1)).toEqual({ admitted: false, retryAt: 60 * 60 * 1000 });
    const overall = createBookThrottle(() => now);
    for (let tab = 0; tab < 240; tab++) expect(overall.admit(tab).admitted).toBe(true);
    expect(overall.admit(999).admitted).toBe(false);
  });
});
