// protomaps-leaflet imports its basemap flavours (@protomaps/basemaps) and the PMTiles archive reader
// (pmtiles) at the top of its module. The map uses neither: its paint rules are its own
// (openmaptiles-style.ts) and its tiles are read through getZxy (base-layer.ts). The build stands these
// two in (build.mjs), which leaves 55 KB of unused code out of the map's chunk; if anything called them,
// it would say so.
export function namedFlavor(): never {
  throw new Error('protomaps flavours are not bundled: the map has its own paint rules (src/map/openmaptiles-style.ts)');
}

export class PMTiles {
  constructor() {
    throw new Error('PMTiles archives are not bundled: the map reads its tiles through getZxy (src/map/base-layer.ts)');
  }
}
