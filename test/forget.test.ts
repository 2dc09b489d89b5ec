// "Forget everything": storage.local and storage.session emptied, the worker's memory too, the
// settings (their choices in sync, the services in local) kept unless the shopper asks, and the badges of open tabs cleared with their answers.
import { describe, expect, it } from 'vitest';
import { createForgetting } from '../src/background/forget';
import { fakeStorageArea } from './fake-browser';

describe('forgetting what the extension stored', () => {
  async function setUp() {
    const [local, session, sync] = [fakeStorageArea(), fakeStorageArea(), fakeStorageArea()];
    await local.set({ 'cache:getshoplist.php?ISBN=9782070360024': { shops: [], expiresAt: 1 }, 'geo:fr:31000': { value: {}, expiresAt: 1 } });
    await session.set({ 'tab:7': { isbn13: '9782070360024' }, 'lookup:7': { state: 'done' } });
    await sync.set({ settings: { version: 4, radiusKm: 10 } });
    await local.set({ services: { tiles: { url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '' } } });
    const cleared: number[] = [];
    let memory = 1;
    const forget = createForgetting({
      local,
      session,
      sync,
      tabsWithBooks: async () => [7],
      clearBadge: async (tabId) => void cleared.push(tabId),
      forgetMemory: () => void (memory = 0),
    });
    return { local, session, sync, cleared, forget, memory: () => memory };
  }

  it('empties storage.local and storage.session, the worker’s memory and the badges, and keeps the settings', async () => {
    const { local, session, sync, cleared, forget, memory } = await setUp();
    await forget(false);
    expect([[...local.data.keys()], session.data.size]).toEqual([['services'], 0]);
    expect([...sync.data.keys()]).toEqual(['settings']);
    expect(cleared).toEqual([7]);
    expect(memory()).toBe(0);
  });

  it('empties the settings too when the shopper chooses it', async () => {
    const { local, sync, forget } = await setUp();
    await forget(true);
    expect([local.data.size, sync.data.size]).toEqual([0, 0]);
  });
});
