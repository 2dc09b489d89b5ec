// `npm run release [-- --dry-run] [--store firefox|chrome] [--out DIR]`: one version, from a clean tree,
// to both stores. It builds both browsers, runs the checks the stores run (the package checks and
// Mozilla's add-ons linter), writes the source archive AMO's reviewers ask for, then, with the store
// credentials in the environment, signs the Firefox file through AMO's API and uploads and publishes the
// Chrome zip, and tags the commit. --dry-run does everything but the uploads and the tag. Without
// credentials (and without --dry-run) it names the missing variables and sends nothing.
// The version is package.json's; the notes are CHANGELOG.md's section for it. README: "Releasing".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { buildTarget, directoryToPackage, FICTIONAL_DIRECTORY, filesUnder, REAL_DIRECTORY } from '../build.mjs';
import { changelogSection } from '../src/release/changelog';
import { directoryProblems } from '../src/release/directory-check';
import { identityFrom } from '../src/release/identity';
import { packagePlaceholders } from '../src/release/placeholders';
import { planLines, releasePlan, STORES, type ReleasePlan, type Store } from '../src/release/plan';
import { PACKAGE_BUDGET_BYTES, storeZipProblems } from '../src/release/store-checks';
import { publishSignedFile, signOnAmo, writeSourceArchive } from './amo';
import { publishOnChromeWebStore } from './chrome-web-store';
import { readListing } from './store-listing';
import { trackedEntries, trackedLinks } from './tracked-files';
import { shippedPackages } from './deps.mjs';
import type { Metafile } from 'esbuild';

const { values: options } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
    'publish-only': { type: 'boolean', default: false },
    store: { type: 'string', multiple: true },
    out: { type: 'string', default: 'dist/release' },
    directory: { type: 'string' },
  },
});
const dryRun = options['dry-run'];
// The release workflow's two halves: everything but the sending, with no credential in reach; then the
// sending alone, from the files the first half wrote (checked again), with only the credentials.
const buildOnly = options['build-only'];
const publishOnly = options['publish-only'];
if ([dryRun, buildOnly, publishOnly].filter(Boolean).length > 1) fail('--dry-run, --build-only and --publish-only go one at a time');
const out = options.out;
const stores = (options.store ?? [...STORES]) as Store[];
if (stores.some((store) => !STORES.includes(store))) fail(`--store takes ${STORES.join(' or ')}`);

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const names = {
  chromeZip: `${pkg.name}-chrome-${pkg.version}.zip`,
  firefoxZip: `${pkg.name}-firefox-${pkg.version}.zip`,
  /** The Firefox build with an update_url, for the unlisted channel. */
  selfHostedZip: `${pkg.name}-firefox-self-hosted-${pkg.version}.zip`,
  sourceZip: `${pkg.name}-source-${pkg.version}.zip`,
  xpiName: `${pkg.name}-firefox-${pkg.version}.xpi`,
};
const plan = releasePlan(process.env, { version: pkg.version, stores, xpiName: names.xpiName });

function fail(message: string): never {
  console.error(`release: ${message}`);
  process.exit(1);
}
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

// 1. What can be known before building: credentials, settings, the tag, the tree, the notes.
if (plan.problems.length) fail(plan.problems.join('\n'));
if (!dryRun && !buildOnly && plan.missing.length) {
  console.error(`release: missing ${plan.missing.join(', ')}; nothing was built or sent. It would:`);
  for (const line of planLines(plan, names)) console.error(`  - ${line}`);
  console.error('Set them (README, "Releasing"), or run `npm run release -- --dry-run` to build and check without sending.');
  process.exit(1);
}
const tagged = spawnSync('git', ['rev-parse', '-q', '--verify', `${plan.tag}^{commit}`], { encoding: 'utf8' }).stdout.trim();
if (tagged && tagged !== git('rev-parse', 'HEAD')) fail(`${plan.tag} already tags another commit; raise the version in package.json`);
// A tag this command made after publishing (a release run by hand, then pushed) says so: the workflow the
// push starts has nothing left to do, and the stores would refuse the same version twice.
const PUBLISHED = 'Published-by: npm run release';
if (tagged && !dryRun && git('tag', '-l', '--format=%(contents)', plan.tag).includes(PUBLISHED)) {
  console.log(`${plan.tag} was published by npm run release already (its tag says so); nothing to do.`);
  process.exit(0);
}
// The bookshop directory to package: OpenStreetMap's, young enough (a dry run says what is wrong and goes on).
const directory = directoryToPackage(options.directory);
// The project's identity (its page and contact), which the packages name to every service and store:
// the release setting, never a placeholder (a dry run builds with the marked example and says so).
const identity = identityFrom(process.env);
const builtIdentity = identity.problems.length ? null : identity.identity;
if (!publishOnly) {
  const directoryCheck = directoryProblems(readJson(join(directory, 'index.json')), Date.now());
  if (directoryCheck.problems.length) (dryRun ? console.warn : fail)(`${directory}/: ${directoryCheck.problems.join('\n')}`);
  console.log(`bookshop directory: ${directory}/, ${directoryCheck.about}`);
  if (identity.problems.length) (dryRun ? console.warn : fail)(`the project's identity is not set for a release:\n  ${identity.problems.join('\n  ')}`);
  else console.log(`identity: ${identity.identity.page} (${identity.identity.contact})`);
}

