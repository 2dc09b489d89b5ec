// Every string the extension shows comes from _locales, in six languages: the same keys everywhere, the
// same placeholders, and no key used in the code that English lacks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (lang: string): Messages => JSON.parse(readFileSync(join('_locales', lang, 'messages.json'), 'utf8'));
const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl'];
const english = read('en');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function keysUsedInCode(): Set<string> {
  const used = new Set<string>();
  const patterns = [
    /\bt\(\s*'(\w+)'/g,
    /\bt\(\s*[\w.]+\s*\?\s*'(\w+)'\s*:\s*'(\w+)'/g, // t(cond ? 'a' : 'b')
    /getMessage\(\s*'(\w+)'/g,
    /data-i18n(?:-title|-label|-alt)?="(\w+)"/g,
    /line: \['(\w+)'/g,
    /line: \[[^'\]]*\?\s*'(\w+)'\s*:\s*'(\w+)'/g,
  ];
  for (const file of [...filesUnder('src'), 'manifest.json']) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) for (const key of match.slice(1)) if (key) used.add(key);
    for (const match of text.matchAll(/__MSG_(\w+)__/g)) used.add(match[1]!);
    // Tables of keys: const SOMETHING_MESSAGE = { a: 'key', ... }
    for (const table of text.matchAll(/_MESSAGE[^=]*=\s*\{([^}]*)\}/g)) for (const value of table[1]!.matchAll(/:\s*'(\w+)'/g)) used.add(value[1]!);
  }
  return used;
}

describe('translations', () => {
  it('has every key the code uses, in English', () => {
    const missing = [...keysUsedInCode()].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES.slice(1))('has the same keys and placeholders in %s as in English', (lang) => {
    const messages = read(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { placeholders }] of Object.entries(english)) {
      expect(Object.keys(messages[key]!.placeholders ?? {}).sort(), key).toEqual(Object.keys(placeholders ?? {}).sort());
    }
  });

  it('keeps the short name within the 12 characters the toolbar shows', () => {
    for (const lang of LANGUAGES) expect(read(lang).extensionShortName!.message.length, lang).toBeLessThanOrEqual(12);
  });
});
