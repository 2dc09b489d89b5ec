// The release's plan (what it asks of the environment, the words it prints, updates.json) and the notes
// it takes from CHANGELOG.md. The command itself, as a process: test/release-command.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogSection } from '../src/release/changelog';
import { planLines, releasePlan, STORE_VARIABLES, updatesManifest } from '../src/release/plan';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const files = { chromeZip: 'c.zip', firefoxZip: 'f.zip', sourceZip: 's.zip', xpiName: 'f.xpi' };
const ALL = [...STORE_VARIABLES.firefox, ...STORE_VARIABLES.chrome];
const full = Object.fromEntries(ALL.map((name) => [name, 'x']));

describe('the release plan', () => {
  it('names every variable a publishing run lacks, per store', () => {
    expect(releasePlan({}, { version, xpiName: 'f.xpi' }).missing).toEqual(ALL);
    expect(releasePlan({ WEB_EXT_API_KEY: 'k', WEB_EXT_API_SECRET: '  ' }, { version, stores: ['firefox'], xpiName: 'f.xpi' }).missing).toEqual(['WEB_EXT_API_SECRET']);
    expect(releasePlan(full, { version, xpiName: 'f.xpi' }).missing).toEqual([]);
  });

  it('signs for the store by default; a self-hosted file needs the https address of its updates.json, and the file sits beside it', () => {
    expect(releasePlan(full, { version, xpiName: 'f.xpi' }).firefox).toEqual({ channel: 'listed', updatesUrl: null, xpiUrl: null });
    expect(releasePlan({ ...full, FIREFOX_CHANNEL: 'unlisted' }, { version, xpiName: 'f.xpi' }).missing).toEqual(['FIREFOX_UPDATES_URL']);
    const unlisted = releasePlan({ ...full, FIREFOX_CHANNEL: 'unlisted', FIREFOX_UPDATES_URL: 'https://example.org/ff/updates.json' }, { version, xpiName: 'f.xpi' });
    expect(unlisted.firefox).toEqual({ channel: 'unlisted', updatesUrl: 'https://example.org/ff/updates.json', xpiUrl: 'https://example.org/ff/f.xpi' });
    expect(releasePlan({ ...full, FIREFOX_CHANNEL: 'unlisted', FIREFOX_UPDATES_URL: 'http://example.org/u.json' }, { version, xpiName: 'f.xpi' }).problems).toEqual([
      'FIREFOX_UPDATES_URL is "http://example.org/u.json": it must be the https:// address of a .json file',
    ]);
    expect(releasePlan({ FIREFOX_CHANNEL: 'beta' }, { version, xpiName: 'f.xpi' }).problems).toEqual(['FIREFOX_CHANNEL is "beta": it must be "listed" or "unlisted"']);
  });

  it('reads the settings as typed: a channel or address with spaces round it, "listed" said out loud, and refuses an address that only contains an https one', () => {
    expect(releasePlan({}, { version, xpiName: 'f.xpi' }).problems).toEqual([]);
    expect(releasePlan({ FIREFOX_CHANNEL: 'listed' }, { version, xpiName: 'f.xpi' })).toMatchObject({ problems: [], firefox: { channel: 'listed' } });
    expect(releasePlan({ FIREFOX_CHANNEL: ' unlisted ', FIREFOX_UPDATES_URL: ' https://example.org/ff/updates.json\n' }, { version, xpiName: 'f.xpi' })).toMatchObject({
      problems: [],
      firefox: { channel: 'unlisted', updatesUrl: 'https://example.org/ff/updates.json' },
    });
    for (const address of ['see https://example.org/updates.json', 'https://example.org/updates.json.php']) {
      expect(releasePlan({ FIREFOX_CHANNEL: 'unlisted', FIREFOX_UPDATES_URL: address }, { version, xpiName: 'f.xpi' }).problems, address).toHaveLength(1);
    }
  });

  it('says what it will send where, the signed file and its updates.json included', () => {
    const lines = planLines(releasePlan({ FIREFOX_CHANNEL: 'unlisted', FIREFOX_UPDATES_URL: 'https://example.org/ff/updates.json' }, { version, xpiName: 'f.xpi' }), files).join('\n');
    expect(lines).toContain('unlisted channel');
    expect(lines).toContain('f.xpi, to publish at https://example.org/ff/f.xpi');
    expect(lines).toContain('upload c.zip to the Chrome Web Store');
    expect(lines).toContain(`tag v${version}`);
    expect(planLines(releasePlan({}, { version, xpiName: 'f.xpi' }), files).join('\n')).toMatch(/listed channel[^]*Firefox signed file: AMO signs the listed version/);
    expect(planLines(releasePlan({}, { version, stores: ['chrome'], xpiName: 'f.xpi' }), files).join('\n')).not.toContain('Firefox');
    expect(planLines(releasePlan({}, { version, stores: ['firefox'], xpiName: 'f.xpi' }), files).map((line) => line.split(':')[0])).toEqual(['Firefox', 'Firefox signed file', 'Git']);
    // Said before the missing address is set: where it would go.
    const missing = planLines(releasePlan({ FIREFOX_CHANNEL: 'unlisted' }, { version, stores: ['firefox'], xpiName: 'f.xpi' }), files);
    expect(missing.slice(0, 2)).toEqual([
      'Firefox: sign the self-hosted build (update_url FIREFOX_UPDATES_URL) on addons.mozilla.org, unlisted channel; the source archive s.zip goes with it.',
      `Firefox signed file: f.xpi, to publish at (beside FIREFOX_UPDATES_URL); updates.json beside it names version ${version} and the file's SHA-256, so installed copies update.`,
    ]);
  });

  it('writes the updates.json Firefox reads at update_url: the version, its file and the file’s hash', () => {
    expect(updatesManifest('a@b.org', '1.2.3', 'https://example.org/f.xpi', 'ab12')).toEqual({
      addons: { 'a@b.org': { updates: [{ version: '1.2.3', update_link: 'https://example.org/f.xpi', update_hash: 'sha256:ab12' }] } },
    });
  });
});

describe("CHANGELOG.md's section for a version", () => {
  const markdown = '# Changelog\n\nIntro.\n\n## 0.2.0 (2026-12-24)\n\n### Added\n- Lists.\n\n## 0.1.0 (unreleased)\n\n- First.\n';

  it('is the notes between its heading and the next, and says whether it is still unreleased', () => {
    expect(changelogSection(markdown, '0.2.0')).toEqual({ label: '(2026-12-24)', notes: '### Added\n- Lists.', unreleased: false });
    expect(changelogSection(markdown, '0.1.0')).toEqual({ label: '(unreleased)', notes: '- First.', unreleased: true });
    expect(changelogSection(markdown, '0.1')).toBeNull();
    expect(changelogSection(markdown, '0.3.0')).toBeNull();
  });

  it('is found only under a heading, at the very top too, spaced loosely, and runs to the end of a file with no last newline', () => {
    expect(changelogSection('See 0.2.0 below.\n## 0.2.0\n- Lists.', '0.2.0')).toEqual({ label: '', notes: '- Lists.', unreleased: false });
    expect(changelogSection('##   0.2.0   (2026-12-24)\n- Lists.\n- Phones.', '0.2.0')).toEqual({ label: '(2026-12-24)', notes: '- Lists.\n- Phones.', unreleased: false });
    expect(changelogSection('Not 0.2.0 here.\n', '0.2.0')).toBeNull();
  });

  it('exists in the repository for the version package.json names', () => {
    expect(changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version)?.notes).toMatch(/\S/);
  });
});
