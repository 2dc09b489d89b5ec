// The book line: which book the answer is about ("ISBN 978-2-07-036002-4"), and which edition was asked.
import type { TabBook } from '../../messages/session-records';
import { displayIsbn13 } from '../../shared/isbn-format';
import { byId } from '../../ui/dom';
import { t } from '../../ui/i18n';
import type { PopupState } from '../state';

const KIND_MESSAGE: Record<TabBook['kind'], string> = {
  print: 'kindPrint',
  kindle: 'kindKindle',
  audiobook: 'kindAudiobook',
  'not-a-book': 'kindPrint',
  unknown: 'kindPrint',
};

export function renderBook({ tab: { book }, result, searched }: PopupState): void {
  const line = byId('book-line');
  const isbn13 = result?.isbn13 ?? book?.isbn13 ?? book?.editions[0];
  line.hidden = !isbn13;
  if (!isbn13) return;
  const parts = [...(searched?.title ? [searched.title] : []), `ISBN ${displayIsbn13(isbn13)}`];
  if (book && book.kind !== 'print' && book.kind !== 'unknown') parts.push(t('printEditionOf', t(KIND_MESSAGE[book.kind])));
  const edition = result?.editionsAsked.length ? t('otherEditionsAsked') : '';
  line.textContent = [...parts, edition].filter(Boolean).join(' · ');
}
