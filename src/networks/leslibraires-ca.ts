// Québec's independent bookshops, through leslibraires.ca's public book API:
// `GET app.leslibraires.ca/api/v1/public/books/isbn/<isbn>` answers `{ "data": { isbn, price, available,
// url } }` for the network as a whole (bolet777/DansMaZone, src/datas/pricesAPI.js: the address, and
// `data.data` read for `available`, `price` and `url`, with `https://www.leslibraires.ca/livres/<isbn>.html`
// where no url is given; a book it does not know answers no data, read here as not listed). It says whether the network can sell the book and at what price, never which
// shop has it: a network-level answer (an offer), never a shop's stock. Only the ISBN is sent, and only
// for a shopper whose place is in Québec.
import * as z from 'zod/mini';
import { isTrueFlag, safeLink } from '../shops/clean';
import { inQuebec } from '../shops/regions';
import type { NetworkOffer } from '../shops/shop';
import { nextLocalMidnight, withSlash, type RemoteSource } from './source';

export const LESLIBRAIRES_CA = { id: 'leslibraires-ca', name: 'leslibraires.ca' } as const;

const Flag = z.union([z.boolean(), z.number(), z.string()]);
const Price = z.union([z.number(), z.string()]);
const Answer = z.object({ data: z.object({ isbn: z.optional(z.union([z.string(), z.number()])), price: z.optional(z.nullable(Price)), available: z.optional(z.nullable(Flag)), url: z.optional(z.nullable(z.string())) }) });

/** "24.95", 24.95, "24,95 $": a price in dollars, or undefined when it is none. */
function priceOf(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/[\s$]/g, '').replace(',', '.') : '';
  if (!/^\d{1,5}(?:\.\d{1,2})?$/.test(text)) return undefined;
  const price = Number(text);
  return price > 0 ? price : undefined;
}

export function lesLibrairesCa(baseUrl: string): RemoteSource {
  const base = withSlash(baseUrl);
  return {
    ...LESLIBRAIRES_CA,
    kind: 'network',
    perBook: true,
    countries: ['ca'],
    answers: ({ place }) => inQuebec(place),
    request({ isbn13 }) {
      const url = `${base}api/v1/public/books/isbn/${encodeURIComponent(isbn13)}`;
      return { url, cacheKey: url };
    },
    // A book the network does not list has no page: not listed, as the network's answer (not a moved address).
    notFoundAnswer: () => ({ data: { available: false } }),
    // The network answers for all its shops at once: no shop of its own to list.
    shops: (data) => (Answer.safeParse(data).success ? [] : null),
    offer(data, { isbn13 }): NetworkOffer | null {
      const answer = Answer.safeParse(data);
      if (!answer.success) return null;
      const { available, price, url } = answer.data.data;
      const priced = priceOf(price);
      return {
        sourceId: LESLIBRAIRES_CA.id,
        name: LESLIBRAIRES_CA.name,
        available: isTrueFlag(available),
        ...(priced !== undefined ? { price: priced, currency: 'CAD' as const } : {}),
        url: safeLink(url) ?? `https://www.leslibraires.ca/livres/${isbn13}.html`,
      };
    },
    expiresAt: nextLocalMidnight,
  };
}
