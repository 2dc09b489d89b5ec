// What both stores refuse in a package, checked on the zip's own files before anything is uploaded
// (by `npm run release` on the release zips, and by the unit tests on fresh builds): Manifest V3,
// every file the manifest names present, no remote code (every script and stylesheet of a page a file
// of the package, no inline script, no import from the network, every imported chunk present), and
// nothing the stores do not need (sources, source maps, dotfiles).
import { posix } from 'node:path';
import { strFromU8 } from 'fflate';

interface Manifest {
  manifest_version?: number;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string>; default_popup?: string };
  options_ui?: { page?: string };
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

/** The package files a manifest names (icons, scripts, pages). */
function filesNamed(manifest: Manifest): string[] {
  return [
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
  ].filter((file): file is string => typeof file === 'string');
}

/** Each browser's package at most this size, the bookshop directory included (the stores allow far more; shoppers download it). */
export const PACKAGE_BUDGET_BYTES = 5_000_000;

/** Every problem a store would find, one line each; none: []. `files`: the zip's entries, as fflate's unzipSync gives them. */
export function storeZipProblems(files: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const text = (name: string) => strFromU8(files[name]!);
  if (!files['manifest.json']) return ['manifest.json is missing'];
  const manifest = JSON.parse(text('manifest.json')) as Manifest;
  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${manifest.manifest_version}, not 3`);
  for (const name of filesNamed(manifest)) if (!files[name]) problems.push(`the manifest names ${name}, which is not in the package`);

  for (const page of Object.keys(files).filter((name) => name.endsWith('.html'))) {
    const html = text(page);
    if (/<script(?![^>]*\ssrc=)[^>]*>/i.test(html)) problems.push(`${page} has an inline script`);
    for (const [, ref] of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/gi)) {
      if (/^(?:[a-z]+:)?\/\//i.test(ref!)) problems.push(`${page} loads ${ref} from the network`);
      else if (!files[posix.join(posix.dirname(page), ref!)]) problems.push(`${page} loads ${ref}, which is not in the package`);
    }
  }
  for (const name of Object.keys(files).filter((file) => file.endsWith('.js'))) {
    const code = text(name);
    if (/(?:\bfrom\s*|\bimport\s*\(\s*)["'](?:[a-z]+:)?\/\//i.test(code)) problems.push(`${name} imports code from the network`);
    for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"',\s]+\.js)["']/g)) {
      if (!/^\.\.?\//.test(spec!)) problems.push(`${name} imports ${spec}, which is not a file of the package`);
      else if (!files[posix.join(posix.dirname(name), spec!)]) problems.push(`${name} imports ${spec}, which is not in the package`);
    }
  }
  const extras = Object.keys(files).filter((name) => /\.(?:ts|map|mjs|md)$|(?:^|\/)\.|node_modules/.test(name)).sort();
  if (extras.length) problems.push(`files the stores do not need: ${extras.join(', ')}`);
  return problems;
}
