// The list script's work on one list page: tells the worker the page's view, watches the items that
// have a print edition, says which stayed in view a moment (lists/visibility.ts) and which left before
// their answer, and marks the ones the worker says shops nearby have. Items Amazon adds later (a wish
// list loads more as it scrolls) are picked up after the page has settled. Never reads a size or a
// position; all it reads of the page is findListItems' attributes and links.
import { findListItems } from '../book/find-list';
import { LIST_TITLE_SELECTORS } from '../book/amazon-selectors';
import { watchVisibility, type VisibilityDeps } from '../lists/visibility';
import { readListAnswer, readToListPage, type ListMark } from '../messages/worker-to-content';
import type { ListMessage } from '../messages/content-to-worker';
import { createMarks, type MarkDeps } from './list-marks';

export interface ListPageDeps extends Omit<MarkDeps, 'onOpen'>, Pick<VisibilityDeps, 'observer' | 'setTimer' | 'clearTimer'> {
  send: (message: ListMessage) => Promise<unknown>;
  /** Calls `changed` after the page's content changed (a MutationObserver in the browser); returns the way to stop. */
  onPageChange: (changed: () => void) => () => void;
  /** A new view's name: random, so a page cannot guess another's. */
  newView: () => string;
  /** The address the page was loaded at (read before the page's scripts could rewrite it): the worker reads the list's kind from it. */
  address: string;
}

/** Quiet time after the page's last change before it is read again. */
export const RESCAN_MS = 500;
/** Books waiting for their answer are said again this often while in view: a worker the browser stopped meanwhile starts again with them. */
export const RESEND_MS = 20_000;

interface Watching {
  answer(mark: ListMark): void;
  stop(): void;
}

export function createListPage(deps: ListPageDeps) {
  const marks = createMarks({ ...deps, onOpen: (isbn13) => void deps.send({ type: 'ListOpen', isbn13 }).catch(() => {}) });
  let view = '';
  let running: Watching | null = null;

  /** Watches the list of the current view. */
  function watch(): Watching {
    const items = new Map<Element, { isbn13: string; title: string | null; titleElement: Element | null }>();
    /** Answers of this view, by book (0: no shop nearby); books in view still waiting for theirs. */
    const answers = new Map<string, number>();
    const waiting = new Map<string, string | null>();
    const say = (message: ListMessage) => void deps.send(message).catch(() => {});

    const visibility = watchVisibility({
      ...deps,
      onSeen: (element) => {
        const item = items.get(element)!;
        const count = answers.get(item.isbn13);
        if (count !== undefined) return;
        waiting.set(item.isbn13, item.title);
        say({ type: 'ListSeen', view, isbn13: item.isbn13, title: item.title });
      },
      onUnseen: (element) => {
        const { isbn13 } = items.get(element)!;
        if (!waiting.delete(isbn13)) return;
        say({ type: 'ListUnseen', view, isbn13 });
      },
    });

    function scan(): void {
      for (const item of findListItems(deps.document)) {
        if (!item.isbn13 || items.has(item.element)) continue;
        items.set(item.element, { isbn13: item.isbn13, title: item.title, titleElement: item.element.querySelector(LIST_TITLE_SELECTORS) });
        visibility.watch(item.element);
        // Already answered in this view (the same book twice in a list): marked at once.
        const count = answers.get(item.isbn13);
        if (count) marks.show(item.element, items.get(item.element)!.titleElement, item.isbn13);
      }
    }

    let rescan: unknown;
    const stopChanges = deps.onPageChange(() => {
      deps.clearTimer(rescan);
      rescan = deps.setTimer(scan, RESCAN_MS);
    });
    let resend = deps.setTimer(function again() {
      for (const [isbn13, title] of waiting) say({ type: 'ListSeen', view, isbn13, title });
      resend = deps.setTimer(again, RESEND_MS);
    }, RESEND_MS);
    scan();

    return {
      answer({ isbn13, count }: ListMark) {
        answers.set(isbn13, count);
        waiting.delete(isbn13);
        if (count === 0) return;
        for (const [element, item] of items) if (item.isbn13 === isbn13) marks.show(element, item.titleElement, isbn13);
      },
      stop() {
        stopChanges();
        deps.clearTimer(rescan);
        deps.clearTimer(resend);
        visibility.stop();
      },
    };
  }

  /** A new view: the worker is told, and says whether this shopper wants marks here. */
  async function start(): Promise<void> {
    stop();
    view = deps.newView();
    const startedView = view;
    const answer = readListAnswer(await deps.send({ type: 'ListShown', view, address: deps.address }));
    if (answer.marks && view === startedView) running = watch();
  }

  function stop(): void {
    running?.stop();
    running = null;
    marks.clear();
  }

  return {
    start,
    stop,
    /** A message from the worker: an answer for a book of this view, "start again", or "which view?" (the reply). */
    receive(message: unknown): { view: string } | undefined {
      const said = readToListPage(message);
      if (said?.type === 'StillListing') return view ? { view } : undefined;
      if (said?.type === 'ListMark' && said.view === view) running?.answer(said);
      if (said?.type === 'ListRestart') void start().catch(() => {});
      return undefined;
    },
  };
}
