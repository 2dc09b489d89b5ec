// `npm run --silent detect -- FILE.html --url URL [--charset NAME]`: the content scripts' detection,
// run on a saved page in jsdom, printed as one JSON object. A product page: {isbn13, editions, kind,
// source}. A list page (search results, wish list, bestsellers, by its address): {kind: "list", list,
// items: [{asin, isbn13, title}], …} in page order, with isbn13 null and editions empty as for any page
// that is not one book's.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findBookOnPage } from '../book/find-book';
import { findListItems } from '../book/find-list';
import { listKindOf } from '../book/storefronts';
import { loadPage } from './load-page';

const USAGE = 'usage: npm run --silent detect -- FILE.html --url URL [--charset NAME]';

function main(): number {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { url: { type: 'string' }, charset: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file] = args.positionals;
  const { url, charset } = args.values;
  if (!file || !url) {
    console.error(USAGE);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  let page: Document;
  try {
    page = loadPage(bytes, url, charset);
  } catch (error) {
    console.error(`cannot read ${file} as ${charset ?? 'its declared charset'}: ${(error as Error).message}`);
    return 1;
  }
  const list = listKindOf(url);
  if (list) {
    const items = findListItems(page).map(({ asin, isbn13, title }) => ({ asin, isbn13, title }));
    process.stdout.write(JSON.stringify({ kind: 'list', list, items, isbn13: null, editions: [], source: 'list' }) + '\n');
    return 0;
  }
  const { isbn13, editions, kind, source } = findBookOnPage(page, url);
  process.stdout.write(JSON.stringify({ isbn13, editions, kind, source }) + '\n');
  return 0;
}

process.exitCode = main();
