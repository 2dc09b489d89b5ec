// The popup's hours worker: reads the shops' opening hours off the popup's thread. Loading and running
// the opening_hours library there held the map's first tile back by about a tenth of a second (bench).
import { hoursToday } from './hours';
import type { HoursToday } from './hours-line';

export interface HoursAsked {
  ask: number;
  shops: Array<{ id: string; value: string; place: { lat: number; lon: number; country?: string } }>;
  now: number;
  locale: string;
}

/** Each shop's hours today by its id; null where its value cannot be read. */
export interface HoursAnswered {
  ask: number;
  hours: Record<string, HoursToday | null>;
}

addEventListener('message', (event: MessageEvent<HoursAsked>) => {
  const { ask, shops, now, locale } = event.data;
  const hours = Object.fromEntries(shops.map((shop) => [shop.id, hoursToday(shop.value, shop.place, new Date(now), locale)]));
  const answer: HoursAnswered = { ask, hours };
  postMessage(answer);
});
