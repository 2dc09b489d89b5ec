// The map's background, by a chain the shopper never has to think about: vector tiles (drawn on a
// canvas by protomaps-leaflet: no WebGL needed, see the README's comparison); if they cannot be had, the
// raster tiles the settings name, if any; otherwise none, and the popup shows the list alone with a line
// saying why. Every map request leaves with no cookie and no Referer: vector and raster tiles alike are
// fetched here, with credentials omitted (the hosts are host permissions, so no CORS is involved).
import * as L from 'leaflet';
import * as protomaps from 'protomaps-leaflet';
import { isTileTemplate, type Tiles } from '../shared/settings';
import { DARK, labelRules, LIGHT, paintRules } from './openmaptiles-style';
import { DEFAULT_MAX_ZOOM, KeptTileJson, missingLayers, SOURCE_LIFETIME_MS, sourceFromTileJson, tileUrl, type VectorSource } from './vector-source';

/** Nothing at all from a tile service for this long: it counts as down (a hanging server draws nothing). */
const FIRST_TILE_WITHIN_MS = 8000;

const NO_CREDENTIALS: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer' };

export interface BaseLayerDeps {
  /** The last TileJSON answer kept (storage.local), and how to keep a new one. */
  readKept: () => Promise<unknown>;
  keep: (kept: KeptTileJson) => Promise<void>;
  /** The shopper's language, for place names. */
  language: string;
  /** Whether the browser lets the extension ask this address's host (the shopper may have refused or taken it back). */
  allowed?: (url: string) => Promise<boolean>;
  now?: () => number;
}

export type BaseLayerKind = 'vector' | 'raster';
/**
 * No background: why, when it can be said: the vector service's TileJSON lacks layers the map draws, or
 * the browser does not let the extension ask a tile host (nothing is asked of it, as the worker does).
 */
export type NoBackground = { lacks: string[] } | { needsPermission: string } | null;

/**
 * Adds the first background that draws, in the chain's order, and says which; otherwise why none did
 * (the caller then shows the list alone). A layer that fails before its first tile is removed again.
 */
export async function addBaseLayer(map: L.Map, tiles: Tiles, deps: BaseLayerDeps): Promise<BaseLayerKind | NoBackground> {
  let refused: NoBackground = null;
  const allowed = async (url: string) => {
    const yes = await (deps.allowed?.(url) ?? Promise.resolve(true)).catch(() => false);
    if (!yes) refused ??= { needsPermission: new URL(url).host };
    return yes;
  };
  if (tiles.vector && canDrawOnCanvas() && (await allowed(tiles.vector.url))) {
    const drawsFrom = async (found: FoundSource) => {
      if (found && 'lacks' in found) refused = found;
      return !!found && 'source' in found && (await draws(map, vectorLayer(found.source, deps.language)));
    };
    const first = await vectorSource(tiles.vector.url, deps, { fresh: false });
    if (await drawsFrom(first)) return 'vector';
    // A kept TileJSON may name last week's build: ask once more before giving up on vector tiles.
    if (first && 'kept' in first && first.kept && (await drawsFrom(await vectorSource(tiles.vector.url, deps, { fresh: true })))) return 'vector';
  }
  if (tiles.raster && (await allowed(tiles.raster.url)) && (await draws(map, new CookielessTileLayer(tiles.raster.url, { maxZoom: 18 })))) return 'raster';
  return refused;
}

/** A canvas that refuses a 2D context (a hardened browser) can show no vector map. */
function canDrawOnCanvas(): boolean {
  return !!document.createElement('canvas').getContext('2d');
}

/** The vector tiles to draw (from the kept TileJSON answer or a fresh one), the layers a fresh one lacks, or none. */
type FoundSource = { source: VectorSource; kept: boolean } | { lacks: string[] } | null;

async function vectorSource(url: string, deps: BaseLayerDeps, { fresh }: { fresh: boolean }): Promise<FoundSource> {
  if (isTileTemplate(url)) return { source: { template: url, maxZoom: DEFAULT_MAX_ZOOM }, kept: false };
  const now = (deps.now ?? Date.now)();
  const kept = KeptTileJson.safeParse(await deps.readKept().catch(() => null));
  const keptSource = kept.success && kept.data.from === url ? sourceFromTileJson(url, kept.data.answer) : null;
  if (!fresh && keptSource && kept.success && kept.data.until > now) return { source: keptSource, kept: true };
  try {
    // Asked again because the kept answer named a build that is gone: past the browser's HTTP cache too,
    // which keeps the TileJSON a day as the service tells it (it would hand back the same stale answer).
    const response = await fetch(url, { ...NO_CREDENTIALS, cache: fresh ? 'no-cache' : 'default', signal: AbortSignal.timeout(FIRST_TILE_WITHIN_MS) });
    const answer: unknown = response.ok ? await response.json() : null;
    const source = sourceFromTileJson(url, answer);
    if (source) {
      await deps.keep({ from: url, answer, until: now + SOURCE_LIFETIME_MS }).catch(() => {});
      return { source, kept: false };
    }
    // It answered, with tiles the map cannot draw: said so, not papered over with an older answer.
    const lacks = response.ok ? missingLayers(answer) : [];
    if (lacks.length > 0) return { lacks };
  } catch {
    // (Unreachable, or not JSON: as a refusal, below.)
  }
  // The service could not say which build is current (during OpenFreeMap's outage of May 2026 its
  // TileJSON answered 403 for hours while the builds' own addresses kept serving tiles:
  // hyperknot/openfreemap#112, #114): the kept answer, past its day, rather than no map.
  return !fresh && keptSource ? { source: keptSource, kept: true } : null;
}

