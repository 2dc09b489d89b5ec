// National bookshop portals, as links to the book (no request is made): those of the shopper's country
// first (a shopper in London on amazon.fr buys from British shops), then those of the storefront's.
import { countryOfStorefront } from '../book/storefronts';

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

// Each template rests on public evidence (research/networks.md sections 2 and 3 and its section-11
// update): [V] seen in working public code, [S] stated by a third party who checked it.

// [V] the Syndicat de la librairie française's search, as linked by peer extensions (networks.md 2.3).
const LIBRAIRIES_INDEPENDANTES = P('librairiesindependantes', 'Librairies indépendantes', (i) => `https://www.librairiesindependantes.com/product/search/?query=${i}`);
// [V] /livre/<EAN13> (networks.md 2.2).
const LESLIBRAIRES_FR = P('leslibraires-fr', 'leslibraires.fr', (i) => `https://www.leslibraires.fr/livre/${i}`);
// [V] 301 to the book's page; an unknown ISBN lands on the advanced search (networks.md 2.1, checked 2026-08-28).
const PLACE_DES_LIBRAIRES = P('placedeslibraires', 'Place des Libraires', (i) => `https://www.placedeslibraires.fr/livre/${i}`);
// [V] bookshop.org/book/<isbn13>, in many repositories (networks.md 3).
const BOOKSHOP_US = P('bookshop-org', 'Bookshop.org', (i) => `https://bookshop.org/book/${i}`);
// [V] peers link uk.bookshop.org/search?keywords=<terms> (networks.md section 11; e.g. the public clients
// found by searching "uk.bookshop.org/search?keywords="): a search finds the book without its slug.
const BOOKSHOP_UK = P('bookshop-org-uk', 'Bookshop.org UK', (i) => `https://uk.bookshop.org/search?keywords=${i}`);
// [V] /Search/Keyword?keyword=<isbn> (networks.md 3).
const HIVE = P('hive', 'Hive', (i) => `https://www.hive.co.uk/Search/Keyword?keyword=${i}`);
// [V] /Suche/?q=<isbn> (networks.md 3).
const GENIALOKAL = P('genialokal', 'genialokal', (i) => `https://www.genialokal.de/Suche/?q=${i}`);
// [S] /busquedas?keyword=<isbn> redirects to the book (networks.md 3).
const TODOSTUSLIBROS = P('todostuslibros', 'Todos tus libros', (i) => `https://www.todostuslibros.com/busquedas?keyword=${i}`);
// Bookdealer's book pages are /libro/<isbn>/<slug> [S]; no public use of a search address or of a page
// without its slug was found, so the link is the home page, where the shopper searches.
const BOOKDEALER = P('bookdealer', 'Bookdealer', () => 'https://www.bookdealer.it/');
// [V] /livres/<isbn>.html (networks.md 3, bolet777/DansMaZone).
const LESLIBRAIRES_CA = P('leslibraires-ca', 'leslibraires.ca', (i) => `https://www.leslibraires.ca/livres/${i}.html`);
// [V] /zoek/?q=<isbn> (networks.md 3). A Dutch network: offered on amazon.nl only, as it does not
// cover Flemish shops.
const LIBRIS = P('libris', 'Libris', (i) => `https://www.libris.nl/zoek/?q=${i}`);
// Librel (French-speaking Belgium) runs the Tite-Live engine; its public search over every kind of book
// is listeliv.php?base=allbooks&mots_recherche=<terms> [V: a Belgian bookshop's web app ("marque-tapage")
// links www.librel.be/listeliv.php?…mots_recherche=…&base=allbooks; public clients of parislibrairies.fr
// and placedeslibraires.fr, the same engine, use base=allbooks too]. base=paper left e-books out.
const LIBREL = P('librel', 'Librel', (i) => `https://www.librel.be/listeliv.php?base=allbooks&mots_recherche=${i}`);

/** Portals per country (ISO 3166-1 alpha-2). Countries not listed get none (no national portal is known). */
const PORTALS: Record<string, Portal[]> = {
  fr: [LIBRAIRIES_INDEPENDANTES, LESLIBRAIRES_FR, PLACE_DES_LIBRAIRES],
  us: [BOOKSHOP_US],
  gb: [HIVE, BOOKSHOP_UK],
  de: [GENIALOKAL],
  es: [TODOSTUSLIBROS],
  it: [BOOKDEALER],
  ca: [LESLIBRAIRES_CA],
  nl: [LIBRIS],
  // No portal for Flemish independent shops was found: Librel covers the French-speaking ones.
  be: [LIBREL],
};

/** The portals for a shopper in `country` (unknown: none of their own) on `storefront`, their own country's first. */
export function portalLinks(where: { country?: string; storefront: string }, isbn13: string): PortalLink[] {
  const countries = [...new Set([where.country, countryOfStorefront(where.storefront)].filter((country): country is string => !!country))];
  return countries.flatMap((country) => (Object.hasOwn(PORTALS, country) ? PORTALS[country]! : [])).map((portal) => ({ id: portal.id, name: portal.name, url: portal.template(isbn13) }));
}
