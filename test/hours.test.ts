// A shop's hours today, read from OpenStreetMap's opening_hours and said in one line, each thing once.
import { describe, expect, it } from 'vitest';
import { hoursToday } from '../src/popup/hours';
import { hoursLine } from '../src/popup/hours-line';
import { englishMessage } from './english';

const TOULOUSE = { lat: 43.6, lon: 1.44, country: 'fr' };
// Monday 1 December 2025, 09:00 and 12:30 in the machine's time zone.
const at = (hour: number, minute = 0) => new Date(2025, 11, 1, hour, minute);
const line = (value: string, now: Date) => hoursLine(hoursToday(value, TOULOUSE, now, 'en-GB')!, englishMessage);

describe('a shop’s hours today', () => {
  it.each([
    ['open now', 'Mo-Sa 10:00-19:00', at(12, 30), 'Open now · today 10:00–19:00'],
    ['closed now, open later today', 'Mo-Sa 14:00-19:00', at(9), 'Closed now · today 14:00–19:00'],
    ['closed all day: said once', 'Tu-Sa 10:00-19:00', at(12, 30), 'Closed today'],
  ])('%s', (_case, value, now, expected) => {
    expect(line(value, now)).toBe(expected);
  });

  it('says nothing of hours it cannot read', () => {
    expect(hoursToday('not hours at all ;;', TOULOUSE, at(9), 'en-GB')).toBeNull();
  });
});
