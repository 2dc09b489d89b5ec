// The shopper's language for every part of the popup: numbers and distances written as they write them.
import { browser } from '../../shared/browser';
import { kilometres, uiLocale } from '../../shared/locale';

export const locale = uiLocale((key) => browser.i18n.getMessage(key));
export const distance = kilometres(locale);
export const count = new Intl.NumberFormat(locale);
