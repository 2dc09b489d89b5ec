// Which list items the shopper actually looks at: an item counts as seen once it has stayed in view
// for `dwellMs` (a fast scroll past it is not looking), and as unseen when it leaves after that.
// IntersectionObserver does the watching, off the main thread's layout work: nothing here reads a
// size or a position. The observer and the timers are passed in, so the rule is tested on its own.

export interface Intersection {
  target: Element;
  isIntersecting: boolean;
}

export interface VisibilityDeps {
  /** new IntersectionObserver(callback) in the content script. */
  observer: (callback: (entries: Intersection[]) => void) => { observe(element: Element): void; disconnect(): void };
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  onSeen: (element: Element) => void;
  onUnseen: (element: Element) => void;
  dwellMs?: number;
}

/** Long enough to tell reading from scrolling past; short enough that a mark appears while the shopper is still there. */
export const DWELL_MS = 600;

export function watchVisibility(deps: VisibilityDeps) {
  const dwell = deps.dwellMs ?? DWELL_MS;
  /** A timer while an item waits out its dwell; true once it has been seen. */
  const state = new Map<Element, unknown>();
  const observer = deps.observer((entries) => {
    for (const { target, isIntersecting } of entries) {
      const now = state.get(target);
      if (isIntersecting && now === undefined) {
        state.set(
          target,
          deps.setTimer(() => {
            state.set(target, true);
            deps.onSeen(target);
          }, dwell),
        );
      } else if (!isIntersecting && now !== undefined) {
        state.delete(target);
        if (now === true) deps.onUnseen(target);
        else deps.clearTimer(now);
      }
    }
  });
  return {
    watch(element: Element): void {
      observer.observe(element);
    },
    /** The page is going away, or marks were turned off: no timer is left behind. */
    stop(): void {
      observer.disconnect();
      for (const value of state.values()) if (value !== true) deps.clearTimer(value);
      state.clear();
    },
  };
}
