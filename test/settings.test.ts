// Stored settings are parsed, never trusted: an older shape is migrated, a damaged part falls back to its
// default and is reported, and nothing stored can make the extension fail.
import { describe, expect, it } from 'vitest';
import { readSettings, SETTINGS_VERSION, StrictSettings, TILES_DEFAULT } from '../src/shared/settings';

describe('stored settings', () => {
  it('gives the defaults for nothing stored, without calling it a repair', () => {
    expect(readSettings(undefined)).toMatchObject({ repaired: false, settings: { version: SETTINGS_VERSION, place: null, radiusKm: 30, card: true, favourites: [], tiles: TILES_DEFAULT } });
  });

  it('moves a version-1 radius out of the place', () => {
    const { settings, repaired } = readSettings({ place: { label: 'Albi', lat: 43.93, lon: 2.15, country: 'fr', radiusKm: 50 } });
    expect(repaired).toBe(false);
    expect(settings).toMatchObject({ version: 2, radiusKm: 50, place: { label: 'Albi', lat: 43.93, lon: 2.15, country: 'fr' } });
  });

  it.each([
    ['a string', 'settings'],
    ['an array', [1, 2]],
    ['a radius that is not a number', { version: 2, radiusKm: 'far' }],
    ['a place off the Earth', { version: 2, place: { label: 'x', lat: 123, lon: 0, country: 'fr' } }],
    ['a javascript: tile address', { version: 2, tiles: { url: 'javascript:alert(1)', attribution: '' } }],
    ['a source address that is not http(s)', { version: 2, sources: { openstreetmap: { enabled: true, baseUrl: 'file:///etc/passwd' } } }],
  ])('repairs %s, and says so', (_what, stored) => {
    const { settings, repaired } = readSettings(stored);
    expect(repaired).toBe(true);
    expect(StrictSettings.safeParse(settings).success).toBe(true);
  });
});
