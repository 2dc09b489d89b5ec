// Stored settings are parsed, never trusted: an older shape is migrated, a damaged part falls back to its
// default and is reported, and nothing stored can make the extension fail.
import { countryOfStorefront, storefrontOfCountry } from '../src/book/storefronts';
import { describe, expect, it } from 'vitest';
import { GEOCODERS_DEFAULT, isServiceAddress, MIGRATIONS, parseSettings, readSettings, readStoredSettings, SETTINGS_VERSION, SOURCE_DEFAULTS, StrictSettings, TILES_DEFAULT } from '../src/shared/settings';
import { loadSettings, saveSettings } from '../src/shared/settings-storage';
import { fakeStorageArea } from './fake-browser';

describe('stored settings', () => {
  it('gives the defaults for nothing stored, without calling it a repair', () => {
    expect(readSettings(undefined)).toMatchObject({ repaired: false, settings: { version: SETTINGS_VERSION, place: null, radiusKm: 30, card: true, favourites: [], tiles: TILES_DEFAULT } });
  });

  it('moves a version-1 radius out of the place', () => {
    const { settings, repaired } = readSettings({ place: { label: 'Albi', lat: 43.93, lon: 2.15, country: 'fr', radiusKm: 50 } });
    expect(repaired).toBe(false);
    expect(settings).toMatchObject({ version: SETTINGS_VERSION, radiusKm: 50, place: { label: 'Albi', lat: 43.93, lon: 2.15, country: 'fr' } });
  });

  it('moves an install that kept the closed French geocoder to the Géoplateforme, and keeps an address someone chose', () => {
    const old = { version: 2, radiusKm: 20, geocoders: { apiAdresse: 'https://api-adresse.data.gouv.fr/', nominatim: 'https://nominatim.openstreetmap.org/' } };
    const moved = readSettings(old);
    expect(moved.repaired).toBe(false);
    expect(moved.settings).toMatchObject({ version: SETTINGS_VERSION, radiusKm: 20, geocoders: GEOCODERS_DEFAULT });
    expect(JSON.stringify(moved.settings)).not.toContain('api-adresse');
    // Without the trailing slash, as a hand-edited file may have it.
    expect(readSettings({ ...old, geocoders: { ...old.geocoders, apiAdresse: 'https://api-adresse.data.gouv.fr' } }).settings.geocoders.geoplateforme).toBe(GEOCODERS_DEFAULT.geoplateforme);
    const campaign = readSettings({ ...old, geocoders: { apiAdresse: 'https://geocoder.example.org/', nominatim: 'https://nominatim.example.org/' } });
    expect(campaign.settings.geocoders).toEqual({ geoplateforme: 'https://geocoder.example.org/', nominatim: 'https://nominatim.example.org/', contactEmail: GEOCODERS_DEFAULT.contactEmail });
  });

  it.each([
    ['a string', 'settings'],
    ['an array', [1, 2]],
    ['a radius that is not a number', { version: 2, radiusKm: 'far' }],
    ['a place off the Earth', { version: 2, place: { label: 'x', lat: 123, lon: 0, country: 'fr' } }],
    ['a javascript: tile address', { version: 2, tiles: { url: 'javascript:alert(1)', attribution: '' } }],
    ['a source address that is not http(s)', { version: 2, sources: { openstreetmap: { enabled: true, baseUrl: 'file:///etc/passwd' } } }],
    // A settings file shared on a forum must not send the ISBNs in clear to a host of its choosing.
    ['a stock network at a plain-http host', { version: 3, sources: { placedeslibraires: { enabled: true, baseUrl: 'http://books.example.org/' } } }],
    ['a geocoder at a plain-http host', { version: 3, geocoders: { nominatim: 'http://geo.example.org/' } }],
    ['a tile server at a plain-http host', { version: 3, tiles: { url: 'http://tiles.example.org/{z}/{x}/{y}.png', attribution: '' } }],
    ['a Nominatim contact that is not an e-mail address', { version: 3, geocoders: { contactEmail: 'not an address' } }],
    // The credit's link is shown to the shopper: http(s) only.
    ['a javascript: credit link', { version: 5, tiles: { vector: { url: 'https://tiles.example.org/planet', attribution: 'x', attributionUrl: 'javascript:alert(1)' }, raster: null } }],
    ['vector tiles at a plain-http host', { version: 5, tiles: { vector: { url: 'http://tiles.example.org/planet', attribution: '', attributionUrl: '' }, raster: null } }],
  ])('repairs %s, and says so', (_what, stored) => {
    const { settings, repaired } = readSettings(stored);
    expect(repaired).toBe(true);
    expect(StrictSettings.safeParse(settings).success).toBe(true);
  });
});

