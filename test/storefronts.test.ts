import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STOREFRONT_DOMAINS, STOREFRONT_HOSTS, asinFromUrl, storefrontOf } from '../src/book/storefronts';

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

  it('runs the content script on exactly the storefronts’ shop hosts, over https only, with no wildcard host', () => {
    const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
    const matches: string[] = manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches);
    expect(matches.sort()).toEqual(STOREFRONT_HOSTS.map((host) => `https://${host}/*`).sort());
    expect(matches.filter((match) => match.includes('*.'))).toEqual([]);
    expect(STOREFRONT_HOSTS).toHaveLength(STOREFRONT_DOMAINS.length * 2);
  });
});
