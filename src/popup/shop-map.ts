// The map: Leaflet, loaded after the list is painted. Markers are plain CSS (a divIcon), which also
// ends Leaflet's broken default-icon problem under bundlers (its icon path is guessed from a CSS url
// that bundling rewrites). Marker popups are built as elements, never HTML strings; the attribution
// (a setting) is escaped because Leaflet writes it as HTML. When tiles fail, the map says so in words.
import * as L from 'leaflet';
import { escapeHtml } from '../shared/escape-html';
import type { ListedShop } from './shop-list';

export interface ShopMapOptions {
  place: { lat: number; lon: number };
  shops: ListedShop[];
  tiles: { url: string; attribution: string };
  describeShop: (shop: ListedShop) => string;
  onSelect: (shopId: string) => void;
  onTilesFailed: () => void;
  /** The zoom buttons' names, in the shopper's language (Leaflet's own are English). */
  labels: { zoomIn: string; zoomOut: string };
}

export interface ShopMap {
  highlight(shopId: string | null): void;
  markerCount(): number;
  remove(): void;
}

/**
 * Leaflet's tile layer, each tile fetched with no cookie and no referrer: as a plain <img>, a tile would
 * carry whatever cookies the tile host holds in the browser. Tile hosts are host permissions (the
 * default in the manifest, others asked when set), so the fetch needs no CORS and sends no Origin.
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
    fetch(this.getTileUrl(coords), { credentials: 'omit', referrerPolicy: 'no-referrer', signal: download.signal })
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

export function createShopMap(container: HTMLElement, options: ShopMapOptions): ShopMap {
  // Keyboard users move through the list, which holds everything the map shows.
  const map = L.map(container, { keyboard: false, scrollWheelZoom: false, zoomSnap: 0.5, zoomControl: false });
  L.control.zoom({ zoomInTitle: options.labels.zoomIn, zoomOutTitle: options.labels.zoomOut }).addTo(map);
  map.attributionControl.setPrefix(false);
  // The list says everything the markers show, with names; screen readers would meet them as unnamed shapes.
  map.getPane('markerPane')?.setAttribute('aria-hidden', 'true');
  const tiles = new CookielessTileLayer(options.tiles.url, { attribution: escapeHtml(options.tiles.attribution), maxZoom: 18 });
  let loaded = 0;
  let failedOnce = false;
  tiles.on('tileload', () => loaded++);
  tiles.on('tileerror', () => {
    if (loaded === 0 && !failedOnce) {
      failedOnce = true;
      options.onTilesFailed();
    }
  });
  tiles.addTo(map);

  L.circleMarker([options.place.lat, options.place.lon], { radius: 7, className: 'place-marker', interactive: false }).addTo(map);
  const markers = new Map<string, L.Marker>();
  for (const shop of options.shops) {
    if (!shop.location) continue;
    const marker = L.marker([shop.location.lat, shop.location.lon], {
      icon: L.divIcon({ className: `shop-marker stock-${shop.stock}`, iconSize: [18, 18], iconAnchor: [9, 9], popupAnchor: [0, -8] }),
      keyboard: false,
      title: shop.name,
      alt: shop.name,
    });
    marker.bindPopup(() => {
      const box = document.createElement('div');
      const name = document.createElement('strong');
      name.textContent = shop.name;
      const line = document.createElement('div');
      line.textContent = options.describeShop(shop);
      box.append(name, line);
      // Where to find it, as the list says it (text, never markup).
      const address = [shop.address.street, shop.address.city].filter(Boolean).join(', ');
      if (address) {
        const where = document.createElement('div');
        where.className = 'shop-address';
        where.textContent = address;
        box.append(where);
      }
      return box;
    });
    marker.on('click', () => options.onSelect(shop.id));
    marker.addTo(map);
    markers.set(shop.id, marker);
  }
  const points: L.LatLngExpression[] = [[options.place.lat, options.place.lon], ...[...markers.values()].map((m) => m.getLatLng())];
  // Clear of the zoom buttons (top left) and the attribution (bottom right): no marker hides under them.
  map.fitBounds(L.latLngBounds(points), { paddingTopLeft: [48, 24], paddingBottomRight: [24, 44], maxZoom: 15 });
  // Shops a few hundred metres apart would sit on one another at city zoom: spread each such group
  // round its centre, just far enough apart to be told apart and clicked, at every zoom.
  const spread = () => spreadOverlapping(map, [...markers.values()]);
  spread();
  map.on('zoomend', spread);

  return {
    highlight(shopId) {
      for (const [id, marker] of markers) marker.getElement()?.classList.toggle('highlight', id === shopId);
    },
    markerCount: () => markers.size,
    remove: () => map.remove(),
  };
}

/** The markers' size in pixels (see the divIcon above). */
const MARKER_PX = 18;

/**
 * Moves markers that overlap on screen onto a small ring round their group's centre, by their CSS
 * margins (Leaflet places each marker by transform, and sets the margins only when its icon is set).
 */
function spreadOverlapping(map: L.Map, markers: L.Marker[]): void {
  const groups: Array<Array<{ marker: L.Marker; at: L.Point }>> = [];
  for (const marker of markers) {
    const item = { marker, at: map.latLngToLayerPoint(marker.getLatLng()) };
    const group = groups.find((members) => members.some((other) => other.at.distanceTo(item.at) < MARKER_PX));
    if (group) group.push(item);
    else groups.push([item]);
  }
  for (const group of groups) {
    const centre = group.reduce((sum, { at }) => sum.add(at), L.point(0, 0)).divideBy(group.length);
    // Neighbours on the ring are a marker's width and a little apart.
    const radius = group.length > 1 ? (MARKER_PX / 2 + 2) / Math.sin(Math.PI / group.length) : 0;
    group.forEach(({ marker, at }, i) => {
      const angle = (2 * Math.PI * i) / group.length - Math.PI / 2;
      const dx = group.length > 1 ? centre.x + radius * Math.cos(angle) - at.x : 0;
      const dy = group.length > 1 ? centre.y + radius * Math.sin(angle) - at.y : 0;
      const element = marker.getElement();
      if (!element) return;
      element.style.marginLeft = `${dx - MARKER_PX / 2}px`;
      element.style.marginTop = `${dy - MARKER_PX / 2}px`;
    });
  }
}