// A tracked symbolic link is followed by whatever reads the tree: refused before anything is built.
const links = trackedLinks(trackedEntries());
if (links.length) fail(`symbolic links are tracked, and a release follows none (one to /proc/self/environ would publish the store credentials):\n  ${links.join('\n  ')}`);

const dirty = git('status', '--porcelain');
if (dirty) (dryRun ? console.warn : fail)(`the tree has changes not committed; a release is built from a clean tree:\n${dirty}`);
const section = changelogSection(readFileSync('CHANGELOG.md', 'utf8'), pkg.version);
if (!section) fail(`CHANGELOG.md has no "## ${pkg.version}" section; its notes are the release notes`);
if (section.unreleased) (dryRun ? console.warn : fail)(`CHANGELOG.md still calls ${pkg.version} "${section.label}": date it before releasing`);

// 2. Build both browsers, check them as the stores do, write the source archive and the notes (or, to
// publish only, check again the ones the build wrote).
const selfHosted = plan.stores.includes('firefox') && plan.firefox.channel === 'unlisted';
const firefoxBuilds = [{ dir: 'firefox', zip: names.firefoxZip, lintFlags: [] as string[] }, ...(selfHosted ? [{ dir: 'firefox-self-hosted', zip: names.selfHostedZip, lintFlags: ['--self-hosted'] }] : [])];
if (publishOnly) {
  for (const file of [names.chromeZip, ...firefoxBuilds.map((build) => build.zip), names.sourceZip, 'RELEASE-NOTES.md', ...firefoxBuilds.map((build) => join(build.dir, 'manifest.json'))]) {
    if (!existsSync(join(out, file))) fail(`${out}/${file} is missing: --publish-only sends what \`npm run release -- --build-only\` wrote there`);
  }
  checkZips();
} else {
  await buildAndCheck();
}

/** Builds both browsers (and the self-hosted Firefox file), checks them as the stores do, writes the source archive and the notes. */
async function buildAndCheck(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // esbuild's account of each build's inputs: which third-party packages the packages ship.
  const metafiles: Metafile[] = [];
  await buildTarget('chrome', { outdir: join(out, 'chrome'), zipPath: join(out, names.chromeZip), directory, identity: builtIdentity, metafiles });
  await buildTarget('firefox', { outdir: join(out, 'firefox'), zipPath: join(out, names.firefoxZip), directory, identity: builtIdentity, metafiles });
  if (selfHosted) {
    await buildTarget('firefox', { outdir: join(out, 'firefox-self-hosted'), zipPath: join(out, names.selfHostedZip), gecko: { updateUrl: plan.firefox.updatesUrl! }, directory, identity: builtIdentity });
  }
  checkZips();
  for (const { dir, lintFlags } of firefoxBuilds) {
    const lint = spawnSync(process.execPath, ['scripts/lint-firefox.mjs', join(out, dir), ...lintFlags], { stdio: 'inherit' });
    if (lint.status !== 0) fail(`Mozilla's add-ons linter refuses ${join(out, dir)}`);
  }

  // The directory packaged is data built from OpenStreetMap, not tracked: it travels in the archive, at the
  // place where `npm run build` takes it.
  const directoryData = directory === FICTIONAL_DIRECTORY ? {} : Object.fromEntries(filesUnder(directory).map((file) => [`${REAL_DIRECTORY}/${relative(directory, file).split('\\').join('/')}`, readFileSync(file)]));
  writeSourceArchive(join(out, names.sourceZip), {
    title: `${pkg.name} ${pkg.version}`,
    // The identity the packages were built with, which the reviewer's build must name too.
    steps: [!builtIdentity ? 'npm run build' : `PROJECT_PAGE='${builtIdentity.page}' PROJECT_CONTACT='${builtIdentity.contact}' npm run build`],
    extra: directoryData,
    outputs:
      `The packages are dist/${names.chromeZip} and dist/${names.firefoxZip}, the released ones byte for byte; dist/firefox/ holds the files submitted to AMO` +
      (selfHosted ? `, but for one line: the submitted manifest.json adds browser_specific_settings.gecko.update_url "${plan.firefox.updatesUrl}" (a self-hosted file).` : '.'),
  });
  // The notes, and what the packages ship of others' code: each package, its version and its licence.
  const shipped = shippedPackages(metafiles, join(out, 'chrome')).map(({ name, version, license }) => `- ${name} ${version} (${license})`);
  writeFileSync(join(out, 'RELEASE-NOTES.md'), `${section!.notes}\n\n### Third-party code in the packages\n\n${shipped.join('\n')}\n`);
  console.log(`wrote ${out}/: ${names.chromeZip}, ${names.firefoxZip}, ${names.sourceZip} (the source archive), RELEASE-NOTES.md`);
}

