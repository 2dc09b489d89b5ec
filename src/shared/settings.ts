// The shopper's settings, in storage.sync, under one zod schema with defaults. Whatever is stored is
// parsed: a damaged or older value falls back to the defaults for the parts that do not parse.
import * as z from 'zod';

export const DEFAULT_RADIUS_KM = 30;

export const Place = z.object({
  label: z.string().min(1).max(120),
  /** Rounded to two decimals before it is stored (about a kilometre). */
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** ISO 3166-1 alpha-2, lower case: which geocoder and which portals. */
  country: z.string().regex(/^[a-z]{2}$/),
});
export type Place = z.infer<typeof Place>;

const Source = z.object({ enabled: z.boolean(), baseUrl: z.url({ protocol: /^https?$/ }) });

export const SOURCE_DEFAULTS = {
  placedeslibraires: { enabled: true, baseUrl: 'https://www.placedeslibraires.fr/' },
  'chez-mon-libraire': { enabled: false, baseUrl: 'https://www.chez-mon-libraire.fr/' },
  parislibrairies: { enabled: false, baseUrl: 'https://www.parislibrairies.fr/' },
  'librairies-nouvelle-aquitaine': { enabled: false, baseUrl: 'https://www.librairies-nouvelleaquitaine.com/' },
  librel: { enabled: false, baseUrl: 'https://www.librel.be/' },
  openstreetmap: { enabled: true, baseUrl: 'https://overpass-api.de/api/' },
};
export type SourceId = keyof typeof SOURCE_DEFAULTS;

export const Settings = z.object({
  place: Place.nullable().catch(null).default(null),
  radiusKm: z.number().int().min(1).max(100).catch(DEFAULT_RADIUS_KM).default(DEFAULT_RADIUS_KM),
  sources: z
    .object(Object.fromEntries(Object.entries(SOURCE_DEFAULTS).map(([id, value]) => [id, Source.catch(value).default(value)])) as {
      [K in SourceId]: z.ZodDefault<z.ZodCatch<typeof Source>>;
    })
    .catch(SOURCE_DEFAULTS)
    .default(SOURCE_DEFAULTS),
  geocoders: z
    .object({
      apiAdresse: z.url({ protocol: /^https?$/ }).default('https://api-adresse.data.gouv.fr/'),
      nominatim: z.url({ protocol: /^https?$/ }).default('https://nominatim.openstreetmap.org/'),
    })
    .catch({ apiAdresse: 'https://api-adresse.data.gouv.fr/', nominatim: 'https://nominatim.openstreetmap.org/' })
    .default({ apiAdresse: 'https://api-adresse.data.gouv.fr/', nominatim: 'https://nominatim.openstreetmap.org/' }),
});
export type Settings = z.infer<typeof Settings>;

export const SETTINGS_KEY = 'settings';

/** Parses whatever storage holds; never throws. */
export function parseSettings(stored: unknown): Settings {
  const parsed = Settings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : Settings.parse({});
}

/** The country a storefront sells to, for geocoding a town typed on its pages. */
export function countryOfStorefront(storefront: string | undefined): string {
  const tld = storefront?.split('.').pop() ?? 'fr';
  if (storefront === 'amazon.com') return 'us';
  if (storefront === 'amazon.co.uk') return 'gb';
  if (storefront === 'amazon.co.jp') return 'jp';
  return /^[a-z]{2}$/.test(tld) ? tld : 'fr';
}
