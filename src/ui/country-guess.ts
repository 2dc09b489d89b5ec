// Where the shopper probably is, before they say: guessed on this device only (nothing is asked of
// any service), shown in the place form for them to change. The storefront of their Amazon tabs comes
// first; then the time zone, which a browser in English in Toulouse still sets to Europe/Paris; then
// the browser's region.

/** Time zones that name one country (a zone shared by several, or a country with several zones, is left out). */
const ZONE_COUNTRY: Record<string, string> = {
  'Europe/Paris': 'fr',
  'Europe/Berlin': 'de',
  'Europe/London': 'gb',
  'Europe/Madrid': 'es',
  'Europe/Rome': 'it',
  'Europe/Amsterdam': 'nl',
  'Europe/Brussels': 'be',
  'Europe/Zurich': 'ch',
  'Europe/Luxembourg': 'lu',
  'Europe/Vienna': 'at',
  'Europe/Dublin': 'ie',
  'Europe/Lisbon': 'pt',
  'Europe/Stockholm': 'se',
  'Europe/Warsaw': 'pl',
  'Europe/Copenhagen': 'dk',
  'Europe/Helsinki': 'fi',
  'Europe/Oslo': 'no',
  'Asia/Tokyo': 'jp',
};

export function guessCountry({ storefrontCountry, timeZone, uiLanguage }: { storefrontCountry?: string | null; timeZone?: string; uiLanguage?: string }): string {
  if (storefrontCountry) return storefrontCountry;
  const fromZone = timeZone ? ZONE_COUNTRY[timeZone] : undefined;
  if (fromZone) return fromZone;
  const region = uiLanguage?.split('-')[1]?.toLowerCase();
  return region && /^[a-z]{2}$/.test(region) ? region : 'fr';
}

/** This browser's time zone, or undefined. */
export function deviceTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
