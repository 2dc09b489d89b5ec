// A stand-in for the Chrome Web Store API (v2) and Google's OAuth token endpoint, as a `fetch` the
// release test puts in place of the global one (chrome-webstore-upload calls fixed addresses with it).
// Shapes from the API reference at developer.chrome.com/docs/webstore/api/reference/rest/v2:
// - media.upload, POST https://chromewebstore.googleapis.com/upload/v2/publishers/P/items/I:upload, the
//   package as the body; answer { name, itemId, crxVersion, uploadState } with uploadState one of
//   SUCCEEDED, IN_PROGRESS, FAILED, NOT_FOUND (crxVersion "will not be set if the upload is still in
//   progress").
// - publishers.items.publish, POST …/v2/publishers/P/items/I:publish, JSON { publishType, … }; answer
//   { name, itemId, state } with state PENDING_REVIEW (submitted for review), STAGED, PUBLISHED, ….
// - Google's OAuth 2.0 token endpoint, a refresh_token grant: { access_token, expires_in, token_type: "Bearer" }.
// Errors as Google's APIs send them: { error: { code, message, status } }.
import { strFromU8, unzipSync } from 'fflate';

export interface StoreRequest {
  url: string;
  method: string;
  authorization: string | null;
  json?: Record<string, unknown>;
  bytes?: Buffer;
}

export interface ChromeWebStoreStandIn {
  fetch: typeof fetch;
  requests: StoreRequest[];
}

const TOKEN = 'ya29.stand-in-access-token';

async function bytesOf(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** `uploadState`: what the store says of the package (FAILED for a refused one). `refreshToken`: the only one it accepts. */
export function chromeWebStoreStandIn({ refreshToken, uploadState = 'SUCCEEDED' }: { refreshToken: string; uploadState?: 'SUCCEEDED' | 'FAILED' }): ChromeWebStoreStandIn {
  const requests: StoreRequest[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const standIn = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init.headers);
    const bytes = await bytesOf(init.body);
    const seen: StoreRequest = { url, method: init.method ?? 'GET', authorization: headers.get('authorization') };
    if (headers.get('content-type')?.includes('json')) seen.json = JSON.parse(bytes.toString('utf8'));
    else if (bytes.length) seen.bytes = bytes;
    requests.push(seen);

    if (url === 'https://www.googleapis.com/oauth2/v4/token') {
      return seen.json?.refresh_token === refreshToken && seen.json?.grant_type === 'refresh_token'
        ? json(200, { access_token: TOKEN, expires_in: 3599, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/chromewebstore' })
        : json(400, { error: 'invalid_grant', error_description: 'Bad Request' });
    }
    const item = /^https:\/\/chromewebstore\.googleapis\.com\/(upload\/)?v2\/(publishers\/[^/]+\/items\/[^/:]+):(upload|publish)$/.exec(url);
    if (!item) return json(404, { error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } });
    if (seen.authorization !== `Bearer ${TOKEN}`) return json(401, { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } });
    const name = item[2]!;
    const itemId = name.split('/').pop()!;
    if (item[3] === 'upload') {
      const version = JSON.parse(strFromU8(unzipSync(seen.bytes!)['manifest.json']!)).version as string;
      return json(200, uploadState === 'SUCCEEDED' ? { name, itemId, crxVersion: version, uploadState } : { name, itemId, uploadState });
    }
    return json(200, { name, itemId, state: 'PENDING_REVIEW' });
  };
  return { fetch: standIn as typeof fetch, requests };
}
