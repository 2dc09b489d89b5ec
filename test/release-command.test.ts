// `npm run release` itself, as a process: what it refuses before building anything, what --dry-run
// writes and prints, and the source archive AMO's reviewers get, which must build the very zips
// released. (The plan's words and CHANGELOG's notes: test/release.test.ts.)
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { STORE_VARIABLES } from '../src/release/plan';
import { startAmoStandIn } from '../stand-ins/amo';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const ALL = [...STORE_VARIABLES.firefox, ...STORE_VARIABLES.chrome];
const full = Object.fromEntries(ALL.map((name) => [name, 'x']));

describe('npm run release', () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !ALL.includes(name) && !name.startsWith('FIREFOX_')));
  const release = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/release.ts', ...args], { encoding: 'utf8', env });

  it('leaves a version alone whose tag says this command published it (a release by hand, then pushed), and refuses a version tagged on another commit', () => {
    // A copy of the repository to tag, with this tree's command run in it.
    const clone = join(dir, 'clone');
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Release Test', '-c', 'user.email=release@example.org', ...args], { cwd: clone, encoding: 'utf8' });
    spawnSync('git', ['clone', '-q', '.', clone], { encoding: 'utf8' });
    symlinkSync(resolve('node_modules'), join(clone, 'node_modules'), 'dir');
    writeFileSync(join(clone, '.git', 'info', 'exclude'), 'node_modules\n'); // a link, which .gitignore's "node_modules/" does not cover
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', resolve('scripts/release.ts'), '--out', join(dir, 'published')], { cwd: clone, encoding: 'utf8', env: { ...env, ...full } });
    writeFileSync(join(clone, 'CHANGELOG.md'), `# Changelog\n\n## ${version} (2026-12-24)\n\n- Lists.\n`);
    git('commit', '-qam', 'date the release');
    git('tag', '-a', `v${version}`, '-m', `${version}\n\n- Lists.\n\nPublished-by: npm run release`);
    const again = run();
    expect(again.stdout + again.stderr).toContain(`v${version} was published by npm run release already (its tag says so); nothing to do.`);
    expect(again.status).toBe(0);
    expect(existsSync(join(dir, 'published'))).toBe(false);

    git('commit', '-q', '--allow-empty', '-m', 'a later commit, same version');
    const elsewhere = run();
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toContain(`v${version} already tags another commit; raise the version in package.json`);
    expect(existsSync(join(dir, 'published'))).toBe(false);
  }, 60_000);

  it('follows no symbolic link: a tracked one stops the release before anything is built, and the build refuses one under its inputs', () => {
    // A file outside the repository, standing for /proc/self/environ with the store credentials in it.
    const secret = join(dir, 'environ');
    writeFileSync(secret, 'WEB_EXT_API_SECRET=made-up-secret-7d1f');
    const clone = join(dir, 'linked');
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Release Test', '-c', 'user.email=release@example.org', ...args], { cwd: clone, encoding: 'utf8' });
    spawnSync('git', ['clone', '-q', '.', clone], { encoding: 'utf8' });
    symlinkSync(resolve('node_modules'), join(clone, 'node_modules'), 'dir');
    writeFileSync(join(clone, '.git', 'info', 'exclude'), 'node_modules\n');
    symlinkSync(secret, join(clone, 'docs-environ.txt'));
    git('add', 'docs-environ.txt');
    git('commit', '-qm', 'a link, committed');
    const run = spawnSync(process.execPath, ['--import', 'tsx', resolve('scripts/release.ts'), '--dry-run', '--out', join(dir, 'linked-release')], { cwd: clone, encoding: 'utf8', env });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('symbolic links are tracked, and a release follows none');
    expect(run.stderr).toContain('docs-environ.txt');
    expect(run.stdout + run.stderr).not.toContain('made-up-secret');
    expect(existsSync(join(dir, 'linked-release'))).toBe(false);
    // The build itself, from a tree with a link among its inputs (not committed: a build needs no git).
    symlinkSync(secret, join(clone, '_locales', 'en', 'notes.json'));
    const build = spawnSync(process.execPath, [resolve('build.mjs')], { cwd: clone, encoding: 'utf8' });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toContain('the build follows no symbolic link, and these are: _locales/en/notes.json');
    expect(existsSync(join(clone, 'dist'))).toBe(false);
  }, 60_000);

  it('builds and checks with no store credential (--build-only), and publishes only what that wrote, checked again (--publish-only)', () => {
    const clone = join(dir, 'split');
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Release Test', '-c', 'user.email=release@example.org', ...args], { cwd: clone, encoding: 'utf8' });
    spawnSync('git', ['clone', '-q', '.', clone], { encoding: 'utf8' });
    symlinkSync(resolve('node_modules'), join(clone, 'node_modules'), 'dir');
    writeFileSync(join(clone, '.git', 'info', 'exclude'), 'node_modules\n');
    writeFileSync(join(clone, 'CHANGELOG.md'), `# Changelog\n\n## ${version} (2026-12-24)\n\n- Lists.\n`);
    git('commit', '-qam', 'date the release');
    const directory = join(dir, 'split-directory');
    cpSync('stand-ins/directory', directory, { recursive: true });
    const index = JSON.parse(readFileSync(join(directory, 'index.json'), 'utf8'));
    writeFileSync(join(directory, 'index.json'), JSON.stringify({ ...index, fictional: false, dataDate: new Date(Date.now() - 3 * 86_400_000).toISOString() }));
    const out = join(dir, 'split-release');
    const identity = { PROJECT_PAGE: 'https://librairies-independantes.fr/extension/', PROJECT_CONTACT: 'extension@librairies-independantes.fr' };
    const run = (args: string[], more: Record<string, string> = {}) => spawnSync(process.execPath, ['--import', 'tsx', resolve('scripts/release.ts'), ...args], { cwd: clone, encoding: 'utf8', env: { ...env, ...more } });

    const built = run(['--build-only', '--directory', directory, '--out', out], identity);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toContain('Built and checked, nothing sent');
    for (const file of [`local-bookshops-chrome-${version}.zip`, `local-bookshops-firefox-${version}.zip`, `local-bookshops-source-${version}.zip`, 'RELEASE-NOTES.md']) expect(existsSync(join(out, file)), file).toBe(true);
    // The notes list the third-party code the packages ship, each with its version and licence.
    const notes = readFileSync(join(out, 'RELEASE-NOTES.md'), 'utf8');
    expect(notes).toMatch(/^- Lists\.\n\n### Third-party code in the packages\n\n/);
    expect(notes).toMatch(/^- leaflet 1\.\d+\.\d+ \(BSD-2-Clause\)$/m);
    expect(notes).toMatch(/^- zod 4\.\d+\.\d+ \(MIT\)$/m);

    // The publishing half sends only files the build half wrote: one missing stops it before anything is sent.
    const empty = join(dir, 'split-empty');
    mkdirSync(empty, { recursive: true });
    const nothing = run(['--publish-only', '--out', empty], full);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain(`local-bookshops-chrome-${version}.zip is missing: --publish-only sends what \`npm run release -- --build-only\` wrote there`);
    // Without the credentials, nothing is sent either; and the modes go one at a time.
    expect(run(['--publish-only', '--out', out]).stderr).toContain(`missing ${ALL.join(', ')}; nothing was built or sent`);
    expect(run(['--build-only', '--publish-only']).stderr).toContain('--dry-run, --build-only and --publish-only go one at a time');
  }, 120_000);

  it('publishes to both stores (their stand-ins) with made-up credentials, and none of them shows in its output, a file it wrote or a zip', async () => {
    // The files the --build-only run above wrote, in its clone.
    const clone = join(dir, 'split');
    const out = join(dir, 'split-release');
    // Made up at each run, so no file of the project (this one included, in the source archive) holds them.
    const made = () => randomBytes(9).toString('hex');
    const credentials = {
      WEB_EXT_API_KEY: `user:4242:${made()}`,
      WEB_EXT_API_SECRET: made(),
      CWS_EXTENSION_ID: 'pkjhgfdapoimnlkjhgfdapoimnlkjhgf',
      CWS_PUBLISHER_ID: `publisher-${made()}`,
      CWS_CLIENT_ID: `${made()}.apps.googleusercontent.com`,
      CWS_CLIENT_SECRET: made(),
      CWS_REFRESH_TOKEN: `1//${made()}`,
    };
    const amo = await startAmoStandIn({ apiSecret: credentials.WEB_EXT_API_SECRET });
    try {
      const published = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--import', resolve('stand-ins/chrome-web-store-preload.ts'), resolve('scripts/release.ts'), '--publish-only', '--out', out], {
        cwd: clone,
        encoding: 'utf8',
        env: { ...env, ...credentials, WEB_EXT_AMO_BASE_URL: amo.baseUrl, CWS_STAND_IN: '1' },
      }).catch((error: { stdout?: string; stderr?: string }) => {
        throw new Error(`npm run release -- --publish-only failed: ${error.stderr}${error.stdout}`);
      });
      expect(published.stdout).toContain('Firefox: submitted to addons.mozilla.org (listed)');
      expect(published.stdout).toMatch(/Chrome: .+ uploaded and submitted \(PENDING_REVIEW\)/);
      expect(amo.requests.length).toBeGreaterThan(0);
      // Which secrets could leak: every value given, looked for in what it printed, every file it wrote and every zip's files.
      const secrets = Object.values(credentials).filter((value) => value !== credentials.CWS_EXTENSION_ID);
      const texts: Array<[string, string]> = [['output', published.stdout + published.stderr]];
      const files = (folder: string): string[] => readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)]));
      for (const file of [...files(out), ...files(join(clone, '.git')).filter((f) => f.includes('refs/tags'))]) {
        const bytes = readFileSync(file);
        texts.push([file, bytes.toString('latin1')]);
        if (/\.(zip|xpi)$/.test(file)) for (const [name, inner] of Object.entries(unzipSync(bytes))) texts.push([`${file}:${name}`, strFromU8(inner, true)]);
      }
      for (const [where, text] of texts) for (const secret of secrets) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
      expect(texts.length).toBeGreaterThan(10);
    } finally {
      await amo.close();
    }
  }, 120_000);

  it('refuses the fictional directory, or one older than 45 days, before building anything; takes a young real one into the packages and the source archive', () => {
    const withCredentials = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/release.ts', ...args], { encoding: 'utf8', env: { ...env, ...full } });
    const fictional = withCredentials('--out', join(dir, 'never'));
    expect(fictional.status).toBe(1);
    expect(fictional.stderr).toContain('the bookshop directory is the fictional one of the tests and the demo');
    expect(existsSync(join(dir, 'never'))).toBe(false);
    // The same cells as OpenStreetMap's real data of a given day.
    const real = (name: string, daysAgo: number) => {
      const folder = join(dir, name);
      cpSync('stand-ins/directory', folder, { recursive: true });
      const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8'));
      writeFileSync(join(folder, 'index.json'), JSON.stringify({ ...index, fictional: false, dataDate: new Date(Date.now() - daysAgo * 86_400_000).toISOString() }));
      return folder;
    };
    const stale = withCredentials('--directory', real('stale', 46), '--out', join(dir, 'never'));
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/the bookshop directory is 46 days old .*at most 45 days old/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    // With credentials and a young directory, the identity is what is left: unset, then a placeholder.
    const youngDirectory = real('young', 44);
    const unnamed = withCredentials('--directory', youngDirectory, '--out', join(dir, 'never'));
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toContain("the project's identity is not set for a release:\n  PROJECT_PAGE is not set");
    const placeholder = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/release.ts', '--directory', youngDirectory, '--out', join(dir, 'never')], {
      encoding: 'utf8',
      env: { ...env, ...full, PROJECT_PAGE: 'https://bookshop-finder.org/', PROJECT_CONTACT: 'team@local-bookshops.example' },
    });
    expect(placeholder.status).toBe(1);
    expect(placeholder.stderr).toContain('PROJECT_PAGE is "https://bookshop-finder.org/"');
    expect(placeholder.stderr).toContain('PROJECT_CONTACT is "team@local-bookshops.example"');
    expect(existsSync(join(dir, 'never'))).toBe(false);
    const identity = { PROJECT_PAGE: 'https://librairies-independantes.fr/extension/', PROJECT_CONTACT: 'extension@librairies-independantes.fr' };
    const young = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/release.ts', '--dry-run', '--directory', youngDirectory, '--out', join(dir, 'young-release')], { encoding: 'utf8', env: { ...env, ...identity } });
    expect(young.status, young.stderr).toBe(0);
    expect(young.stderr).not.toContain('bookshop directory');
    // Named as the release setting says, and no placeholder left in either package.
    expect(young.stderr).not.toContain('points at placeholders');
    expect(young.stdout).toContain('identity: https://librairies-independantes.fr/extension/ (extension@librairies-independantes.fr)');
    expect(young.stdout).toMatch(/bookshop directory: .*young\/, OpenStreetMap data of \d{4}-\d\d-\d\d, 44 days old \(gb\)/);
    const archive = unzipSync(readFileSync(join(dir, 'young-release', `local-bookshops-source-${version}.zip`)));
    expect(JSON.parse(strFromU8(archive['directory-data/index.json']!))).toMatchObject({ fictional: false });
    const chrome = unzipSync(readFileSync(join(dir, 'young-release', `local-bookshops-chrome-${version}.zip`)));
    expect(JSON.parse(strFromU8(chrome['directory/index.json']!))).toMatchObject({ fictional: false });
    expect(strFromU8(chrome['directory/LICENSE.txt']!)).toContain('Open Database License');
    expect(strFromU8(chrome['background.js']!)).toContain('extension@librairies-independantes.fr');
    expect(strFromU8(archive['BUILDING.md']!)).toContain("PROJECT_PAGE='https://librairies-independantes.fr/extension/' PROJECT_CONTACT='extension@librairies-independantes.fr' npm run build");
  }, 120_000);

  it('without credentials names the missing variables, exits 1 and builds nothing', () => {
    const run = release('--out', join(dir, 'refused'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`missing ${ALL.join(', ')}; nothing was built or sent`);
    expect(existsSync(join(dir, 'refused'))).toBe(false);
  });

  it('--dry-run builds and checks both zips and the source archive, prints the plan, and exits 0; the archive builds the same zips, byte for byte', () => {
    const out = join(dir, 'release');
    const run = release('--dry-run', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    // This tree packages the fictional directory: a dry run says so and goes on; a release would refuse it.
    expect(run.stderr).toContain('stand-ins/directory/: the bookshop directory is the fictional one of the tests and the demo');
    // And it is built with the marked example identity, named in each package where it appears.
    expect(run.stderr).toContain("the project's identity is not set for a release");
    expect(run.stderr).toContain(`local-bookshops-chrome-${version}.zip points at placeholders, which nobody answers for:\n  background.js: https://local-bookshops.example/\n  background.js: contact@local-bookshops.example`);
    expect(run.stdout).toMatch(/Would do \(version .+\):\n {2}- Firefox: sign .+\n {2}- Firefox signed file: .+\n {2}- Chrome: upload .+\n {2}- Git: tag/);
    const zips = [`local-bookshops-chrome-${version}.zip`, `local-bookshops-firefox-${version}.zip`];

    // The reviewer's path: unpack the archive, install the same packages (linked here: npm ci would
    // install the lockfile's), build.
    const source = join(dir, 'source');
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(out, `local-bookshops-source-${version}.zip`))))) {
      mkdirSync(join(source, name, '..'), { recursive: true });
      writeFileSync(join(source, name), bytes);
    }
    expect(readFileSync(join(source, 'BUILDING.md'), 'utf8')).toContain('npm ci\nnpm run build');
    symlinkSync(resolve('node_modules'), join(source, 'node_modules'), 'dir');
    const build = spawnSync(process.execPath, ['build.mjs'], { cwd: source, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    for (const zip of zips) expect(readFileSync(join(source, 'dist', zip)).equals(readFileSync(join(out, zip))), zip).toBe(true);
  }, 120_000);
});
