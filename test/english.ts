// browser.i18n.getMessage, as the browser does it: named placeholders ($COUNT$) resolved through their
// "content" ($1) to the substitutions. For tests that read what the shopper reads, in English or any
// of the extension's languages.
import { readFileSync } from 'node:fs';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** getMessage for one language of _locales. */
export function messageIn(lang: string): (key: string, substitutions?: string | string[]) => string {
  const messages: Messages = JSON.parse(readFileSync(`_locales/${lang}/messages.json`, 'utf8'));
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return '';
    const given = typeof substitutions === 'string' ? [substitutions] : substitutions;
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/, (_m, n: string) => given[Number(n) - 1] ?? '');
    });
  };
}

export const englishMessage = messageIn('en');
