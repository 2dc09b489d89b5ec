// The scripts Amazon's pages load stay small: at most 8 KB gzipped each, bundled and minified as the
// build does. The list script is its own file, declared for list addresses only, so the product
// page's script does not carry it.
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPTS } from '../build.mjs';

const MAX_GZIPPED = 8 * 1024;

describe('the content scripts', () => {
  it.each(Object.entries(CONTENT_SCRIPTS))('%s.js is at most 8 KB gzipped, with no polyfill and no zod', async (_name, entry) => {
    const built = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: ['chrome121', 'firefox140'], write: false, metafile: true, legalComments: 'none' });
    const code = built.outputFiles![0]!.contents;
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(MAX_GZIPPED);
    const inputs = Object.keys(built.metafile!.inputs);
    expect(inputs.filter((path) => /node_modules\/(zod|webextension-polyfill)\//.test(path))).toEqual([]);
  });

  it('the product page’s script carries nothing of the list pages’', async () => {
    const built = await esbuild.build({ entryPoints: [CONTENT_SCRIPTS.content], bundle: true, write: false, metafile: true });
    expect(Object.keys(built.metafile!.inputs).filter((path) => /find-list|list-page|list-marks|lists\//.test(path))).toEqual([]);
  });
});
