// `npm run --silent detect`: the public command checks outside this repository rely on.
import { execFile } from 'node:child_process';
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

  it('explains its usage when the address is missing', async () => {
    await expect(detect(join(FIXTURES_DIR, 'prime-video.html'))).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--url URL') });
  });
});
