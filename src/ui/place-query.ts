// What a shopper typed into the place form, read for its country: "Toulouse, France" names it, and a
// postcode of a shape only one country uses ("SW1A 1AA", "1012 AB") says it. Anything else keeps the
// country the form shows. Pure: the form calls it before asking the worker.

/** Postcode shapes that belong to one country only (5 or 4 digits are shared by many, so they say nothing). */
const POSTCODE_SHAPES: Array<[country: string, shape: RegExp]> = [
  ['gb', /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i],
  ['nl', /^\d{4} ?[A-Z]{2}$/i],
  ['ca', /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i],
  ['pl', /^\d{2}-\d{3}$/],
  ['pt', /^\d{4}-\d{3}$/],
  ['br', /^\d{5}-\d{3}$/],
  ['jp', /^\d{3}-\d{4}$/],
];

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * The query to geocode and the country to look in. `countries`: the form's countries; `names`: a
 * country's names to recognise ("France", "Frankreich"), in the shopper's language and in English.
 */
export function readPlaceQuery(typed: string, shown: string, countries: readonly string[], names: (code: string) => string[]): { query: string; country: string } {
  const text = typed.trim();
  const comma = text.lastIndexOf(',');
  if (comma > 0) {
    const tail = fold(text.slice(comma + 1));
    const named = countries.find((code) => tail === code || names(code).some((name) => fold(name) === tail));
    if (named) return { query: text.slice(0, comma).trim(), country: named };
  }
  const shaped = POSTCODE_SHAPES.find(([country, shape]) => countries.includes(country) && shape.test(text));
  return { query: text, country: shaped ? shaped[0] : shown };
}
