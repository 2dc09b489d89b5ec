// The shopper's settings, under one zod schema with defaults. Whatever is stored is parsed: an older
// shape is migrated, and a damaged part falls back to its default (and says so). They are kept in two
// parts: the shopper's own choices (place, radius, card, favourites) in storage.sync, to follow them to
// their other browsers; the services (which networks, their addresses, geocoders, tiles), which decide
// where requests go, in storage.local, so no synced value can redirect another browser's requests.
// zod/mini: the popup and options carry these schemas, and mini's functions tree-shake.
import * as z from 'zod/mini';
import { isPlaceholder } from '../release/identity';
import { PROJECT_IDENTITY } from './identity';
import { isThisMachine } from './host-pattern';

export const DEFAULT_RADIUS_KM = 30;

export const Place = z.object({
  label: z.string().check(z.minLength(1), z.maxLength(120)),
  /** Rounded to two decimals before it is stored (about a kilometre). */
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
  /** ISO 3166-1 alpha-2, lower case: which geocoder and which portals. */
  country: z.string().check(z.regex(/^[a-z]{2}$/)),
  /** Which service found it (credited where the place is shown); absent for a position from the browser. */
  foundBy: z.optional(z.enum(['geoplateforme', 'nominatim'])),
});
export type Place = z.infer<typeof Place>;

/**
 * A service's address: https only, so nothing a shopper sends (an ISBN, a place) crosses the network in
 * clear, and no settings file can point a service at a plain-http host. The one exception is this very
 * machine (localhost, 127.0.0.1, [::1]), where nothing leaves it: the stand-ins and local development.
 */
export const isServiceAddress = (url: string) => /^https:\/\//i.test(url) || (/^http:\/\//i.test(url) && isThisMachine(url));
const WebAddress = z.url({ protocol: /^https?$/ }).check(z.refine(isServiceAddress, 'must be an https:// address'));
/** The bookshop directory's address ('' for none: the live Overpass query only). */
const DirectoryAddress = z.union([z.literal(''), WebAddress]);
const Source = z.object({ enabled: z.boolean(), baseUrl: WebAddress, directoryUrl: z.optional(DirectoryAddress) });

/**
 * A hosted bookshop directory (`npm run directory -- --hosted`) that a campaign names on its own site:
 * none by default. The project's directory ships inside the extension (networks/packaged-directory.ts),
 * so no request is made for it and no host can stand in for it.
 */
export const DIRECTORY_DEFAULT = '';

/**
 * Stored sources whose hosted directory is at a placeholder host (earlier versions stored, as the
 * default, one at a domain the project never held): the packaged directory instead, never asked.
 */
function upgradeDirectory(sources: unknown): unknown {
  const stored = isObject(sources) && isObject(sources.openstreetmap) ? sources.openstreetmap.directoryUrl : undefined;
  if (typeof stored !== 'string' || !stored || !isPlaceholder(stored)) return sources;
  return { ...(sources as Record<string, unknown>), openstreetmap: { ...((sources as Record<string, unknown>).openstreetmap as object), directoryUrl: DIRECTORY_DEFAULT } };
}

export const SOURCE_DEFAULTS = {
  placedeslibraires: { enabled: true, baseUrl: 'https://www.placedeslibraires.fr/' },
  'chez-mon-libraire': { enabled: false, baseUrl: 'https://www.chez-mon-libraire.fr/' },
  parislibrairies: { enabled: false, baseUrl: 'https://www.parislibrairies.fr/' },
  'librairies-nouvelle-aquitaine': { enabled: false, baseUrl: 'https://www.librairies-nouvelleaquitaine.com/' },
  librel: { enabled: false, baseUrl: 'https://www.librel.be/' },
  // Québec's independent bookshops, for the network as a whole (a place in Québec only).
  'leslibraires-ca': { enabled: true, baseUrl: 'https://app.leslibraires.ca/' },
  // Public libraries' loans (the shopper's "libraries" choice switches every library source on or off).
  'librarybooks-uk': { enabled: true, baseUrl: 'https://www.librarybooks.uk/' },
  calil: { enabled: true, baseUrl: 'https://api.calil.jp/' },
  openstreetmap: { enabled: true, baseUrl: 'https://overpass-api.de/api/', directoryUrl: DIRECTORY_DEFAULT },
};
export type SourceId = keyof typeof SOURCE_DEFAULTS;
/** The stock networks: every source but OpenStreetMap's. */
type NetworkId = Exclude<SourceId, 'openstreetmap'>;
const NETWORK_IDS = Object.keys(SOURCE_DEFAULTS).filter((id) => id !== 'openstreetmap') as NetworkId[];

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** A link shown to the shopper (a credit's): http(s) only, so a settings file cannot slip in a javascript: link. */
const LinkAddress = z.url({ protocol: /^https?$/ }).check(z.maxLength(300));
const TileAddress = z.string().check(z.maxLength(300), z.regex(/^https?:\/\/\S+$/), z.refine(isServiceAddress, 'must be an https:// address'));
/** A tile address with its {z}, {x} and {y} (else, for vector tiles, the address of a TileJSON document). */
export const isTileTemplate = (url: string) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part));
/** A tile service's credit, as its terms ask: a text, linked to the provider (the map adds OpenStreetMap's). */
const Credit = { attribution: z.string().check(z.maxLength(120)), attributionUrl: z.union([z.literal(''), LinkAddress]) };

