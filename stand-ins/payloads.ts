// What the stand-ins answer, shaped from public evidence of each real service (cited beside each
// payload), never from our adapters. The shops are invented, around Toulouse, and say so in their names.

export const TOULOUSE = { lat: 43.6, lon: 1.44 };
export const LONDON = { lat: 51.51, lon: -0.13 };
/** The library service the stand-in catalogue knows: Camden's, by its ONS code (the fictional directory's London libraries name it). */
export const CAMDEN = { code: 'E09000007', name: 'Camden' };

/** Books the stand-ins know: a book with stock nearby, and one whose only stock is another edition. */
export const DEMO_BOOKS = {
  inStock: '9782070360024', // L'Étranger, Folio (the demo page's book)
  alsoInStock: '9781934356593', // Seven Languages in Seven Weeks: an English book the shops have too (the phone pages)
  otherEditionOnly: '9782205057331', // stock nearby only for the other edition below
  otherEdition: '9782205053210',
  nowhere: '9780575090675',
  /**
   * Two books of a real wish list (the corpus's de-2019-wishlist-books.html: the 2nd and 8th of its
   * ten items), so the list test sees marks on those two and on none of the others.
   */
  wishlistInStock: ['9780141189635', '9783518283431'],
};

interface PdlShopPayload {
  id: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  phone: string;
  logo: string;
  latitude: string;
  longitude: string;
  stockAvailablility: boolean;
  precommande: boolean;
  vacances: boolean;
}

/** One shared phone number for every shop of the network (a head office's or a placeholder): see the 'shared-phone' scenario. */
export const SHARED_PHONE = '05 61 00 00 00';

const pdl = (id: string, name: string, address: string, postalCode: string, city: string, lat: string, lon: string, stock: boolean, extra: Partial<PdlShopPayload> = {}): PdlShopPayload => ({
  id,
  name,
  address,
  postalCode,
  city,
  phone: `05 61 00 00 ${id.slice(-2).padStart(2, '0')}`,
  logo: Number(id) % 2 ? `https://static.epagine.fr/mediaweb3/${id}/logo.jpg` : '',
  latitude: lat,
  longitude: lon,
  stockAvailablility: stock,
  precommande: false,
  vacances: false,
  ...extra,
});

/**
 * Place des Libraires' getshoplist.php answer for an ISBN: every shop of the network, each with its
 * stock flag. Shape from public evidence, not from our adapter:
 * - field names, string ids, string coordinates, boolean flags, the "stockAvailablility" spelling, and
 *   "logo" empty or a static.epagine.fr address: the mock and tests of iwazaru/motuiti (bookmap),
 *   `src/__mocks__/node-fetch.js` and `src/lib/PlaceDesLibraires.test.js` at e6872e6;
 * - names and streets written with HTML entities ("155, rue Saint Honor&eacute;", "R&eacute;publique",
 *   "&agrave;"): real answers recorded by the same client, `src/App.js` at f730dff, which rendered them
 *   as HTML (research/networks.md section 11);
 * - a phone number in "longitude": that client's tests (the 'bad-coordinates' scenario below).
 */
export function placeDesLibrairesAnswer(isbn13: string): { shop: PdlShopPayload[] } {
  const has = isbn13 === DEMO_BOOKS.inStock || isbn13 === DEMO_BOOKS.alsoInStock || DEMO_BOOKS.wishlistInStock.includes(isbn13);
  const hasOther = isbn13 === DEMO_BOOKS.otherEdition;
  return {
    shop: [
      pdl('9101', 'Librairie du Capitole (d&eacute;mo)', '3 rue des Arts', '31000', 'Toulouse', '43.6045', '1.4442', has),
      pdl('9102', 'Librairie Saint-Honor&eacute; (d&eacute;mo)', '3, place de la R&eacute;publique', '31000', 'Toulouse', '43.6043', '1.4375', has || hasOther),
      pdl('9103', 'La Page Blanche (d&#233;mo)', '5 avenue de Muret', '31300', 'Toulouse', '43.5890', '1.4310', has, { precommande: has }),
      pdl('9104', 'Librairie de la Garonne (d&eacute;mo)', '8 quai de Tounis', '31000', 'Toulouse', '43.5968', '1.4396', false),
      pdl('9105', 'Au Fil des Pages (d&eacute;mo)', '2 place du March&eacute;', '31600', 'Muret', '43.4617', '1.3265', has, { vacances: has }),
      pdl('9106', 'L&rsquo;&OElig;il &agrave; la Page (d&eacute;mo)', '14 rue d&#x2019;Alsace-Lorraine', '31000', 'Toulouse', '43.6030', '1.4460', false),
      pdl('9107', 'Le Chat Lettr&eacute; (d&eacute;mo)', '9 all&eacute;es Jean-Jaur&egrave;s', '31000', 'Toulouse', '43.6068', '1.4500', false),
      pdl('9108', 'Librairie des Carmes (d&eacute;mo)', '1 place des Carmes', '31000', 'Toulouse', '43.5980', '1.4440', false),
      pdl('9201', 'Librairie du Quai (d&eacute;mo)', '40 quai Voltaire', '75007', 'Paris', '48.8580', '2.3290', true),
      pdl('9202', 'Le Bouquin Lyonnais (d&eacute;mo)', '1 rue Merci&egrave;re', '69002', 'Lyon', '45.7620', '4.8330', true),
    ],
  };
}

