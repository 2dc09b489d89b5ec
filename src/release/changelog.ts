// CHANGELOG.md's section for one version becomes that version's release notes (the GitHub release,
// AMO's "release notes" field). A section starts at "## VERSION" and ends at the next "## ".

export interface ChangelogSection {
  /** The heading's words after the version: "(2026-12-02)", "(unreleased)". */
  label: string;
  notes: string;
  /** The heading still says "unreleased": the section is being written, not a release's record. */
  unreleased: boolean;
}

export function changelogSection(markdown: string, version: string): ChangelogSection | null {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith('## ') && line.slice(3).trim().split(/\s/)[0] === version);
  if (start === -1) return null;
  const next = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const label = lines[start]!.slice(3).trim().slice(version.length).trim();
  return {
    label,
    notes: lines.slice(start + 1, next === -1 ? undefined : next).join('\n').trim(),
    unreleased: /unreleased/i.test(label),
  };
}
