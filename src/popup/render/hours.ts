// Today's hours of the shops that give theirs, read in the hours worker (hours-worker.ts, off the
// popup's thread) and said in the list when they come.
import type { LookupResult } from '../../lookup/result';
import { t } from '../../ui/i18n';
import { hoursLine } from '../hours-line';
import type { HoursAnswered, HoursAsked } from '../hours-worker';
import { fillHours } from '../shop-list';
import { locale } from './words';

let hoursWorker: Worker | null = null;
let asks = 0;

export async function renderHours(list: HTMLElement, result: LookupResult): Promise<void> {
  const shops = result.shops.flatMap((shop) => (shop.openingHours ? [{ id: shop.id, value: shop.openingHours, place: shop.location ?? result.place }] : []));
  if (shops.length === 0) return;
  hoursWorker ??= new Worker(new URL('hours-worker.js', location.href), { type: 'module' });
  const worker = hoursWorker;
  const asked: HoursAsked = { ask: ++asks, shops, now: Date.now(), locale };
  const hours = await new Promise<HoursAnswered['hours']>((resolve) => {
    const onAnswer = (event: MessageEvent<HoursAnswered>) => {
      if (event.data.ask !== asked.ask) return;
      worker.removeEventListener('message', onAnswer);
      resolve(event.data.hours);
    };
    worker.addEventListener('message', onAnswer);
    // A worker that cannot start (or fails) leaves the hours unsaid, as a value that cannot be read does.
    worker.addEventListener('error', () => resolve({}), { once: true });
    worker.postMessage(asked);
  });
  fillHours(list, result.shops, (shop) => {
    const today = hours[shop.id];
    return today ? hoursLine(today, t) : null;
  });
}
