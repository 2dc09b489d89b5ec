// Importing a settings file shared by someone else: nothing is taken before the shopper has seen every
// change, before and after; once confirmed, a service on a host the browser refused keeps its value.
import { describe, expect, it } from 'vitest';
import { addressesToAllow, reviewImport, withoutRefused } from '../src/options/import-review';
import { parseSettings } from '../src/shared/settings';

const words = {
  sourceNames: { placedeslibraires: 'Place des Libraires', 'chez-mon-libraire': 'Chez mon libraire', parislibrairies: 'Paris Librairies', 'librairies-nouvelle-aquitaine': 'Librairies Nouvelle-Aquitaine', librel: 'Librel', 'leslibraires-ca': 'leslibraires.ca', 'librarybooks-uk': 'UK library catalogues (Libraries Hacked)', calil: 'Calil (Japan’s library catalogues)', openstreetmap: 'OpenStreetMap' },
  onOff: (on: boolean) => (on ? 'on' : 'off'),
  place: (label: string, radiusKm: number) => `Near ${label}, within ${radiusKm} km`,
};

describe('reviewing an imported settings file', () => {
  const current = parseSettings({ version: 3, radiusKm: 30 });
  const place = { label: 'Bruxelles', lat: 50.85, lon: 4.35, country: 'be' };

  it('lists every setting the file would change, the shopper’s own choices and the services alike, before and after', () => {
    const imported = parseSettings({
      version: 3,
      place,
      radiusKm: 50,
      card: false,
      askOnOpen: true,
      lists: { wishlists: false, searchResults: true },
      favourites: [{ id: 'osm:node/1', name: 'Tropismes' }],
      sources: { placedeslibraires: { enabled: true, baseUrl: 'https://books.example.org/' }, librel: { enabled: true, baseUrl: 'https://www.librel.be/' } },
      geocoders: { nominatim: 'https://geo.example.org/' },
    });
    const review = reviewImport(current, imported, words);
    expect(review.changes).toEqual([
      { label: ['optionsPlace'], before: '—', after: 'Near Bruxelles, within 50 km' },
      { label: ['cardSetting'], before: 'on', after: 'off' },
      { label: ['askOnOpenSetting'], before: 'off', after: 'on' },
      { label: ['listsWishlistsSetting'], before: 'on', after: 'off' },
      { label: ['listsSearchSetting'], before: 'off', after: 'on' },
      { label: ['optionsFavourites'], before: '—', after: 'Tropismes' },
      { label: ['baseUrlOf', 'Place des Libraires'], before: 'https://www.placedeslibraires.fr/', after: 'https://books.example.org/' },
      { label: ['importSourceOn', 'Librel'], before: 'off', after: 'on' },
      { label: ['geocoderElsewhere'], before: 'https://nominatim.openstreetmap.org/', after: 'https://geo.example.org/' },
    ]);
    expect(review.next).toMatchObject({ place, radiusKm: 50, card: false, askOnOpen: true, sources: { placedeslibraires: { baseUrl: 'https://books.example.org/' } } });
    // The review changes nothing by itself.
    expect(current).toEqual(parseSettings({ version: 3, radiusKm: 30 }));
  });

  it('lists nothing for a file that holds the settings the shopper has (an exported backup of the same browser)', () => {
    expect(reviewImport(current, parseSettings(structuredClone(current)), words).changes).toEqual([]);
  });

  it('keeps, once confirmed, each service whose host the browser refused, and takes the rest', () => {
    const imported = parseSettings({
      version: 3,
      place,
      sources: { placedeslibraires: { enabled: true, baseUrl: 'https://books.example.org/' }, librel: { enabled: true, baseUrl: 'https://www.librel.be/' } },
      geocoders: { nominatim: 'https://books.example.org/search' },
      tiles: { vector: { url: 'https://tiles.openfreemap.org/planet', attribution: 'OpenFreeMap', attributionUrl: 'https://openfreemap.org/' }, raster: { url: 'https://tiles.example.net/{z}/{x}/{y}.png', attribution: 'Tiles', attributionUrl: '' } },
    });
    const { next } = reviewImport(current, imported, words);
    expect(addressesToAllow(next)).toEqual([
      'https://books.example.org/',
      'https://www.librel.be/',
      'https://app.leslibraires.ca/',
      'https://www.librarybooks.uk/',
      'https://api.calil.jp/',
      'https://overpass-api.de/api/',
      'https://data.geopf.fr/geocodage/',
      'https://books.example.org/search',
      'https://tiles.openfreemap.org/planet',
      'https://tiles.example.net/{z}/{x}/{y}.png',
    ]);
    const saved = withoutRefused(current, next, (address) => new URL(address).host === 'books.example.org');
    expect(saved.sources.placedeslibraires).toEqual(current.sources.placedeslibraires);
    expect(saved.geocoders.nominatim).toBe(current.geocoders.nominatim);
    expect(saved.sources.librel).toEqual({ enabled: true, baseUrl: 'https://www.librel.be/' });
    expect(saved.tiles).toEqual({ vector: next.tiles.vector, raster: { url: 'https://tiles.example.net/{z}/{x}/{y}.png', attribution: 'Tiles', attributionUrl: '' } });
    expect(saved.place).toEqual(place);
    // Nothing refused: all of it.
    expect(withoutRefused(current, next, () => false)).toEqual(next);
  });
});
