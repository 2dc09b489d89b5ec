// The CI workflows as the supply chain sees them: every third-party action pinned by commit, no checkout
// keeping a token, and the release split so the code that builds never has a store credential in reach.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const WORKFLOWS = '.github/workflows';
const workflows = readdirSync(WORKFLOWS)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => ({ name, text: readFileSync(`${WORKFLOWS}/${name}`, 'utf8') }));

/** The text of one job of a workflow: from its `  name:` line to the next job's. */
function job(text: string, name: string): string {
  const start = text.indexOf(`\n  ${name}:\n`);
  if (start < 0) throw new Error(`no job ${name}`);
  const next = text.slice(start + 1).search(/\n {2}[\w-]+:\n/);
  return next < 0 ? text.slice(start) : text.slice(start, start + 1 + next);
}

describe('the workflows', () => {
  it.each(workflows.map((w) => [w.name, w.text]))('%s pins every action by commit and keeps no token in its checkouts', (_name, text) => {
    const uses = [...text.matchAll(/uses: (\S+)/g)].map((match) => match[1]!);
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    const checkouts = text.split('uses: actions/checkout@').slice(1);
    for (const checkout of checkouts) expect(checkout.split(/\n {6}- /)[0]).toContain('persist-credentials: false');
  });

  it('audits the shipped dependencies on every push', () => {
    expect(readFileSync(`${WORKFLOWS}/ci.yml`, 'utf8')).toContain('- run: npm audit --omit=dev --audit-level=high');
  });

  it('releases in two jobs: the build with no secret, the publishing with the secrets and no build', () => {
    const release = readFileSync(`${WORKFLOWS}/release.yml`, 'utf8');
    const build = job(release, 'build');
    const publish = job(release, 'publish');
    expect(build).not.toContain('secrets.');
    expect(build).toContain('npm run release -- --build-only');
    expect(publish).toContain('needs: build');
    expect(publish).toContain('npm run release -- --publish-only');
    // The publishing job builds nothing: no directory, no build, no browsers.
    for (const step of ['npm run directory', 'npm run build', '--build-only', 'apt-get install']) expect(publish).not.toContain(step);
    // Write access only where the GitHub release is made.
    expect(release).toMatch(/^permissions:\n {2}contents: read$/m);
    expect(build).not.toContain('contents: write');
  });
});
