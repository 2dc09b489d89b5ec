// A small local HTTP server that answers like the bookshop networks, geocoders and tile servers, for
// unit tests and for the browser tests that point the settings here, as a campaign would point them at
// its own server (this machine's address needs no permission). It allows any origin (CORS), as the
// extension has no host permission for it. The services under their real names: real-hosts.ts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveStandIn, type Scenarios } from './answer';

export interface StandInServer {
  url: string;
  requests: string[];
  /** The same requests with the headers the browser sent (to check what leaves with them). */
  seen: Array<{ url: string; headers: Record<string, string | string[] | undefined> }>;
  setScenario(scenarios: Scenarios): void;
  close(): Promise<void>;
}

export async function startStandInServer(): Promise<StandInServer> {
  let scenario: Scenarios = 'ok';
  const requests: string[] = [];
  const seen: StandInServer['seen'] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    const url = `http://${request.headers.host}${request.url}`;
    requests.push(url);
    seen.push({ url, headers: { ...request.headers } });
    if (serveStandIn(url, response, scenario, { headers: { 'access-control-allow-origin': '*' } })) {
      const end = () => response.destroy();
      hanging.add(end);
      response.on('close', () => hanging.delete(end));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    seen,
    setScenario(next) {
      scenario = next;
    },
    async close() {
      for (const end of hanging) end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
