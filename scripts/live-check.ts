// `npm run live-check`: asks each real service once with the production adapters and default settings
// (src/cli/live-check.ts), identified as the extension is (the PROJECT_PAGE and PROJECT_CONTACT release
// setting; without it, the marked example, said so), reads the packaged directory's age, prints one
// line per service, and exits 1 when a service refused us or answered in a shape the extension no
// longer reads. Unreachable is reported, not failed. Weekly in .github/workflows/live-check.yml.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { directoryToPackage } from '../build.mjs';
import { checkFails, formatLine, liveCheck } from '../src/cli/live-check';
import { identityFrom } from '../src/release/identity';
import { PROJECT_IDENTITY } from '../src/shared/identity';
import { parseSettings } from '../src/shared/settings';

const { identity, problems } = identityFrom(process.env);
if (problems.length) console.warn(`Identified with the example identity (${PROJECT_IDENTITY.page}): ${problems.join('; ')}.\n`);
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const index = join(directoryToPackage(), 'index.json');
const directoryIndex: unknown = existsSync(index) ? JSON.parse(readFileSync(index, 'utf8')) : undefined;

// Calil's app key, the release setting (none: its line says it was not checked).
const lines = await liveCheck({ settings: parseSettings({}), fetch, identity: problems.length ? PROJECT_IDENTITY : identity, version, directoryIndex, calilKey: (process.env.CALIL_APP_KEY ?? '').trim() });
for (const line of lines) console.log(formatLine(line));
const fails = checkFails(lines);
const services = lines.filter((line) => !line.local);
const reached = services.filter((line) => line.reached).length;
if (fails) console.log('\nA service refused us, or something answered in a shape the extension no longer reads: see the lines marked REFUSED or DOES NOT FIT.');
else console.log(`\n${reached} of ${services.length} services reached${reached ? '; every answer fits' : ': no network here?'}.`);
process.exit(fails ? 1 : 0);
