// Each real shop once, and never two shops as one: the rules that decide when two entries are one shop.
import { describe, expect, it } from 'vitest';
import { mergeShops, nearbyShops, shopPhone } from '../src/lookup/merge';
import type { Shop } from '../src/shops/shop';

const TOULOUSE = { lat: 43.6, lon: 1.44 };
let serial = 0;
const shop = (sourceId: string, name: string, lat: number, lon: number, extra: Partial<Shop> = {}): Shop => ({
  id: `${sourceId}:${++serial}`,
  sourceId,
  name,
  address: {},
  location: { lat, lon },
  stock: sourceId === 'openstreetmap' ? 'unknown' : 'in-stock',
  isbn13: null,
  links: {},
  ...extra,
});

describe('merging shops from several sources', () => {
  it('keeps two shops of one source apart, even with one name, one point and one phone', () => {
    const a = shop('pdl', 'Ombres Blanches', 43.6, 1.44, { phone: '05 61 21 44 11' });
    const b = shop('pdl', 'Ombres Blanches', 43.6, 1.44, { phone: '05 61 21 44 11' });
    expect(mergeShops([a, b])).toHaveLength(2);
  });

  it('takes two sources listing one shop nearby under name variants as one shop, and fills its gaps', () => {
    const network = shop('pdl', 'Librairie Ombres Blanches', 43.6045, 1.4442);
    const osm = shop('openstreetmap', 'Ombres Blanches', 43.6049, 1.4445, { openingHours: 'Mo-Sa 10:00-19:00', website: 'https://example.org' });
    const merged = mergeShops([network, osm]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: network.id, stock: 'in-stock', openingHours: 'Mo-Sa 10:00-19:00', website: 'https://example.org' });
  });

  it('keeps shops with similar names apart when they are streets away', () => {
    // About 600 m apart: two shops of one chain-less name, not one.
    expect(mergeShops([shop('pdl', 'Librairie Ombres Blanches', 43.6045, 1.4442), shop('openstreetmap', 'Ombres Blanches', 43.6099, 1.4442)])).toHaveLength(2);
  });

  it('takes a shared real phone number across sources as one shop only when the two are close', () => {
    const phone = '+33 5 61 21 44 11';
    const near = [shop('pdl', 'Ombres Blanches', 43.6045, 1.4442, { phone: '05 61 21 44 11' }), shop('openstreetmap', 'OB Librairie', 43.6085, 1.4442, { phone })];
    expect(mergeShops(near)).toHaveLength(1);
    const far = [shop('pdl', 'Ombres Blanches', 43.6045, 1.4442, { phone: '05 61 21 44 11' }), shop('openstreetmap', 'OB Librairie', 48.85, 2.35, { phone })];
    expect(mergeShops(far)).toHaveLength(2);
  });

  it('does not count a placeholder number as a shared phone', () => {
    for (const placeholder of ['00 00 00 00 00', '05 55 55 55 55', '01 23 45 67 89', '98 76 54 32 10']) {
      expect(shopPhone(placeholder)).toBe('');
      const pair = [shop('pdl', 'Le Chat Lettré', 43.6045, 1.4442, { phone: placeholder }), shop('openstreetmap', 'Bulles', 43.6050, 1.4442, { phone: placeholder })];
      expect(mergeShops(pair)).toHaveLength(2);
    }
    expect(shopPhone('+33 5 61 21 44 11')).toBe('0561214411');
  });

  it('never hides that a shop has the book: the entry that knows the stock is kept', () => {
    const osm = shop('openstreetmap', 'Ombres Blanches', 43.6049, 1.4445);
    const network = shop('pdl', 'Librairie Ombres Blanches', 43.6045, 1.4442);
    const [merged] = mergeShops([osm, network]);
    expect(merged).toMatchObject({ stock: 'in-stock', id: network.id, location: network.location });
  });

  // Two sources' entries, 0.5 m apart per 0.0000045° of latitude: [network name, map name, metres
  // apart, network phone, map phone, one shop?]. Each row says why.
  it.each([
    ['Librairie Ombres Blanches', 'Ombres Blanches', 50, undefined, undefined, true], // the trade word dropped
    ['Librairie Le Chat Lettré', 'Le chat lettre', 50, undefined, undefined, true], // accents and case
    ['La Librairie du Quai', 'Librairie Du Quai', 140, undefined, undefined, true], // articles, just within 150 m
    ['Librairie du Quai', 'Bulles et Cases', 100, undefined, undefined, false], // another name 100 m away: two shops
    ['Ombres Blanches', 'Ombres Blanches', 200, undefined, undefined, false], // one name, two streets apart
    ['Le Chat Lettré', 'Bulles', 800, '+33 5 61 21 44 11', '05 61 21 44 11', true], // one real number, international and national
    ['Le Chat Lettré', 'Bulles', 800, '0033 5 61 21 44 11', '05.61.21.44.11', true], // 00 prefix, dots
    ['Le Chat Lettré', 'Bulles', 1500, '05 61 21 44 11', '05 61 21 44 11', false], // one number, too far apart (a head office)
    ['Le Chat Lettré', 'Bulles', 50, '05 61 21 44 11', '05 61 21 44 12', false], // close, other names, other numbers
    ['Librairie', 'Librairie', 20, undefined, undefined, false], // names that are only the trade word say nothing
    ['Librairie', 'Librairie Dupont', 20, undefined, undefined, false], // nor does one of them
    ['Librairie Dupont', 'Librairie', 20, undefined, undefined, false], // whichever source it comes from
    ['Atlantis Books Café', 'Atlantis Café', 50, undefined, undefined, true], // the trade word inside a name, in English
    ['Atlantis Book Café', 'Atlantis Café', 50, undefined, undefined, true], // and in the singular
    ['Le Chat Lettré', 'Chat Lettre Jeunesse', 50, undefined, undefined, true], // one name inside the other, accents aside
  ] as const)('%s / %s, %i m apart, phones %s / %s: one shop = %s', (networkName, mapName, metres, networkPhone, mapPhone, one) => {
    const lat = 43.6 + metres / 111_320;
    const pair = [shop('pdl', networkName, 43.6, 1.44, { phone: networkPhone }), shop('openstreetmap', mapName, lat, 1.44, { phone: mapPhone })];
    expect(mergeShops(pair)).toHaveLength(one ? 1 : 2);
  });

  it('tells a real phone number from a placeholder or a fragment', () => {
    expect(shopPhone('05 33 21 44 11')).toBe('0533214411'); // "33" inside the number is not a country code
    expect(shopPhone('0033 5 61 21 44 11')).toBe('0561214411');
    expect(shopPhone('51 21 44 11')).toBe('51214411'); // eight digits: enough
    expect(shopPhone('5 21 44 11')).toBe(''); // seven: not
    expect(shopPhone('05 05 05 05 05')).toBe(''); // two digits over and over
    expect(shopPhone('05 61 61 61 61')).toBe('0561616161'); // three: a number
    expect(shopPhone(undefined)).toBe('');
  });

  it('keeps apart entries with one name when one has no point', () => {
    const network = shop('pdl', 'Ombres Blanches', 43.6045, 1.4442);
    expect(mergeShops([{ ...network, location: null }, shop('openstreetmap', 'Ombres Blanches', 43.6045, 1.4442)])).toHaveLength(2);
    expect(mergeShops([network, { ...shop('openstreetmap', 'Ombres Blanches', 0, 0), location: null }])).toHaveLength(2);
  });

  it('keeps the first entry’s details where both have them, and fills its gaps from the other', () => {
    const first = shop('pdl', 'Ombres Blanches', 43.6045, 1.4442, { phone: '05 61 21 44 11', address: { street: '50 rue Léon Gambetta', city: '' } });
    const second = shop('placedeslibraires-bis', 'Ombres Blanches', 43.6046, 1.4442, { phone: '05 61 00 00 01', address: { street: 'autre rue', city: 'Toulouse', postalCode: '31000' } });
    const [merged] = mergeShops([first, second]);
    expect(merged).toMatchObject({ id: first.id, phone: '05 61 21 44 11', address: { street: '50 rue Léon Gambetta', city: 'Toulouse', postalCode: '31000' } });
  });

  it('lets one entry absorb at most one shop of each source', () => {
    const network = shop('pdl', 'Ombres Blanches', 43.6045, 1.4442);
    const osmA = shop('openstreetmap', 'Ombres Blanches', 43.6046, 1.4442);
    const osmB = shop('openstreetmap', 'Ombres Blanches Jeunesse', 43.6047, 1.4442);
    expect(mergeShops([network, osmA, osmB]).map((s) => s.id)).toEqual([network.id, osmB.id]);
  });

  it('eight network shops around Toulouse and two far away, one phone for all: the four within 30 km with the book, in distance order', () => {
    const phone = '05 61 00 00 00';
    const around = [
      ['A', 43.61, 1.44, true],
      ['B', 43.62, 1.45, false],
      ['C', 43.58, 1.41, true],
      ['D', 43.65, 1.5, false],
      ['E', 43.7, 1.3, true],
      ['F', 43.55, 1.5, false],
      ['G', 43.6, 1.42, true],
      ['H', 43.59, 1.46, false],
    ] as const;
    const shops = [
      ...around.map(([name, lat, lon, has]) => shop('pdl', `Librairie ${name}`, lat, lon, { phone, stock: has ? 'in-stock' : 'out-of-stock' })),
      shop('pdl', 'Librairie Paris', 48.85, 2.35, { phone }),
      shop('pdl', 'Librairie Lyon', 45.76, 4.83, { phone }),
    ];
    const listed = nearbyShops(mergeShops(shops), TOULOUSE, 30).filter((s) => s.stock === 'in-stock');
    expect(listed.map((s) => s.name)).toEqual(['Librairie A', 'Librairie G', 'Librairie C', 'Librairie E']);
  });
});

describe('the shops within the radius', () => {
  it('keeps a shop whose distance, rounded to 100 m, is the radius itself', () => {
    // 30 km north of the place, as a shopper reads it: "30 km".
    const edge = shop('pdl', 'Au Bout du Rayon', TOULOUSE.lat + 30 / 111.195, TOULOUSE.lon);
    const beyond = shop('pdl', 'Un Peu Plus Loin', TOULOUSE.lat + 30.1 / 111.195, TOULOUSE.lon);
    expect(nearbyShops([edge, beyond], TOULOUSE, 30).map((s) => [s.name, s.distanceKm])).toEqual([['Au Bout du Rayon', 30]]);
  });
});
