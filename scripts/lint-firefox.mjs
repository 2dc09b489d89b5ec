// `npm run lint:firefox [-- DIR] [--self-hosted]`: Mozilla's add-ons linter (the check AMO runs on
// upload) on dist/firefox, or on DIR; --self-hosted for a build with an update_url. Errors always fail. Warnings fail
// too, except the ones listed here, each with the reason it is safe; a new warning is a deliberate,
// reviewed change to this list.
import { execFileSync } from 'node:child_process';

const ALLOWED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/shop-map-[\w-]+\.js$/,
    why: "Leaflet's own innerHTML writes (attribution and layer controls, zoom buttons, scale, popups, icons). We give it no HTML: the credits are our own control built of elements, popups are elements, divIcons carry no html, and the zoom buttons' titles are our translations set as titles.",
  },
];

const args = process.argv.slice(2);
const sourceDir = args.find((arg) => !arg.startsWith('--')) ?? 'dist/firefox';
const selfHosted = args.includes('--self-hosted') ? ['--self-hosted'] : [];

let output;
try {
  output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, ...selfHosted, '--output', 'json'], { encoding: 'utf8' });
} catch (error) {
  output = error.stdout; // web-ext exits non-zero when there are errors; the JSON is still there
}
const report = JSON.parse(output.slice(output.indexOf('{')));
const warnings = [...report.warnings, ...report.notices];
const allowed = warnings.filter((w) => ALLOWED.some((a) => a.code === w.code && a.file.test(w.file ?? '')));
const refused = [...report.errors, ...warnings.filter((w) => !allowed.includes(w))];
for (const w of allowed) console.log(`allowed: ${w.code} in ${w.file}`);
for (const m of refused) console.error(`${m._type ?? 'problem'}: ${m.code} in ${m.file ?? '-'}:${m.line ?? ''} ${m.message}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${warnings.length} warnings (${allowed.length} allowed, see scripts/lint-firefox.mjs)`);
process.exit(refused.length ? 1 : 0);
