// The language the extension's texts are shown in, for Intl (numbers, distances, times). Each
// messages.json names its own language (uiLocale), so figures always match the words; the browser's
// region is kept when it is the same language (en-GB stays en-GB). Neither getUILanguage() nor
// @@ui_locale is enough: headless Chromium with --lang=fr shows French messages and reports en-US.
// `message` is the API's i18n.getMessage: given, so the content script can use this without the polyfill.

export function uiLocale(message: (key: string) => string): string {
  const language = message('uiLocale') || 'en';
  const preferred = typeof navigator === 'undefined' ? '' : navigator.language;
  return preferred.split('-')[0] === language ? preferred : language;
}

/** Distances as the shopper's language writes them ("0.5 km", "0,5 km"), to a tenth. */
export function kilometres(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
}
