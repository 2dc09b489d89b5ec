// The contract check reads the real services' shapes: against the stand-ins (whose answers cite their
// evidence) every line fits, and a stand-in whose answer changes shape is caught.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractBroken, formatLine, liveCheck, tileOf } from '../src/cli/live-check';
import { parseSettings, type Settings } from '../src/shared/settings';
import { startStandInServer, type StandInServer } from '../stand-ins/server';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());
beforeEach(() => server.setScenario('ok'));

/** The production defaults, every address at the stand-in server (as a campaign points them at its own). */
function standInSettings(base: string): Settings {
  const settings = parseSettings({});
  settings.sources.placedeslibraires.baseUrl = base;
  settings.sources.openstreetmap.baseUrl = base;
  settings.geocoders = { ...settings.geocoders, geoplateforme: `${base}geocodage/`, nominatim: base };
  settings.tiles = { vector: { url: `${base}planet`, attribution: 'OpenFreeMap', attributionUrl: '' }, raster: null };
  return settings;
}

describe('the live contract check', () => {
  it('reads every service’s real shape: one line each, all reached, all fitting', async () => {
    const lines = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(lines.map((l) => [l.service, l.reached, l.httpStatus, l.fits])).toEqual([
      ['Place des Libraires', true, 200, true],
      ['Géoplateforme "Toulouse"', true, 200, true],
      ['Géoplateforme "31000"', true, 200, true],
      ['Overpass (1 km, Toulouse)', true, 200, true],
      ['Nominatim "Berlin"', true, 200, true],
      ['Géoplateforme reverse (Toulouse)', true, 200, true],
      ['Nominatim reverse (Berlin)', true, 200, true],
      ['Map tile', true, 200, true],
    ]);
    expect(lines[5]!.found).toBe('Toulouse (fr)');
    // Every network shop that has the book, near Toulouse or not: the check counts, it does not filter.
    expect(lines[0]!.shopsWithBook).toBe(6);
    expect(lines[1]!.found).toBe('31000 Toulouse (43.604429, 1.443812)');
    expect(contractBroken(lines)).toBe(false);
    expect(formatLine(lines[0]!)).toMatch(/^Place des Libraires +reached {2}HTTP 200 {2}fits {2}6 shops with the book {2}\d+ ms$/);
    // Each request identifies the check, with the contact the settings give.
    expect(server.requests.some((url) => url.includes('email=contact%40local-bookshops.example'))).toBe(true);
  });

  it.each([
    ['placedeslibraires', 'missing-fields', 'Place des Libraires', 'bad-data'],
    ['placedeslibraires', 'html', 'Place des Libraires', 'not-json'],
    ['openstreetmap', 'missing-fields', 'Overpass (1 km, Toulouse)', 'bad-data'],
    ['geocoders', 'missing-fields', 'Géoplateforme "Toulouse"', 'bad-data'],
    ['vector', 'html', 'Map tile', 'bad-data'],
  ] as const)('catches a %s answer that changed shape (%s)', async (source, scenario, service, problem) => {
    server.setScenario({ [source]: scenario });
    const lines = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(lines.find((l) => l.service === service)).toMatchObject({ reached: true, fits: false, problem });
    expect(contractBroken(lines)).toBe(true);
    expect(lines.map(formatLine).join('\n')).toContain(`DOES NOT FIT (${problem})`);
  });

  it('reads a vector tile at the address the TileJSON gives, and a raster tile as an image', async () => {
    const before = server.requests.length;
    const lines = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(server.requests.slice(before).filter((url) => url.includes('/planet')).map((url) => url.slice(server.url.length))).toEqual(['planet', 'planet/20261125_001001_pt/12/2064/1495.pbf']);
    server.setScenario({ vector: 'html' });
    const tileAsPage = { ...standInSettings(server.url), tiles: { vector: { url: `${server.url}planet/20261125_001001_pt/{z}/{x}/{y}.pbf`, attribution: '', attributionUrl: '' }, raster: null } };
    expect((await liveCheck({ settings: tileAsPage, fetch, nominatimGapMs: 0 })).at(-1)).toMatchObject({ reached: true, fits: false, problem: 'not-a-tile' });
    server.setScenario({ tiles: 'html' });
    const raster = { ...standInSettings(server.url), tiles: { vector: null, raster: { url: `${server.url}tiles/{z}/{x}/{y}.png`, attribution: '', attributionUrl: '' } } };
    expect((await liveCheck({ settings: raster, fetch, nominatimGapMs: 0 })).at(-1)).toMatchObject({ reached: true, fits: false, problem: 'not-an-image' });
    expect(lines.at(-1)).toMatchObject({ reached: true, httpStatus: 200, fits: true });
  });

  it('reports a refusal and Overpass’s own error as such, without calling the contract broken', async () => {
    server.setScenario({ placedeslibraires: 'forbidden', openstreetmap: 'overpass-remark' });
    const lines = await liveCheck({ settings: standInSettings(server.url), fetch, nominatimGapMs: 0 });
    expect(lines[0]).toMatchObject({ reached: true, httpStatus: 403, fits: null, problem: 'blocked' });
    expect(lines[3]).toMatchObject({ reached: true, fits: true, problem: 'source-error' });
    expect(contractBroken(lines)).toBe(false);
  });

  it('says "unreachable" for each service it cannot reach, quickly, and does not fail for it', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const lines = await liveCheck({ settings: parseSettings({}), fetch: refused, nominatimGapMs: 0 });
    expect(lines.map(formatLine).every((line) => / {2}unreachable {2}\d+ ms$/.test(line))).toBe(true);
    expect(contractBroken(lines)).toBe(false);
  });

  it('asks the real tile that holds Toulouse', () => {
    expect(tileOf({ lat: 43.6, lon: 1.44 }, 12)).toEqual({ z: 12, x: 2064, y: 1495 });
  });
});
