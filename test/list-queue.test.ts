// The list pages' politeness (src/lists/queue.ts), on a fake clock: at most 20 new lookups a minute
// across tabs, cached answers at once and free, a book asked once per page view, the line kept in the
// order seen, and left by items that scroll away or tabs that close.
import { describe, expect, it } from 'vitest';
import { createListQueue, LIST_LOOKUPS_PER_HOUR, LIST_LOOKUPS_PER_MINUTE, LIST_LOOKUPS_PER_VIEW, MAX_WAITING } from '../src/lists/queue';

/** A queue on a clock the test moves, with a cache of `cached` books; every call is recorded. */
function setup(cached: string[] = [], kept: number[][] = []) {
  let time = 0;
  const timers: Array<{ at: number; run: () => void }> = [];
  const lookups: string[] = [];
  const answers: string[] = [];
  const queue = createListQueue<string>({
    now: () => time,
    cached: async (isbn) => (cached.includes(isbn) ? `cached ${isbn}` : null),
    lookup: async (isbn) => {
      lookups.push(isbn);
      return `asked ${isbn}`;
    },
    answer: (tabId, isbn, answer) => answers.push(`${tabId}: ${answer}`),
    later: (run, ms) => timers.push({ at: time + ms, run }),
    onStarted: (times) => kept.push(times),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** Moves the clock on, running the timers that fall due. */
  const advance = async (ms: number) => {
    time += ms;
    const due = timers.filter((t) => t.at <= time);
    timers.splice(0, timers.length, ...timers.filter((t) => t.at > time));
    for (const timer of due) timer.run();
    await settle();
  };
  return { queue, lookups, answers, timers, settle, advance, at: (ms: number) => (time = ms) };
}

const book = (n: number) => `97800000000${String(n).padStart(2, '0')}`;

describe('the list queue', () => {
  it('asks at most 120 new books an hour, a minute at a time, then waits for the hour’s first to pass', async () => {
    const { queue, lookups, settle, advance } = setup();
    // Four tabs of 60 books each, kept in view for hours.
    for (let tab = 1; tab <= 4; tab++) for (let n = 0; n < 60; n++) await queue.seen(tab, 'view', `978${String(tab).padStart(2, '0')}${String(n).padStart(8, '0')}`);
    await settle();
    for (let minute = 0; minute < 10; minute++) await advance(60_000);
    // 20 a minute for six minutes, then the hour is spent.
    expect(lookups).toHaveLength(LIST_LOOKUPS_PER_HOUR);
    await advance(49 * 60_000);
    expect(lookups).toHaveLength(LIST_LOOKUPS_PER_HOUR);
    // An hour after the first minute's twenty, twenty more.
    await advance(60_000);
    expect(lookups.length).toBeGreaterThan(LIST_LOOKUPS_PER_HOUR);
    expect(lookups.length).toBeLessThanOrEqual(LIST_LOOKUPS_PER_HOUR + LIST_LOOKUPS_PER_MINUTE);
  });

  it('asks at most 60 books per page view, and keeps at most 200 waiting', async () => {
    const { queue, lookups, settle, advance } = setup();
    // A planted list of 300 items in one view: 20 asked at once, 200 wait, the rest are not kept; 60 asked in all.
    for (let n = 0; n < 300; n++) await queue.seen(1, 'planted', `978${String(n).padStart(10, '0')}`);
    await settle();
    expect(lookups).toHaveLength(LIST_LOOKUPS_PER_MINUTE);
    expect(queue.waiting()).toBe(MAX_WAITING);
    for (let minute = 0; minute < 10; minute++) await advance(60_000);
    expect(lookups).toHaveLength(LIST_LOOKUPS_PER_VIEW);
    expect(queue.waiting()).toBe(0);
  });

  it('counts the lookups a stopped worker made in the last minute, and says each start so they can be kept', async () => {
    const kept: number[][] = [];
    const first = setup([], kept);
    first.at(5_000);
    for (let n = 0; n < 15; n++) await first.queue.seen(1, 'a', book(n));
    await first.settle();
    expect(kept.at(-1)).toHaveLength(15);
    // The browser stops the worker; another starts 20 s later with what was kept.
    const second = setup();
    second.at(25_000);
    second.queue.restore(kept.at(-1)!);
    for (let n = 15; n < 30; n++) await second.queue.seen(1, 'b', book(n));
    await second.settle();
    expect(second.lookups).toHaveLength(5);
    await second.advance(40_000); // a minute after the first worker's lookups
    expect(second.lookups).toHaveLength(15);
  });

  it('asks at most 20 new books a minute, the rest in the order seen once the minute is over', async () => {
    const { queue, lookups, settle, advance } = setup();
    for (let n = 0; n < 30; n++) await queue.seen(1, 'view-a', book(n));
    await settle();
    expect(LIST_LOOKUPS_PER_MINUTE).toBe(20);
    expect([LIST_LOOKUPS_PER_HOUR, LIST_LOOKUPS_PER_VIEW, MAX_WAITING]).toEqual([120, 60, 200]);
    expect(lookups).toEqual(Array.from({ length: 20 }, (_, n) => book(n)));
    expect(queue.waiting()).toBe(10);
    await advance(59_999);
    expect(lookups).toHaveLength(20);
    await advance(1);
    expect(lookups.slice(20)).toEqual(Array.from({ length: 10 }, (_, n) => book(20 + n)));
    expect(queue.waiting()).toBe(0);
  });

  it('counts the minute from the first lookup of it, and keeps one timer while books wait, none once the line is empty', async () => {
    const { queue, lookups, timers, settle, advance, at } = setup();
    at(10_000);
    for (let n = 0; n < 50; n++) await queue.seen(1, 'a', book(n));
    await settle();
    expect(lookups).toHaveLength(20);
    expect(timers.map((timer) => timer.at)).toEqual([70_000]); // due when the first lookup is a minute old
    await advance(59_999); // 69,999: not yet
    expect(lookups).toHaveLength(20);
    await advance(1);
    expect(lookups).toHaveLength(40);
    expect(timers).toHaveLength(1);
    await advance(60_000);
    expect(lookups).toHaveLength(50);
    expect(timers).toHaveLength(0);
  });

  it('keeps counting lookups started later in the minute', async () => {
    const { queue, lookups, settle, advance, at } = setup();
    at(30_000);
    for (let n = 0; n < 20; n++) await queue.seen(1, 'a', book(n));
    at(60_000);
    await queue.seen(1, 'a', book(20));
    await settle();
    expect(lookups).toHaveLength(20);
    await advance(29_999);
    expect(lookups).toHaveLength(20);
    await advance(1);
    expect(lookups).toHaveLength(21);
  });

  it('counts the minute across tabs', async () => {
    const { queue, lookups, settle } = setup();
    for (let n = 0; n < 15; n++) await queue.seen(1, 'a', book(n));
    for (let n = 15; n < 30; n++) await queue.seen(2, 'b', book(n));
    await settle();
    expect(lookups).toHaveLength(20);
  });

  it('answers from the cache at once, for nothing', async () => {
    const { queue, lookups, answers, settle } = setup([book(1)]);
    await queue.seen(1, 'a', book(1));
    await settle();
    expect(answers).toEqual([`1: cached ${book(1)}`]);
    expect(lookups).toEqual([]);
  });

  it('asks a book once per page view, however often it scrolls by, and again in a new view', async () => {
    const { queue, lookups, answers, settle } = setup();
    await queue.seen(1, 'a', book(1));
    await queue.seen(1, 'a', book(1));
    await settle();
    queue.unseen(1, 'a', book(1)); // already asked: stays asked
    await queue.seen(1, 'a', book(1));
    await settle();
    expect(lookups).toEqual([book(1)]);
    expect(answers).toEqual([`1: asked ${book(1)}`]);
    await queue.seen(1, 'b', book(1));
    await settle();
    expect(lookups).toEqual([book(1), book(1)]);
  });

  it('drops a waiting book that scrolls away, and takes it back in line when it comes back into view', async () => {
    const { queue, lookups, settle, advance } = setup();
    for (let n = 0; n < 22; n++) await queue.seen(1, 'a', book(n));
    await settle();
    queue.unseen(1, 'a', book(20));
    expect(queue.waiting()).toBe(1);
    await advance(60_000);
    expect(lookups.slice(20)).toEqual([book(21)]);
    await queue.seen(1, 'a', book(20));
    await settle();
    expect(lookups.slice(21)).toEqual([book(20)]);
  });

  it('drops a closed tab’s waiting books, and a page view left behind, and only theirs', async () => {
    const { queue, lookups, settle, advance } = setup();
    for (let n = 0; n < 21; n++) await queue.seen(1, 'a', book(n));
    await queue.seen(2, 'b', book(40));
    await queue.seen(3, 'c', book(41));
    await queue.seen(3, 'c', book(42));
    await settle();
    queue.closed(2);
    queue.view(3, 'c2'); // tab 3 went to another page
    expect(queue.waiting()).toBe(1);
    await advance(60_000);
    expect(lookups.slice(20)).toEqual([book(20)]);
  });

  it('drops only the book that scrolled away in its own tab and view', async () => {
    const { queue, settle } = setup();
    for (let n = 0; n < 20; n++) await queue.seen(9, 'z', book(n));
    await queue.seen(1, 'a', book(30));
    await queue.seen(2, 'a', book(30));
    await queue.seen(1, 'a', book(31));
    await settle();
    queue.unseen(1, 'a', book(30));
    queue.unseen(2, 'b', book(30)); // another view of tab 2: nothing of it waits
    expect(queue.waiting()).toBe(2);
  });

  it('queues nothing for a tab that moved on while its cache was read, and answers nothing to a closed tab', async () => {
    let readCache: (answer: string | null) => void = () => {};
    let finish: (answer: string) => void = () => {};
    const lookups: string[] = [];
    const answers: string[] = [];
    const queue = createListQueue<string>({
      now: () => 0,
      cached: () => new Promise((resolve) => (readCache = resolve)),
      lookup: (isbn) => {
        lookups.push(isbn);
        return new Promise((resolve) => (finish = resolve));
      },
      answer: (tabId, isbn, answer) => answers.push(answer),
      later: () => {},
    });
    const seen = queue.seen(1, 'a', book(1));
    queue.view(1, 'b');
    readCache(null);
    await seen;
    expect(lookups).toEqual([]);

    const again = queue.seen(2, 'a', book(2));
    readCache(null);
    await again;
    expect(lookups).toEqual([book(2)]);
    queue.closed(2);
    finish('late');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers).toEqual([]);
  });

  it('gives no answer to a tab that moved on while its book was asked', async () => {
    let finish: (answer: string) => void = () => {};
    const answers: string[] = [];
    const queue = createListQueue<string>({
      now: () => 0,
      cached: async () => null,
      lookup: () => new Promise((resolve) => (finish = resolve)),
      answer: (tabId, isbn, answer) => answers.push(answer),
      later: () => {},
    });
    await queue.seen(1, 'a', book(1));
    queue.view(1, 'b');
    finish('late');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers).toEqual([]);
  });

  it('shows nothing for a lookup that failed, and keeps going', async () => {
    const answers: string[] = [];
    const queue = createListQueue<string>({
      now: () => 0,
      cached: async () => null,
      lookup: async (isbn) => {
        if (isbn === book(1)) throw new Error('offline');
        return 'ok';
      },
      answer: (tabId, isbn, answer) => answers.push(`${isbn} ${answer}`),
      later: () => {},
    });
    await queue.seen(1, 'a', book(1));
    await queue.seen(1, 'a', book(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers).toEqual([`${book(2)} ok`]);
  });
});