/**
 * Adds `layer` and waits for its first tile: true once one draws, false (and the layer removed) when
 * one fails, or none comes in time, before any drew. A tile dropped on the way (the map moved) is neither.
 */
function draws(map: L.Map, layer: L.GridLayer): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (drew: boolean) => {
      clearTimeout(timer);
      layer.off('tileload', onLoad).off('tileerror', onError);
      if (!drew) layer.remove();
      resolve(drew);
    };
    const onLoad = () => settle(true);
    const onError = () => settle(false);
    const timer = setTimeout(() => settle(false), FIRST_TILE_WITHIN_MS);
    layer.on('tileload', onLoad).on('tileerror', onError);
    layer.addTo(map);
  });
}

/**
 * protomaps-leaflet's layer, reading tiles through `getZxy` (the one method it asks of a tile archive)
 * so they are fetched our way. It draws a tile even when its data failed; the failure is reported here
 * as Leaflet's own 'tileerror', so the chain can move on.
 */
function vectorLayer(source: VectorSource, language: string): L.GridLayer {
  // protomaps-leaflet extends the global Leaflet's classes.
  (globalThis as { L?: typeof L }).L ??= L;
  const tiles = {
    async getZxy(z: number, x: number, y: number, signal?: AbortSignal) {
      try {
        const response = await fetch(tileUrl(source.template, { z, x, y }), { ...NO_CREDENTIALS, signal });
        if (!response.ok) throw new Error(`vector tile answered HTTP ${response.status}`);
        return { data: await response.arrayBuffer() };
      } catch (error) {
        if (!signal?.aborted) layer.fire('tileerror', { error });
        throw error;
      }
    },
  };
  // Dark with the popup (its stylesheet follows the system's colour scheme too), and again light or
  // dark when the system's scheme changes while the map is open.
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const style = (): Style => {
    const colours = scheme.matches ? DARK : LIGHT;
    return { paintRules: paintRules(colours), labelRules: labelRules(language, colours), backgroundColor: colours.land };
  };
  const layer = protomaps.leafletLayer({
    url: tiles as unknown as protomaps.LeafletLayerOptions['url'],
    maxDataZoom: source.maxZoom,
    ...style(),
    // The credit is the map's own control (credits.ts), built as elements.
    attribution: '',
  }) as unknown as L.GridLayer & Restylable;
  const restyle = () => {
    Object.assign(layer, style());
    // The label index was built with the old rules; the tiles are drawn again from the data they keep.
    layer.clearLayout();
    layer.rerenderTiles();
  };
  scheme.addEventListener('change', restyle);
  layer.on('remove', () => scheme.removeEventListener('change', restyle));
  return layer;
}

/** The rules and background a palette gives, as protomaps-leaflet's layer takes them and keeps them as fields. */
interface Style {
  paintRules: ReturnType<typeof paintRules>;
  labelRules: ReturnType<typeof labelRules>;
  backgroundColor: string;
}

/** What protomaps-leaflet's layer exposes to draw itself again with other rules (its own fields and methods). */
interface Restylable extends Style {
  clearLayout(): void;
  rerenderTiles(): void;
}

/**
 * Leaflet's raster tile layer, each tile fetched with no cookie and no referrer: as a plain <img>, a tile
 * would carry whatever cookies the tile host holds in the browser.
 */
class CookielessTileLayer extends L.TileLayer {
  /** Each tile's download, so a tile Leaflet drops before it arrives (zoomed or panned away) stops, as an <img> would. */
  private readonly downloads = new WeakMap<HTMLElement, AbortController>();

  constructor(url: string, options: L.TileLayerOptions) {
    super(url, options);
    const stop = ({ tile }: L.TileEvent) => this.downloads.get(tile)?.abort();
    this.on('tileabort', stop);
    this.on('tileunload', stop);
  }

  override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const tile = document.createElement('img');
    tile.alt = '';
    tile.setAttribute('role', 'presentation');
    const download = new AbortController();
    this.downloads.set(tile, download);
    const fail = (error: Error) => {
      // A tile no longer wanted is no failure of the tile server.
      if (!download.signal.aborted) done(error, tile);
    };
    fetch(this.getTileUrl(coords), { ...NO_CREDENTIALS, signal: download.signal })
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(`tile answered HTTP ${response.status}`))))
      .then((image) => {
        const url = URL.createObjectURL(image);
        tile.onload = () => {
          URL.revokeObjectURL(url);
          done(undefined, tile);
        };
        tile.onerror = () => {
          URL.revokeObjectURL(url);
          fail(new Error('the tile is not an image'));
        };
        tile.src = url;
      }, fail);
    return tile;
  }
}
