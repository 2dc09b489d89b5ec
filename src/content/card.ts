// The small card on an Amazon book page: how many shops near the shopper have the book, and a link to
// them, in the words the popup uses for the same answer (shared/answer-words). It lives in a closed
// Shadow DOM, so Amazon's styles and ours never mix, and its words are generated content, which a page
// script can neither read through the DOM nor find with window.find() (whose selection, in Firefox,
// led into the closed root when the words were text). It still names no shop and no distance
// ("Librairie X, 1.2 km" would place the shopper within a kilometre): the popup, which Amazon cannot
// reach, says those. It is put below the buy box (nothing of
// Amazon's moves or hides) and only when the worker has shops to show. Its buttons ignore events a
// page script makes up (isTrusted), and every text goes in as text.
import { cardPlace } from './card-place';
import { say } from '../shared/plural';
import { headline } from '../shared/answer-words';
import type { ShowCard } from '../messages/worker-to-content';

export interface CardDeps {
  document: Document;
  t: (key: string, substitutions?: string[]) => string;
  locale: string;
  onOpen: () => void;
  onDismiss: () => void;
}

// Light whatever the system theme: the card sits on Amazon's white page, which does not turn dark.
const STYLE = `
:host { all: initial; display: block; margin: 10px 0; }
.card { font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1d1b16; background: #f6fbf8; color-scheme: light;
  border: 1px solid #9cc9b2; border-radius: 8px; padding: 8px 32px 8px 10px; position: relative; }
[data-text]::before { content: attr(data-text); }
.card { user-select: none; -webkit-user-select: none; }
.headline { margin: 0 0 4px; font-weight: 600; }
.law { margin: 4px 0 0; color: #5f5a4f; }
.from { margin: 0 0 2px; color: #5f5a4f; font-size: 12px; }
.open { font: inherit; color: #0b5d3b; background: none; border: 0; padding: 2px 0; min-height: 24px; min-width: 24px; text-decoration: underline; cursor: pointer; }
.close { position: absolute; top: 2px; right: 2px; font: 16px/1 system-ui, sans-serif; background: none; border: 0; color: #5f5a4f; cursor: pointer;
  min-width: 24px; min-height: 24px; padding: 4px; }
.open:focus-visible, .close:focus-visible { outline: 2px solid #0b5d3b; outline-offset: 2px; }
/* A finger (phones, tablets): 44 px targets, and room for the close button beside the words. */
@media (pointer: coarse) { .card { padding-right: 48px; } .open, .close { min-width: 44px; min-height: 44px; } }`;

export interface Card {
  /** Shows the card, or updates the one shown. Returns false when the page has no place for it. */
  show(message: ShowCard): boolean;
  remove(): void;
}

/**
 * The card of one content script. Its host is an element this script made and keeps (never one looked up
 * in the page, which a page script could have planted), with a closed shadow root: a page script sees
 * that the card is there and nothing of what it says.
 */
export function createCard({ document, t, locale, onOpen, onDismiss }: CardDeps): Card {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;

  function remove(): void {
    host?.remove();
    host = null;
    root = null;
  }

  function show(message: ShowCard): boolean {
    const summary = message.needsPlace ? undefined : message.summary;
    const words = summary && headline(summary, (n) => new Intl.NumberFormat(locale).format(n));
    // Nothing to count (the worker then sends HideCard; this is the card's own guard).
    if (!message.needsPlace && !words) {
      remove();
      return false;
    }
    // Amazon may have re-rendered the column and dropped the card: make a new one.
    if (!host?.isConnected || !root) {
      remove();
      const anchor = cardPlace(document);
      if (!anchor) return false;
      host = document.createElement('div');
      host.dataset.localBookshops = 'card';
      root = host.attachShadow({ mode: 'closed' });
      anchor.node.insertAdjacentElement(anchor.where, host);
    }
    root.replaceChildren(...cardContent(message, words));
    return true;
  }

  function cardContent(message: ShowCard, words: ReturnType<typeof headline> | undefined): Node[] {
    // Every word is drawn as generated content (CSS `content: attr(data-text)`), never a text node: a
    // page script's window.find() then has nothing in the card to find, nor a selection to climb from
    // into the closed root (Firefox hands it the root that way). Screen readers read generated content.
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string) => {
      const node = document.createElement(tag);
      node.className = className;
      if (text) node.dataset.text = text;
      return node;
    };
    const card = make('div', 'card', '');
    card.setAttribute('role', 'complementary');
    card.setAttribute('aria-label', t('extensionName'));
    const line = make('p', 'headline', words ? say(t, locale, words) : t('cardSetTown'));
    const open = make('button', 'open', t(message.needsPlace ? 'cardSetTownOpen' : 'cardOpen'));
    open.type = 'button';
    // (A button's name from its generated text is not in every browser's accessibility tree: said outright.)
    open.setAttribute('aria-label', open.dataset.text!);
    const close = make('button', 'close', '×');
    close.type = 'button';
    close.title = t('cardClose');
    close.setAttribute('aria-label', t('cardClose'));
    open.addEventListener('click', (event) => {
      if (event.isTrusted) onOpen();
    });
    close.addEventListener('click', (event) => {
      if (!event.isTrusted || !host) return;
      // The focus is on the host, seen from outside a shadow root.
      if (document.activeElement === host) focusNear(host);
      remove();
      onDismiss();
    });
    // Which extension put this card on Amazon's page (a campaign's build says its own name).
    card.append(make('p', 'from', t('extensionName')), line, open, close);
    if (message.country === 'fr') card.append(make('p', 'law', t('cardFixedPrice')));
    const style = document.createElement('style');
    style.textContent = STYLE;
    return [style, card];
  }

  return { show, remove };
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';
const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/**
 * The card closed while it had the keyboard's focus: focus goes to the page's control just before it
 * (the buy box's last button), else just after, never to <body>. Once, on a click: no layout is read.
 */
function focusNear(host: Element): void {
  const controls = [...host.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const before = controls.filter((control) => host.compareDocumentPosition(control) & PRECEDING).reverse();
  const after = controls.filter((control) => host.compareDocumentPosition(control) & FOLLOWING);
  for (const control of [...before.slice(0, 10), ...after.slice(0, 10)]) {
    control.focus();
    if (host.ownerDocument.activeElement === control) return;
  }
}
