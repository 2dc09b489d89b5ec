// The map: Leaflet, loaded after the list is painted. Markers are plain CSS (a divIcon), which also
// ends Leaflet's broken default-icon problem under bundlers (its icon path is guessed from a CSS url
// that bundling rewrites). Marker popups and the credits are built as elements, never HTML strings.
// The background comes after the markers, by the chain in map/base-layer.ts; with none, the caller is
// told, and shows the list alone.
import * as L from 'leaflet';
import { addBaseLayer, type BaseLayerDeps, type NoBackground } from '../map/base-layer';
import { creditsFor } from '../map/credits';
import type { Tiles } from '../shared/settings';
import { element, externalLink } from '../ui/dom';
import type { ListedShop } from './shop-list';

export interface ShopMapOptions {
  place: { lat: number; lon: number };
  shops: ListedShop[];
  tiles: Tiles;
  /** Where the vector tiles' TileJSON answer is kept, and the shopper's language. */
  baseLayer: BaseLayerDeps;
  describeShop: (shop: ListedShop) => string;
  /** The shop's number in the list, drawn on its marker too, so the two are read together without colour. */
  numberOf: (shopId: string) => number;
  onSelect: (shopId: string) => void;
  /**
   * No background could be drawn (every tile service in the chain failed, or none is set), with why
   * when it can be said (base-layer.ts's NoBackground).
   */
  onNoBackground: (why?: NonNullable<NoBackground>) => void;
  /** The zoom buttons' names, in the shopper's language (Leaflet's own are English). */
  labels: { zoomIn: string; zoomOut: string };
}

export interface ShopMap {
  highlight(shopId: string | null): void;
  markerCount(): number;
  remove(): void;
}

/** The markers' size in pixels: room for a two-digit number. */
const MARKER_PX = 22;

export function createShopMap(container: HTMLElement, options: ShopMapOptions): ShopMap {
  // Keyboard users move through the list, which holds everything the map shows.
  const map = L.map(container, { keyboard: false, scrollWheelZoom: false, zoomSnap: 0.5, zoomControl: false, attributionControl: false });
  L.control.zoom({ zoomInTitle: options.labels.zoomIn, zoomOutTitle: options.labels.zoomOut }).addTo(map);
  // The list says everything the markers show, with names; screen readers would meet them as unnamed shapes.
  map.getPane('markerPane')?.setAttribute('aria-hidden', 'true');
  // The shopper's place above the shops' markers (a pane of its own), never hidden inside a ring of them.
  map.createPane('placePane').style.zIndex = '650';
  L.marker([options.place.lat, options.place.lon], {
    pane: 'placePane',
    icon: L.divIcon({ className: 'place-marker', iconSize: [16, 16], iconAnchor: [8, 8] }),
    interactive: false,
    keyboard: false,
  }).addTo(map);
  const markers = new Map<string, L.Marker>();
  for (const shop of options.shops) {
    // The map shows where the book may be: a shop that said it does not have it is in the list only.
    if (!shop.location || shop.stock === 'out-of-stock') continue;
    const marker = L.marker([shop.location.lat, shop.location.lon], {
      // Its number (ours, an integer: never the network's text) on a shape that says the stock without colour.
      icon: L.divIcon({
        className: `shop-marker stock-${shop.stock}${shop.closedForHolidays ? ' on-holiday' : ''}${shop.kind === 'library' ? ' library' : ''}`,
        html: String(options.numberOf(shop.id)),
        iconSize: [MARKER_PX, MARKER_PX],
        iconAnchor: [MARKER_PX / 2, MARKER_PX / 2],
        popupAnchor: [0, -MARKER_PX / 2],
      }),
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
  // Every shop in the first view, clear of the zoom buttons (top left) and the credits (bottom right).
  const fitAll = () => map.fitBounds(L.latLngBounds(points), { paddingTopLeft: [48, 24], paddingBottomRight: [24, 36], maxZoom: 15, animate: false });
  fitAll();
  // The popup window settles its size after the map is made (Chrome grows a popup to its content):
  // fit again on each resize, until the shopper moves the map themselves.
  let moved = false;
  container.addEventListener('pointerdown', () => (moved = true), { once: true });
  const resized = new ResizeObserver(() => {
    map.invalidateSize({ animate: false });
    if (!moved) fitAll();
  });
  resized.observe(container);
  // Shops a few hundred metres apart would sit on one another at city zoom: spread each such group
  // round its centre, just far enough apart to be told apart and clicked, at every zoom.
  const spread = () => spreadOverlapping(map, [...markers.values()]);
  spread();
  map.on('zoomend', spread);

  let removed = false;
  void addBaseLayer(map, options.tiles, options.baseLayer)
    .catch(() => null)
    .then((kind) => {
      if (removed) return;
      if (kind !== 'vector' && kind !== 'raster') return options.onNoBackground(kind ?? undefined);
      // The first tile is drawn: what the bench times as "map visible" (scripts/bench.mjs).
      performance.mark('map-visible');
      const service = kind === 'vector' ? options.tiles.vector! : options.tiles.raster!;
      creditsControl(creditsFor(kind, service)).addTo(map);
    });

  return {
    highlight(shopId) {
      for (const [id, marker] of markers) marker.getElement()?.classList.toggle('highlight', id === shopId);
    },
    markerCount: () => markers.size,
    remove() {
      removed = true;
      resized.disconnect();
      map.remove();
    },
  };
}

/**
 * The credits in the map's corner, each a link where it has one: built as elements, where Leaflet's own
 * attribution control would write them as HTML.
 */
function creditsControl(credits: Array<{ text: string; url: string }>): L.Control {
  const control = new L.Control({ position: 'bottomright' });
  control.onAdd = () => {
    const box = element('div', { class: 'leaflet-control-attribution map-credits' });
    credits.forEach(({ text, url }, i) => {
      if (i > 0) box.append(' · ');
      box.append(url ? externalLink(url, text) : element('span', {}, text));
    });
    return box;
  };
  return control;
}


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
