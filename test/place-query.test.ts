// A country guessed wrong (an English browser in UTC guesses the United States) is corrected by what the
// shopper types: a country named after a comma, or a postcode of a shape only one country uses.
import { describe, expect, it } from 'vitest';
import { readPlaceQuery } from '../src/ui/place-query';

const COUNTRIES = ['fr', 'us', 'gb', 'de', 'be', 'nl', 'ca', 'es'];
const names = (code: string) => [new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase())!, new Intl.DisplayNames(['fr'], { type: 'region' }).of(code.toUpperCase())!];

describe('what the shopper typed, read for its country', () => {
  it.each([
    ['Toulouse, France', 'us', { query: 'Toulouse', country: 'fr' }],
    ['Bruxelles, Belgique', 'fr', { query: 'Bruxelles', country: 'be' }],
    ['  York , united kingdom ', 'us', { query: 'York', country: 'gb' }],
    ['Köln, DE', 'us', { query: 'Köln', country: 'de' }],
    ['SW1A 1AA', 'us', { query: 'SW1A 1AA', country: 'gb' }],
    ['1012 AB', 'de', { query: '1012 AB', country: 'nl' }],
    ['H2X 1Y4', 'us', { query: 'H2X 1Y4', country: 'ca' }],
    // Five digits are a postcode in France, the United States, Germany, Spain…: the country shown stays.
    ['31000', 'us', { query: '31000', country: 'us' }],
    ['Toulouse', 'us', { query: 'Toulouse', country: 'us' }],
    // A comma that names no country is part of the place.
    ['Saint-Denis, Réunion', 'fr', { query: 'Saint-Denis, Réunion', country: 'fr' }],
  ])('%s (form on %s)', (typed, shown, expected) => {
    expect(readPlaceQuery(typed, shown, COUNTRIES, names)).toEqual(expected);
  });
});
