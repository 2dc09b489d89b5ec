// The Place des Libraires network and the regional portals on its engine: plain data, apart from the
// adapter (and its answer schema), so the options page can name them without carrying the adapter.

export interface PlaceDesLibrairesInstance {
  id: string;
  name: string;
  /** e.g. https://www.placedeslibraires.fr/ */
  baseUrl: string;
  /** Where its shops are (default France): the network is asked only for a shopper placed there. */
  countries?: readonly string[];
  /** i18n key of where it works, in the shopper's words (the options page says it beside the name). */
  coverage: string;
}

/** The network itself, and the regional portals that research says run the same engine (each its own instance). */
export const PLACE_DES_LIBRAIRES_INSTANCES: PlaceDesLibrairesInstance[] = [
  { id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: 'https://www.placedeslibraires.fr/', countries: ['fr'], coverage: 'coverageFrance' },
  // Regional portals (research/networks.md: Chez mon libraire is Auvergne-Rhône-Alpes' association's).
  { id: 'chez-mon-libraire', name: 'Chez mon libraire', baseUrl: 'https://www.chez-mon-libraire.fr/', countries: ['fr'], coverage: 'coverageAuvergneRhoneAlpes' },
  { id: 'parislibrairies', name: 'Paris Librairies', baseUrl: 'https://www.parislibrairies.fr/', countries: ['fr'], coverage: 'coverageParis' },
  { id: 'librairies-nouvelle-aquitaine', name: 'Librairies Nouvelle-Aquitaine', baseUrl: 'https://www.librairies-nouvelleaquitaine.com/', countries: ['fr'], coverage: 'coverageNouvelleAquitaine' },
  { id: 'librel', name: 'Librel', baseUrl: 'https://www.librel.be/', countries: ['be'], coverage: 'coverageBelgium' },
];
