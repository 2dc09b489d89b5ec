// A list page: its books that shops nearby have, nearest first, each opening its shops here; the way back
// to them from a book; and, where marks are off on this kind of list, the one step that turns them on.
import { say } from '../../shared/plural';
import { displayIsbn13 } from '../../shared/isbn-format';
import { byId, element } from '../../ui/dom';
import { t } from '../../ui/i18n';
import type { PopupActions, PopupState } from '../state';
import { count, distance, locale } from './words';

export function renderListBooks({ tab: { list }, view, searched, settings }: PopupState, { search }: PopupActions): void {
  const books = byId('list-books');
  books.hidden = !list || searched !== null || view.state !== 'list' || list.books.length === 0;
  byId('list-back-line').hidden = !list || searched === null;
  // Marks are off on this kind of list (search results, the charts): the one step that turns them on.
  byId('list-offer').hidden = !list || list.kind === 'wishlist' || view.state !== 'list-off' || settings.askOnOpen;
  if (books.hidden || !list) return;
  books.replaceChildren(
    ...list.books.map((book) => {
      const open = element('button', { type: 'button', class: 'link list-book' }, book.title ?? `ISBN ${displayIsbn13(book.isbn13)}`);
      // The list gives way to the book's shops: focus goes to the line that says what came back, not to <body>.
      open.addEventListener('click', () => void search(book.isbn13, book.title).then(() => byId('status').focus()));
      const shops = say(t, locale, ['listBookShops', [count.format(book.count), distance.format(book.nearestKm)], book.count]);
      return element('li', { 'data-isbn13': book.isbn13 }, open, element('span', { class: 'list-book-shops' }, shops));
    }),
  );
}
