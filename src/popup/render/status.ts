// The status line (what is happening, in one sentence, and its asides), which services were asked, and
// the ISBN field where there is no book to speak of.
import { say } from '../../shared/plural';
import { byId, element } from '../../ui/dom';
import { t } from '../../ui/i18n';
import type { PopupState } from '../state';
import { locale } from './words';

export function renderStatus({ view, result, searched, tab }: PopupState): void {
  byId('app').dataset.state = view.state;
  const status = byId('status');
  status.textContent = say(t, locale, view.line);
  for (const aside of view.asides ?? []) status.append(' ', element('span', { class: 'aside' }, say(t, locale, aside)));
  // Which services were asked: what the line above speaks for.
  const asked = byId('asked-line');
  asked.hidden = !result;
  asked.textContent = result ? t('askedSources', result.sources.map((source) => source.name).join(', ')) : '';
  byId('search-form').hidden = view.state !== 'not-a-book' && !(searched && !tab.list);
}
