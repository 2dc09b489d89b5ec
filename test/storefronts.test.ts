import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STOREFRONT_DOMAINS, STOREFRONT_HOSTS, asinFromUrl, listKindOf, storefrontOf } from '../src/book/storefronts';

describe('product addresses', () => {
  it.each([
    ['https://www.amazon.fr/dp/2205057332', '2205057332'],
    ['https://www.amazon.fr/retour-terre/dp/2205057332/ref=sr_1_1?keywords=x', '2205057332'],
    ['https://www.amazon.com/gp/product/B0057OC5O8', 'B0057OC5O8'],
    ['https://www.amazon.com/gp/product/b0057oc5o8?psc=1', 'B0057OC5O8'],
    ['https://www.amazon.com/gp/aw/d/193435659X', '193435659X'],
    ['https://www.amazon.de/-/en/Michelle-Obama/dp/0241531810', '0241531810'],
    ['https://www.amazon.es/-/es/dp/840827578X#detailBullets', '840827578X'],
    ['https://www.amazon.com/Short-Novels-ebook-dp-B002L4EX9C/dp/B002L4EX9C', 'B002L4EX9C'],
    ['https://www.amazon.co.jp/exec/obidos/ASIN/4062751127/', '4062751127'],
  ])('reads the ASIN of %s', (url, asin) => {
    expect(asinFromUrl(url)).toBe(asin);
  });

  it.each([
    'https://www.amazon.com/Short-Novels-ebook-dp-B002L4EX9C',
    'https://www.amazon.com/s?k=python',
    'https://www.amazon.com/gp/video/detail/B01MFXN4Y2',
    'https://www.amazon.com/gp/aw/cr/193435659X',
    'https://www.amazon.fr/',
    'not a url',
  ])('finds no product in %s', (url) => {
    expect(asinFromUrl(url)).toBeNull();
  });
});

describe('storefronts', () => {
  it('knows every storefront’s shop hosts, and no other Amazon host', () => {
    expect(storefrontOf('www.amazon.com.be')).toBe('amazon.com.be');
    expect(storefrontOf('m.amazon.co.jp')).toBe('amazon.co.jp');
    expect(storefrontOf('WWW.AMAZON.FR')).toBe('amazon.fr');
    // A fully qualified name keeps its final dot in location.hostname.
    expect(storefrontOf('www.amazon.fr.')).toBe('amazon.fr');
    for (const host of ['console.aws.amazon.com', 'sellercentral.amazon.fr', 'developer.amazon.com', 'music.amazon.de', 'smile.amazon.com', 'amazon.fr']) {
      expect(storefrontOf(host), host).toBeNull();
    }
    expect(storefrontOf('amazon.com.evil.example')).toBeNull();
    expect(storefrontOf('notamazon.fr')).toBeNull();
    expect(storefrontOf('www.amazon.fr.example.org')).toBeNull();
  });

  it('runs each content script on exactly the storefronts’ shop hosts, over https only, with no wildcard host', () => {
    expect(manifest.content_scripts).toHaveLength(2);
    for (const script of manifest.content_scripts as Array<{ matches: string[] }>) {
      expect([...script.matches].sort()).toEqual(STOREFRONT_HOSTS.map((host) => `https://${host}/*`).sort());
      expect(script.matches.filter((match) => match.includes('*.'))).toEqual([]);
    }
    expect(STOREFRONT_HOSTS).toHaveLength(STOREFRONT_DOMAINS.length * 2);
  });
});

const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));

