// The country the place form starts on, guessed on the device: the Amazon storefront in use, then the
// time zone, then the browser's region.
import { describe, expect, it } from 'vitest';
import { guessCountry } from '../src/ui/country-guess';

describe('guessing the shopper’s country', () => {
  it.each([
    [{ storefrontCountry: 'fr', timeZone: 'Europe/Berlin', uiLanguage: 'en-US' }, 'fr'],
    [{ timeZone: 'Europe/Paris', uiLanguage: 'en-US' }, 'fr'],
    [{ timeZone: 'Europe/London', uiLanguage: 'fr-FR' }, 'gb'],
    [{ timeZone: 'UTC', uiLanguage: 'en-US' }, 'us'],
    [{ timeZone: 'America/New_York', uiLanguage: 'de' }, 'fr'],
    [{}, 'fr'],
  ])('%o → %s', (clues, country) => {
    expect(guessCountry(clues)).toBe(country);
  });
});
