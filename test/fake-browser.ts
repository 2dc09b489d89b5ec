// In-memory stand-ins for the two browser APIs the background logic is given: a storage area and
// the toolbar action. They keep what a real browser would keep, so tests read back what users see.
import type { Storage } from '../src/shared/browser';
import type { BadgeApi } from '../src/background/badge';

/** `quotaBytes`: refuses a write that would make the area bigger, with Chrome's error (sizes as JSON, as Chrome counts). */
export function fakeStorageArea({ quotaBytes = Infinity } = {}): Storage.StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const copy = <T>(value: T): T => structuredClone(value);
  const sizeOf = (entries: Iterable<[string, unknown]>) => [...entries].reduce((sum, [k, v]) => sum + k.length + JSON.stringify(v).length, 0);
  return {
    data,
    async get(keys?: null | string | string[] | Record<string, unknown>) {
      const wanted = keys == null ? [...data.keys()] : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      const after = new Map([...data, ...Object.entries(items)]);
      if (sizeOf(after) > quotaBytes) throw new Error('Resource::kQuotaBytes quota exceeded');
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
    },
    async remove(keys: string | string[]) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
    async clear() {
      data.clear();
    },
  } as Storage.StorageArea & { data: Map<string, unknown> };
}

export function fakeAction(): BadgeApi & { badge: (tabId: number) => { text: string; title: string; color: string; icon: string } } {
  const state = new Map<number, { text: string; title: string; color: string; icon: string }>();
  const of = (tabId: number) => state.get(tabId) ?? { text: '', title: '', color: '', icon: 'toolbar-idle' };
  return {
    badge: of,
    async setBadgeText({ tabId, text }) {
      state.set(tabId!, { ...of(tabId!), text: text ?? '' });
    },
    async setBadgeBackgroundColor({ tabId, color }) {
      state.set(tabId!, { ...of(tabId!), color: String(color) });
    },
    async setIcon({ tabId, path }) {
      const sixteen = typeof path === 'object' && path ? (path as Record<string, string>)['16'] : String(path);
      state.set(tabId!, { ...of(tabId!), icon: sixteen!.replace(/^icons\/|-16\.png$/g, '') });
    },
    async setTitle({ tabId, title }) {
      state.set(tabId!, { ...of(tabId!), title: title ?? '' });
    },
  };
}