/** Each zip as the stores check it, within the size budget, and naming no placeholder. */
function checkZips(): void {
  for (const zip of [names.chromeZip, ...firefoxBuilds.map((build) => build.zip)]) {
    const bytes = readFileSync(join(out, zip));
    const problems = storeZipProblems(unzipSync(bytes));
    if (bytes.length > PACKAGE_BUDGET_BYTES) problems.push(`${(bytes.length / 1e6).toFixed(2)} MB, over the ${PACKAGE_BUDGET_BYTES / 1e6} MB budget`);
    if (problems.length) fail(`${zip} would be refused:\n  ${problems.join('\n  ')}`);
    const placeholders = packagePlaceholders(unzipSync(bytes));
    if (placeholders.length) (dryRun ? console.warn : fail)(`${zip} points at placeholders, which nobody answers for:\n  ${placeholders.join('\n  ')}`);
    console.log(`checked ${zip} (${(bytes.length / 1e6).toFixed(2)} MB): Manifest V3, every named file present, no remote code, nothing extra`);
  }
}
const notes = `${section.notes}\n`;

// 3. Publish, or say what would be published.
console.log(`\n${dryRun ? 'Would do' : 'Doing'} (version ${pkg.version}):`);
for (const line of planLines(plan, names)) console.log(`  - ${line}`);
if (dryRun || buildOnly) {
  if (buildOnly) console.log(`\nBuilt and checked, nothing sent: \`npm run release -- --publish-only\` sends ${out}/.`);
  else if (plan.missing.length) console.log(`\nTo publish, set: ${plan.missing.join(', ')} (README, "Releasing").`);
  process.exit(0);
}
if (plan.stores.includes('firefox')) await signFirefox(plan, selfHosted ? 'firefox-self-hosted' : 'firefox', notes);
if (plan.stores.includes('chrome')) await publishChrome();
if (!tagged) {
  git('tag', '-a', plan.tag, '-m', `${pkg.version}\n\n${section.notes}\n\n${PUBLISHED}`);
  console.log(`tagged ${plan.tag}; push it with: git push origin ${plan.tag}`);
}

async function signFirefox(plan: ReleasePlan, dir: string, notes: string): Promise<void> {
  const listed = plan.firefox.channel === 'listed';
  const signed = await signOnAmo({
    sourceDir: join(out, dir),
    channel: plan.firefox.channel,
    sourceArchive: join(out, names.sourceZip),
    // The version's licence and notes; a listed add-on's first version needs its summary and category too.
    metadata: { version: { license: 'MIT', release_notes: { 'en-US': notes } }, ...(listed ? { categories: ['shopping'], summary: { 'en-US': readListing('en').summary } } : {}) },
  });
  if (!signed) {
    console.log('Firefox: submitted to addons.mozilla.org (listed); AMO signs and lists it after review.');
    return;
  }
  publishSignedFile({ signed, xpiPath: join(out, names.xpiName), buildDir: join(out, dir), xpiUrl: plan.firefox.xpiUrl! });
  console.log(`Firefox: signed ${names.xpiName}; publish it and updates.json at ${plan.firefox.xpiUrl} and ${plan.firefox.updatesUrl}`);
}

async function publishChrome(): Promise<void> {
  // The plan checked every one of these is set.
  const env = (name: string) => process.env[name]!.trim();
  const { crxVersion, state } = await publishOnChromeWebStore(join(out, names.chromeZip), {
    extensionId: env('CWS_EXTENSION_ID'),
    publisherId: env('CWS_PUBLISHER_ID'),
    clientId: env('CWS_CLIENT_ID'),
    clientSecret: env('CWS_CLIENT_SECRET'),
    refreshToken: env('CWS_REFRESH_TOKEN'),
  });
  console.log(`Chrome: ${crxVersion} uploaded and submitted (${state})`);
}
