// The Place des Libraires network and the regional portals on its engine: plain data, apart from the
// adapter (and its answer schema), so the options page can name them without carrying the adapter.

export interface PlaceDesLibrairesInstance {
  id: string;
  name: string;
  /** e.g. https://www.placedeslibraires.fr/ */
  baseUrl: string;
  /** Where its shops are (default France): the network is asked only for a shopper placed there. */
  countries?: readonly string[];
}

/** The network itself, and the regional portals that research says run the same engine (each its own instance). */
export const PLACE_DES_LIBRAIRES_INSTANCES: PlaceDesLibrairesInstance[] = [
  { id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: 'https://www.placedeslibraires.fr/', countries: ['fr'] },
  { id: 'chez-mon-libraire', name: 'Chez mon libraire', baseUrl: 'https://www.chez-mon-libraire.fr/', countries: ['fr'] },
  { id: 'parislibrairies', name: 'Paris Librairies', baseUrl: 'https://www.parislibrairies.fr/', countries: ['fr'] },
  { id: 'librairies-nouvelle-aquitaine', name: 'Librairies Nouvelle-Aquitaine', baseUrl: 'https://www.librairies-nouvelleaquitaine.com/', countries: ['fr'] },
  { id: 'librel', name: 'Librel', baseUrl: 'https://www.librel.be/', countries: ['be'] },
];