/**
 * The map's base layer. First choice, vector tiles in the OpenMapTiles schema: the address of a TileJSON
 * document (OpenFreeMap's tile address changes with each weekly build, and its TileJSON says where they
 * are) or a {z}/{x}/{y} address. Then, if vector tiles cannot be drawn, raster tiles if set. Neither (or
 * both failing): the list alone, with a line saying why.
 */
const Tiles = z.object({
  vector: z.nullable(z.object({ url: TileAddress, ...Credit })),
  raster: z.nullable(z.object({ url: TileAddress.check(z.refine(isTileTemplate, 'needs {z}, {x} and {y}')), ...Credit })),
});
export type Tiles = z.infer<typeof Tiles>;

/**
 * The default: OpenFreeMap, vector tiles with no key and no request limits, built for this volume
 * (hyperknot/openfreemap README; its credit: "OpenFreeMap © OpenMapTiles Data from OpenStreetMap").
 * OpenStreetMap's own tile servers refuse requests without a Referer, which extension pages do not send;
 * the small volunteer raster servers (tile.openmaps.fr, the default until settings version 5) ask for
 * low volume. A setting, so a campaign can point it elsewhere without a release.
 */
export const TILES_DEFAULT: Tiles = {
  vector: { url: 'https://tiles.openfreemap.org/planet', attribution: 'OpenFreeMap', attributionUrl: 'https://openfreemap.org/' },
  raster: null,
};

/**
 * Tiles as settings before version 5 kept them (one raster address and a credit as plain text). The old
 * default server gives way to the new default; a server someone chose is kept as the map, with its credit
 * (less OpenStreetMap's, which the map now adds as a link).
 */
function upgradeTiles(tiles: unknown): unknown {
  if (!isObject(tiles) || typeof tiles.url !== 'string') return tiles;
  if (/^https:\/\/tile\.openmaps\.fr\//.test(tiles.url)) return undefined;
  const credit = typeof tiles.attribution === 'string' ? tiles.attribution : '';
  const attribution = credit
    .split(/\s*[·|]\s*/)
    .filter((part) => part && !/openstreetmap/i.test(part))
    .join(' · ');
  return { vector: null, raster: { url: tiles.url, attribution, attributionUrl: '' } };
}

export const Favourite = z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)), name: z.string().check(z.maxLength(200)) });
export type Favourite = z.infer<typeof Favourite>;

export const SETTINGS_VERSION = 5;

/**
 * The geocoders. France's national address API closed on 31 January 2026; the Géoplateforme serves the
 * same answers (BaseAdresseNationale/adresse.data.gouv.fr #2342, datagouv/explore.data.gouv.fr #213).
 * Nominatim asks each application for a contact it can write to: the project's (the release setting the
 * build carries, shared/identity.ts), or a campaign's own.
 */
export const GEOCODERS_DEFAULT = {
  geoplateforme: 'https://data.geopf.fr/geocodage/',
  nominatim: 'https://nominatim.openstreetmap.org/',
  contactEmail: PROJECT_IDENTITY.contact,
};

/** A stored Nominatim contact at a placeholder host (earlier versions stored one at a domain the project never held): this build's. */
function upgradeContact(geocoders: unknown): unknown {
  const contact = isObject(geocoders) ? geocoders.contactEmail : undefined;
  // (What is not an e-mail address at all is left to the schema, which repairs it and says so.)
  if (typeof contact !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(contact) || !isPlaceholder(contact)) return geocoders;
  return { ...(geocoders as Record<string, unknown>), contactEmail: GEOCODERS_DEFAULT.contactEmail };
}

export const LISTS_DEFAULT = { wishlists: true, searchResults: false };

/** A damaged value falls back to its default, and a missing one takes it. */
const orDefault = <T extends z.ZodMiniType>(schema: T, value: Exclude<z.output<T>, undefined>) => z._default(z.catch(schema, value), value);

