// A local stand-in for addons.mozilla.org's signing API (v5), for the release and campaign tests: the
// path `web-ext sign` takes, answered as AMO answers it, and every request kept for the test to read.
// Shapes from AMO's own API documentation (mozilla/addons-server, docs/topics/api/addons.rst):
// - "Upload Create", POST /api/v5/addons/upload/, multipart `upload` and `channel`; the answer is the
//   "upload detail object": uuid, channel, processed, submitted, url, valid, validation, version.
// - "Upload Detail", GET /api/v5/addons/upload/<uuid>/: the same object, polled until `processed`.
// - "Put - Create or Edit", PUT /api/v5/addons/addon/<guid>/: "the guid in the url must match a guid
//   specified in the manifest"; JSON with `version: {upload, license, release_notes, …}`; the answer is
//   the add-on, whose `version` is a version detail object (id, edit_url, file, version).
// - "Version Edit", PATCH …/addon/<guid>/versions/<id>/, multipart, `source` for the source archive.
// - "Version Detail", GET …/addon/<guid>/versions/<id>/: `file.status` ("public" once signed) and
//   `file.url`, "the (absolute) URL to download the file".
// Authentication (docs/topics/api/auth.rst): "Authorization: JWT <token>", a JWT signed with the API
// secret (HMAC-SHA256) whose `iss` is the API key; anything else is refused with 401, as AMO does. The
// "signed" file served back is the uploaded one: the real one adds META-INF signatures.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';

export interface AmoRequest {
  method: string;
  path: string;
  /** The JWT's `iss` (the API key the caller signed with), or null without a JWT. */
  apiKey: string | null;
  json?: Record<string, unknown>;
  /** Multipart fields: text as text, files as { name, bytes }. */
  form?: Record<string, string | { name: string; bytes: Buffer }>;
}

export interface AmoStandIn {
  /** The API's base, as web-ext's --amo-base-url takes it. */
  baseUrl: string;
  requests: AmoRequest[];
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The `iss` of an "Authorization: JWT header.payload.signature" header signed with `secret`; null for any other. */
function apiKeyOf(header: string | undefined, secret: string): string | null {
  const [, head, payload, signature] = /^JWT ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(header ?? '') ?? [];
  if (!head || !payload || createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url') !== signature) return null;
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).iss ?? null;
}

async function formOf(request: IncomingMessage, body: Buffer): Promise<AmoRequest['form']> {
  const data = await new Request('http://stand-in/', { method: 'POST', headers: { 'content-type': request.headers['content-type'] ?? '' }, body: new Uint8Array(body) }).formData();
  const form: NonNullable<AmoRequest['form']> = {};
  for (const [key, value] of data.entries()) form[key] = typeof value === 'string' ? value : { name: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
  return form;
}

/** The stand-in accepts requests signed with `apiSecret` only (the key is whatever `iss` says, kept in each request). */
export async function startAmoStandIn({ apiSecret }: { apiSecret: string }): Promise<AmoStandIn> {
  const requests: AmoRequest[] = [];
  const uploads = new Map<string, { channel: string; bytes: Buffer }>();
  const versions = new Map<number, { guid: string; upload: string }>();
  let origin = '';

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const uploadDetail = (uuid: string) => ({
    uuid,
    channel: uploads.get(uuid)!.channel,
    processed: true,
    submitted: false,
    url: `${origin}/api/v5/addons/upload/${uuid}/`,
    valid: true,
    validation: { errors: 0, warnings: 0, notices: 0, messages: [] },
    version: JSON.parse(strFromU8(unzipSync(uploads.get(uuid)!.bytes)['manifest.json']!)).version,
  });
  const versionDetail = (id: number) => ({
    id,
    edit_url: `${origin}/en-US/developers/addon/${versions.get(id)!.guid}/versions/${id}`,
    file: { id, status: 'public', url: `${origin}/firefox/downloads/file/${id}/signed-${id}.xpi` },
  });

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const body = await bodyOf(request);
    const type = request.headers['content-type'] ?? '';
    const seen: AmoRequest = { method: request.method ?? 'GET', path, apiKey: apiKeyOf(request.headers.authorization, apiSecret) };
    if (type.startsWith('application/json')) seen.json = JSON.parse(body.toString('utf8'));
    if (type.startsWith('multipart/form-data')) seen.form = await formOf(request, body);
    requests.push(seen);
    if (!seen.apiKey) return answer(response, 401, { detail: 'Incorrect authentication credentials.' });

    const download = /^\/firefox\/downloads\/file\/(\d+)\//.exec(path);
    if (download) {
      response.writeHead(200, { 'content-type': 'application/x-xpinstall' });
      return response.end(uploads.get(versions.get(Number(download[1]))!.upload)!.bytes);
    }
    const api = path.replace(/^\/api\/v5\/addons\//, '');
    if (seen.method === 'POST' && api === 'upload/') {
      const file = seen.form?.upload;
      if (!file || typeof file === 'string') return answer(response, 400, { upload: ['No file was submitted.'] });
      const uuid = randomUUID().replaceAll('-', '');
      uploads.set(uuid, { channel: String(seen.form!.channel), bytes: file.bytes });
      return answer(response, 201, uploadDetail(uuid));
    }
    const uploadCheck = /^upload\/(\w+)\/$/.exec(api);
    if (seen.method === 'GET' && uploadCheck && uploads.has(uploadCheck[1]!)) return answer(response, 200, uploadDetail(uploadCheck[1]!));
    const put = /^addon\/([^/]+)\/$/.exec(api);
    if (seen.method === 'PUT' && put) {
      const upload = (seen.json?.version as { upload?: string } | undefined)?.upload;
      if (!upload || !uploads.has(upload)) return answer(response, 400, { version: { upload: ['Invalid upload.'] } });
      const id = versions.size + 1;
      versions.set(id, { guid: decodeURIComponent(put[1]!), upload });
      return answer(response, 201, { guid: decodeURIComponent(put[1]!), version: versionDetail(id) });
    }
    const version = /^addon\/[^/]+\/versions\/(\d+)\/$/.exec(api);
    if (version && versions.has(Number(version[1]))) return answer(response, 200, versionDetail(Number(version[1])));
    answer(response, 404, { detail: 'Not found.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/api/v5/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
