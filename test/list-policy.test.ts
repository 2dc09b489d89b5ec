// Which list pages get marks, and the setting behind them (src/lists/policy.ts, settings.lists).
import { describe, expect, it } from 'vitest';
import { marksOn } from '../src/lists/policy';
import { parseSettings, readSettings, SETTINGS_VERSION } from '../src/shared/settings';

const TOULOUSE = { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' };

describe('marks on list pages', () => {
  it('are on for wish lists and off for search results and bestseller lists by default, for settings stored before they existed too', () => {
    const settings = parseSettings({ version: SETTINGS_VERSION, place: TOULOUSE });
    expect(settings.lists).toEqual({ wishlists: true, searchResults: false });
    expect(marksOn(settings, 'wishlist')).toBe(true);
    expect(marksOn(settings, 'search')).toBe(false);
    expect(marksOn(settings, 'bestsellers')).toBe(false);
  });

  it('follow the shopper’s choices: search results and bestseller lists together, wish lists apart', () => {
    const settings = parseSettings({ version: SETTINGS_VERSION, place: TOULOUSE, lists: { wishlists: false, searchResults: true } });
    expect([marksOn(settings, 'wishlist'), marksOn(settings, 'search'), marksOn(settings, 'bestsellers')]).toEqual([false, true, true]);
  });

  it('are never shown before a place is set, nor when books are looked up only on opening the popup', () => {
    const all = { wishlists: true, searchResults: true };
    expect(marksOn(parseSettings({ version: SETTINGS_VERSION, place: null, lists: all }), 'wishlist')).toBe(false);
    expect(marksOn(parseSettings({ version: SETTINGS_VERSION, place: TOULOUSE, askOnOpen: true, lists: all }), 'wishlist')).toBe(false);
  });

  it('fall back to the defaults when the stored value is damaged, and say it was repaired', () => {
    const { settings, repaired } = readSettings({ version: SETTINGS_VERSION, place: TOULOUSE, lists: { wishlists: 'yes', searchResults: 1 } });
    expect(settings.lists).toEqual({ wishlists: true, searchResults: false });
    expect(repaired).toBe(true);
    expect(readSettings({ version: SETTINGS_VERSION, place: TOULOUSE, lists: { wishlists: false, searchResults: true } }).repaired).toBe(false);
  });
});
