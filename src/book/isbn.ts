// ISBN rules: check digits, conversions and the clean-up Amazon's markup needs.
// Pure: no DOM, no browser.

/** Keeps digits and X only, upper-cased: hyphens, spaces, NBSP and the bidi marks Amazon adds all go. */
export function cleanIsbn(raw: string): string {
  return raw.replace(/[^0-9Xx]/g, '').toUpperCase();
}

function isbn10Sum(digits9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(digits9[i]);
  return sum;
}

function isbn13Sum(digits12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(digits12[i]);
  return sum;
}

export function isbn10CheckDigit(digits9: string): string {
  const check = (11 - (isbn10Sum(digits9) % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

export function isbn13CheckDigit(digits12: string): string {
  return String((10 - (isbn13Sum(digits12) % 10)) % 10);
}

/** A cleaned 10-character string with a valid mod-11 check (X only last). */
export function isValidIsbn10(value: string): boolean {
  return /^\d{9}[\dX]$/.test(value) && isbn10CheckDigit(value.slice(0, 9)) === value[9];
}

/**
 * A cleaned 13-digit book number: EAN-13 check, 978 or 979 prefix,
 * but not 979-0 (ISMN, printed music) and, by the prefix rule, not 977 (ISSN).
 */
export function isValidIsbn13(value: string): boolean {
  return (
    /^97[89]\d{10}$/.test(value) &&
    !value.startsWith('9790') &&
    isbn13CheckDigit(value.slice(0, 12)) === value[12]
  );
}

/** 10 → 13: prefix 978 and compute a new check digit (the old one, X included, is dropped). */
export function isbn10To13(isbn10: string): string {
  const body = '978' + isbn10.slice(0, 9);
  return body + isbn13CheckDigit(body);
}

/** 13 → 10 exists only for 978 numbers; 979 books have no ISBN-10. */
export function isbn13To10(isbn13: string): string | null {
  if (!isbn13.startsWith('978')) return null;
  const body = isbn13.slice(3, 12);
  return body + isbn10CheckDigit(body);
}

/**
 * Any written form (hyphens, spaces, ISBN-10 or -13) to a valid ISBN-13, or null.
 * Decides by length and check digit only: the caller's label is not trusted.
 */
export function toIsbn13(raw: string): string | null {
  const value = cleanIsbn(raw);
  if (value.length === 13) return isValidIsbn13(value) ? value : null;
  if (value.length === 10) return isValidIsbn10(value) ? isbn10To13(value) : null;
  return null;
}
