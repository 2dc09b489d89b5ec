// Today's hours said in one line. Apart from the reading (hours.ts, in the hours worker), so the popup
// can say them without loading the opening_hours library on its own thread.

export interface HoursToday {
  openNow: boolean;
  /** Today's opening intervals, formatted for the shopper's language ("10:00–19:00"). */
  today: string[];
}

/** "Open now · today 10:00–19:00", "Closed now · today 14:00–19:00", or "Closed today" once. */
export function hoursLine(hours: HoursToday, t: (key: string, substitutions?: string) => string): string {
  if (!hours.openNow && hours.today.length === 0) return t('closedAllDay');
  const today = hours.today.length ? t('hoursToday', hours.today.join(', ')) : t('closedToday');
  return `${t(hours.openNow ? 'openNow' : 'closedNow')} · ${today}`;
}