/**
 * Overpass's answer: bookshops around Toulouse (one is also in the network above; one is a chain).
 * Shape: the Overpass API's JSON output (version, generator, osm3s, elements with tags; ways with
 * "center" under `out center`), as parsed by the public clients listed in research/networks.md 5.1.
 */
export function overpassAnswer(around: { lat: number; lon: number } = TOULOUSE): unknown {
  // Around London: a few bookshops there, and no network shares its stock in the United Kingdom.
  if (Math.abs(around.lat - LONDON.lat) < 1 && Math.abs(around.lon - LONDON.lon) < 1) return { ...OVERPASS_HEADER, elements: structuredClone(LONDON_BOOKSHOPS) };
  return {
    version: 0.6,
    generator: 'Overpass API (stand-in)',
    osm3s: { timestamp_osm_base: '2026-11-01T00:00:00Z', copyright: 'The data included in this document is from www.openstreetmap.org.' },
    elements: [
      {
        type: 'node',
        id: 900001,
        lat: 43.60455,
        lon: 1.44425,
        tags: { shop: 'books', name: 'Librairie du Capitole (démo)', opening_hours: 'Tu-Sa 10:00-19:00', website: 'https://example.org/capitole', 'addr:street': 'rue des Arts', 'addr:housenumber': '3', 'addr:postcode': '31000', 'addr:city': 'Toulouse' },
      },
      {
        type: 'node',
        id: 900002,
        lat: 43.6101,
        lon: 1.4501,
        tags: { shop: 'books', name: 'Bulles et Cases (démo)', opening_hours: 'Mo-Sa 10:00-19:00; Su off', phone: '+33 5 61 00 00 99', 'addr:city': 'Toulouse' },
      },
      {
        type: 'way',
        id: 900003,
        center: { lat: 43.5802, lon: 1.4012 },
        tags: { shop: 'books', name: 'Le Grenier à Livres (démo)', 'addr:city': 'Toulouse' },
      },
      { type: 'node', id: 900004, lat: 43.6071, lon: 1.4462, tags: { shop: 'books', name: 'Chain Books (démo)', brand: 'Chain Books' } },
      { type: 'node', id: 900005, lat: 43.6, lon: 1.43, tags: { shop: 'books' } },
    ],
  };
}

const OVERPASS_HEADER = {
  version: 0.6,
  generator: 'Overpass API 0.7.62.1 084b4234',
  osm3s: { timestamp_osm_base: '2026-11-30T09:12:45Z', copyright: 'The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.' },
};

/** Invented bookshops around London (no real shop's data), in Overpass's element shape. */
/**
 * London's public libraries as OpenStreetMap tags them: amenity=library, a name, and the council that
 * runs each as its `operator` (iorala/osm-libch, docs/DataRequirements.md: "operator: library operator").
 * Made up, and saying so in their names; one library names no operator.
 */
const LONDON_LIBRARIES = [
  { type: 'node', id: 930001, lat: 51.5179, lon: -0.1197, tags: { amenity: 'library', name: 'Holborn Library (demo)', operator: 'London Borough of Camden', opening_hours: 'Mo-Th 10:00-19:00; Fr,Sa 11:00-17:00', 'addr:city': 'London' } },
  { type: 'node', id: 930002, lat: 51.5503, lon: -0.1408, tags: { amenity: 'library', name: 'Kentish Town Library (demo)', operator: 'London Borough of Camden', phone: '+44 20 7000 0102', 'addr:city': 'London' } },
  { type: 'way', id: 930003, center: { lat: 51.5222, lon: -0.163 }, tags: { amenity: 'library', name: 'Marylebone Library (demo)', operator: 'Westminster City Council', 'addr:city': 'London' } },
  { type: 'node', id: 930004, lat: 51.5033, lon: -0.1195, tags: { amenity: 'library', name: 'Riverside Reading Room (demo)', 'addr:city': 'London' } },
];

