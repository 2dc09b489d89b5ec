// The stand-ins under the real services' names, for the browser tests: the browser sends its https
// traffic through a local proxy, which opens the TLS session itself for the services' hosts (with a
// certificate made at start for those names only, which the test profile is told to accept for them)
// and refuses every other host. No CORS header is sent, so only the extension's host permissions let
// its requests through, as with the real services; each request is recorded with the headers the
// browser put on the wire (Origin, Cookie, Referer).
import { createHash, X509Certificate } from 'node:crypto';
import { createServer as createProxyServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { generate } from 'selfsigned';
import { GEOCODERS_DEFAULT, SOURCE_DEFAULTS, TILES_DEFAULT } from '../src/shared/settings';
import { serveStandIn, type Scenarios } from './answer';

export interface SeenRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** What the browser launcher needs: where the proxy listens and which certificate to accept for which hosts. */
export interface RealHostNetwork {
  proxyPort: number;
  hosts: string[];
  /** SHA-256 of the certificate, as Firefox's certificate exceptions name it (AA:BB:…). */
  sha256Fingerprint: string;
  /** SHA-256 of the public key, base64, as Chromium's --ignore-certificate-errors-spki-list takes it. */
  spkiSha256: string;
}

export interface RealHostStandIns {
  /** Every request answered, with its headers. */
  seen: SeenRequest[];
  /** Every host:port the browser asked the proxy to reach, answered or refused. */
  tunnels: string[];
  setScenarios(scenarios: Scenarios): void;
  network: RealHostNetwork;
  close(): Promise<void>;
}

/** Every host this release calls out of the box: the networks (on or off), the directory, the geocoders and the tiles. */
function defaultServiceHosts(): string[] {
  const addresses = [...Object.values(SOURCE_DEFAULTS).flatMap((source) => ['directoryUrl' in source && source.directoryUrl ? source.directoryUrl : [], source.baseUrl].flat()), GEOCODERS_DEFAULT.geoplateforme, GEOCODERS_DEFAULT.nominatim, ...(TILES_DEFAULT.vector ? [TILES_DEFAULT.vector.url] : [])];
  return [...new Set(addresses.map((address) => new URL(address).hostname))].sort();
}

/** `delayMs`: every answer waits that long, like a real network (the bench's cold figure uses 200 ms). */
export async function startRealHostStandIns({ delayMs = 0 } = {}): Promise<RealHostStandIns> {
  const hosts = defaultServiceHosts();
  const pems = await generate([{ name: 'commonName', value: 'Local bookshops test stand-ins' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2 as const, value })) },
    ],
  });
  const certificate = new X509Certificate(pems.cert);
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });

  let scenarios: Scenarios = 'ok';
  const seen: SeenRequest[] = [];
  const tunnels: string[] = [];
  const open = new Set<Socket>();

  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const url = `https://${request.headers.host}${request.url}`;
    seen.push({ url, headers: { ...request.headers } });
    // (A hanging answer ends with its tunnel's socket, which close() destroys.)
    serveStandIn(url, response, scenarios, { delayMs, requestHeaders: request.headers });
  };
  const tls = createTlsServer({ key: pems.private, cert: pems.cert }, answer);

  // Plain http through the proxy is refused: the extension only ever asks https addresses.
  const proxy = createProxyServer((_request, response) => response.writeHead(403).end());
  proxy.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
    tunnels.push(request.url ?? '');
    const [host, port] = (request.url ?? '').split(':');
    if (!host || !hosts.includes(host) || port !== '443') {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    seen,
    tunnels,
    setScenarios(next) {
      scenarios = next;
    },
    network: {
      proxyPort: (proxy.address() as AddressInfo).port,
      hosts,
      sha256Fingerprint: certificate.fingerprint256,
      spkiSha256: createHash('sha256').update(spki).digest('base64'),
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
