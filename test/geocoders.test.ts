// The geocoders as they are in 2026: France through the Géoplateforme (the national address API closed
// on 31 January 2026), elsewhere Nominatim, identified by a contact address as its policy asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder, geocodeRequest } from '../src/networks/geocoders';
import { GEOCODERS_DEFAULT } from '../src/shared/settings';
import { startStandInServer, type StandInServer } from '../stand-ins/server';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());

describe('the geocoders', () => {
  it('asks the Géoplateforme for a French town or postcode, and nothing else of it', () => {
    const { geocoder, url } = geocodeRequest('31000', 'fr', GEOCODERS_DEFAULT);
    expect(geocoder).toBe('geoplateforme');
    expect(url).toBe('https://data.geopf.fr/geocodage/search?q=31000&type=municipality&limit=1');
  });

  it('asks Nominatim elsewhere, in the chosen country, with the contact its policy asks for', () => {
    const { geocoder, url } = geocodeRequest('Berlin', 'de', { ...GEOCODERS_DEFAULT, contactEmail: 'team@campaign.example' });
    expect(geocoder).toBe('nominatim');
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('https://nominatim.openstreetmap.org/search');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ q: 'Berlin', countrycodes: 'de', format: 'jsonv2', limit: '1', email: 'team@campaign.example' });
  });

  it('places "31000" in Toulouse from the Géoplateforme’s answer, and says which service found it', async () => {
    const geocode = createGeocoder({
      fetch,
      sleep: async () => {},
      geocoders: { ...GEOCODERS_DEFAULT, geoplateforme: `${server.url}geocodage/`, nominatim: server.url },
      now: () => 0,
      cache: { get: async () => undefined, set: async () => {} },
    });
    expect(await geocode('31000', 'fr')).toEqual({ ok: true, place: { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr', foundBy: 'geoplateforme' } });
    expect(await geocode('London', 'gb')).toEqual({ ok: true, place: { label: 'London', lat: 51.51, lon: -0.13, country: 'gb', foundBy: 'nominatim' } });
    // A French postcode looked for in the United States is not Toulouse: the country matters.
    expect(await geocode('31000', 'us')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('asks nothing of a geocoder the browser does not let it ask', async () => {
    const asked: string[] = [];
    const geocode = createGeocoder({
      fetch,
      sleep: async () => {},
      geocoders: { ...GEOCODERS_DEFAULT, geoplateforme: `${server.url}geocodage/` },
      now: () => 0,
      cache: { get: async () => undefined, set: async () => {} },
      onRequest: (url) => asked.push(url),
      missingPermission: async () => 'https://data.geopf.fr/*',
    });
    expect(await geocode('31000', 'fr')).toEqual({ ok: false, reason: 'needs-permission' });
    expect(asked).toEqual([]);
  });
});
