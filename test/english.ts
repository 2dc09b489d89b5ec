// browser.i18n.getMessage, as the browser does it for English: named placeholders ($COUNT$) resolved
// through their "content" ($1) to the substitutions. For tests that read what the shopper reads.
import { readFileSync } from 'node:fs';

const english: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8'));

export function englishMessage(key: string, substitutions: string | string[] = []): string {
  const entry = english[key];
  if (!entry) return '';
  const given = typeof substitutions === 'string' ? [substitutions] : substitutions;
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/, (_m, n: string) => given[Number(n) - 1] ?? '');
  });
}
