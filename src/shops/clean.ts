// Network text and values made fit for the common shop shape: text stays text (entities decoded into
// characters, never parsed as HTML), links only when http(s), coordinates only when they are numbers.
import { decodeHTML } from 'entities/decode';
import type { LatLon } from './shop';

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Network text for display: control characters out, spaces folded, length capped. Still text, never HTML. */
export function cleanText(value: unknown, maxLength = 200): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** Only http(s) links survive: javascript:, data: and the rest are dropped. */
export function safeLink(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A coordinate from a number or a string ("46.2", " 5,22 "), or null when it is not a finite number. */
export function parseCoordinate(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(',', '.');
  if (!/^-?\d{1,3}(?:\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** A point on Earth, or null. */
export function validPoint(lat: number | null, lon: number | null): LatLon | null {
  if (lat === null || lon === null) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  if (lat === 0 && lon === 0) return null; // "Null Island": an empty field read as zero
  return { lat, lon };
}

/**
 * Text from a source that writes HTML entities into its JSON ("Saint Honor&eacute;", "&#x2019;"):
 * every named and numeric entity of HTML becomes its character, with a decoder made for exactly that
 * (no HTML parser, no markup): "&lt;b&gt;" becomes the visible text "<b>". Then cleaned as above.
 */
export function cleanEntityText(value: unknown, maxLength = 200): string | undefined {
  // Decoding cannot lengthen text; a cap first keeps a hostile 100 KB field cheap.
  if (typeof value === 'string') return cleanText(decodeHTML(value.slice(0, maxLength * 8)), maxLength);
  return cleanText(value, maxLength);
}

/** A yes/no flag as networks write it: true, 1, "1" or "true"; anything else is no. */
export const isTrueFlag = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true';
