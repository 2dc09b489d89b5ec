// The lookup's cache kept in memory, for the unit tests and the bench's simulated days: answers and
// back-offs kept as storage would keep them (each answer a copy), and open to a test's reading.
import type { CacheEntry, LookupCache } from '../src/lookup/lookup';

export function memoryLookupCache(): LookupCache & { entries: Map<string, CacheEntry>; backoffs: Map<string, number> } {
  const entries = new Map<string, CacheEntry>();
  const backoffs = new Map<string, number>();
  return {
    entries,
    backoffs,
    get: async (key) => entries.get(key) ?? null,
    set: async (key, entry) => void entries.set(key, structuredClone(entry)),
    getBackoff: async (key) => backoffs.get(key) ?? null,
    setBackoff: async (key, until) => void backoffs.set(key, until),
  };
}