/**
 * Libraries Hacked's `/api/services` answer: one `{ code, name, type, url }` per library service
 * (LibrariesHacked/catalogues-library, helpers/common.js `getService`; index.js `services`), the code the
 * ONS/GSS one (its README: "It includes the GSS code for each authority", the example row "Aberdeen City
 * S12000033 spydus"). Two London services; their catalogues' addresses are not real ones.
 */
export function libraryServicesAnswer(): unknown {
  return [
    { code: CAMDEN.code, name: CAMDEN.name, type: 'spydus', url: 'https://catalogue.camden.invalid/' },
    { code: 'E09000033', name: 'Westminster', type: 'spydus', url: 'https://catalogue.westminster.invalid/' },
  ];
}

const LONDON_BOOKSHOPS = [
  { type: 'node', id: 910001, lat: 51.5136, lon: -0.1301, tags: { shop: 'books', name: 'Covent Garden Books (demo)', opening_hours: 'Mo-Sa 10:00-18:00', 'addr:city': 'London' } },
  { type: 'node', id: 910002, lat: 51.5203, lon: -0.1255, tags: { shop: 'books', name: 'Bloomsbury Pages (demo)', phone: '+44 20 7000 0002', 'addr:city': 'London' } },
  { type: 'way', id: 910003, center: { lat: 51.4975, lon: -0.1357 }, tags: { shop: 'books', name: 'Westminster Bookroom (demo)', 'addr:city': 'London' } },
];

/**
 * Overpass's answer to the directory's query for a whole country (`area["ISO3166-1"="FR"][admin_level=2]`,
 * the Overpass QL area filter documented in the OpenStreetMap wiki's Overpass API language guide): the
 * same JSON output as above, for every bookshop of the country. Invented shops: the Toulouse ones above,
 * a few elsewhere in France (one a chain, one second-hand only, one with no name); London's for GB.
 */
export function overpassCountryAnswer(code: string): unknown {
  const elements =
    code === 'FR'
      ? [
          ...(overpassAnswer(TOULOUSE) as { elements: unknown[] }).elements,
          { type: 'node', id: 920001, lat: 48.8534, lon: 2.3488, tags: { shop: 'books', name: 'Librairie de la Cité (démo)', 'addr:city': 'Paris' } },
          { type: 'node', id: 920002, lat: 45.764, lon: 4.8357, tags: { shop: 'books', name: 'Les Traboules (démo)', opening_hours: 'Tu-Sa 10:00-19:00', 'addr:city': 'Lyon' } },
          { type: 'way', id: 920003, center: { lat: 50.6292, lon: 3.0573 }, tags: { shop: 'books', name: 'Le Furet du Beffroi (démo)', 'addr:city': 'Lille' } },
          { type: 'node', id: 920004, lat: 43.2965, lon: 5.3698, tags: { shop: 'books', name: 'Occasions du Vieux-Port (démo)', second_hand: 'only' } },
          { type: 'node', id: 920005, lat: -21.1151, lon: 55.5364, tags: { shop: 'books', name: 'Librairie de Saint-Denis (démo)', 'addr:city': 'Saint-Denis' } },
        ]
      : code === 'GB'
        ? [...structuredClone(LONDON_BOOKSHOPS), ...structuredClone(LONDON_LIBRARIES)]
        : [];
  return { ...OVERPASS_HEADER, elements };
}

/**
 * Overpass's answer when the query fails on the server: still HTTP 200, with a top-level "remark" and no
 * (or partial) elements. The remark's wording is the server's, as quoted in openstreetmap/
 * openstreetmap-website #1178 and drolbr/Overpass-API #382.
 */
export function overpassRuntimeError(): unknown {
  return {
    version: 0.6,
    generator: 'Overpass API 0.7.62.1 084b4234',
    osm3s: { timestamp_osm_base: '2026-11-30T09:12:45Z', copyright: 'The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.' },
    elements: [],
    remark: 'runtime error: Query timed out in "query" at line 1 after 21 seconds.',
  };
}

