// The mark on a list item whose book a shop near the shopper has: "A bookshop near you has it", beside
// the item's title, a button that opens the results for that book. As the card (card.ts): a closed
// shadow root on an element this script made, light on Amazon's white page, its words drawn as
// generated content (nothing window.find() can find or select into), clicks that a page script makes
// up ignored. No count, no shop, no distance: the page's own scripts could read those from a list they
// planted (which books a shop within the radius has); the popup, out of their reach, counts.
export interface MarkDeps {
  document: Document;
  t: (key: string, substitutions?: string[]) => string;
  locale: string;
  onOpen: (isbn13: string) => void;
}

const STYLE = `
:host { all: initial; display: block; margin: 4px 0; }
.mark { font: 12px/1.3 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #0b5d3b; background: #eef7f1; color-scheme: light;
  border: 1px solid #9cc9b2; border-radius: 12px; padding: 2px 10px; min-height: 24px; cursor: pointer; text-align: start; }
.mark::before { content: ''; display: inline-block; width: 8px; height: 8px; border-radius: 50%; background: #1f6f50; margin-inline-end: 6px; }
.mark::after { content: attr(data-text); }
.mark { user-select: none; -webkit-user-select: none; }
.mark:hover { background: #dff0e6; }
.mark:focus-visible { outline: 2px solid #0b5d3b; outline-offset: 2px; }
@media (pointer: coarse) { .mark { min-height: 44px; } }`;

/** Where a mark goes in an item: after its title (after the title's link, never inside it), else at its end. */
function placeIn(item: Element, title: Element | null): { node: Element; where: InsertPosition } {
  if (!title || !item.contains(title)) return { node: item, where: 'beforeend' };
  const link = title.closest('a');
  return { node: link && item.contains(link) ? link : title, where: 'afterend' };
}

export function createMarks({ document, t, onOpen }: MarkDeps) {
  /** Each item's mark: its host, made and kept by this script, and the host's closed shadow root. */
  const marks = new Map<Element, { host: HTMLElement; root: ShadowRoot }>();

  return {
    /** Shows the mark on `item` (a shop near the shopper has its book). */
    show(item: Element, title: Element | null, isbn13: string): void {
      let mark = marks.get(item);
      // Amazon may have re-rendered the item and dropped the mark: make a new one.
      if (!mark?.host.isConnected) {
        const host = document.createElement('div');
        host.dataset.localBookshops = 'mark';
        mark = { host, root: host.attachShadow({ mode: 'closed' }) };
        marks.set(item, mark);
        const place = placeIn(item, title);
        place.node.insertAdjacentElement(place.where, host);
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'mark';
      button.dataset.text = t('markHasIt');
      button.setAttribute('aria-label', t('markHasIt'));
      button.title = t('markOpen');
      button.addEventListener('click', (event) => {
        // Amazon's own handlers on the item (it opens the product) do not see this click.
        event.preventDefault();
        event.stopPropagation();
        if (event.isTrusted) onOpen(isbn13);
      });
      const style = document.createElement('style');
      style.textContent = STYLE;
      mark.root.replaceChildren(style, button);
    },
    /** Every mark leaves the page (marks turned off, another place, the script stopping). */
    clear(): void {
      for (const { host } of marks.values()) host.remove();
      marks.clear();
    },
  };
}