export const Settings = z.object({
  version: orDefault(z.literal(SETTINGS_VERSION), SETTINGS_VERSION),
  place: orDefault(z.nullable(Place), null),
  radiusKm: orDefault(z.int().check(z.gte(1), z.lte(100)), DEFAULT_RADIUS_KM),
  sources: orDefault(
    z.object({
      ...(Object.fromEntries(NETWORK_IDS.map((id) => [id, orDefault(Source, SOURCE_DEFAULTS[id])])) as {
        [K in NetworkId]: z.ZodMiniDefault<z.ZodMiniCatch<typeof Source>>;
      }),
      openstreetmap: orDefault(z.object({ enabled: z.boolean(), baseUrl: WebAddress, directoryUrl: orDefault(DirectoryAddress, DIRECTORY_DEFAULT) }), SOURCE_DEFAULTS.openstreetmap),
    }),
    SOURCE_DEFAULTS,
  ),
  geocoders: orDefault(
    z.object({
      geoplateforme: orDefault(WebAddress, GEOCODERS_DEFAULT.geoplateforme),
      nominatim: orDefault(WebAddress, GEOCODERS_DEFAULT.nominatim),
      contactEmail: orDefault(z.email().check(z.maxLength(100)), GEOCODERS_DEFAULT.contactEmail),
    }),
    GEOCODERS_DEFAULT,
  ),
  tiles: orDefault(Tiles, TILES_DEFAULT),
  /** The small card on Amazon's book pages. */
  card: orDefault(z.boolean(), true),
  /** Nothing is sent while browsing: a book is looked up only when the shopper opens the popup. */
  askOnOpen: orDefault(z.boolean(), false),
  /**
   * The public libraries near the shopper that can lend the book, beside the shops that sell it. On in
   * the project's build; a campaign's build starts with it off unless the campaign turns it on.
   */
  libraries: orDefault(z.boolean(), true),
  /**
   * Marks on list pages: on the shopper's own wish lists by default; on search results and bestseller
   * lists (many books, most scrolled past) only when asked for, from the popup on such a page.
   */
  lists: orDefault(z.object({ wishlists: orDefault(z.boolean(), LISTS_DEFAULT.wishlists), searchResults: orDefault(z.boolean(), LISTS_DEFAULT.searchResults) }), LISTS_DEFAULT),
  /** Shops pinned at the top of the list. */
  favourites: orDefault(z.array(Favourite).check(z.maxLength(50)), []),
});
export type Settings = z.infer<typeof Settings>;

/** Where each part is kept: the shopper's choices in storage.sync, the services in storage.local. */
export const SETTINGS_KEY = 'settings';
export const SERVICES_KEY = 'services';
/** The fields that decide where requests go: kept in storage.local, never synced. */
export const SERVICE_FIELDS = ['sources', 'geocoders', 'tiles'] as const;
type ServiceField = (typeof SERVICE_FIELDS)[number];
export type ServiceSettings = Pick<Settings, ServiceField>;
export type PersonalSettings = Omit<Settings, ServiceField>;

/** The two parts to store: `personal` under SETTINGS_KEY in storage.sync, `services` under SERVICES_KEY in storage.local. */
export function splitSettings(settings: Settings): { personal: PersonalSettings; services: ServiceSettings } {
  const { sources, geocoders, tiles, ...personal } = settings;
  return { personal, services: { sources, geocoders, tiles } };
}

