// @vitest-environment jsdom
// Which list items count as looked at (src/lists/visibility.ts), with a stand-in IntersectionObserver and
// a fake clock: seen after staying in view a moment, not when scrolled past, unseen when it leaves.
import { describe, expect, it } from 'vitest';
import { watchVisibility, type Intersection } from '../src/lists/visibility';

/** A book counts as seen after 600 ms in view: pinned as a figure, not read from the code. */
const DWELL_MS = 600;

function setup() {
  let time = 0;
  let callback: (entries: Intersection[]) => void = () => {};
  const observed: string[] = [];
  let disconnected = false;
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextTimer = 1;
  const events: string[] = [];
  const watcher = watchVisibility({
    observer: (cb) => {
      callback = cb;
      return { observe: (element) => observed.push(element.id), disconnect: () => (disconnected = true) };
    },
    setTimer: (run, ms) => {
      timers.set(nextTimer, { at: time + ms, run });
      return nextTimer++;
    },
    clearTimer: (timer) => timers.delete(timer as number),
    onSeen: (element) => events.push(`seen ${element.id}`),
    onUnseen: (element) => events.push(`unseen ${element.id}`),
  });
  const item = (id: string) => Object.assign(document.createElement('div'), { id });
  const advance = (ms: number) => {
    time += ms;
    for (const [id, timer] of [...timers]) if (timer.at <= time) {
      timers.delete(id);
      timer.run();
    }
  };
  const enter = (...elements: Element[]) => callback(elements.map((target) => ({ target, isIntersecting: true })));
  const leave = (...elements: Element[]) => callback(elements.map((target) => ({ target, isIntersecting: false })));
  return { watcher, item, advance, enter, leave, events, observed, timers, disconnected: () => disconnected };
}

describe('list items in view', () => {
  it('count as seen once they stay in view a moment, each once while it stays', () => {
    const { watcher, item, advance, enter, events, observed } = setup();
    const [a, b] = [item('a'), item('b')];
    watcher.watch(a);
    watcher.watch(b);
    expect(observed).toEqual(['a', 'b']);
    enter(a, b);
    advance(DWELL_MS - 1);
    expect(events).toEqual([]);
    advance(1);
    expect(events).toEqual(['seen a', 'seen b']);
    enter(a); // the observer may say it again
    advance(DWELL_MS);
    expect(events).toEqual(['seen a', 'seen b']);
  });

  it('do not count when scrolled past, and count again when they come back and stay', () => {
    const { item, advance, enter, leave, events, timers } = setup();
    const a = item('a');
    enter(a);
    advance(DWELL_MS / 2);
    leave(a);
    expect(timers.size).toBe(0);
    advance(DWELL_MS);
    expect(events).toEqual([]);
    enter(a);
    advance(DWELL_MS);
    expect(events).toEqual(['seen a']);
  });

  it('say when a seen item leaves the view, and not for one never seen', () => {
    const { item, advance, enter, leave, events } = setup();
    const [a, b] = [item('a'), item('b')];
    enter(a);
    advance(DWELL_MS);
    leave(a, b);
    expect(events).toEqual(['seen a', 'unseen a']);
  });

  it('leave no timer and no observer behind when stopped', () => {
    const { watcher, item, advance, enter, events, timers, disconnected } = setup();
    enter(item('a'), item('b'));
    advance(DWELL_MS);
    enter(item('c'));
    watcher.stop();
    expect(timers.size).toBe(0);
    expect(disconnected()).toBe(true);
    advance(DWELL_MS);
    expect(events).toEqual(['seen a', 'seen b']);
  });
});
