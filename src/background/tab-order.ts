// The order of work per tab, apart from what the work is: which task is a tab's newest (an answer for
// the book before never lands on a tab that moved on), which tabs this worker is busy with (a stored
// "asking" for any other was left by a stopped worker), and a per-tab line for work that must not overlap.
// Pure: no browser API, no timer.

/** Each tab's newest task: `start` returns whether the task it starts is still the tab's newest. */
export function createNewestTasks() {
  const newest = new Map<number, number>();
  let tasks = 0;
  return {
    start(tabId: number): () => boolean {
      const task = ++tasks;
      newest.set(tabId, task);
      return () => newest.get(tabId) === task;
    },
  };
}

/** The tabs with work under way in this worker, counted (two at once for one tab end one by one). */
export function createBusyTabs() {
  const busy = new Map<number, number>();
  return {
    async with<T>(tabId: number, work: () => Promise<T>): Promise<T> {
      busy.set(tabId, (busy.get(tabId) ?? 0) + 1);
      try {
        return await work();
      } finally {
        const left = busy.get(tabId)! - 1;
        if (left > 0) busy.set(tabId, left);
        else busy.delete(tabId);
      }
    },
    has: (tabId: number) => busy.has(tabId),
  };
}

/** Work on one tab runs one at a time, in the order it came; a failure does not stop the work after it. */
export function createTabLine() {
  const working = new Map<number, Promise<unknown>>();
  return function inOrder<T>(tabId: number, work: () => Promise<T>): Promise<T> {
    const next = (working.get(tabId) ?? Promise.resolve()).then(work);
    working.set(tabId, next.catch(() => {}));
    return next;
  };
}
