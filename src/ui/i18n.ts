// The extension pages' words: one translate function, and the static texts of a page filled from its
// data-i18n attributes (text, title, aria-label, alt).
import { browser } from '../shared/browser';
import { uiLocale } from '../shared/locale';
import type { Translate } from './dom';

export const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);

export function translatePage(titleKey: string): void {
  document.documentElement.lang = uiLocale((key) => browser.i18n.getMessage(key));
  document.title = t(titleKey);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n!);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle!);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel!));
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-alt]')) node.setAttribute('alt', t(node.dataset.i18nAlt!));
}
