// For the release test only: a `npm run release` process whose requests to Google's Chrome Web Store and
// OAuth addresses (chrome-webstore-upload calls them at fixed addresses) are answered by the stand-in
// (chrome-web-store.ts); every other request goes out as before. Loaded with `--import`, and only acts
// when CWS_STAND_IN is "1".
import { chromeWebStoreStandIn } from './chrome-web-store';

if (process.env.CWS_STAND_IN === '1') {
  const store = chromeWebStoreStandIn({ refreshToken: process.env.CWS_REFRESH_TOKEN ?? '' });
  const network = globalThis.fetch;
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    return /^https:\/\/(www\.googleapis\.com|chromewebstore\.googleapis\.com)\//.test(url) ? store.fetch(input, init) : network(input, init);
  }) as typeof fetch;
}
