// Where the map's vector tiles are (a TileJSON answer read like any other network answer) and what the
// map credits: the pure parts of the map's background (the chain itself runs in the browser tests).
import { describe, expect, it } from 'vitest';
import { creditsFor, OPENMAPTILES, OSM_COPYRIGHT } from '../src/map/credits';
import { labelRules, LIGHT, paintRules } from '../src/map/openmaptiles-style';
import { MAP_LAYERS, missingLayers, sourceFromTileJson, tileUrl } from '../src/map/vector-source';
import { isTileTemplate } from '../src/shared/settings';

const PLANET = 'https://tiles.openfreemap.org/planet';
const BUILD = 'https://tiles.openfreemap.org/planet/20261125_001001_pt/{z}/{x}/{y}.pbf';

/** The layers an OpenMapTiles TileJSON lists (openmaptiles.org/schema). */
const vector_layers = ['aeroway', 'boundary', 'building', 'landcover', 'landuse', 'park', 'place', 'poi', 'transportation', 'water', 'waterway'].map((id) => ({ id }));

describe('the vector tiles a TileJSON answer names', () => {
  it('takes the first tile address and the deepest zoom', () => {
    expect(sourceFromTileJson(PLANET, { tilejson: '3.0.0', tiles: [BUILD, 'https://other.example.org/{z}/{x}/{y}'], maxzoom: 14, attribution: '<a>x</a>', vector_layers })).toEqual({ template: BUILD, maxZoom: 14 });
    // No maxzoom: OpenMapTiles' 14.
    expect(sourceFromTileJson(PLANET, { tiles: [BUILD], vector_layers })).toEqual({ template: BUILD, maxZoom: 14 });
    expect(sourceFromTileJson(PLANET, { tiles: [BUILD], maxzoom: 12, vector_layers })?.maxZoom).toBe(12);
  });

  it('refuses tiles that lack a layer the map draws, and says which', () => {
    const withoutPlaces = vector_layers.filter((layer) => layer.id !== 'place' && layer.id !== 'waterway');
    expect(sourceFromTileJson(PLANET, { tiles: [BUILD], vector_layers: withoutPlaces })).toBeNull();
    expect(missingLayers({ tiles: [BUILD], vector_layers: withoutPlaces })).toEqual(['waterway', 'place']);
    // TileJSON 3.0.0 requires the list of vector tiles: an answer without one lists nothing.
    expect(missingLayers({ tiles: [BUILD] })).toEqual([...MAP_LAYERS]);
    expect(missingLayers({ tiles: [BUILD], vector_layers })).toEqual([]);
  });

  it('lists exactly the layers the map’s style reads', () => {
    const read = new Set([...paintRules(LIGHT), ...labelRules('en', LIGHT)].map((rule) => rule.dataLayer));
    expect([...read].sort()).toEqual([...MAP_LAYERS].sort());
    // The protected areas of OpenMapTiles' `park` layer are not drawn (they can cover a whole view); built-up land is.
    expect(read.has('park')).toBe(false);
  });

  it.each([
    ['no answer', null],
    ['a web page', '<html>'],
    ['no tiles', { tilejson: '3.0.0' }],
    ['an empty list of tiles', { tiles: [] }],
    ['a tile address that is not text', { tiles: [42] }],
    ['an address without {z}, {x} and {y}', { tiles: ['https://tiles.openfreemap.org/planet/tile.pbf'] }],
    // The shopper's area goes only to the host the settings name.
    ['tiles on another host', { tiles: ['https://tracker.example.org/{z}/{x}/{y}.pbf'] }],
    ['tiles on the same host in clear', { tiles: ['http://tiles.openfreemap.org/{z}/{x}/{y}.pbf'] }],
    ['not an address at all', { tiles: ['{z}/{x}/{y}'] }],
    ['a host written as a placeholder', { tiles: ['https://{s}.tiles.openfreemap.org/{z}/{x}/{y}.pbf'] }],
    ['a zoom out of range', { tiles: [BUILD], maxzoom: 40 }],
  ])('names none from %s', (_what, answer) => {
    expect(sourceFromTileJson(PLANET, answer)).toBeNull();
  });

  it('tells a tile address from a TileJSON one, and fills one in', () => {
    expect(isTileTemplate(BUILD)).toBe(true);
    expect(isTileTemplate(PLANET)).toBe(false);
    for (const missing of ['https://t.example.org/{x}/{y}.pbf', 'https://t.example.org/{z}/{y}.pbf', 'https://t.example.org/{z}/{x}.pbf']) expect(isTileTemplate(missing), missing).toBe(false);
    expect(tileUrl(BUILD, { z: 12, x: 2064, y: 1495 })).toBe('https://tiles.openfreemap.org/planet/20261125_001001_pt/12/2064/1495.pbf');
  });
});

describe('the map credits', () => {
  const service = { attribution: 'OpenFreeMap', attributionUrl: 'https://openfreemap.org/' };

  it('credits the service, the OpenMapTiles schema under vector tiles, and OpenStreetMap’s data, each linked', () => {
    expect(creditsFor('vector', service)).toEqual([
      { text: 'OpenFreeMap', url: 'https://openfreemap.org/' },
      { text: '© OpenMapTiles', url: OPENMAPTILES },
      { text: '© OpenStreetMap', url: OSM_COPYRIGHT },
    ]);
    expect(creditsFor('raster', { attribution: 'Example Maps', attributionUrl: '' })).toEqual([
      { text: 'Example Maps', url: '' },
      { text: '© OpenStreetMap', url: OSM_COPYRIGHT },
    ]);
    expect(creditsFor('raster', { attribution: '', attributionUrl: '' })).toEqual([{ text: '© OpenStreetMap', url: OSM_COPYRIGHT }]);
  });
});
