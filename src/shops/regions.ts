// Regions a source serves that no country code names: Québec, for its bookshops' network. An outline
// drawn by hand from the map (the Ottawa River and the 79.5° meridian to the west, the 45th parallel and
// the Maine and New Brunswick lines to the south, the Labrador line and the Gulf to the east), good to a
// few kilometres along the Ottawa River: a place on the river's far bank may fall on the wrong side.
import type { LatLon } from './shop';

/** [lat, lon], clockwise from the north-west. */
const QUEBEC: ReadonlyArray<readonly [number, number]> = [
  [62.6, -78.2],
  [60.4, -64.6],
  [55.0, -67.3],
  [52.0, -64.0],
  [52.0, -57.1],
  [51.4, -57.1],
  [49.0, -60.0],
  [47.0, -61.3],
  [47.0, -62.2],
  [47.9, -64.2],
  [48.0, -66.3],
  [47.45, -68.35],
  [47.45, -69.25],
  [46.2, -70.2],
  [45.3, -70.8],
  [45.0, -71.5],
  [45.0, -74.68],
  [45.56, -74.38],
  [45.615, -74.6],
  [45.575, -75.28],
  [45.455, -75.7],
  [45.84, -77.1],
  [46.72, -79.1],
  [47.2, -79.45],
  [51.4, -79.52],
];

/** Whether a point lies inside a polygon of [lat, lon] vertices (a ray cast along the parallel). */
function inside(point: LatLon, polygon: ReadonlyArray<readonly [number, number]>): boolean {
  let crossings = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [latI, lonI] = polygon[i]!;
    const [latJ, lonJ] = polygon[j]!;
    if (latI > point.lat !== latJ > point.lat && point.lon < ((lonJ - lonI) * (point.lat - latI)) / (latJ - latI) + lonI) crossings = !crossings;
  }
  return crossings;
}

export const inQuebec = (point: LatLon): boolean => inside(point, QUEBEC);