describe('service addresses', () => {
  it('takes https, and plain http only on this machine (the stand-ins, local development)', () => {
    const source = (baseUrl: string) => readSettings({ version: 3, sources: { placedeslibraires: { enabled: true, baseUrl } } }).settings.sources.placedeslibraires.baseUrl;
    expect(source('https://books.example.org/')).toBe('https://books.example.org/');
    expect(source('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/');
    expect(source('http://localhost:8080/')).toBe('http://localhost:8080/');
    expect(source('http://books.example.org/')).toBe('https://www.placedeslibraires.fr/');
    expect(source('http://127.0.0.1.example.org/')).toBe('https://www.placedeslibraires.fr/');
  });
});

describe('where the settings are kept', () => {
  const evil = { sources: { placedeslibraires: { enabled: true, baseUrl: 'https://books.example.org/' } }, geocoders: { nominatim: 'https://geo.example.org/' }, tiles: { vector: { url: 'https://tiles.example.org/planet', attribution: 'Example', attributionUrl: 'https://tiles.example.org/' }, raster: null } };

  it('syncs the shopper’s own choices and keeps the services in this browser only', async () => {
    const areas = { sync: fakeStorageArea(), local: fakeStorageArea() };
    const settings = parseSettings({ radiusKm: 12, card: false, ...evil });
    await saveSettings(areas, settings);
    expect(Object.keys(areas.sync.data.get('settings') as object).sort()).toEqual(['askOnOpen', 'card', 'favourites', 'libraries', 'lists', 'place', 'radiusKm', 'version']);
    expect(Object.keys(areas.local.data.get('services') as object).sort()).toEqual(['geocoders', 'sources', 'tiles']);
    expect((await loadSettings(areas)).settings).toEqual(settings);
  });

  it('takes no service from the synced part: another browser’s settings cannot send this one’s requests elsewhere', () => {
    // What an earlier version, or a browser syncing a hand-made value, leaves in storage.sync.
    const synced = { version: 3, radiusKm: 12, ...evil };
    const { settings, repaired } = readStoredSettings(synced, undefined, null);
    expect(repaired).toBe(false);
    expect(settings.radiusKm).toBe(12);
    expect(settings.sources.placedeslibraires).toEqual(SOURCE_DEFAULTS.placedeslibraires);
    expect([settings.geocoders, settings.tiles]).toEqual([GEOCODERS_DEFAULT, TILES_DEFAULT]);
    // The same services kept in this browser's own storage are used.
    expect(readStoredSettings(synced, evil, null).settings.sources.placedeslibraires.baseUrl).toBe('https://books.example.org/');
  });

  it('starts a campaign build from its own services and place, and says a damaged part was repaired', () => {
    const campaign = { place: { label: 'Albi', lat: 43.93, lon: 2.15, country: 'fr' }, ...evil };
    expect(readStoredSettings(undefined, undefined, campaign).settings).toMatchObject({ place: { label: 'Albi' }, tiles: evil.tiles });
    // The shopper's own place, with the build's services until they change them.
    expect(readStoredSettings({ version: 4, place: null }, undefined, campaign).settings).toMatchObject({ place: null, tiles: evil.tiles });
    expect(readStoredSettings({ version: 4 }, 'garbage', null).repaired).toBe(true);
    expect(readStoredSettings({ version: 4 }, { tiles: { url: 'javascript:alert(1)', attribution: '' } }, null)).toMatchObject({ repaired: true, settings: { tiles: TILES_DEFAULT } });
  });
});

describe('saving the settings', () => {
  it('writes only the part that changed (storage.sync allows few writes a minute)', async () => {
    const areas = { sync: fakeStorageArea(), local: fakeStorageArea() };
    const settings = parseSettings({});
    await saveSettings(areas, settings);
    const writes: string[] = [];
    for (const [name, area] of Object.entries(areas)) {
      const set = area.set.bind(area);
      area.set = async (items) => {
        writes.push(name);
        return set(items);
      };
    }
    const pinned = { ...settings, favourites: [{ id: 'placedeslibraires:1', name: 'Librairie X' }] };
    await saveSettings(areas, pinned);
    expect(writes).toEqual(['sync']);
    await saveSettings(areas, { ...pinned, tiles: { vector: null, raster: { url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '', attributionUrl: '' } } });
    expect(writes).toEqual(['sync', 'local']);
  });
});

describe('the rest of the settings rules', () => {
  it('takes an https address, plain http only on this machine, and nothing that merely contains one', () => {
    expect(isServiceAddress('https://books.example.org/')).toBe(true);
    expect(isServiceAddress('HTTPS://books.example.org/')).toBe(true);
    expect(isServiceAddress('http://127.0.0.1:8080/')).toBe(true);
    expect(isServiceAddress('http://books.example.org/')).toBe(false);
    expect(isServiceAddress('javascript:"https://books.example.org/"')).toBe(false);
    expect(isServiceAddress('x http://127.0.0.1/')).toBe(false);
    // Another scheme whose address is this machine's is not plain http.
    expect(isServiceAddress('xhttp://127.0.0.1/')).toBe(false);
  });

  it('takes a raster tile address only with all of {z}, {x} and {y}; a vector one may be a TileJSON document', () => {
    const raster = (url: string) => readSettings({ version: 5, tiles: { vector: null, raster: { url, attribution: '', attributionUrl: '' } } }).settings.tiles;
    expect(raster('https://tiles.example.org/{z}/{x}/{y}.png').raster?.url).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    for (const missing of ['https://tiles.example.org/{x}/{y}.png', 'https://tiles.example.org/{z}/{y}.png', 'https://tiles.example.org/{z}/{x}.png']) {
      expect(raster(missing), missing).toEqual(TILES_DEFAULT);
    }
    const vector = { url: 'https://tiles.example.org/planet', attribution: 'Example', attributionUrl: '' };
    expect(readSettings({ version: 5, tiles: { vector, raster: null } })).toMatchObject({ repaired: false, settings: { tiles: { vector, raster: null } } });
    // No map at all is a choice too (the popup shows the list alone).
    expect(readSettings({ version: 5, tiles: { vector: null, raster: null } })).toMatchObject({ repaired: false, settings: { tiles: { vector: null, raster: null } } });
  });

  it('moves version 4’s one raster server: the old default gives way to vector tiles, a server someone chose stays', () => {
    const old = (url: string, attribution: string) => ({ version: 4, tiles: { url, attribution } });
    expect(readSettings(old('https://tile.openmaps.fr/opentopomap/{z}/{x}/{y}.png', '© OpenTopoMap-R · © OpenStreetMap contributors'))).toMatchObject({ repaired: false, settings: { tiles: TILES_DEFAULT } });
    expect(readSettings(old('https://tiles.example.org/{z}/{x}/{y}.png', '© Example Maps · © OpenStreetMap contributors'))).toMatchObject({
      repaired: false,
      settings: { version: SETTINGS_VERSION, tiles: { vector: null, raster: { url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example Maps', attributionUrl: '' } } },
    });
    // A credit in any of the old forms keeps its own parts (less OpenStreetMap's), or none at all.
    const credit = (attribution?: string) => readSettings({ version: 4, tiles: { url: 'https://tiles.example.org/{z}/{x}/{y}.png', ...(attribution === undefined ? {} : { attribution }) } }).settings.tiles.raster?.attribution;
    expect(credit('Example|OpenStreetMap')).toBe('Example');
    expect(credit('Tiles A · Style B | © OpenStreetMap contributors')).toBe('Tiles A · Style B');
    expect(credit()).toBe('');
    // The services part in storage.local carries no version: its tiles move by their shape, once.
    const kept = { tiles: { url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: 'Example | OpenStreetMap' } };
    const moved = readStoredSettings({ version: 4 }, kept, null);
    expect(moved).toMatchObject({ repaired: false, settings: { tiles: { vector: null, raster: { url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: 'Example' } } } });
    expect(readStoredSettings({ version: 5 }, { tiles: moved.settings.tiles }, null).settings.tiles).toEqual(moved.settings.tiles);
    expect(readStoredSettings({ version: 5 }, { tiles: { url: 'https://tile.openmaps.fr/opentopomap/{z}/{x}/{y}.png', attribution: '' } }, null).settings.tiles).toEqual(TILES_DEFAULT);
  });

  it('drops the hosted directory address earlier versions stored by default (a domain the project never held), and keeps a campaign’s own', () => {
    const stored = (directoryUrl: string) => ({ sources: { ...SOURCE_DEFAULTS, openstreetmap: { ...SOURCE_DEFAULTS.openstreetmap, directoryUrl } } });
    const former = stored('https://bookshop-finder.org/directory/');
    expect(readStoredSettings({ version: 5 }, former, null)).toMatchObject({ repaired: false, settings: { sources: { openstreetmap: { directoryUrl: '' } } } });
    expect(readSettings({ version: 5, ...former }).settings.sources.openstreetmap.directoryUrl).toBe('');
    expect(readStoredSettings({ version: 5 }, stored('https://annuaire.librairies-occitanie.fr/'), null).settings.sources.openstreetmap.directoryUrl).toBe('https://annuaire.librairies-occitanie.fr/');
    // Any placeholder host likewise: it belongs to nobody who could serve it.
    expect(readStoredSettings({ version: 5 }, stored('https://directory.example.org/'), null).settings.sources.openstreetmap.directoryUrl).toBe('');
    // The default: no hosted directory (the one in the package answers).
    expect(parseSettings({}).sources.openstreetmap.directoryUrl).toBe('');
  });

  it('gives Nominatim this build’s contact in place of a stored placeholder one, and keeps a campaign’s own', () => {
    const stored = (contactEmail: string) => ({ geocoders: { ...GEOCODERS_DEFAULT, contactEmail } });
    expect(readStoredSettings({ version: 5 }, stored('nominatim@bookshop-finder.org'), null).settings.geocoders.contactEmail).toBe(GEOCODERS_DEFAULT.contactEmail);
    expect(readSettings({ version: 5, ...stored('team@geo.example.org') }).settings.geocoders.contactEmail).toBe(GEOCODERS_DEFAULT.contactEmail);
    expect(readStoredSettings({ version: 5 }, stored('librairies@occitanie-livre.fr'), null).settings.geocoders.contactEmail).toBe('librairies@occitanie-livre.fr');
    // Outside a release build the contact is the marked example, never a real-looking address nobody reads.
    expect(GEOCODERS_DEFAULT.contactEmail).toBe('contact@local-bookshops.example');
  });

  it('migrates each older version one step at a time, and leaves a current one alone', () => {
    // Version 1 with a radius of its own outside the place: that one stays.
    expect(readSettings({ place: { label: 'Albi', lat: 43.93, lon: 2.15, country: 'fr', radiusKm: 50 }, radiusKm: 10 }).settings.radiusKm).toBe(10);
    // A current value is not migrated again: its radius inside a place means nothing.
    expect(readSettings({ version: 4, place: { label: 'Albi', lat: 43.93, lon: 2.15, country: 'fr', radiusKm: 50 } }).settings.radiusKm).toBe(30);
    // A version-3 value keeps its geocoders as they are (no apiAdresse step), and comes out current.
    const v3 = readSettings({ version: 3, geocoders: { geoplateforme: 'https://geocoder.example.org/' } });
    expect([v3.settings.version, v3.settings.geocoders.geoplateforme, v3.repaired]).toEqual([SETTINGS_VERSION, 'https://geocoder.example.org/', false]);
    // Version 2 with no apiAdresse at all, or an address that is not one: the default.
    expect(readSettings({ version: 2, geocoders: { nominatim: 'https://nominatim.example.org/' } }).settings.geocoders).toMatchObject({ geoplateforme: GEOCODERS_DEFAULT.geoplateforme, nominatim: 'https://nominatim.example.org/' });
    expect(readSettings({ version: 2, geocoders: { apiAdresse: 'not a url' } }).settings.geocoders.geoplateforme).toBe(GEOCODERS_DEFAULT.geoplateforme);
  });

  it('calls a value repaired only when something was stored and had to be dropped', () => {
    expect(readSettings(null).repaired).toBe(false);
    expect(readSettings({ version: 4, radiusKm: 'far' }).repaired).toBe(true);
    expect(readStoredSettings(null, null, null).repaired).toBe(false);
    expect(readStoredSettings(undefined, { tiles: { url: 'javascript:alert(1)', attribution: '' } }, null).repaired).toBe(true);
    expect(readStoredSettings(undefined, { tiles: { vector: { url: 'javascript:alert(1)', attribution: '', attributionUrl: '' }, raster: null } }, null).repaired).toBe(true);
    expect(readStoredSettings({ version: 4, radiusKm: 'far' }, undefined, null).repaired).toBe(true);
    // A version-1 place's radius is taken only when it is a number (version 1 never checked it).
    expect(readSettings({ place: { label: 'Albi', lat: 43.93, lon: 2.15, country: 'fr', radiusKm: 'far' } })).toMatchObject({ settings: { radiusKm: 30 }, repaired: false });
    // A file from a later version: read as far as it can be, and said so.
    expect(readSettings({ version: SETTINGS_VERSION + 1, radiusKm: 40 })).toMatchObject({ settings: { version: SETTINGS_VERSION, radiusKm: 40 }, repaired: true });
    // A version-2 address that is not one: the default, and said so (it is not the closed service's, dropped quietly).
    expect(readSettings({ version: 2, geocoders: { apiAdresse: 'not a url' } }).repaired).toBe(true);
    expect(readSettings({ version: 2, geocoders: { apiAdresse: 'https://api-adresse.data.gouv.fr/' } }).repaired).toBe(false);
    // Nothing stored: a campaign build's first-run value is the campaign's, not a repair of the shopper's.
    expect(readStoredSettings(undefined, undefined, { radiusKm: 'far' }).repaired).toBe(false);
  });
});

describe('storefronts and countries', () => {
  it.each([
    ['amazon.fr', 'fr'],
    ['amazon.com', 'us'],
    ['amazon.co.uk', 'gb'],
    ['amazon.co.jp', 'jp'],
    ['amazon.com.be', 'be'],
    ['amazon.de', 'de'],
    ['amazon.com.mx', 'mx'],
    [undefined, 'fr'],
    ['amazon.example', 'fr'],
    ['amazon.c', 'fr'],
  ])('%s sells to %s', (storefront, country) => {
    expect(countryOfStorefront(storefront)).toBe(country);
  });

  it('finds the storefront of a country, amazon.fr where there is none', () => {
    expect(storefrontOfCountry('de')).toBe('amazon.de');
    expect(storefrontOfCountry('us')).toBe('amazon.com');
    expect(storefrontOfCountry('gb')).toBe('amazon.co.uk');
    expect(storefrontOfCountry('be')).toBe('amazon.com.be');
    expect(storefrontOfCountry('zz')).toBe('amazon.fr');
  });
});

describe('the migrations', () => {
  it('have one step from each older version to the next, up to the current one, each saying why', () => {
    expect(MIGRATIONS.map((migration) => migration.from)).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 1));
    for (const migration of MIGRATIONS) expect(migration.why, String(migration.from)).not.toBe('');
  });

  it('leave a version that is no number of theirs for the parse to report, not taken as current', () => {
    expect(readSettings({ version: 'x', radiusKm: 50 }).repaired).toBe(true);
    expect(readSettings({ radiusKm: 50 })).toMatchObject({ settings: { radiusKm: 50, version: SETTINGS_VERSION }, repaired: false });
  });
});
