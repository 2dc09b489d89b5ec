// Every Amazon storefront the extension reads, and how an Amazon address names its product.
// The manifest's content-script matches are exactly STOREFRONT_HOSTS (test/storefronts.test.ts): the
// shop's own hosts, never a wildcard that would take in AWS's console, Seller Central or Music.

/** Registrable domains of Amazon's retail storefronts (amazon.<tld>). */
export const STOREFRONT_DOMAINS = [
  'amazon.fr', 'amazon.com', 'amazon.de', 'amazon.co.uk', 'amazon.es', 'amazon.it', 'amazon.ca',
  'amazon.nl', 'amazon.com.be', 'amazon.se', 'amazon.pl', 'amazon.co.jp', 'amazon.com.mx',
  'amazon.com.br', 'amazon.in', 'amazon.com.au', 'amazon.com.tr', 'amazon.ae', 'amazon.sa',
  'amazon.sg', 'amazon.eg',
] as const;

export type StorefrontDomain = (typeof STOREFRONT_DOMAINS)[number];

/**
 * The hosts a storefront's shop answers on: www., and m. (the older mobile site). smile. closed in
 * February 2023 and now sends shoppers to www.
 */
export const STOREFRONT_HOST_PREFIXES = ['www.', 'm.'] as const;
export const STOREFRONT_HOSTS = STOREFRONT_DOMAINS.flatMap((domain) => STOREFRONT_HOST_PREFIXES.map((prefix) => `${prefix}${domain}`));

/** The storefront whose shop this host is (www. or m.), or null: other Amazon hosts are not shops. */
export function storefrontOf(hostname: string): StorefrontDomain | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  for (const domain of STOREFRONT_DOMAINS) {
    if (STOREFRONT_HOST_PREFIXES.some((prefix) => host === prefix + domain)) return domain;
  }
  return null;
}

// A "/" before dp anchors the match, so a slug such as "…-ebook-dp-B002L4EX9C" is not read as an address.
const ASIN_IN_PATH =
  /\/(?:dp|gp\/product|gp\/aw\/d|gp\/offer-listing|ASIN|o\/ASIN|exec\/obidos\/ASIN)\/([A-Z0-9]{10})(?=[/?#]|$)/gi;

/** The product ASIN an Amazon path names (the last one, upper-cased), or null. */
export function asinFromPath(pathname: string): string | null {
  let asin: string | null = null;
  for (const match of pathname.matchAll(ASIN_IN_PATH)) asin = match[1]!.toUpperCase();
  return asin;
}

/** The address, or null for a string that is none. */
function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The ASIN of a product address, on any storefront; null for other pages and other sites. */
export function asinFromUrl(url: string): string | null {
  const parsed = parseUrl(url);
  return parsed && asinFromPath(parsed.pathname);
}

export type ListKind = 'search' | 'wishlist' | 'bestsellers';

// A list's address on any storefront: search results (/s, /slug/s, /s/ref=…), wish lists and idea lists
// (/hz/wishlist/…, /gp/registry/wishlist/…, the old /registry/wishlist/…), and the charts (/gp/bestsellers,
// /gp/new-releases, /gp/movers-and-shakers, /gp/most-wished-for, /gp/most-gifted, /zgbs/…).
const LIST_PATHS: Array<[ListKind, RegExp]> = [
  ['search', /(?:^|\/)s(?:\/|$)/],
  ['wishlist', /^\/(?:hz\/wishlist|gp\/registry\/wishlist|registry\/wishlist|hz\/idea|idea)(?:\/|$)/],
  // The charts, at /gp/bestsellers/books or under a name: /Best-Sellers-Books/zgbs/books.
  ['bestsellers', /^\/(?:gp\/(?:bestsellers|new-releases|movers-and-shakers|most-wished-for|most-gifted)|(?:[^/]+\/)?zgbs)(?:\/|$)/],
];

/** Which kind of list an address on a storefront shows, or null for any other page (a product, the cart). */
export function listKindOf(url: string): ListKind | null {
  const parsed = parseUrl(url);
  if (!parsed || !storefrontOf(parsed.hostname)) return null;
  return LIST_PATHS.find(([, path]) => path.test(parsed.pathname))?.[0] ?? null;
}

/** The country a storefront sells to, for geocoding a town typed on its pages. */
export function countryOfStorefront(storefront: string | undefined): string {
  const tld = storefront?.split('.').pop() ?? 'fr';
  if (storefront === 'amazon.com') return 'us';
  if (storefront === 'amazon.co.uk') return 'gb';
  return /^[a-z]{2}$/.test(tld) ? tld : 'fr';
}

/** The storefront whose country this is (for the national portals of a search made in the popup). */
export function storefrontOfCountry(country: string): string {
  return STOREFRONT_DOMAINS.find((domain) => countryOfStorefront(domain) === country) ?? 'amazon.fr';
}
