// The release's Chrome side (scripts/chrome-web-store.ts) against a stand-in of the Chrome Web Store API
// (stand-ins/chrome-web-store.ts) in place of the global fetch: the token asked with our refresh token,
// the very zip uploaded to our item, publish only after the store took it, and its refusal in words.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTarget } from '../build.mjs';
import { publishOnChromeWebStore } from '../scripts/chrome-web-store';
import { chromeWebStoreStandIn } from '../stand-ins/chrome-web-store';

const dir = mkdtempSync(join(tmpdir(), 'cws-'));
const zip = join(dir, 'chrome.zip');
const credentials = { extensionId: 'abcdefghijklmnopabcdefghijklmnop', publisherId: 'pub-123', clientId: 'client.apps.googleusercontent.com', clientSecret: 'client-secret', refreshToken: '1//refresh' };

beforeAll(async () => {
  await buildTarget('chrome', { outdir: join(dir, 'chrome'), zipPath: zip });
}, 60_000);
afterEach(() => vi.unstubAllGlobals());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('publishing on the Chrome Web Store', () => {
  it('asks a token with the refresh token, uploads the zip to the item, then submits it for review', async () => {
    const store = chromeWebStoreStandIn({ refreshToken: credentials.refreshToken });
    vi.stubGlobal('fetch', store.fetch);
    const result = await publishOnChromeWebStore(zip, credentials);
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(result).toEqual({ crxVersion: version, state: 'PENDING_REVIEW' });
    expect(store.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST https://www.googleapis.com/oauth2/v4/token',
      'POST https://chromewebstore.googleapis.com/upload/v2/publishers/pub-123/items/abcdefghijklmnopabcdefghijklmnop:upload',
      'POST https://chromewebstore.googleapis.com/v2/publishers/pub-123/items/abcdefghijklmnopabcdefghijklmnop:publish',
    ]);
    expect(store.requests[0]!.json).toMatchObject({ client_id: credentials.clientId, client_secret: credentials.clientSecret, refresh_token: credentials.refreshToken, grant_type: 'refresh_token' });
    expect(store.requests[1]!.bytes!.equals(readFileSync(zip))).toBe(true);
    expect(store.requests[2]!.json).toEqual({ publishType: 'DEFAULT_PUBLISH' });
  }, 30_000);

  it('does not publish a package the store did not take, and says what the store said', async () => {
    const store = chromeWebStoreStandIn({ refreshToken: credentials.refreshToken, uploadState: 'FAILED' });
    vi.stubGlobal('fetch', store.fetch);
    await expect(publishOnChromeWebStore(zip, credentials)).rejects.toThrow(/did not take the package \(uploadState FAILED\)/);
    expect(store.requests.filter((request) => request.url.endsWith(':publish'))).toEqual([]);
  });

  it('stops at a refresh token Google refuses', async () => {
    const store = chromeWebStoreStandIn({ refreshToken: 'another' });
    vi.stubGlobal('fetch', store.fetch);
    await expect(publishOnChromeWebStore(zip, credentials)).rejects.toThrow();
    expect(store.requests).toHaveLength(1);
  });
});
