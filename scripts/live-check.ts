// `npm run live-check`: asks each real service once with the production adapters and default settings
// (src/cli/live-check.ts), prints one line per service, and exits 1 when a service was reached and its
// answer no longer fits. Unreachable is reported, not failed. Weekly in .github/workflows/live-check.yml.
import { contractBroken, formatLine, liveCheck } from '../src/cli/live-check';
import { parseSettings } from '../src/shared/settings';

const lines = await liveCheck({ settings: parseSettings({}), fetch });
for (const line of lines) console.log(formatLine(line));
const broken = contractBroken(lines);
const reached = lines.filter((line) => line.reached).length;
if (broken) console.log('\nA service answered in a shape the extension no longer reads: see the lines marked DOES NOT FIT.');
else console.log(`\n${reached} of ${lines.length} services reached${reached ? '; every answer fits' : ': no network here?'}.`);
process.exit(broken ? 1 : 0);
