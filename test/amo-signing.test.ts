// The signing both `npm run release` and `npm run campaign -- --sign` use (scripts/amo.ts), against a
// stand-in of AMO's API (stand-ins/amo.ts): what reaches AMO (the build, its channel, the source archive,
// the notes, requests signed with our key and secret), and what comes back for a self-hosted install
// (the signed file, and an updates.json that names it with its hash).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTarget } from '../build.mjs';
import { publishSignedFile, signOnAmo } from '../scripts/amo';
import { startAmoStandIn, type AmoStandIn } from '../stand-ins/amo';

const dir = mkdtempSync(join(tmpdir(), 'amo-'));
const KEY = 'user:12345:67';
const SECRET = 'the-api-secret';
const UPDATES = 'https://campaign.example.org/firefox/updates.json';
const XPI = 'https://campaign.example.org/firefox/local-bookshops.xpi';
let amo: AmoStandIn;
const saved = { ...process.env };

beforeAll(async () => {
  amo = await startAmoStandIn({ apiSecret: SECRET });
  Object.assign(process.env, { WEB_EXT_API_KEY: KEY, WEB_EXT_API_SECRET: SECRET, WEB_EXT_AMO_BASE_URL: amo.baseUrl });
  await buildTarget('firefox', { outdir: join(dir, 'firefox'), zipPath: join(dir, 'firefox.zip'), gecko: { id: 'bookshops@campaign.example.org', updateUrl: UPDATES } });
  writeFileSync(join(dir, 'source.zip'), 'the source archive');
}, 60_000);
afterAll(async () => {
  process.env = saved;
  await amo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('signing on AMO', () => {
  it('unlisted: uploads the build with its update_url, then the version with its notes and source archive, and brings back the signed file and an updates.json for it', async () => {
    const out = mkdtempSync(join(dir, 'unlisted-'));
    const signed = await signOnAmo({ sourceDir: join(dir, 'firefox'), channel: 'unlisted', sourceArchive: join(dir, 'source.zip'), metadata: { version: { license: 'MIT', release_notes: { 'en-US': 'Lists.' } } } });
    expect(signed).not.toBeNull();

    // Every request signed with our secret and naming our key (the stand-in refuses any other).
    expect(amo.requests.map((request) => `${request.method} ${request.path.replace(/[0-9a-f]{32}/, '…').replace(/(versions|file)\/\d+/, '$1/…')}`)).toEqual([
      'POST /api/v5/addons/upload/',
      'GET /api/v5/addons/upload/…/',
      'PUT /api/v5/addons/addon/bookshops@campaign.example.org/',
      'PATCH /api/v5/addons/addon/bookshops@campaign.example.org/versions/…/',
      'GET /api/v5/addons/addon/bookshops@campaign.example.org/versions/…/',
      'GET /firefox/downloads/file/…/signed-1.xpi',
    ]);
    expect(new Set(amo.requests.map((request) => request.apiKey))).toEqual(new Set([KEY]));
    const [upload, , put, patch] = amo.requests;
    expect(upload!.form!.channel).toBe('unlisted');
    const uploaded = unzipSync((upload!.form!.upload as { bytes: Buffer }).bytes);
    expect(JSON.parse(strFromU8(uploaded['manifest.json']!)).browser_specific_settings.gecko).toMatchObject({ id: 'bookshops@campaign.example.org', update_url: UPDATES });
    // The files of the build (web-ext zips the folder itself, with folder entries of its own).
    expect(Object.keys(uploaded).filter((name) => !name.endsWith('/')).sort()).toEqual(Object.keys(unzipSync(readFileSync(join(dir, 'firefox.zip')))).sort());
    expect(put!.json).toEqual({ version: { upload: expect.stringMatching(/^\w{32}$/), license: 'MIT', release_notes: { 'en-US': 'Lists.' } } });
    expect(patch!.form!.source).toEqual({ name: 'source.zip', bytes: Buffer.from('the source archive') });

    publishSignedFile({ signed: signed!, xpiPath: join(out, 'local-bookshops.xpi'), buildDir: join(dir, 'firefox'), xpiUrl: XPI });
    const bytes = readFileSync(join(out, 'local-bookshops.xpi'));
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(JSON.parse(readFileSync(join(out, 'updates.json'), 'utf8'))).toEqual({
      addons: { 'bookshops@campaign.example.org': { updates: [{ version, update_link: XPI, update_hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}` }] } },
    });
  }, 60_000);

  it('listed: submits for review and does not wait for the file', async () => {
    amo.requests.length = 0;
    rmSync(join(dir, 'firefox', '.amo-upload-uuid'), { force: true });
    const signed = await signOnAmo({ sourceDir: join(dir, 'firefox'), channel: 'listed', sourceArchive: join(dir, 'source.zip'), metadata: { version: { license: 'MIT' }, categories: ['shopping'] } });
    expect(signed).toBeNull();
    expect(amo.requests.map((request) => request.method)).toEqual(['POST', 'GET', 'PUT', 'PATCH']);
    expect(amo.requests[0]!.form!.channel).toBe('listed');
    expect(amo.requests[2]!.json).toMatchObject({ categories: ['shopping'] });
  }, 60_000);

  it('with a wrong secret, stops with AMO’s refusal', async () => {
    process.env.WEB_EXT_API_SECRET = 'not-the-secret';
    rmSync(join(dir, 'firefox', '.amo-upload-uuid'), { force: true });
    await expect(signOnAmo({ sourceDir: join(dir, 'firefox'), channel: 'unlisted', sourceArchive: join(dir, 'source.zip'), metadata: {} })).rejects.toThrow(/401|Incorrect authentication/);
    process.env.WEB_EXT_API_SECRET = SECRET;
  }, 60_000);
});
