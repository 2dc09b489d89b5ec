// Types for build.mjs, for the TypeScript that imports it (scripts/campaign.ts, tests).
export const TARGETS: Array<'chrome' | 'firefox'>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest is whatever JSON the template holds
export function manifestFor(template: unknown, target: 'chrome' | 'firefox', version: string): Record<string, any>;
export interface Branding {
  settings: unknown;
  messages: (lang: string, messages: Record<string, { message: string }>) => Record<string, { message: string }>;
  css: string;
  share?: { url: string };
  /** The area a campaign serves: the place form's country and the bounds a town is checked against. */
  area?: unknown;
  /** Extra host permissions (a campaign's own directory). */
  hosts?: string[];
  icons: Record<string, Uint8Array>;
}
/** Firefox only: another add-on id, and the update_url of a self-hosted signed file. */
export interface Gecko {
  id?: string;
  updateUrl?: string;
}
export function buildTarget(
  target: 'chrome' | 'firefox',
  options?: { outdir?: string; zipPath?: string; branding?: Branding; gecko?: Gecko; metafiles?: import('esbuild').Metafile[]; directory?: string; identity?: { page: string; contact: string } | null; calilKey?: string },
): Promise<string>;
/** Where `npm run directory` writes the real directory, and the fictional one of the tests and the demo. */
export const REAL_DIRECTORY: string;
export const FICTIONAL_DIRECTORY: string;
/** The bookshop directory a build packages: the one named, else the real one if built here, else the fictional one. */
export function directoryToPackage(named?: string): string;
export function writeZip(files: Record<string, Uint8Array>, zipPath: string): void;
/** The scripts Amazon's pages load, by output name: their entry files. */
export const CONTENT_SCRIPTS: { content: string; list: string };
/** The project's identity from PROJECT_PAGE and PROJECT_CONTACT (both set), or null: the build carries the marked example. */
export function identityFromEnv(env?: Record<string, string | undefined>): { page: string; contact: string } | null;
/** Every file under a folder; throws on a symbolic link under it. */
export function filesUnder(dir: string): string[];
/** The symbolic links among these paths and everything under them. */
export function linksIn(paths: string[]): string[];
export const BUILD_INPUTS: string[];
