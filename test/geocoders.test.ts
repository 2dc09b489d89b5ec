// The geocoders as they are in 2026: France through the Géoplateforme (the national address API closed
// on 31 January 2026), elsewhere Nominatim, identified by a contact address as its policy asks.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGeocoder, geocodeRequest, readGeocodeAnswer, readGeoplateformeReverse, readReverseAnswer, reverseRequest, type GeocoderDeps } from '../src/networks/geocoders';
import { realSleep } from '../src/networks/fetch-source';
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

  it('asks the town at a rounded point, and nothing finer: the Géoplateforme in France, Nominatim elsewhere', () => {
    const french = reverseRequest({ lat: 43.6, lon: 1.44 }, 'fr', GEOCODERS_DEFAULT);
    expect(french).toEqual({ geocoder: 'geoplateforme', url: 'https://data.geopf.fr/geocodage/reverse?lon=1.44&lat=43.60&index=address&limit=1' });
    const { geocoder, url } = reverseRequest({ lat: 52.52, lon: 13.4 }, 'de', { ...GEOCODERS_DEFAULT, contactEmail: 'team@campaign.example' });
    const parsed = new URL(url);
    expect([geocoder, parsed.origin + parsed.pathname]).toEqual(['nominatim', 'https://nominatim.openstreetmap.org/reverse']);
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ lat: '52.52', lon: '13.40', zoom: '10', format: 'jsonv2', email: 'team@campaign.example' });
  });

  describe('the town at the browser’s position', () => {
    const asked: string[] = [];
    const stored = new Map<string, unknown>();
    const geocoderWith = (scenario: Scenario) => {
      server.setScenario(scenario);
      return createGeocoder({
        fetch,
        sleep: async () => {},
        geocoders: { ...GEOCODERS_DEFAULT, geoplateforme: `${server.url}geocodage/`, nominatim: server.url },
        now: () => 0,
        cache: { get: async (key) => stored.get(key), set: async (key, value) => void stored.set(key, value) },
        onRequest: (url) => asked.push(url),
      });
    };

    it('names the town and its country, sends the rounded point only, and asks once per point', async () => {
      const { placeAt } = geocoderWith('ok');
      // The country guessed in the form was wrong: the answer's country wins.
      expect(await placeAt({ lat: 51.507_351, lon: -0.127_758 }, 'de')).toEqual({ label: 'London', lat: 51.51, lon: -0.13, country: 'gb', foundBy: 'nominatim' });
      expect(await placeAt({ lat: 51.509, lon: -0.131 }, 'de')).toMatchObject({ label: 'London' });
      expect(asked).toHaveLength(1);
      expect(asked[0]).toContain('lat=51.51&lon=-0.13&');
    });

    it('asks the Géoplateforme in France, and Nominatim only for a point it finds no French address near', async () => {
      stored.clear();
      asked.length = 0;
      const { placeAt } = geocoderWith('ok');
      expect(await placeAt({ lat: 43.604_562, lon: 1.444_209 }, 'fr')).toEqual({ label: 'Toulouse', lat: 43.6, lon: 1.44, country: 'fr', foundBy: 'geoplateforme' });
      expect(asked.map((url) => new URL(url).pathname)).toEqual(['/geocodage/reverse']);
      // A shopper of amazon.fr standing in London: no French address near, so Nominatim names the town.
      expect(await placeAt({ lat: 51.507_351, lon: -0.127_758 }, 'fr')).toMatchObject({ label: 'London', country: 'gb', foundBy: 'nominatim' });
      expect(asked.map((url) => new URL(url).pathname)).toEqual(['/geocodage/reverse', '/geocodage/reverse', '/reverse']);
      // A French address 8 km away is not where the shopper stands.
      expect(readGeoplateformeReverse({ features: [{ geometry: { coordinates: [1.5, 43.6] }, properties: { city: 'Balma', distance: 8_000 } }] })).toBeNull();
      expect(readGeoplateformeReverse({ features: [{ geometry: { coordinates: [1.5, 43.6] }, properties: { city: 'Balma', distance: 900 } }] })).toEqual({ town: 'Balma', country: 'fr' });
      expect(readGeoplateformeReverse({ results: [] })).toBe('bad-data');
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

// The answers' shapes as in stand-ins/payloads.ts (each cited there), with the fields a real answer may
// lack or name differently.
describe('reading what the geocoders answer', () => {
  const feature = (properties: Record<string, string>) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [2.34, 48.86] }, properties }] });

  it.each([
    [{ label: 'Paris 1er Arrondissement', city: 'Paris', postcode: '75001' }, '75001 Paris'],
    [{ label: 'Toulouse', city: 'Toulouse' }, 'Toulouse'],
    [{ label: 'Muret', postcode: '31600' }, '31600 Muret'],
    [{ label: 'Muret' }, 'Muret'],
  ])('names a Géoplateforme place %o "%s"', (properties, label) => {
    expect(readGeocodeAnswer('geoplateforme', feature(properties))).toEqual({ lat: 48.86, lon: 2.34, label });
  });

  it('reads a Nominatim hit with no display name, and says when an answer is not a list of hits', () => {
    expect(readGeocodeAnswer('nominatim', [{ lat: '52.52', lon: '13.40' }])).toEqual({ lat: 52.52, lon: 13.4, label: undefined });
    expect(readGeocodeAnswer('nominatim', [])).toBeNull();
    expect(readGeocodeAnswer('nominatim', { error: 'no' })).toBe('bad-data');
    expect(readGeocodeAnswer('geoplateforme', [])).toBe('bad-data');
  });

  it.each([
    [{ address: { town: 'Muret', country_code: 'FR' } }, { town: 'Muret', country: 'fr' }],
    [{ address: { village: 'Saint-Lys', country_code: 'fra' } }, { town: 'Saint-Lys', country: null }],
    [{ address: { county: 'Haute-Garonne' } }, { town: 'Haute-Garonne', country: null }],
    [{ address: { country_code: 'fr' } }, null],
    [{ error: 'Unable to geocode' }, null],
    [42, 'bad-data'],
  ] as const)('reads the reverse answer %o as %o', (answer, read) => {
    expect(readReverseAnswer(answer)).toEqual(read);
  });

  it('joins an address given with or without its final slash', () => {
    for (const base of ['https://geo.example.org/geocodage', 'https://geo.example.org/geocodage/']) {
      expect(geocodeRequest('Muret', 'fr', { ...GEOCODERS_DEFAULT, geoplateforme: base }).url).toBe('https://geo.example.org/geocodage/search?q=Muret&type=municipality&limit=1');
      expect(geocodeRequest('Bonn', 'de', { ...GEOCODERS_DEFAULT, nominatim: base }).url).toMatch(/^https:\/\/geo\.example\.org\/geocodage\/search\?q=Bonn&/);
      expect(reverseRequest({ lat: 50.73, lon: 7.1 }, 'de', { ...GEOCODERS_DEFAULT, nominatim: base }).url).toMatch(/^https:\/\/geo\.example\.org\/geocodage\/reverse\?lat=/);
    }
  });
});

