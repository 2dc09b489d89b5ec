// Opening hours from OpenStreetMap's opening_hours syntax, read with the opening_hours library (the one
// OpenStreetMap's own tools use). It is large (public holidays of many countries), so the popup loads
// this module after the list is painted, and only when a shop has hours.
import OpeningHours from 'opening_hours';

export interface HoursToday {
  openNow: boolean;
  /** Today's opening intervals, formatted for the shopper's language ("10:00–19:00"). */
  today: string[];
}

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

/** Today's hours in one line: "Open now · today 10:00–19:00", "Closed now · today 14:00–19:00", or "Closed today" once. */
export function hoursLine(hours: HoursToday, t: (key: string, substitutions?: string) => string): string {
  if (!hours.openNow && hours.today.length === 0) return t('closedAllDay');
  const today = hours.today.length ? t('hoursToday', hours.today.join(', ')) : t('closedToday');
  return `${t(hours.openNow ? 'openNow' : 'closedNow')} · ${today}`;
}