/** Places the geocoder stand-ins know. */
type KnownPlace = { label: string; postcode: string; lat: number; lon: number; country: string; citycode?: string; x?: number; y?: number; population?: number; context?: string };
const TOULOUSE_PLACE: KnownPlace = { label: 'Toulouse', postcode: '31000', lat: 43.604429, lon: 1.443812, country: 'fr', citycode: '31555', x: 574281.5, y: 6279637.6, population: 504078, context: '31, Haute-Garonne, Occitanie' };
const PLACES: Record<string, KnownPlace> = {
  toulouse: TOULOUSE_PLACE,
  '31000': TOULOUSE_PLACE,
  muret: { label: 'Muret', postcode: '31600', lat: 43.461764, lon: 1.326532, country: 'fr', citycode: '31395', x: 564525.7, y: 6263981.2, population: 25982, context: '31, Haute-Garonne, Occitanie' },
  london: { label: 'London', postcode: '', lat: 51.507351, lon: -0.127758, country: 'gb' },
  'sw1a 1aa': { label: 'London SW1A 1AA', postcode: 'SW1A 1AA', lat: 51.501, lon: -0.1416, country: 'gb' },
};

/**
 * The Géoplateforme's reverse answer (data.geopf.fr/geocodage/reverse?lon=…&lat=…&index=address&limit=1):
 * the same FeatureCollection, its one feature the nearest address, with its town in `city` and how far it
 * is in `distance` (metres), as public clients read it (the Géoplateforme's geocoding docs quoted in public
 * repositories: "géocodage inverse : https://data.geopf.fr/geocodage/reverse", properties label,
 * housenumber, street, postcode, citycode, city, context, type, _type "address"; clients reading
 * features[0].properties.city from it, 2026). Made up: the address; nothing near outside France.
 */
export function geoplateformeReverseAnswer(lat: number, lon: number): unknown {
  const place = Object.values(PLACES).find((known) => known.country === 'fr' && Math.abs(known.lat - lat) < 0.1 && Math.abs(known.lon - lon) < 0.1);
  const features = place
    ? [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [lon + 0.0007, lat - 0.0004] },
          properties: {
            label: `12 Rue des Libraires ${place.postcode} ${place.label}`,
            score: 0.99,
            housenumber: '12',
            id: `${place.citycode}_0042_00012`,
            name: '12 Rue des Libraires',
            postcode: place.postcode,
            citycode: place.citycode,
            city: place.label,
            context: place.context,
            type: 'housenumber',
            importance: 0.6,
            street: 'Rue des Libraires',
            distance: 71,
            _type: 'address',
          },
        },
      ]
    : [];
  return { type: 'FeatureCollection', features };
}

/**
 * The Géoplateforme geocoder's answer (data.geopf.fr/geocodage/search?q=…&type=municipality&limit=1): a
 * GeoJSON FeatureCollection, coordinates as [lon, lat], and the properties of the former national
 * address API, which its operators describe as unchanged (nchaulet/node-geocoder #366: "The api remains
 * the same"; mviewer/mviewerstudio #367). Property names as recorded in public clients' fixtures and
 * docs (lhapaipai/lonlat docs/geocoding/adresse-gouv.md: id, type, score, name, postcode, citycode, city,
 * context, label, x, y, importance, population, municipality).
 */
export function geoplateformeAnswer(query: string): unknown {
  const place = PLACES[query.trim().toLowerCase()];
  const features =
    place && place.country === 'fr'
      ? [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
            properties: {
              label: place.label,
              score: 0.96,
              id: place.citycode,
              type: 'municipality',
              name: place.label,
              postcode: place.postcode,
              citycode: place.citycode,
              x: place.x,
              y: place.y,
              population: place.population,
              city: place.label,
              context: place.context,
              importance: 0.7,
              municipality: place.label,
            },
          },
        ]
      : [];
  return { type: 'FeatureCollection', version: 'draft', features, query };
}

/**
 * Nominatim's /search answer (format=jsonv2): an array of places, lat and lon as strings, place_id a
 * number since 4.x, the licence line, "category" where format=json says "class" (nominatim.org/
 * release-docs/latest/api/Output/, "JSON" and "JSONv2").
 */
