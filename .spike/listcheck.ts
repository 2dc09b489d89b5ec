import { readFileSync } from 'node:fs';
import { findListItems } from '../src/book/find-list';
import { loadPage } from '../src/cli/load-page';
const dir = '/work/shared/amazon-pages/lists/';
const expected = JSON.parse(readFileSync(dir + 'EXPECTED.json', 'utf8'));
for (const page of expected.pages) {
  const doc = loadPage(readFileSync(dir + page.file), page.url);
  const t = performance.now();
  const items = findListItems(doc);
  const ms = performance.now() - t;
  const problems: string[] = [];
  if (items.length !== page.items.length) problems.push(`count ${items.length} vs ${page.items.length}`);
  page.items.forEach((exp: { asins: string[]; isbn13: string[] }, i: number) => {
    const got = items[i];
    if (!got) return;
    if (got.asin !== exp.asins[0]) problems.push(`#${i} asin ${got.asin} vs ${exp.asins[0]}`);
    if (exp.isbn13.length ? !exp.isbn13.includes(got.isbn13 ?? '') : got.isbn13 !== null) problems.push(`#${i} isbn ${got.isbn13} vs ${exp.isbn13}`);
  });
  console.log(page.file, items.length, ms.toFixed(1) + 'ms', problems.slice(0, 6).join('; ') || 'OK', '|', items.slice(0, 2).map((i) => i.title?.slice(0, 40)).join(' / '));
}
