// How the vector tiles look: paint and label rules for the layers of the OpenMapTiles schema
// (openmaptiles.org/schema: water, waterway, landcover, park, building, transportation, place), in the
// quiet colours of a street map, so the shop markers stand out. Place names are in the shopper's
// language where the data has it (`name:fr`, `name:de`…), else in the local one. No fonts are fetched:
// the canvas draws labels with the system's sans-serif.
import { CenteredTextSymbolizer, LineSymbolizer, PolygonSymbolizer, type Feature, type LabelRule, type PaintRule } from 'protomaps-leaflet';

export const LAND = '#f2efe9';
const WATER = '#aad3df';
const GREEN = '#d8eac8';
const WOOD = '#c9dfb6';
const BUILDING = '#ddd6ce';
const ROAD = '#ffffff';
const MAIN_ROAD = '#f7d79a';
const MOTORWAY = '#eeb07a';

const hasClass =
  (...classes: string[]) =>
  (_zoom: number, feature: Feature) =>
    classes.includes(String(feature.props.class));

export const PAINT_RULES: PaintRule[] = [
  { dataLayer: 'landcover', symbolizer: new PolygonSymbolizer({ fill: WOOD }), filter: hasClass('wood', 'forest') },
  { dataLayer: 'landcover', symbolizer: new PolygonSymbolizer({ fill: GREEN }), filter: hasClass('grass', 'farmland') },
  { dataLayer: 'park', symbolizer: new PolygonSymbolizer({ fill: GREEN }) },
  { dataLayer: 'water', symbolizer: new PolygonSymbolizer({ fill: WATER }) },
  { dataLayer: 'waterway', symbolizer: new LineSymbolizer({ color: WATER, width: 1.5 }) },
  { dataLayer: 'building', minzoom: 14, symbolizer: new PolygonSymbolizer({ fill: BUILDING }) },
  { dataLayer: 'transportation', minzoom: 13, symbolizer: new LineSymbolizer({ color: ROAD, width: 1.5 }), filter: hasClass('minor', 'service') },
  { dataLayer: 'transportation', symbolizer: new LineSymbolizer({ color: ROAD, width: 2.5 }), filter: hasClass('secondary', 'tertiary') },
  { dataLayer: 'transportation', symbolizer: new LineSymbolizer({ color: MAIN_ROAD, width: 3 }), filter: hasClass('primary', 'trunk') },
  { dataLayer: 'transportation', symbolizer: new LineSymbolizer({ color: MOTORWAY, width: 3.5 }), filter: hasClass('motorway') },
];

/** Towns and districts by name, larger places first where labels would collide. */
export function labelRules(language: string): LabelRule[] {
  const rank: Record<string, number> = { city: 0, town: 1, village: 2, suburb: 3, quarter: 4 };
  return [
    {
      dataLayer: 'place',
      symbolizer: new CenteredTextSymbolizer({
        labelProps: [`name:${language}`, 'name'],
        fill: '#444',
        stroke: LAND,
        width: 2,
        fontFamily: 'sans-serif',
        fontSize: (_zoom?: number, feature?: Feature) => (['city', 'town'].includes(String(feature?.props.class)) ? 13 : 11),
      }),
      filter: (_zoom, feature) => String(feature.props.class) in rank,
      sort: (a, b) => (rank[String(a.class)] ?? 9) - (rank[String(b.class)] ?? 9),
    },
  ];
}
