// The small shared helpers the pages and the card speak through: the language for figures, distances,
// counted words, HTML escaping for the two libraries that take HTML, the ISBN as people read it, and
// which storage changes are settings.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeHtml } from '../src/shared/escape-html';
import { displayIsbn13 } from '../src/shared/isbn-format';
import { kilometres, uiLocale } from '../src/shared/locale';
import { counted, say } from '../src/shared/plural';
import { changesSettings } from '../src/shared/settings-storage';

const messages: Record<string, string> = { uiLocale: 'fr', shops: '$1 librairies', shops_one: '$1 librairie', hello: 'Bonjour $1' };
const message = (key: string, substitutions: string[] = []) => (messages[key] ?? '').replace('$1', substitutions[0] ?? '');

afterEach(() => vi.unstubAllGlobals());

describe('the language of figures', () => {
  it('is the messages’ own language, with the browser’s region when it is the same language', () => {
    vi.stubGlobal('navigator', { language: 'fr-CA' });
    expect(uiLocale(message)).toBe('fr-CA');
    vi.stubGlobal('navigator', { language: 'en-US' });
    expect(uiLocale(message)).toBe('fr');
    expect(uiLocale(() => '')).toBe('en-US'); // no language named: English, with the browser's region
    vi.stubGlobal('navigator', undefined);
    expect(uiLocale(message)).toBe('fr');
    expect(uiLocale(() => '')).toBe('en');
  });

  it('writes distances as the language does, to a tenth', () => {
    expect(kilometres('en').format(0.54)).toBe('0.5 km');
    expect(kilometres('fr').format(1.26)).toBe('1,3\u202fkm'); // French: a narrow no-break space
    expect(kilometres('en').format(12)).toBe('12 km');
  });
});

describe('counted words', () => {
  it('takes the language’s one-form where it has one, and the plain form for every other count', () => {
    expect(counted(message, 'fr', 'shops', 1, ['1'])).toBe('1 librairie');
    expect(counted(message, 'fr', 'shops', 0, ['0'])).toBe('0 librairie'); // French counts zero as one
    expect(counted(message, 'en', 'shops', 0, ['0'])).toBe('0 librairies');
    expect(counted(message, 'fr', 'shops', 2, ['2'])).toBe('2 librairies');
  });

  it('falls back to one-for-one where the language is unknown, and to the plain form where no one-form exists', () => {
    expect(counted(message, 'not a locale!', 'shops', 1, ['1'])).toBe('1 librairie');
    expect(counted(message, 'not a locale!', 'shops', 0, ['0'])).toBe('0 librairies');
    expect(counted(message, 'fr', 'hello', 1, ['Marie'])).toBe('Bonjour Marie');
  });

  it('says a message with its substitutions, counted only when it has a count', () => {
    expect(say(message, 'fr', ['hello', ['Marie']])).toBe('Bonjour Marie');
    expect(say(message, 'fr', ['shops', ['1'], 1])).toBe('1 librairie');
    expect(say(message, 'fr', ['shops'])).toBe(' librairies');
  });
});

describe('text for the libraries that take HTML, and the ISBN as people read it', () => {
  it('escapes every character HTML gives a meaning to, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a> é`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62; é');
  });

  it('shows the prefix apart', () => {
    expect(displayIsbn13('9782205057331')).toBe('978-2205057331');
  });
});

describe('storage changes that are settings', () => {
  it('are the shopper’s choices in sync and the services in local, and nothing else', () => {
    expect(changesSettings({ settings: {} }, 'sync')).toBe(true);
    expect(changesSettings({ services: {} }, 'local')).toBe(true);
    expect(changesSettings({ services: {} }, 'sync')).toBe(false);
    expect(changesSettings({ settings: {} }, 'local')).toBe(false);
    expect(changesSettings({ 'cache:x': {} }, 'local')).toBe(false);
    expect(changesSettings({ 'tab:7': {} }, 'session')).toBe(false);
  });
});
