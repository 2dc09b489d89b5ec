// How the vector tiles look: paint and label rules for the layers of the OpenMapTiles schema
// (openmaptiles.org/schema: landuse, landcover, water, waterway, building, transportation, place), in the
// quiet colours of a street map, light or dark with the popup, so the shop markers stand out. Place names are in the shopper's
// language where the data has it (`name:fr`, `name:de`…), else in the local one. No fonts are fetched:
// the canvas draws labels with the system's sans-serif.
import { CenteredTextSymbolizer, LineSymbolizer, PolygonSymbolizer, type Feature, type LabelRule, type PaintRule } from 'protomaps-leaflet';

/** The map's colours: quiet street-map tones, light or dark as the popup is, so the markers stand out. */
export interface Palette {
  land: string;
  residential: string;
  water: string;
  green: string;
  wood: string;
  building: string;
  road: string;
  mainRoad: string;
  motorway: string;
  label: string;
}

export const LIGHT: Palette = { land: '#f2efe9', residential: '#e8e3dc', water: '#aad3df', green: '#d8eac8', wood: '#c9dfb6', building: '#ddd6ce', road: '#ffffff', mainRoad: '#f7d79a', motorway: '#eeb07a', label: '#444444' };
export const DARK: Palette = { land: '#26292b', residential: '#2d3032', water: '#1d3a4a', green: '#2c3a2a', wood: '#283826', building: '#37383a', road: '#45484b', mainRoad: '#6a5a3c', motorway: '#7a5632', label: '#d6d6d6' };

const hasClass =
  (...classes: string[]) =>
  (_zoom: number, feature: Feature) =>
    classes.includes(String(feature.props.class));

export function paintRules(colours: Palette): PaintRule[] {
  return [
    // Built-up land, so a town reads as a town at every zoom.
    { dataLayer: 'landuse', symbolizer: new PolygonSymbolizer({ fill: colours.residential }), filter: hasClass('residential') },
    { dataLayer: 'landcover', symbolizer: new PolygonSymbolizer({ fill: colours.wood }), filter: hasClass('wood', 'forest') },
    // Grass holds the town's parks and gardens (subclass park, garden). The `park` layer is not drawn:
    // in OpenMapTiles it holds protected areas and national parks, which can cover a whole view.
    { dataLayer: 'landcover', symbolizer: new PolygonSymbolizer({ fill: colours.green }), filter: hasClass('grass', 'farmland') },
    { dataLayer: 'water', symbolizer: new PolygonSymbolizer({ fill: colours.water }) },
    { dataLayer: 'waterway', symbolizer: new LineSymbolizer({ color: colours.water, width: 1.5 }) },
    { dataLayer: 'building', minzoom: 14, symbolizer: new PolygonSymbolizer({ fill: colours.building }) },
    { dataLayer: 'transportation', minzoom: 13, symbolizer: new LineSymbolizer({ color: colours.road, width: 1.5 }), filter: hasClass('minor', 'service') },
    { dataLayer: 'transportation', symbolizer: new LineSymbolizer({ color: colours.road, width: 2.5 }), filter: hasClass('secondary', 'tertiary') },
    { dataLayer: 'transportation', symbolizer: new LineSymbolizer({ color: colours.mainRoad, width: 3 }), filter: hasClass('primary', 'trunk') },
    { dataLayer: 'transportation', symbolizer: new LineSymbolizer({ color: colours.motorway, width: 3.5 }), filter: hasClass('motorway') },
  ];
}

/** Towns and districts by name, larger places first where labels would collide. */
export function labelRules(language: string, colours: Palette): LabelRule[] {
  const rank: Record<string, number> = { city: 0, town: 1, village: 2, suburb: 3, quarter: 4 };
  return [
    {
      dataLayer: 'place',
      symbolizer: new CenteredTextSymbolizer({
        labelProps: [`name:${language}`, 'name'],
        fill: colours.label,
        stroke: colours.land,
        width: 2,
        fontFamily: 'sans-serif',
        fontSize: (_zoom?: number, feature?: Feature) => (['city', 'town'].includes(String(feature?.props.class)) ? 13 : 11),
      }),
      filter: (_zoom, feature) => String(feature.props.class) in rank,
      sort: (a, b) => (rank[String(a.class)] ?? 9) - (rank[String(b.class)] ?? 9),
    },
  ];
}