const LIST_ADDRESSES: Array<[string, string]> = [
    ['https://www.amazon.com/s?k=atomic+habits', 'search'],
    ['https://www.amazon.de/plastikfrei-einsteiger/s?ie=UTF8&page=1', 'search'],
    ['https://www.amazon.fr/s/ref=nb_sb_noss?field-keywords=camus', 'search'],
    ['https://m.amazon.co.uk/s?k=dracula', 'search'],
    ['https://www.amazon.de/hz/wishlist/ls/1A2B3C4D5E6F7', 'wishlist'],
    ['https://www.amazon.fr/hz/wishlist/ls/ABC?ref_=wl_share', 'wishlist'],
    ['https://www.amazon.com/gp/registry/wishlist/3P4Q5R6S7T8U9', 'wishlist'],
    ['https://www.amazon.co.uk/registry/wishlist/3P4Q5R6S7T8U9', 'wishlist'],
    ['https://www.amazon.com/hz/idea/ABCDEF', 'wishlist'],
    ['https://www.amazon.in/gp/bestsellers/books', 'bestsellers'],
    ['https://www.amazon.fr/gp/new-releases/books/301132', 'bestsellers'],
    ['https://www.amazon.com/zgbs/books', 'bestsellers'],
    ['https://www.amazon.com/Best-Sellers-Books/zgbs/books', 'bestsellers'],
];
const PRODUCT_ADDRESSES = [
  'https://www.amazon.com/dp/0141439513',
  'https://www.amazon.com/Dracula-Penguin-Classics/dp/0141439513',
  'https://www.amazon.com/sapiens-brief-history-humankind/dp/0062316095',
  'https://www.amazon.fr/s%C3%A9rie-noire/dp/2070360024?ref=sr_1_1&keywords=s',
  'https://www.amazon.com/sports/b?node=1',
  'https://www.amazon.com/gp/cart/view.html',
  'https://www.amazon.com/gp/product/0141439513',
  'https://www.amazon.com/stores/page/ABC?ingress=0',
];

describe('list addresses', () => {
  it.each(LIST_ADDRESSES)('%s is a %s list', (url, kind) => {
    expect(listKindOf(url)).toBe(kind);
  });

  it.each([...PRODUCT_ADDRESSES, 'https://sellercentral.amazon.com/s?k=x', 'https://www.example.org/s?k=x', 'not an address'])('%s is no list', (url) => {
    expect(listKindOf(url)).toBeNull();
  });

  /** The browsers' glob rule: `*` any run of characters, `?` any one character, over the whole address. */
  const globMatches = (glob: string, url: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`).test(url);
  const listScript = () => manifest.content_scripts.find((script: { js: string[] }) => script.js.includes('list.js')) as { include_globs: string[] };
  const loadsListScript = (url: string) => listScript().include_globs.some((glob) => globMatches(glob, url));

  it.each(LIST_ADDRESSES)('loads the list script on %s', (url) => {
    expect(loadsListScript(url)).toBe(true);
  });

  // The corpus is read where it is kept (never copied here); a run without it skips, as the corpus tests do, except under CI.
  const corpusIndex = new URL('../../shared/amazon-pages/EXPECTED.json', import.meta.url);
  const corpusPresent = existsSync(corpusIndex);
  if (!corpusPresent && process.env.CI === 'true') throw new Error('the real-page corpus ../shared/amazon-pages is missing under CI');
  it.skipIf(!corpusPresent)('loads the list script on every list page of the corpus, and on no product page of it', () => {
    const lists = JSON.parse(readFileSync(new URL('../../shared/amazon-pages/lists/EXPECTED.json', import.meta.url), 'utf8')) as { pages: Array<{ url: string }> };
    const products = JSON.parse(readFileSync(corpusIndex, 'utf8')) as { pages?: Array<{ url?: string }> } | Array<{ url?: string }>;
    expect(lists.pages.filter((page) => !loadsListScript(page.url)).map((page) => page.url)).toEqual([]);
    const productUrls = (Array.isArray(products) ? products : (products.pages ?? [])).map((page) => page.url).filter((url): url is string => !!url && listKindOf(url) === null);
    expect(productUrls.length).toBeGreaterThan(10);
    expect(productUrls.filter(loadsListScript)).toEqual([]);
  });

  it.each(PRODUCT_ADDRESSES)('does not load the list script on %s', (url) => {
    expect(loadsListScript(url)).toBe(false);
  });
});
