// The order of work per tab: a task knows whether it is still its tab's newest, a tab is busy while any
// work on it runs, and one tab's line runs its work one at a time in the order it came.
import { describe, expect, it } from 'vitest';
import { createBusyTabs, createNewestTasks, createTabLine } from '../src/background/tab-order';

describe('the order of work per tab', () => {
  it('tells a task it is no longer its tab’s newest once another started there, not elsewhere', () => {
    const tasks = createNewestTasks();
    const first = tasks.start(7);
    const other = tasks.start(8);
    expect([first(), other()]).toEqual([true, true]);
    const second = tasks.start(7);
    expect([first(), second(), other()]).toEqual([false, true, true]);
  });

  it('keeps a tab busy until the last of its works ends, failed or not', async () => {
    const busy = createBusyTabs();
    let release!: () => void;
    const long = busy.with(7, () => new Promise<void>((resolve) => (release = resolve)));
    await expect(busy.with(7, async () => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    expect([busy.has(7), busy.has(8)]).toEqual([true, false]);
    release();
    await long;
    expect(busy.has(7)).toBe(false);
  });

  it('runs one tab’s work one at a time in the order it came, past a failure; other tabs do not wait', async () => {
    const inOrder = createTabLine();
    const done: string[] = [];
    let release!: () => void;
    const first = inOrder(7, () => new Promise<void>((resolve) => (release = resolve)).then(() => void done.push('7a')));
    const failing = inOrder(7, async () => Promise.reject(new Error('failed')));
    const third = inOrder(7, async () => void done.push('7c'));
    await inOrder(8, async () => void done.push('8'));
    expect(done).toEqual(['8']);
    release();
    await first;
    await expect(failing).rejects.toThrow('failed');
    await third;
    expect(done).toEqual(['8', '7a', '7c']);
  });
});
