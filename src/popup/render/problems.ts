// While asking, each source's progress; after, each source that could not be asked, why, and what the
// shopper can do (allow a host again, copy the details for a report, try again).
import type { SourceStatus } from '../../lookup/result';
import { browser } from '../../shared/browser';
import { byId, element } from '../../ui/dom';
import { t } from '../../ui/i18n';
import { problemReport } from '../describe';
import type { PopupActions, PopupState } from '../state';
import { locale } from './words';

export function renderProgress({ lookup }: PopupState): void {
  const list = byId('progress');
  list.hidden = lookup?.state !== 'asking';
  if (lookup?.state !== 'asking') return;
  list.replaceChildren(
    ...lookup.progress.map((source) =>
      element('li', { 'data-source-state': source.state }, t(source.state === 'waiting' ? 'progressWaiting' : source.state === 'ok' ? 'progressDone' : 'progressFailed', source.name)),
    ),
  );
}

export function renderProblems({ view, tabId, searched }: PopupState, { retry }: PopupActions): void {
  const box = byId('problems');
  box.hidden = view.problems.length === 0;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  byId('problem-list').replaceChildren(
    ...view.problems.map(({ source, reason }) => {
      const host = source.origin ? source.origin.replace(/^https?:\/\/|\/\*$/g, '') : '';
      const why = source.state === 'rate-limited' && source.retryAt ? t(reason, time.format(source.retryAt)) : source.state === 'needs-permission' ? t(reason, host) : t(reason);
      const item = element('li', { 'data-source-id': source.sourceId, 'data-source-state': source.state }, t('sourceFailedWhy', [source.name, why]));
      if (source.state === 'needs-permission' && source.origin) item.append(' ', allowButton(source.origin, host, retry));
      if (source.httpStatus || source.detail) item.append(' ', copyDetailsButton(source));
      return item;
    }),
  );
  byId('retry').hidden = tabId === null || searched !== null;
}

/** Asks the browser, in the click as it requires, for the host permission the shopper took back; then asks the sources again. */
function allowButton(origin: string, host: string, retry: () => void): HTMLButtonElement {
  const button = element('button', { type: 'button', class: 'link allow-host' }, t('permissionAllow', host));
  button.addEventListener('click', async () => {
    const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
    if (granted) retry();
  });
  return button;
}

/** Copies what the source said about its refusal, for a bug report: "refused by a firewall" is not "refused by the network". */
function copyDetailsButton(source: SourceStatus): HTMLButtonElement {
  const button = element('button', { type: 'button', class: 'link copy-details' }, t('copyDetails'));
  button.addEventListener('click', async () => {
    const report = problemReport(source, browser.runtime.getManifest().version, Date.now());
    const copied = await navigator.clipboard.writeText(report).then(
      () => true,
      () => false,
    );
    button.textContent = t(copied ? 'detailsCopied' : 'detailsNotCopied');
    button.title = report;
  });
  return button;
}