export function nominatimAnswer(query: string, countryCodes: string): unknown {
  const place = PLACES[query.trim().toLowerCase()];
  if (!place || (countryCodes && !countryCodes.split(',').includes(place.country))) return [];
  const lat = String(place.lat);
  const lon = String(place.lon);
  return [
    {
      place_id: 100149,
      licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
      osm_type: 'relation',
      osm_id: 65606,
      lat,
      lon,
      category: 'boundary',
      type: 'administrative',
      place_rank: 12,
      importance: 0.86,
      addresstype: 'city',
      name: place.label,
      display_name: `${place.label}, ${place.country.toUpperCase()}`,
      boundingbox: [String(place.lat - 0.2), String(place.lat + 0.2), String(place.lon - 0.3), String(place.lon + 0.3)],
    },
  ];
}

/**
 * Nominatim's /reverse answer (format=jsonv2, zoom=10: the town): one place, lat and lon as strings, its
 * address split into parts with `city`, `town` or `village` by the place's size and a lower-case
 * `country_code` (nominatim.org/release-docs/latest/api/Output/, "JSONv2" and "addressdetails"; a
 * recorded answer with those parts: dedicatedcode/reitti #765). Where it knows no place near the point
 * it still answers HTTP 200, with `{"error":"Unable to geocode"}` (osm-search/Nominatim #3556).
 */
export function nominatimReverseAnswer(lat: number, lon: number): unknown {
  // The first known place within about 10 km (London before its postcode SW1A 1AA).
  const place = Object.values(PLACES).find((known) => Math.abs(known.lat - lat) < 0.1 && Math.abs(known.lon - lon) < 0.1);
  if (!place) return { error: 'Unable to geocode' };
  const countryName: Record<string, string> = { fr: 'France', gb: 'United Kingdom' };
  return {
    place_id: 88_765_432,
    licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
    osm_type: 'relation',
    osm_id: 35_738,
    lat: String(place.lat),
    lon: String(place.lon),
    place_rank: 16,
    category: 'boundary',
    type: 'administrative',
    importance: 0.76,
    addresstype: 'city',
    name: place.label,
    display_name: `${place.label}, ${place.context ?? ''}, ${countryName[place.country] ?? ''}`,
    address: {
      city: place.label,
      ...(place.context ? { county: place.context.split(', ')[1], state: place.context.split(', ')[2] } : {}),
      ...(place.postcode ? { postcode: place.postcode } : {}),
      country: countryName[place.country] ?? place.country.toUpperCase(),
      country_code: place.country,
    },
    boundingbox: [String(place.lat - 0.1), String(place.lat + 0.1), String(place.lon - 0.15), String(place.lon + 0.15)],
  };
}


/**
 * Libraries Hacked's catalogue API (www.librarybooks.uk: LibrariesHacked/catalogues-api, openapi.json)
 * answer to `/api/availability/<isbn>?service=<code>`: an array with one object per library service
 * asked, `{ id, service, code, availability, start, end }` (LibrariesHacked/catalogues-library,
 * helpers/common.js `initialiseSearchByISBNResponse` and `endResponse`), `url` the catalogue's search
 * (connectors/spydus.js sets `service.Url + 'cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ?NRECS=1&ISBN=' + isbn`),
 * and per branch `{ library, available, unavailable }` (every connector's `availability.push`), the
 * branch named as the catalogue writes it (some in capitals, some counts as text). A catalogue that
 * could not be read keeps an empty availability and an `exception` (connectors/arena.js:
 * `responseHoldings.exception = e`, an Error, which JSON writes as `{}`). The branches are made up,
 * and the catalogue's host is not a real one.
 */
export function libraryBooksAnswer(isbn13: string, service: string, { broken = false } = {}): unknown {
  const known = service === CAMDEN.code || service === CAMDEN.name;
  const holds = isbn13 === DEMO_BOOKS.inStock || isbn13 === DEMO_BOOKS.alsoInStock;
  const availability = !known || broken || !holds ? [] : [
    { library: 'Holborn Library (demo)', available: 1, unavailable: 1 },
    { library: 'KENTISH TOWN LIBRARY (DEMO)', available: '0', unavailable: '2' },
  ];
  const start = '2026-12-07T10:15:02.114Z';
  return [
    {
      id: holds && known && !broken ? 'BIB-000412' : null,
      service: known ? CAMDEN.name : service,
      code: known ? CAMDEN.code : service,
      availability,
      start,
      end: '2026-12-07T10:15:03.871Z',
      url: `https://catalogue.camden.invalid/cgi-bin/spydus.exe/ENQ/WPAC/BIBENQ?NRECS=1&ISBN=${isbn13}`,
      ...(broken ? { exception: {} } : {}),
    },
  ];
}

