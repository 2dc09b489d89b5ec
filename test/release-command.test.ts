// `npm run release` itself, as a process: what it refuses before building anything, what --dry-run
// writes and prints, and the source archive AMO's reviewers get, which must build the very zips
// released. (The plan's words and CHANGELOG's notes: test/release.test.ts.)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { STORE_VARIABLES } from '../src/release/plan';

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
