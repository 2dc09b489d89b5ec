// The geocoders as they are in 2026: France through the Géoplateforme (the national address API closed
// on 31 January 2026), elsewhere Nominatim, identified by a contact address as its policy asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder, geocodeRequest, reverseRequest } from '../src/networks/geocoders';
import { GEOCODERS_DEFAULT } from '../src/shared/settings';
import type { Scenario } from '../stand-ins/answer';
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
    const { geocode } = createGeocoder({
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

  it('asks Nominatim at most once a second, as its policy asks, and the Géoplateforme without waiting; a town asked before is not asked again', async () => {
    let clock = 10_000;
    const pauses: Array<[string, number]> = [];
    const asked: string[] = [];
    const stored = new Map<string, unknown>();
    const { geocode } = createGeocoder({
      fetch,
      sleep: async (ms) => {
        pauses.push([asked.at(-1) ?? '', ms]);
        clock += ms;
      },
      geocoders: { ...GEOCODERS_DEFAULT, geoplateforme: `${server.url}geocodage/`, nominatim: server.url },
      now: () => clock,
      onRequest: (url) => void asked.push(new URL(url).searchParams.get('q') ?? ''),
      cache: { get: async (key) => stored.get(key), set: async (key, value) => void stored.set(key, value) },
    });
    await geocode('London', 'gb');
    clock += 300;
    await geocode('Berlin', 'de');
    await geocode('31000', 'fr');
    await geocode('Toulouse', 'fr');
    clock += 5_000;
    await geocode('Paris', 'us');
    // The second Nominatim request waited the rest of the second; the others did not wait.
    expect(pauses).toEqual([['London', 700]]);
    expect(asked).toEqual(['London', 'Berlin', '31000', 'Toulouse', 'Paris']);
    // Asked again with other spaces and case: from what was kept, no request.
    expect(await geocode('  LONDON ', 'gb')).toMatchObject({ ok: true, place: { label: 'London' } });
    expect(asked).toHaveLength(5);
  });

  it('refuses what is not a place before asking anyone', async () => {
    const asked: string[] = [];
    const { geocode } = createGeocoder({
      fetch,
      geocoders: { ...GEOCODERS_DEFAULT, geoplateforme: `${server.url}geocodage/`, nominatim: server.url },
      now: () => 0,
      onRequest: (url) => void asked.push(url),
      cache: { get: async () => undefined, set: async () => {} },
    });
    expect(await geocode('x'.repeat(200), 'fr')).toEqual({ ok: false, reason: 'too-long' });
    expect(await geocode(' -- !! ', 'fr')).toEqual({ ok: false, reason: 'not-found' });
    expect(asked).toEqual([]);
  });

  it('asks nothing of a geocoder the browser does not let it ask', async () => {
    const asked: string[] = [];
    const { geocode } = createGeocoder({
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

  it('asks Nominatim for the town at a rounded point, and nothing finer', () => {
    const parsed = new URL(reverseRequest({ lat: 43.6, lon: 1.44 }, { ...GEOCODERS_DEFAULT, contactEmail: 'team@campaign.example' }));
    expect(parsed.origin + parsed.pathname).toBe('https://nominatim.openstreetmap.org/reverse');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ lat: '43.60', lon: '1.44', zoom: '10', format: 'jsonv2', email: 'team@campaign.example' });
  });

  describe('the town at the browser’s position', () => {
    const asked: string[] = [];
    const stored = new Map<string, unknown>();
    const geocoderWith = (scenario: Scenario) => {
      server.setScenario(scenario);
      return createGeocoder({
        fetch,
        sleep: async () => {},
        geocoders: { ...GEOCODERS_DEFAULT, nominatim: server.url },
        now: () => 0,
        cache: { get: async (key) => stored.get(key), set: async (key, value) => void stored.set(key, value) },
        onRequest: (url) => asked.push(url),
      });
    };

    it('names the town and its country, sends the rounded point only, and asks once per point', async () => {
      const { placeAt } = geocoderWith('ok');
      // The country guessed in the form was wrong: the answer's country wins.
      expect(await placeAt({ lat: 51.507_351, lon: -0.127_758 }, 'fr')).toEqual({ label: 'London', lat: 51.51, lon: -0.13, country: 'gb', foundBy: 'nominatim' });
      expect(await placeAt({ lat: 51.509, lon: -0.131 }, 'fr')).toMatchObject({ label: 'London' });
      expect(asked).toHaveLength(1);
      expect(asked[0]).toContain('lat=51.51&lon=-0.13&');
    });

    it('keeps the point, shown as its coordinates, when no town comes back', async () => {
      stored.clear();
      expect(await geocoderWith('server-error').placeAt({ lat: 43.604_562, lon: 1.444_209 }, 'fr')).toEqual({ label: '43.60, 1.44', lat: 43.6, lon: 1.44, country: 'fr' });
      // Out at sea Nominatim answers { error: "Unable to geocode" }.
      expect(await geocoderWith('ok').placeAt({ lat: 45.5, lon: -20.25 }, 'fr')).toEqual({ label: '45.50, -20.25', lat: 45.5, lon: -20.25, country: 'fr' });
      server.setScenario('ok');
    });
  });
});
