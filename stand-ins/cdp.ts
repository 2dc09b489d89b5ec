// Answers the extension worker's own requests to the real hosts from the stand-ins, through a CDP
// session on the service-worker target (Chromium), so the production build runs unchanged and offline.
import type { Browser, CDPSession } from 'puppeteer-core';
import { standInAnswer, type Scenarios } from './answer';

export interface SeenRequest {
  url: string;
  headers: Record<string, string>;
}

export interface WorkerStandIns {
  seen: SeenRequest[];
  setScenarios(scenarios: Scenarios): void;
}

/** `delayMs`: every answer waits that long, like a real network (the bench's cold figure uses 200 ms). */
export async function answerWorkerFromStandIns(browser: Browser, extensionOrigin: string, { delayMs = 0 } = {}): Promise<WorkerStandIns> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(extensionOrigin));
  const worker: CDPSession = await target.createCDPSession();
  const seen: SeenRequest[] = [];
  let scenarios: Scenarios = 'ok';
  worker.on('Fetch.requestPaused', (event: { requestId: string; request: { url: string; headers: Record<string, string> } }) => {
    seen.push({ url: event.request.url, headers: event.request.headers });
    const answer = standInAnswer(event.request.url, scenarios);
    if (!answer) {
      void worker.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'AddressUnreachable' }).catch(() => {});
    } else if (!answer.hang) {
      const fulfil = () =>
        worker.send('Fetch.fulfillRequest', {
          requestId: event.requestId,
          responseCode: answer.status,
          responseHeaders: Object.entries(answer.headers).map(([name, value]) => ({ name, value })),
          body: Buffer.from(answer.body).toString('base64'),
        });
      setTimeout(() => void fulfil().catch(() => {}), delayMs);
    }
  });
  await worker.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  return {
    seen,
    setScenarios(next) {
      scenarios = next;
    },
  };
}
