// `npm run deps`: the third-party packages each build ships, with their versions and licences, and the
// files of the extension each one ends up in. What a store reviewer asks, and what to audit: where an
// advisory service is reachable, `npm audit --omit=dev` checks the same packages.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildTarget, TARGETS } from '../build.mjs';

/** The package a bundled input file belongs to ("node_modules/@scope/name/…" → "@scope/name"), or null for our own code. */
export function packageOf(input) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? match[1] : null;
}

/** A package's version and licence, from its package.json (or the first line of its LICENSE file, where the package.json names none). */
function readPackage(name) {
  const json = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8'));
  const licenseFile = join('node_modules', name, 'LICENSE');
  const license = json.license ?? (existsSync(licenseFile) ? `see its LICENSE file (${readFileSync(licenseFile, 'utf8').split('\n')[0].trim()})` : 'unknown');
  return { version: json.version, license };
}

/** From esbuild's metafiles: each shipped package, its version and licence, and the files of the build (under `outdir`) that hold it. */
export function shippedPackages(metafiles, outdir, describePackage = readPackage) {
  const files = new Map();
  for (const metafile of metafiles) {
    for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
      if (output.endsWith('.map')) continue;
      for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
        const name = packageOf(input);
        if (!name || bytesInOutput === 0) continue;
        if (!files.has(name)) files.set(name, new Set());
        files.get(name).add(relative(outdir, resolve(output)).split('\\').join('/'));
      }
    }
  }
  return [...files.keys()].sort().map((name) => ({ name, ...describePackage(name), files: [...files.get(name)].sort() }));
}

async function main() {
  for (const target of TARGETS) {
    const dir = mkdtempSync(join(tmpdir(), `deps-${target}-`));
    try {
      const metafiles = [];
      await buildTarget(target, { outdir: join(dir, target), zipPath: join(dir, 'build.zip'), metafiles });
      console.log(`\n${target}: the packages its build ships`);
      console.table(shippedPackages(metafiles, join(dir, target)).map(({ name, version, license, files }) => ({ package: name, version, licence: license, in: files.join(', ') })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
