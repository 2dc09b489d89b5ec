// What a release asks of the bookshop directory it packages: OpenStreetMap's real data (never the
// fictional directory of the tests and the demo), at most 45 days old, so a shopper never meets a shop
// that closed months ago or misses one that opened. Pure: the index and the day are given.
import { PackagedIndex } from '../directory/schema';

export const DIRECTORY_MAX_AGE_DAYS = 45;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Why this directory cannot go into a release (nothing: an empty list), and what it is, in words. */
export function directoryProblems(index: unknown, now: number): { about: string; problems: string[] } {
  const parsed = PackagedIndex.safeParse(index);
  if (!parsed.success) return { about: 'no readable directory', problems: ['the bookshop directory has no readable index.json (npm run directory writes one)'] };
  const { fictional, dataDate, countries } = parsed.data;
  const taken = Date.parse(dataDate);
  const days = Math.floor((now - taken) / DAY_MS);
  const about = fictional ? `the FICTIONAL directory (${countries.join(' ')})` : `OpenStreetMap data of ${dataDate.slice(0, 10)}, ${days} days old (${countries.join(' ')})`;
  const problems: string[] = [];
  if (fictional) problems.push('the bookshop directory is the fictional one of the tests and the demo: build the real one with `npm run directory` where OpenStreetMap is reachable');
  else if (Number.isNaN(taken)) problems.push(`the bookshop directory's date "${dataDate}" is not a date`);
  else if (days > DIRECTORY_MAX_AGE_DAYS) problems.push(`the bookshop directory is ${days} days old (data of ${dataDate.slice(0, 10)}); a release takes one at most ${DIRECTORY_MAX_AGE_DAYS} days old: run \`npm run directory\` again`);
  return { about, problems };
}
