// Opening hours from OpenStreetMap's opening_hours syntax, read with the opening_hours library (the one
// OpenStreetMap's own tools use). It is large (public holidays of many countries), so it runs in the
// hours worker (hours-worker.ts), off the popup's thread, and only when a shop has hours.
import OpeningHours from 'opening_hours';
import type { HoursToday } from './hours-line';

/** null when the value cannot be read: the popup then shows nothing rather than a guess. */
export function hoursToday(value: string, place: { lat: number; lon: number; country?: string }, now: Date, locale: string): HoursToday | null {
  try {
    const hours = new OpeningHours(value, { lat: place.lat, lon: place.lon, address: { country_code: (place.country ?? 'fr').toLowerCase(), state: '' } });
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
    const today = hours.getOpenIntervals(start, end).map(([from, to]) => `${time.format(from)}–${time.format(to)}`);
    return { openNow: hours.getState(now), today };
  } catch {
    return null;
  }
}
