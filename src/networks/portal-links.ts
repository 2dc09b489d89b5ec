// National bookshop portals, as links to the book (no request is made): chosen by the storefront's country.
import type { StorefrontDomain } from '../book/storefronts';

export interface PortalLink {
  id: string;
  name: string;
  url: string;
}

interface Portal {
  id: string;
  name: string;
  template: (isbn13: string) => string;
}

const P = (id: string, name: string, template: (isbn13: string) => string): Portal => ({ id, name, template });

const LIBRAIRIES_INDEPENDANTES = P('librairiesindependantes', 'Librairies indépendantes', (i) => `https://www.librairiesindependantes.com/product/search/?query=${i}`);
const LESLIBRAIRES_FR = P('leslibraires-fr', 'leslibraires.fr', (i) => `https://www.leslibraires.fr/livre/${i}`);
const PLACE_DES_LIBRAIRES = P('placedeslibraires', 'Place des Libraires', (i) => `https://www.placedeslibraires.fr/livre/${i}`);
const BOOKSHOP_US = P('bookshop-org', 'Bookshop.org', (i) => `https://bookshop.org/book/${i}`);
const BOOKSHOP_UK = P('bookshop-org-uk', 'Bookshop.org UK', (i) => `https://uk.bookshop.org/book/${i}`);
const HIVE = P('hive', 'Hive', (i) => `https://www.hive.co.uk/Search/Keyword?keyword=${i}`);
const GENIALOKAL = P('genialokal', 'genialokal', (i) => `https://www.genialokal.de/Suche/?q=${i}`);
const TODOSTUSLIBROS = P('todostuslibros', 'Todos tus libros', (i) => `https://www.todostuslibros.com/busquedas?keyword=${i}`);
const BOOKDEALER = P('bookdealer', 'Bookdealer', (i) => `https://www.bookdealer.it/search?q=${i}`);
const LESLIBRAIRES_CA = P('leslibraires-ca', 'leslibraires.ca', (i) => `https://www.leslibraires.ca/livres/${i}.html`);
const LIBRIS = P('libris', 'Libris', (i) => `https://www.libris.nl/zoek/?q=${i}`);
const LIBREL = P('librel', 'Librel', (i) => `https://www.librel.be/listeliv.php?base=allbooks&mots_recherche=${i}`);

/** Portals per storefront. Storefronts not listed get none (no national portal is known). */
const PORTALS: Partial<Record<StorefrontDomain, Portal[]>> = {
  'amazon.fr': [LIBRAIRIES_INDEPENDANTES, LESLIBRAIRES_FR, PLACE_DES_LIBRAIRES],
  'amazon.com': [BOOKSHOP_US],
  'amazon.co.uk': [HIVE, BOOKSHOP_UK],
  'amazon.de': [GENIALOKAL],
  'amazon.es': [TODOSTUSLIBROS],
  'amazon.it': [BOOKDEALER],
  'amazon.ca': [LESLIBRAIRES_CA],
  'amazon.nl': [LIBRIS],
  'amazon.com.be': [LIBREL, LIBRIS],
};

export function portalLinks(storefront: string, isbn13: string): PortalLink[] {
  return (PORTALS[storefront as StorefrontDomain] ?? []).map((portal) => ({ id: portal.id, name: portal.name, url: portal.template(isbn13) }));
}
