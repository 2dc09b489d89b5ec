// One request to a source, with every way it can go wrong mapped to a status the shopper can read.
// Pure of browser APIs: the fetch function, the clock and the sleep are given.
import { cleanText } from '../shops/clean';

/** Every way a request to a source can fail, each shown to the shopper in words. */
export const SOURCE_PROBLEMS = [
  'timeout', // no answer within the time limit
  'offline', // the browser is offline
  'unreachable', // the request failed before any answer (DNS, TLS, refused)
  'blocked', // 401/403, or 406 (Overpass's answer to a request that does not identify itself): the service refuses us
  'rate-limited', // 429: asked to slow down, with the time to wait
  'server-error', // 5xx, after one retry
  'not-found', // 404
  'http-error', // any other status
  'not-json', // an HTML page or other text instead of data
  'bad-json', // malformed or truncated JSON
  'too-large', // over the size limit: cut off, not read
  'bad-data', // JSON of the wrong shape
  'source-error', // the source answered that it failed (Overpass: HTTP 200 with a runtime-error remark)
  'needs-permission', // the browser does not let the extension ask this host (a revoked host permission)
  'no-key', // not asked: the source needs a key this build was not given (a release setting)
] as const;
export type SourceProblem = (typeof SOURCE_PROBLEMS)[number];

/** What a refusal said about itself, kept as text for a bug report: a firewall's page is not the network's. */
export interface ProblemDetail {
  /** The `server` response header. */
  server?: string;
  /** The first characters of the body (or a source's own error message). */
  body?: string;
}

export type FetchOutcome =
  | { ok: true; data: unknown }
  | { ok: false; problem: SourceProblem; httpStatus?: number; retryAfterSec?: number; detail?: ProblemDetail };

/** How much of a refusal's body is kept. */
export const DETAIL_CHARS = 200;

export interface FetchDeps {
  fetch: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  isOnline?: () => boolean;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Wait before the one retry after a 5xx. */
  retryDelayMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 8_000;

/** The real pause, where a caller gives none (tests give one that does not wait). */
export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Retry-After: delta-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header); // (Number() ignores the spaces around)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Reads the body until its end, or until it has passed `limit` bytes: then it stops, and the rest is
 * never downloaded (`cut`).
 */
async function readUpTo(response: Response, limit: number): Promise<{ bytes: Uint8Array; cut: boolean }> {
  // No body at all (a 2xx with none): nothing to read.
  if (!response.body) return { bytes: new Uint8Array(0), cut: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(value);
    if (size > limit) {
      cut = true;
      await reader.cancel().catch(() => {});
      break;
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, cut };
}

/** Reads at most maxBytes of the body; null when it is longer (the rest is never downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  const { bytes, cut } = await readUpTo(response, maxBytes);
  return cut ? null : new TextDecoder().decode(bytes);
}

/** The server header and the start of the body of a refusal, as one line of plain text (cleanText). */
async function refusalDetail(response: Response): Promise<ProblemDetail> {
  const start = await readUpTo(response, 4 * DETAIL_CHARS).then(
    ({ bytes }) => new TextDecoder().decode(bytes.subarray(0, 4 * DETAIL_CHARS)),
    () => '',
  );
  return { server: cleanText(response.headers.get('server'), 100), body: cleanText(start, DETAIL_CHARS) };
}

function parseJson(text: string): FetchOutcome {
  const start = text.trimStart()[0];
  // An object or a list; a web page ('<'), a bare string or number is no source's answer.
  if (start !== '{' && start !== '[') return { ok: false, problem: 'not-json' };
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch {
    return { ok: false, problem: 'bad-json' };
  }
}

/** A status that refuses us: 401, 403 or 406 (Overpass's answer to a request that does not identify itself) block; 429 asks to slow down; else null. */
export function refusalOf(status: number): 'blocked' | 'rate-limited' | null {
  if (status === 401 || status === 403 || status === 406) return 'blocked';
  return status === 429 ? 'rate-limited' : null;
}

async function attempt(url: string, deps: FetchDeps, options: Required<FetchOptions>): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await deps.fetch(url, { signal: controller.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
    const status = response.status;
    const refusal = refusalOf(status);
    if (refusal === 'blocked') return { ok: false, problem: 'blocked', httpStatus: status, detail: await refusalDetail(response) };
    if (refusal === 'rate-limited') return { ok: false, problem: 'rate-limited', httpStatus: status, retryAfterSec: retryAfterSeconds(response.headers.get('retry-after')) ?? 60 };
    if (status === 404) return { ok: false, problem: 'not-found', httpStatus: status };
    if (status >= 500) return { ok: false, problem: 'server-error', httpStatus: status };
    if (!response.ok) return { ok: false, problem: 'http-error', httpStatus: status };
    const text = await readCapped(response, options.maxBytes);
    if (text === null) return { ok: false, problem: 'too-large', httpStatus: status };
    return parseJson(text);
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, problem: 'timeout' };
    if (deps.isOnline && !deps.isOnline()) return { ok: false, problem: 'offline' };
    void error;
    return { ok: false, problem: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** GETs JSON from a source; never throws. A 5xx is tried once more after a pause. */
export async function fetchJson(url: string, deps: FetchDeps, options: FetchOptions = {}): Promise<FetchOutcome> {
  const resolved = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    retryDelayMs: options.retryDelayMs ?? 1_500,
  };
  const first = await attempt(url, deps, resolved);
  if (first.ok || first.problem !== 'server-error') return first;
  await (deps.sleep ?? realSleep)(resolved.retryDelayMs);
  return attempt(url, deps, resolved);
}
