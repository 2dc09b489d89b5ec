// `npm run directory -- --country fr [--from answer.json] [--overpass URL] [--out DIR]`: the country's
// bookshop directory from OpenStreetMap, as static files (src/directory/): one Overpass query for the
// whole country (or an Overpass answer saved to a file), cut into grid cells, written to DIR/COUNTRY/
// (default dist/directory). The same data gives the same bytes. Weekly in .github/workflows/directory.yml.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDirectory, countryQuery } from '../src/directory/build';
import { withSlash } from '../src/networks/source';
import { SOURCE_DEFAULTS } from '../src/shared/settings';

const { values } = parseArgs({
  options: {
    country: { type: 'string' },
    from: { type: 'string' },
    overpass: { type: 'string', default: SOURCE_DEFAULTS.openstreetmap.baseUrl },
    out: { type: 'string', default: 'dist/directory' },
  },
});
if (!values.country || !/^[a-z]{2}$/i.test(values.country)) {
  console.error('usage: npm run directory -- --country fr [--from answer.json] [--overpass URL] [--out DIR]');
  process.exit(2);
}
const country = values.country.toLowerCase();

async function overpassAnswer(): Promise<unknown> {
  if (values.from) return JSON.parse(readFileSync(values.from, 'utf8'));
  // One query for the country; Overpass's policy asks for a User-Agent that names the application.
  const response = await fetch(`${withSlash(values.overpass!)}interpreter?data=${encodeURIComponent(countryQuery(country))}`, {
    headers: { 'user-agent': 'local-bookshops-directory (+https://bookshop-finder.org/)' },
    signal: AbortSignal.timeout(20 * 60_000),
  });
  if (!response.ok) throw new Error(`Overpass answered HTTP ${response.status}`);
  return response.json();
}

const files = buildDirectory(country, await overpassAnswer());
// The country's folder is written whole: a cell with no shop left must not keep last week's file.
rmSync(join(values.out!, country), { recursive: true, force: true });
let bytes = 0;
for (const [path, content] of files) {
  const target = join(values.out!, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  bytes += Buffer.byteLength(content);
}
const index = JSON.parse(files.get(`${country}/index.json`)!) as { dataDate: string; cells: Array<{ shops: number }> };
console.log(`${country}: ${index.cells.length} cells, ${files.size} files, ${(bytes / 1024).toFixed(1)} KB, data of ${index.dataDate}, in ${join(values.out!, country)}/`);
