// Counted words in the shopper's language ("1 bookshop", "2 bookshops", "0 librairie"): the browser's
// i18n has no plural forms, so a message may have a `<key>_one` form, chosen by the language's own
// rule (Intl.PluralRules), and `<key>` serves every other count.

export type Message = (key: string, substitutions?: string[]) => string;

/** Whether the language says this count with its "one" form (1 in English, 0 and 1 in French). */
function takesOne(locale: string, count: number): boolean {
  try {
    return new Intl.PluralRules(locale).select(count) === 'one';
  } catch {
    return count === 1;
  }
}

export function counted(message: Message, locale: string, key: string, count: number, substitutions: string[]): string {
  // A language without a `_one` message (or a browser that returns '' for it) falls back to `key`.
  return (takesOne(locale, count) && message(`${key}_one`, substitutions)) || message(key, substitutions);
}

/** A message given as [key, substitutions, count]: counted when it has a count, plain otherwise. */
export function say(message: Message, locale: string, [key, substitutions = [], count]: [string, string[]?, number?]): string {
  return count === undefined ? message(key, substitutions) : counted(message, locale, key, count, substitutions);
}
