// `npm run directory [-- --countries fr,be,…] [--from DIR] [--out DIR] [--hosted] [--fictional] [--overpass URL] [--catalogues URL]`:
// OpenStreetMap's independent bookshops and public libraries as the extension's directory (src/directory/).
// One Overpass query per whole country, one at a time with a pause between (Overpass's fair use), each
// identified as its policy asks: a User-Agent naming the project and its page (PROJECT_PAGE, the release
// setting). For the United Kingdom, the library services the UK catalogues know (one request to
// Libraries Hacked's /api/services), so each library carries the code its catalogue is asked by.
// Or from saved answers: DIR/<country>.json, and DIR/<country>-library-services.json. Written to DIR (default directory-data/, which the build
// puts into the package); with --hosted, the hosted layout, one folder per country, for a campaign's
// own site. The same data gives the same bytes. The release workflow runs it where OpenStreetMap is
// reachable (.github/workflows/release.yml).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDirectory, buildPackagedDirectory, countryQuery, DIRECTORY_COUNTRIES, type LibraryService } from '../src/directory/build';
import { withSlash } from '../src/networks/source';
import { SOURCE_DEFAULTS } from '../src/shared/settings';
import { toolUserAgent } from './identity';

const { values } = parseArgs({
  options: {
    countries: { type: 'string', default: DIRECTORY_COUNTRIES.join(',') },
    from: { type: 'string' },
    overpass: { type: 'string', default: SOURCE_DEFAULTS.openstreetmap.baseUrl },
    catalogues: { type: 'string', default: SOURCE_DEFAULTS['librarybooks-uk'].baseUrl },
    out: { type: 'string', default: 'directory-data' },
    hosted: { type: 'boolean', default: false },
    fictional: { type: 'boolean', default: false },
    pause: { type: 'string', default: '30' },
  },
});
const countries = values.countries!.toLowerCase().split(',').filter(Boolean);
if (countries.length === 0 || countries.some((code) => !/^[a-z]{2}$/.test(code))) {
  console.error('usage: npm run directory -- [--countries fr,be,…] [--from DIR] [--out DIR] [--hosted] [--fictional] [--overpass URL] [--catalogues URL]');
  process.exit(2);
}

async function overpassAnswer(country: string, userAgent: string): Promise<unknown> {
  const response = await fetch(`${withSlash(values.overpass!)}interpreter?data=${encodeURIComponent(countryQuery(country))}`, {
    headers: { 'user-agent': userAgent },
    signal: AbortSignal.timeout(20 * 60_000),
  });
  if (!response.ok) throw new Error(`Overpass answered HTTP ${response.status} for ${country}: ${(await response.text()).slice(0, 200)}`);
  return response.json();
}

/** The countries whose libraries a catalogue source asks by service, with where its services are listed. */
const LIBRARY_SERVICES: Record<string, string> = { gb: `${withSlash(values.catalogues!)}api/services` };

/** `{ code, name }` of each service in an answer of /api/services; anything else left out. */
function servicesOf(answer: unknown): LibraryService[] {
  if (!Array.isArray(answer)) throw new Error('the library services answer is not a list');
  return answer.flatMap((entry: { code?: unknown; name?: unknown }) => (typeof entry?.code === 'string' && typeof entry.name === 'string' ? [{ code: entry.code, name: entry.name }] : []));
}

async function libraryServices(country: string, userAgent: string): Promise<LibraryService[]> {
  const response = await fetch(LIBRARY_SERVICES[country]!, { headers: { 'user-agent': userAgent }, signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`the library services answered HTTP ${response.status} for ${country}`);
  return servicesOf(await response.json());
}

const answers = new Map<string, unknown>();
const services = new Map<string, LibraryService[]>();
if (values.from) {
  for (const country of countries) {
    answers.set(country, JSON.parse(readFileSync(join(values.from, `${country}.json`), 'utf8')));
    const saved = join(values.from, `${country}-library-services.json`);
    if (existsSync(saved)) services.set(country, servicesOf(JSON.parse(readFileSync(saved, 'utf8'))));
  }
} else {
  const userAgent = toolUserAgent('directory', process.env);
  for (const [i, country] of countries.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, Number(values.pause) * 1000));
    answers.set(country, await overpassAnswer(country, userAgent));
    if (LIBRARY_SERVICES[country]) services.set(country, await libraryServices(country, userAgent));
    console.log(`${country}: asked`);
  }
}

/** Writes the files under `root`, after emptying `folder`: a cell with no shop left must not keep last week's file. */
function writeFolder(root: string, files: Map<string, string>, folder = root): number {
  rmSync(folder, { recursive: true, force: true });
  let bytes = 0;
  for (const [path, content] of files) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    bytes += Buffer.byteLength(content);
  }
  return bytes;
}

if (values.hosted) {
  for (const [country, answer] of answers) {
    const files = buildDirectory(country, answer);
    // (The hosted layout's paths start with the country.)
    const bytes = writeFolder(values.out!, files, join(values.out!, country));
    const index = JSON.parse(files.get(`${country}/index.json`)!) as { dataDate: string; cells: Array<{ shops: number }> };
    console.log(`${country}: ${index.cells.length} cells, ${files.size} files, ${(bytes / 1024).toFixed(1)} KB, data of ${index.dataDate}, in ${join(values.out!, country)}/`);
  }
} else {
  const files = buildPackagedDirectory(answers, { fictional: values.fictional!, libraryServices: services });
  const bytes = writeFolder(values.out!, files);
  const index = JSON.parse(files.get('index.json')!) as { dataDate: string; cells: string[] };
  const count = (field: 'shops' | 'libraries') => [...files.values()].reduce((sum, file) => sum + ((JSON.parse(file) as Record<string, unknown[] | undefined>)[field]?.length ?? 0), 0);
  console.log(`${[...answers.keys()].join(' ')}: ${count('shops')} shops and ${count('libraries')} libraries in ${index.cells.length} cells, ${(bytes / 1024).toFixed(1)} KB, data of ${index.dataDate}, in ${values.out}/`);
}
