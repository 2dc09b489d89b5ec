// Property tests (fast-check): whatever a network sends, the adapters and the request layer never throw;
// every answer becomes shops or a status, and every shop that comes out is clean.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_PROBLEMS, fetchJson } from '../src/networks/fetch-source';
import { createGeocoder } from '../src/networks/geocoders';
import { GEOCODERS_DEFAULT } from '../src/shared/settings';
import { openStreetMap } from '../src/networks/overpass';
import { placeDesLibraires } from '../src/networks/place-des-libraires';
import { ShopSchema } from '../src/shops/shop';
import { TOULOUSE } from '../stand-ins/payloads';
import { findBookOnPage } from '../src/book/find-book';
import { isValidIsbn13 } from '../src/book/isbn';
import { loadPage } from '../src/cli/load-page';
import { readFixture } from './fixtures';

const query = { isbn13: '9782070360024', place: TOULOUSE, radiusKm: 30 };
const sources = [placeDesLibraires({ id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: 'https://www.placedeslibraires.fr/' }), openStreetMap('https://overpass-api.de/api/')];

/** JSON shaped roughly like each source's answer, with any values inside: the cases a plain random value rarely reaches. */
const anyValue = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant('NaN'), fc.constant('<img src=x onerror=alert(1)>'), fc.constant('javascript:alert(1)'));
const shopLike = fc.dictionary(fc.constantFrom('id', 'name', 'address', 'city', 'zip', 'latitude', 'longitude', 'stock', 'stockAvailablility', 'url', 'tel', 'precommande', 'vacances'), anyValue);
const elementLike = fc.record({ type: fc.constantFrom('node', 'way', 'relation', 'x'), id: anyValue, lat: anyValue, lon: anyValue, center: fc.option(fc.record({ lat: anyValue, lon: anyValue })), tags: fc.dictionary(fc.constantFrom('name', 'shop', 'website', 'phone', 'opening_hours', 'brand', 'addr:city'), anyValue) });
const answers = fc.oneof(fc.jsonValue(), fc.record({ shop: fc.array(shopLike) }), fc.record({ elements: fc.array(elementLike), remark: fc.option(fc.oneof(fc.string(), fc.constant('runtime error: Query timed out'))) }));

describe('adapters on anything', () => {
  it.each(sources.map((s) => [s.name, s] as const))('%s never throws, and what it keeps is a clean shop', (_name, source) => {
    fc.assert(
      fc.property(answers, (data) => {
        const shops = source.shops(data, query);
        if (shops === null) return;
        if (!Array.isArray(shops)) {
          expect(shops.detail?.body?.length ?? 0).toBeLessThanOrEqual(200);
          return;
        }
        for (const shop of shops) {
          expect(ShopSchema.safeParse(shop).success).toBe(true);
          for (const link of [shop.website, shop.links.book, shop.links.reserve]) if (link) expect(link).toMatch(/^https?:\/\//);
          expect(shop.name.length).toBeLessThanOrEqual(200);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('geocoders on anything', () => {
  const feature = fc.record({ geometry: fc.record({ coordinates: fc.array(anyValue, { maxLength: 3 }) }), properties: fc.dictionary(fc.constantFrom('label', 'city', 'postcode'), anyValue) });
  const hit = fc.dictionary(fc.constantFrom('lat', 'lon', 'display_name', 'place_id'), anyValue);
  const bodies = fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.record({ features: fc.array(feature, { maxLength: 3 }) }).map((value) => JSON.stringify(value)),
    fc.array(hit, { maxLength: 3 }).map((value) => JSON.stringify(value)),
    fc.string(),
  );

  it.each([['Géoplateforme (France)', 'fr'], ['Nominatim (elsewhere)', 'de']])('%s never throws: a place on Earth with a short label, or a named reason', async (_name, country) => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const { geocode, placeAt } = createGeocoder({
          fetch: (async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })) as typeof globalThis.fetch,
          sleep: async () => {},
          isOnline: () => true,
          geocoders: GEOCODERS_DEFAULT,
          now: () => 0,
          cache: { get: async () => undefined, set: async () => {} },
        });
        const outcome = await geocode('Toulouse', country);
        if (outcome.ok) {
          expect(Math.abs(outcome.place.lat)).toBeLessThanOrEqual(90);
          expect(Math.abs(outcome.place.lon)).toBeLessThanOrEqual(180);
          expect(outcome.place.label.length).toBeLessThanOrEqual(120);
        } else {
          expect(['not-found', ...SOURCE_PROBLEMS]).toContain(outcome.reason);
        }
        // The town at a position: whatever comes back, the place is kept, with a short label.
        const at = await placeAt({ lat: 43.6045, lon: 1.4442 }, country);
        expect(at).toMatchObject({ lat: 43.6, lon: 1.44 });
        expect(at.label.length).toBeGreaterThan(0);
        expect(at.label.length).toBeLessThanOrEqual(120);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the request layer on any bytes', () => {
  it('turns any body and status into data or a named problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(200, 201, 204, 301, 400, 403, 404, 429, 500, 503), async (bytes, status) => {
        const fetch = async () => new Response(status === 204 ? null : bytes, { status, headers: { 'content-type': 'application/json' } });
        const outcome = await fetchJson('https://example.org/x', { fetch: fetch as typeof globalThis.fetch, sleep: async () => {}, isOnline: () => true }, { timeoutMs: 1000 });
        if (!outcome.ok) expect(SOURCE_PROBLEMS).toContain(outcome.problem);
      }),
      { numRuns: 200 },
    );
  });
});

describe('page reading on damaged pages', () => {
  const pages = [
    ['desktop-2023-rpi-and-bullets.html', 'https://www.amazon.fr/dp/207036822X'],
    ['legacy-2019-bullets-fr.html', 'https://www.amazon.fr/gp/product/209187373X'],
    ['kindle-2024-swatches.html', 'https://www.amazon.com/dp/B0CW1BNQK5'],
    ['mobile-2018-book.html', 'https://www.amazon.com/gp/aw/d/0385537859'],
  ] as const;
  // A mutation: remove an element, rewrite a text, or move an element elsewhere in the page.
  const mutation = fc.record({ kind: fc.constantFrom('remove', 'text', 'move'), pick: fc.nat(), other: fc.nat(), text: fc.oneof(fc.string(), fc.constantFrom('978-2-07-036002-5', '9782070360025', 'ISBN-13 : 9780000000000', 'X', '')) });

  it.each(pages)('%s, mutated at random: never throws, never reports an ISBN that fails its check digit', (file, url) => {
    const original = loadPage(readFixture(file), url);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const document = original.cloneNode(true) as Document;
        for (const { kind, pick, other, text } of mutations) {
          const all = document.body?.querySelectorAll('*') ?? [];
          if (all.length === 0) break;
          const target = all[pick % all.length]!;
          if (kind === 'remove') target.remove();
          else if (kind === 'text') target.textContent = text;
          else {
            const destination = all[other % all.length]!;
            if (!target.contains(destination)) destination.append(target);
          }
        }
        const book = findBookOnPage(document, url);
        for (const isbn of [book.isbn13, ...book.editions]) if (isbn) expect(isValidIsbn13(isbn), isbn).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