/**
 * leslibraires.ca's public book API (`app.leslibraires.ca/api/v1/public/books/isbn/<isbn>`) answer:
 * `{ "data": { isbn, price, available, url } }` (bolet777/DansMaZone, src/datas/pricesAPI.js, which
 * reads `data.data.available`, `.price` and `.url`, and builds `https://www.leslibraires.ca/livres/<isbn>.html`
 * where no url comes). The evidence does not show the values' types: a price as text and a boolean
 * flag here (the adapter takes numbers or text for both). A book it does not know: 404 (DansMaZone
 * reads any non-OK answer as "no price"). The price is made up.
 */
export function lesLibrairesCaAnswer(isbn13: string): unknown | null {
  if (isbn13 === DEMO_BOOKS.inStock) return { data: { isbn: isbn13, price: '14.95', available: true, url: `https://www.leslibraires.ca/livres/${isbn13}.html` } };
  if (isbn13 === DEMO_BOOKS.alsoInStock) return { data: { isbn: isbn13, price: '47.50', available: false, url: `https://www.leslibraires.ca/livres/${isbn13}.html` } };
  return null;
}

/** Tokyo's centre (Chiyoda), where the stand-in Calil knows two public libraries of one system. */
export const TOKYO = { lat: 35.69, lon: 139.75 };
/** The app key the stand-in Calil takes (a browser test's build is given it; a release takes the real one). */
export const CALIL_STAND_IN_KEY = 'stand-in-calil-key';

/**
 * Calil's `/library?geocode=lon,lat&format=json&callback=no` answer: an array of libraries nearest
 * first, each with `systemid`, `systemname`, `libkey`, `libid`, `short`, `formal`, `url_pc`, `address`,
 * `pref`, `city`, `post`, `tel`, `geocode` ("lon,lat" as text), `category` and, for a geocode query,
 * `distance` (warada0209/pycalil README's printed answers; `Tokyo_Chiyoda` a system id in 2celeb/calil's
 * README). The libraries are made up and say so; a school room (category SMALL) sits nearest, as Calil
 * lists them too.
 */
export function calilLibraryAnswer(lat: number, lon: number): unknown {
  if (Math.abs(lat - TOKYO.lat) > 0.5 || Math.abs(lon - TOKYO.lon) > 0.5) return [];
  const library = (libid: string, libkey: string, formal: string, category: string, geocode: string, distance: number) => ({
    category, city: '千代田区', short: formal, libkey, pref: '東京都', primary: false, faid: null, geocode, systemid: 'Tokyo_Chiyoda', address: '東京都千代田区（デモ）', libid, tel: '03-0000-0000', systemname: '東京都千代田区', isil: null, post: '102-0000', url_pc: 'https://library.chiyoda.invalid/', formal, distance,
  });
  return [
    library('990001', '小学校', '千代田小学校図書室（デモ）', 'SMALL', '139.7512,35.6905', 0.1),
    library('990002', '中央', '千代田区立中央図書館（デモ）', 'MEDIUM', '139.7536,35.6938', 0.45),
    library('990003', '四番町', '四番町図書館（デモ）', 'MEDIUM', '139.7345,35.6881', 1.4),
  ];
}

/**
 * Calil's `/check?isbn=&systemid=&format=json&callback=no` answer, and the same asked again with its
 * `session`: `{ session, continue, books: { <isbn>: { <systemid>: { status, reserveurl, libkey } } } }`,
 * `continue: 1` with status "Running" while Calil reads the catalogues, then `continue: 0`, "OK" and
 * each branch's state (champierre/libron's libron.js reads these fields and polls every 2 s while
 * continue is 1; the states as a public client maps them: 貸出可, 貸出中). The reserve address is not a real host.
 */
export function calilCheckAnswer(isbn13: string, systemids: string[], { polled }: { polled: boolean }): unknown {
  const holds = isbn13 === DEMO_BOOKS.inStock || isbn13 === DEMO_BOOKS.alsoInStock;
  const system = (id: string) =>
    !polled
      ? { status: 'Running', reserveurl: '', libkey: {} }
      : id === 'Tokyo_Chiyoda' && holds
        ? { status: 'OK', reserveurl: `https://library.chiyoda.invalid/opac/detail?isbn=${isbn13}`, libkey: { 中央: '貸出可', 四番町: '貸出中' } }
        : { status: 'OK', reserveurl: '', libkey: {} };
  return { session: 'stand-in-session-1', continue: polled ? 0 : 1, books: { [isbn13]: Object.fromEntries(systemids.map((id) => [id, system(id)])) } };
}
