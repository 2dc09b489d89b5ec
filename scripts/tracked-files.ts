// The files git tracks, read from git's own objects (what was committed, not whatever the working tree
// holds at that path), for the source archive AMO's reviewers get. A symbolic link is refused, never
// followed: committed as `notes.txt -> /proc/self/environ`, a followed link would put the release's
// store credentials into a public archive.
import { execFileSync } from 'node:child_process';

/** Git's mode for a symbolic link. */
const SYMLINK_MODE = '120000';

export interface TrackedEntry {
  mode: string;
  object: string;
  path: string;
}

/** Every entry of the index (`git ls-files -s`): mode, object id and path. */
export function trackedEntries(cwd = '.'): TrackedEntry[] {
  return execFileSync('git', ['ls-files', '-s', '-z'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [mode, object] = meta.split(' ') as [string, string, string];
      return { mode, object, path };
    });
}

/** The tracked paths that are symbolic links (none: an empty list). */
export const trackedLinks = (entries: TrackedEntry[]) => entries.filter((entry) => entry.mode === SYMLINK_MODE).map((entry) => entry.path);

/**
 * Every tracked file's committed bytes, by path, read in one `git cat-file --batch`; throws, naming
 * them, when any tracked path is a symbolic link.
 */
export function trackedFiles(cwd = '.'): Record<string, Uint8Array> {
  const entries = trackedEntries(cwd);
  const links = trackedLinks(entries);
  if (links.length) throw new Error(`symbolic links are tracked, and a release follows none: ${links.join(', ')}`);
  const output = execFileSync('git', ['cat-file', '--batch'], { cwd, input: entries.map((entry) => entry.object).join('\n') + '\n', maxBuffer: 1024 * 1024 * 1024 });
  const files: Record<string, Uint8Array> = {};
  let at = 0;
  for (const entry of entries) {
    // Each answer: "<object> blob <size>\n<bytes>\n".
    const headerEnd = output.indexOf(0x0a, at);
    const [object, type, size] = output.subarray(at, headerEnd).toString('utf8').split(' ');
    if (object !== entry.object || type !== 'blob') throw new Error(`git cat-file answered "${object} ${type}" for ${entry.path}`);
    const start = headerEnd + 1;
    files[entry.path] = output.subarray(start, start + Number(size));
    at = start + Number(size) + 1;
  }
  return files;
}