const pick = (value: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(Object.entries(value).filter(([key]) => fields.includes(key)));
const omit = (value: Record<string, unknown>, fields: readonly string[]) => Object.fromEntries(Object.entries(value).filter(([key]) => !fields.includes(key)));


type Stored = Record<string, unknown>;

/**
 * Older shapes, one step per version: each takes a value of its version to the next. The steps run
 * from the stored value's version (none: version 1) up to SETTINGS_VERSION.
 */
export const MIGRATIONS: Array<{ from: number; why: string; step: (value: Stored) => void }> = [
  {
    from: 1,
    why: 'the radius was kept inside the place',
    step: (value) => {
      const place = value.place as Stored | null | undefined;
      if (isObject(place) && typeof place.radiusKm === 'number' && value.radiusKm === undefined) value.radiusKm = place.radiusKm;
    },
  },
  {
    from: 2,
    why: "France's geocoder was `apiAdresse`: its old default (the service closed in January 2026) becomes the Géoplateforme; an address the shopper or a campaign chose is kept",
    step: (value) => {
      if (!isObject(value.geocoders)) return;
      const { apiAdresse, ...rest } = value.geocoders;
      value.geocoders = isClosedFrenchGeocoder(apiAdresse) || apiAdresse === undefined ? rest : { ...rest, geoplateforme: apiAdresse };
    },
  },
  // Version 3 kept everything in storage.sync: read from there, its services are not taken (see
  // readStoredSettings); in a file, they are. Nothing to change in the value itself.
  { from: 3, why: 'services moved to storage.local', step: () => {} },
  { from: 4, why: 'one raster tile server', step: (value) => void (value.tiles = upgradeTiles(value.tiles)) },
];

function migrate(stored: unknown): unknown {
  if (!isObject(stored)) return {};
  const value: Stored = { ...stored };
  // A version that is no number of ours (damaged, or a later one) is left as it is, for the parse to report.
  let version: unknown = value.version === undefined ? 1 : value.version;
  for (const { from, step } of MIGRATIONS) {
    if (version !== from) continue;
    step(value);
    version = from + 1;
    value.version = version;
  }
  // Shapes upgraded by what they look like, whatever the version (a services part carries none).
  value.sources = upgradeDirectory(value.sources);
  value.geocoders = upgradeContact(value.geocoders);
  return value;
}

/** The national address API's own host (api-adresse.…), closed since 31 January 2026. */
function isClosedFrenchGeocoder(url: unknown): boolean {
  try {
    return typeof url === 'string' && new URL(url).hostname.startsWith('api-adresse.');
  } catch {
    return false;
  }
}

/**
 * First-run settings of a campaign build (scripts/campaign.ts): the campaign's place, radius, sources and
 * favourites, injected by the build; null in the project's own build (and undefined outside a build).
 */
declare const __CAMPAIGN_SETTINGS__: unknown;
const CAMPAIGN_SETTINGS: unknown = typeof __CAMPAIGN_SETTINGS__ === 'undefined' ? null : __CAMPAIGN_SETTINGS__;

/** Parses a whole settings value; never throws. */
export function parseSettings(stored: unknown): Settings {
  return readSettings(stored).settings;
}

/**
 * Parses a whole settings value (an exported file, or a campaign's first-run settings) and says whether
 * anything had to be dropped (a damaged value, not a missing one), so the options page can tell the
 * shopper instead of silently forgetting.
 */
export function readSettings(stored: unknown): { settings: Settings; repaired: boolean } {
  return parseMigrated(migrate(stored ?? {}), stored !== undefined && stored !== null);
}

/**
 * Parses the two stored parts: `personal` from storage.sync, `services` from storage.local. Nothing
 * stored yet: a campaign build starts from its region and services; the shopper can change everything.
 * Services are only ever taken from storage.local (or the build): an older version's services in the
 * synced value are someone else's browser's, and are left out.
 */
export function readStoredSettings(personal: unknown, services: unknown, firstRun: unknown = CAMPAIGN_SETTINGS): { settings: Settings; repaired: boolean } {
  const absent = (value: unknown) => value === undefined || value === null;
  const damaged = (value: unknown) => !absent(value) && !isObject(value);
  const start = migrate(firstRun ?? {}) as Record<string, unknown>;
  const ownChoices = omit(isObject(personal) ? (migrate(personal) as Record<string, unknown>) : start, SERVICE_FIELDS);
  const ownServices = pick(isObject(services) ? services : start, SERVICE_FIELDS);
  // The services part carries no version: its tiles, directory and contact are upgraded by their shape.
  ownServices.tiles = upgradeTiles(ownServices.tiles);
  ownServices.sources = upgradeDirectory(ownServices.sources);
  ownServices.geocoders = upgradeContact(ownServices.geocoders);
  const { settings, repaired } = parseMigrated({ ...ownChoices, ...ownServices, version: SETTINGS_VERSION }, !absent(personal) || !absent(services));
  return { settings, repaired: repaired || damaged(personal) || damaged(services) };
}

function parseMigrated(migrated: unknown, wasStored: boolean): { settings: Settings; repaired: boolean } {
  const parsed = Settings.safeParse(migrated);
  const settings = parsed.success ? parsed.data : Settings.parse({});
  const strict = StrictSettings.safeParse(migrated);
  return { settings, repaired: wasStored && !strict.success };
}

/** The same fields with no fallbacks: what a healthy stored value looks like, and what the options page may save. */
export const StrictSettings = z.object({
  version: z.literal(SETTINGS_VERSION),
  place: z.optional(z.nullable(Place)),
  radiusKm: z.optional(z.int().check(z.gte(1), z.lte(100))),
  sources: z.optional(z.record(z.string(), Source)),
  geocoders: z.optional(z.object({ geoplateforme: z.optional(WebAddress), nominatim: z.optional(WebAddress), contactEmail: z.optional(z.email().check(z.maxLength(100))) })),
  tiles: z.optional(Tiles),
  card: z.optional(z.boolean()),
  askOnOpen: z.optional(z.boolean()),
  libraries: z.optional(z.boolean()),
  lists: z.optional(z.object({ wishlists: z.boolean(), searchResults: z.boolean() })),
  favourites: z.optional(z.array(Favourite)),
});