describe('the geocoder, on answers made for the case', () => {
  /** A geocoder whose every request is answered by `answer`, on a clock the test moves. */
  function geocoderAnswering(answer: (url: URL) => Response, more: Partial<GeocoderDeps> = {}) {
    const asked: string[] = [];
    const pauses: number[] = [];
    const stored = new Map<string, unknown>();
    const geocoder = createGeocoder({
      fetch: (async (input: string) => answer(new URL(input))) as typeof fetch,
      sleep: async (ms) => void pauses.push(ms),
      geocoders: GEOCODERS_DEFAULT,
      now: () => 10_000,
      cache: { get: async (key) => stored.get(key), set: async (key, value) => void stored.set(key, value) },
      onRequest: (url) => void asked.push(url),
      ...more,
    });
    return { ...geocoder, asked, pauses };
  }
  const json = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
  const nominatimHit = (url: URL) => json([{ lat: '52.52', lon: '13.40', display_name: `${url.searchParams.get('q')}, Deutschland` }]);

  it('asks with the spaces a shopper typed folded to one, and takes a place name of the longest length allowed', async () => {
    const { geocode, asked } = geocoderAnswering(nominatimHit);
    expect(await geocode('  Bad   Homburg\t', 'de')).toMatchObject({ ok: true, place: { label: 'Bad Homburg' } });
    expect(new URL(asked[0]!).searchParams.get('q')).toBe('Bad Homburg');
    expect(await geocode('a'.repeat(100), 'de')).toMatchObject({ ok: true });
    expect(await geocode('a'.repeat(101), 'de')).toEqual({ ok: false, reason: 'too-long' });
  });

  it('says why when the geocoder fails or answers in another shape, and names a nameless hit after what was typed', async () => {
    expect(await geocoderAnswering(() => json({}, 503)).geocode('Bonn', 'de')).toEqual({ ok: false, reason: 'server-error' });
    expect(await geocoderAnswering(() => json({ results: [] })).geocode('Bonn', 'de')).toEqual({ ok: false, reason: 'bad-data' });
    expect(await geocoderAnswering(() => json([{ lat: '50.73', lon: '7.10' }])).geocode('Bonn', 'de')).toEqual({ ok: true, place: { label: 'Bonn', lat: 50.73, lon: 7.1, country: 'de', foundBy: 'nominatim' } });
    // A hit with no usable point: not found, rather than a place nowhere.
    expect(await geocoderAnswering(() => json([{ lat: 'north', lon: '7.10', display_name: 'Bonn' }])).geocode('Bonn', 'de')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('keeps Nominatim to one request a second when three places are asked at the same moment', async () => {
    vi.useFakeTimers({ now: 50_000 });
    try {
      const leftAt: number[] = [];
      // The real clock and pause of the worker, on fake timers: each request notes when it leaves.
      const { geocode } = geocoderAnswering(nominatimHit, { now: () => Date.now(), sleep: realSleep, onRequest: () => void leftAt.push(Date.now() - 50_000) });
      const answers = Promise.all(['Bonn', 'Köln', 'Mainz'].map((town) => geocode(town, 'de')));
      await vi.advanceTimersByTimeAsync(3_000);
      expect((await answers).map((answer) => answer.ok)).toEqual([true, true, true]);
      expect(leftAt).toEqual([0, 1_000, 2_000]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps each position’s town apart, asks Nominatim once a second for positions too, and asks nothing it may not', async () => {
    const towns: Record<string, string> = { '50.73': 'Bonn', '52.52': 'Berlin' };
    const reverse = (url: URL) => json({ address: { city: towns[url.searchParams.get('lat')!], country_code: 'de' } });
    const { placeAt, asked, pauses } = geocoderAnswering(reverse);
    expect(await placeAt({ lat: 50.73, lon: 7.1 }, 'de')).toMatchObject({ label: 'Bonn' });
    expect(await placeAt({ lat: 52.52, lon: 13.4 }, 'de')).toMatchObject({ label: 'Berlin' });
    expect(asked).toHaveLength(2);
    // The clock stands still: the second request waited its second.
    expect(pauses).toEqual([1_000]);
    const refused = geocoderAnswering(reverse, { missingPermission: async () => 'https://nominatim.openstreetmap.org/*' });
    expect(await refused.placeAt({ lat: 50.73, lon: 7.1 }, 'de')).toEqual({ label: '50.73, 7.10', lat: 50.73, lon: 7.1, country: 'de' });
    expect(refused.asked).toEqual([]);
  });
});
