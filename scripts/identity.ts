// The identity a command-line tool of the project sends to OpenStreetMap's services: the release
// setting (PROJECT_PAGE, PROJECT_CONTACT), never a placeholder, since their operators block what they
// cannot identify (src/release/identity.ts).
import { readFileSync } from 'node:fs';
import { identityFrom, userAgentOf } from '../src/release/identity';

/** The tool's User-Agent; exits with the problems when the identity is missing or a placeholder. */
export function toolUserAgent(tool: string, env: Record<string, string | undefined>): string {
  const { identity, problems } = identityFrom(env);
  if (problems.length) {
    console.error(`${tool}: OpenStreetMap's services ask every client to identify itself, and this one cannot yet:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(2);
  }
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return userAgentOf(tool, version, identity);
}
