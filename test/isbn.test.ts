import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanIsbn, isValidIsbn10, isValidIsbn13, isbn10CheckDigit, isbn10To13, isbn13CheckDigit, isbn13To10, toIsbn13 } from '../src/book/isbn';

describe('ISBN rules, by example', () => {
  it('accepts a valid ISBN-10 and ISBN-13', () => {
    expect(isValidIsbn10('0575090677')).toBe(true);
    expect(isValidIsbn13('9780575090675')).toBe(true);
  });

  it('reads X as the last ISBN-10 digit, in either case', () => {
    expect(toIsbn13('840827578X')).toBe('9788408275787');
    expect(toIsbn13('840827578x')).toBe('9788408275787');
    expect(isValidIsbn10('84082757X8')).toBe(false);
  });

  it('takes a whole number only: a valid one with a character more before or after is not one', () => {
    // 0575090677 and 9780575090675 are valid; each below holds one of them as its first or last digits.
    for (const value of ['05750906771', '10575090677', '0575090677X']) expect(isValidIsbn10(value), value).toBe(false);
    for (const value of ['97805750906751', '39780575090675']) expect(isValidIsbn13(value), value).toBe(false);
  });

  it('strips hyphens, spaces, non-breaking spaces and the bidi marks Amazon adds', () => {
    expect(cleanIsbn('\u200e978-2\u00a0205 05733\u202f1\u200f')).toBe('9782205057331');
    expect(toIsbn13('\u200f 978-2205057331 \u200e')).toBe('9782205057331');
  });

  it('computes a new check digit when turning an ISBN-10 into an ISBN-13', () => {
    expect(isbn10To13('0575090677')).toBe('9780575090675');
    expect(isbn10To13('193435659X')).toBe('9781934356593');
  });

  it('turns 978 ISBN-13s back into ISBN-10s, and 979 ones into nothing', () => {
    expect(isbn13To10('9788408275787')).toBe('840827578X');
    expect(isbn13To10('9798585422768')).toBeNull();
  });

  it('accepts 979 books but rejects ISMN (979-0) and ISSN (977)', () => {
    expect(isValidIsbn13('9798585422768')).toBe(true);
    expect(isValidIsbn13('9791020491756')).toBe(true);
    expect(isValidIsbn13('9790553123455')).toBe(false);
    expect(isValidIsbn13('9770317847001')).toBe(false);
  });

  it('rejects an EAN-13 that is not a book (860 prefix) and wrong check digits', () => {
    expect(toIsbn13('8601234653110')).toBeNull();
    expect(toIsbn13('9780575090676')).toBeNull();
    expect(toIsbn13('0575090678')).toBeNull();
  });

  it('rejects other lengths', () => {
    expect(toIsbn13('057509067')).toBeNull();
    expect(toIsbn13('97805750906750')).toBeNull();
    expect(toIsbn13('')).toBeNull();
  });
});

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const anyIsbn10 = digits(9).map((body) => body + isbn10CheckDigit(body));
const anyIsbn13 = fc.tuple(fc.constantFrom('978', '979'), digits(9))
  .filter(([prefix, rest]) => !(prefix === '979' && rest.startsWith('0')))
  .map(([prefix, rest]) => prefix + rest + isbn13CheckDigit(prefix + rest));

describe('ISBN rules, as properties', () => {
  it('every ISBN-10 becomes a valid 978 ISBN-13 that converts back to it', () => {
    fc.assert(fc.property(anyIsbn10, (isbn10) => {
      const isbn13 = isbn10To13(isbn10);
      expect(isValidIsbn13(isbn13)).toBe(true);
      expect(isbn13.startsWith('978')).toBe(true);
      expect(isbn13To10(isbn13)).toBe(isbn10);
    }));
  });

  it('changing any one digit breaks the check', () => {
    fc.assert(fc.property(anyIsbn13, fc.nat(12), fc.integer({ min: 1, max: 9 }), (isbn13, position, delta) => {
      const changed = isbn13.slice(0, position) + ((Number(isbn13[position]) + delta) % 10) + isbn13.slice(position + 1);
      expect(toIsbn13(changed)).toBeNull();
    }));
  });

  it('swapping two different neighbouring digits of an ISBN-10 breaks the check', () => {
    fc.assert(fc.property(anyIsbn10, fc.nat(7), (isbn10, i) => {
      fc.pre(isbn10[i] !== isbn10[i + 1]);
      const swapped = isbn10.slice(0, i) + isbn10[i + 1] + isbn10[i] + isbn10.slice(i + 2);
      expect(isValidIsbn10(swapped)).toBe(false);
    }));
  });

  it('reads the same number however it is hyphenated or spaced', () => {
    const separator = fc.constantFrom('', '-', ' ', '\u00a0', '\u200e', '\u200f', '\u2009');
    fc.assert(fc.property(anyIsbn13, fc.array(separator, { minLength: 13, maxLength: 13 }), (isbn13, separators) => {
      const written = [...isbn13].map((digit, i) => digit + separators[i]).join('');
      expect(toIsbn13(written)).toBe(isbn13);
    }));
  });

  it('never throws and never returns an invalid number, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
      const isbn = toIsbn13(text);
      if (isbn !== null) expect(isValidIsbn13(isbn)).toBe(true);
    }));
  });
});

/**
 * An independent reference, written from the standard's own statement (ISO 2108) and not from the code
 * under test: an ISBN-13's digits weighted 1, 3, 1, 3… sum to a multiple of 10; an ISBN-10's, weighted
 * 10, 9, … 1 (X for ten, last only), to a multiple of 11.
 */
const reference13 = (value: string) => /^\d{13}$/.test(value) && [...value].reduce((sum, digit, i) => sum + Number(digit) * (i % 2 === 0 ? 1 : 3), 0) % 10 === 0;
const reference10 = (value: string) => /^\d{9}[\dX]$/.test(value) && [...value].reduce((sum, digit, i) => sum + (digit === 'X' ? 10 : Number(digit)) * (10 - i), 0) % 11 === 0;

/** Numbers printed on real books (and the standard's worked example), each as ISBN-10 and ISBN-13. */
const PUBLISHED: Array<[string, string]> = [
  ['0306406152', '9780306406157'], // the ISBN Users' Manual's worked example
  ['2070360024', '9782070360024'], // Camus, L'Étranger, Folio
  ['0575090677', '9780575090675'],
  ['193435659X', '9781934356593'],
  ['840827578X', '9788408275787'],
];

describe('ISBN rules, against the standard', () => {
  it('agrees with the published numbers both ways', () => {
    for (const [isbn10, isbn13] of PUBLISHED) {
      expect([reference10(isbn10), reference13(isbn13)]).toEqual([true, true]);
      expect([isValidIsbn10(isbn10), isValidIsbn13(isbn13), isbn10To13(isbn10), isbn13To10(isbn13), toIsbn13(isbn10)]).toEqual([true, true, isbn13, isbn10, isbn13]);
    }
  });

  it('accepts exactly the 13-digit book numbers the reference accepts, for any digits and any check digit', () => {
    const candidate = fc.tuple(fc.constantFrom('978', '979'), fc.stringMatching(/^\d{10}$/)).map(([prefix, rest]) => prefix + rest);
    fc.assert(
      fc.property(candidate, (value) => {
        expect(isValidIsbn13(value)).toBe(reference13(value) && !value.startsWith('9790'));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the ISBN-10s the reference accepts, X included', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}[\dX]$/), (value) => {
        expect(isValidIsbn10(value)).toBe(reference10(value));
        if (reference10(value)) expect(reference13(isbn10To13(value))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
