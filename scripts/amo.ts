// What the release and the campaign kit share to put a Firefox build on addons.mozilla.org: the source
// archive AMO's reviewers ask for, the signing itself (web-ext's own API), and the updates.json a
// self-hosted signed file needs. The credentials are web-ext's: WEB_EXT_API_KEY, WEB_EXT_API_SECRET.
// Tested against a stand-in of AMO's API (stand-ins/amo.ts, test/amo-signing.test.ts).
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeZip } from '../build.mjs';
import type { FirefoxChannel } from '../src/release/plan';
import { updatesManifest } from '../src/release/plan';
import { trackedFiles } from './tracked-files';

/**
 * The source archive: every file git tracks, as committed (read from git's objects; a tracked symbolic
 * link is refused, never followed), plus `extra` files (a campaign's file and logo) and BUILDING.md with
 * the exact steps. Built from it, those steps give the same zips, byte for byte (test/release.test.ts
 * builds one and compares).
 */
export function writeSourceArchive(zipPath: string, { title, steps, outputs, extra = {} }: { title: string; steps: string[]; outputs: string; extra?: Record<string, Uint8Array> }): void {
  const files: Record<string, Uint8Array> = { ...trackedFiles(), ...extra };
  files['BUILDING.md'] = Buffer.from(
    [
      `# Building ${title} from this archive`,
      '',
      `Node ${process.versions.node.split('.')[0]} (20.19 or later) and npm 10 or later, on Linux, macOS or Windows; nothing else.`,
      '',
      '```',
      'npm ci',
      ...steps,
      '```',
      '',
      `${outputs} The code is TypeScript under src/, bundled and minified by esbuild (build.mjs); README.md`,
      'describes each folder.',
      '',
    ].join('\n'),
  );
  writeZip(files, zipPath);
}

export interface Signing {
  /** The build folder to sign (its manifest's gecko id is the add-on's). */
  sourceDir: string;
  channel: FirefoxChannel;
  sourceArchive: string;
  /** AMO's metadata for this version: its notes, and a listed add-on's summary and category. */
  metadata: Record<string, unknown>;
}

/**
 * Signs on AMO. Unlisted: waits for the signed file and returns its path (in a working folder of its
 * own, so nothing but the file lands in a kit). Listed: submits for review and returns null.
 */
export async function signOnAmo({ sourceDir, channel, sourceArchive, metadata }: Signing): Promise<string | null> {
  const { default: webExt } = await import('web-ext');
  const work = mkdtempSync(join(tmpdir(), 'amo-'));
  const metadataPath = join(work, 'amo-metadata.json');
  writeFileSync(metadataPath, JSON.stringify(metadata, null, 2));
  const result = await webExt.cmd.sign(
    {
      sourceDir,
      artifactsDir: work,
      // web-ext's own variable (its --amo-base-url); the tests point it at stand-ins/amo.ts.
      amoBaseUrl: process.env.WEB_EXT_AMO_BASE_URL ?? 'https://addons.mozilla.org/api/v5/',
      apiKey: process.env.WEB_EXT_API_KEY,
      apiSecret: process.env.WEB_EXT_API_SECRET,
      channel,
      amoMetadata: metadataPath,
      uploadSourceCode: sourceArchive,
      // A listed version waits for a reviewer, which may take days: do not wait for it here.
      approvalTimeout: channel === 'listed' ? 0 : undefined,
    },
    { shouldExitProgram: false },
  );
  const signed = result.downloadedFiles?.[0];
  if (channel === 'listed') return null;
  if (!signed) throw new Error('AMO returned no signed file; see the version in the AMO Developer Hub');
  return join(work, signed);
}

/** Puts the signed file at `xpiPath` and writes updates.json beside it: the version, the file's public address and its SHA-256. */
export function publishSignedFile({ signed, xpiPath, buildDir, xpiUrl }: { signed: string; xpiPath: string; buildDir: string; xpiUrl: string }): void {
  copyFileSync(signed, xpiPath);
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8'));
  const sha256 = createHash('sha256').update(readFileSync(xpiPath)).digest('hex');
  const updates = updatesManifest(manifest.browser_specific_settings.gecko.id, manifest.version, xpiUrl, sha256);
  writeFileSync(join(xpiPath, '..', 'updates.json'), JSON.stringify(updates, null, 2) + '\n');
}
