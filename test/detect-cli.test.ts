// `npm run --silent detect`: the public command checks outside this repository rely on.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './fixtures';

const run = promisify(execFile);
const detect = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/detect.ts', ...args]);

describe('the detect command', () => {
  it('prints one JSON object with isbn13, editions, kind and source, decoding the charset it is told', async () => {
    const file = join(FIXTURES_DIR, 'old-2008-jp-shift-jis.html');
    const { stdout } = await detect(file, '--url', 'https://www.amazon.co.jp/gp/product/4062751127', '--charset', 'Shift_JIS');
    expect(JSON.parse(stdout)).toEqual({ isbn13: '9784062751124', editions: ['9784062751124'], kind: 'print', source: 'legacy-details' });
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('prints nulls for a page that is not a book', async () => {
    const { stdout } = await detect(join(FIXTURES_DIR, 'prime-video.html'), '--url', 'https://www.amazon.com/dp/B0TESTVID1');
    expect(JSON.parse(stdout)).toEqual({ isbn13: null, editions: [], kind: 'not-a-book', source: 'none' });
  });

  it('prints a list page’s items in page order, each with its ASIN, print edition (or null) and title, when the address is a list’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'detect-list-'));
    const file = join(dir, 'search.html');
    const result = (asin: string, title: string, format = '') =>
      `<div data-component-type="s-search-result" data-asin="${asin}"><h2><a href="/x/dp/${asin}">${title}</a></h2>${format && `<a href="/x/dp/${format}">Paperback</a>`}</div>`;
    writeFileSync(file, `<!doctype html><meta charset="utf-8"><body>${result('B00TESTKIN', 'Dracula (Kindle)', '0141439513')}${result('2070360024', 'L’Étranger')}${result('B00TESTAUD', 'Carmilla')}</body>`);
    const { stdout } = await detect(file, '--url', 'https://www.amazon.fr/s?k=classiques');
    expect(JSON.parse(stdout)).toEqual({
      kind: 'list',
      list: 'search',
      items: [
        { asin: 'B00TESTKIN', isbn13: '9780141439518', title: 'Dracula (Kindle)' },
        { asin: '2070360024', isbn13: '9782070360024', title: 'L’Étranger' },
        { asin: 'B00TESTAUD', isbn13: null, title: 'Carmilla' },
      ],
      isbn13: null,
      editions: [],
      source: 'list',
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains its usage when the address is missing', async () => {
    await expect(detect(join(FIXTURES_DIR, 'prime-video.html'))).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--url URL') });
  });
});
