// Importing a settings file shared by someone else: the shopper's own choices are taken, the services
// the extension talks to are changed only once the shopper has seen them, before and after.
import { describe, expect, it } from 'vitest';
import { reviewImport } from '../src/options/import-review';
import { parseSettings } from '../src/shared/settings';

const names = { placedeslibraires: 'Place des Libraires', 'chez-mon-libraire': 'Chez mon libraire', parislibrairies: 'Paris Librairies', 'librairies-nouvelle-aquitaine': 'Librairies Nouvelle-Aquitaine', librel: 'Librel', openstreetmap: 'OpenStreetMap' };
const onOff = (on: boolean) => (on ? 'on' : 'off');

describe('reviewing an imported settings file', () => {
  const current = parseSettings({ version: 3, radiusKm: 30 });
  const place = { label: 'Bruxelles', lat: 50.85, lon: 4.35, country: 'be' };

  it('takes the place, radius, card, list marks and favourites, and lists every service the file would change', () => {
    const imported = parseSettings({
      version: 3,
      place,
      radiusKm: 50,
      card: false,
      lists: { wishlists: false, searchResults: true },
      sources: { placedeslibraires: { enabled: true, baseUrl: 'https://books.example.org/' }, librel: { enabled: true, baseUrl: 'https://www.librel.be/' } },
      geocoders: { nominatim: 'https://geo.example.org/' },
    });
    const review = reviewImport(current, imported, names, onOff);
    expect(review.personal).toMatchObject({ place, radiusKm: 50, card: false, lists: { wishlists: false, searchResults: true }, sources: current.sources, geocoders: current.geocoders });
    expect(review.changes).toEqual([
      { label: ['baseUrlOf', 'Place des Libraires'], before: 'https://www.placedeslibraires.fr/', after: 'https://books.example.org/' },
      { label: ['importSourceOn', 'Librel'], before: 'off', after: 'on' },
      { label: ['geocoderElsewhere'], before: 'https://nominatim.openstreetmap.org/', after: 'https://geo.example.org/' },
    ]);
    expect(review.withServices.sources.placedeslibraires.baseUrl).toBe('https://books.example.org/');
  });

  it('lists nothing for a file that changes no service (an exported backup of the same browser)', () => {
    expect(reviewImport(current, parseSettings({ version: 3, place }), names, onOff).changes).toEqual([]);
  });
});
