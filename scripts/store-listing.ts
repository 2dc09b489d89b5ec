// The store listings (store/listing.<lang>.json): what the Chrome Web Store and addons.mozilla.org ask
// for, checked against the stores' limits and the manifest (every permission explained), and written
// out as text next to the screenshots the browser tests take (dist/store/<lang>/).
import { readFileSync } from 'node:fs';
import * as z from 'zod';

/** The stores' limits: Chrome's summary 132 characters, its description 16,000; AMO's name 50. */
export const StoreListing = z.object({
  language: z.string().regex(/^[a-z]{2}$/),
  name: z.string().min(2).max(50),
  summary: z.string().min(40).max(132),
  description: z.array(z.string().min(1)).min(2).refine((paragraphs) => paragraphs.join('\n\n').length <= 16_000, 'longer than 16,000 characters'),
  category: z.object({ chrome: z.string(), firefox: z.string() }),
  singlePurpose: z.string().min(20).max(1000),
  /** Permission or host pattern → why the extension needs it. */
  permissions: z.record(z.string(), z.string().min(20).max(1000)),
  remoteCode: z.string().min(2),
  dataUse: z.string().min(20),
  reviewerNotes: z.string().min(20),
  screenshots: z.array(z.object({ file: z.string().regex(/^[\w-]+\.png$/), caption: z.string().min(10).max(120) })).min(1).max(5),
});
export type StoreListing = z.infer<typeof StoreListing>;

export const STORE_LANGUAGES = ['en', 'fr'] as const;

export function readListing(language: string): StoreListing {
  return StoreListing.parse(JSON.parse(readFileSync(new URL(`../store/listing.${language}.json`, import.meta.url), 'utf8')));
}

/** Every permission the manifest asks for, as the listing must explain it. */
type BuiltManifest = { permissions?: string[]; optional_permissions?: string[]; host_permissions?: string[]; optional_host_permissions?: string[]; content_scripts?: unknown[] };

/** Everything the built manifests ask for, in either browser, required or optional: each needs its reason. */
export function permissionsToExplain(...manifests: BuiltManifest[]): string[] {
  const asked = manifests.flatMap((manifest) => [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.content_scripts?.length ? ['content_scripts'] : []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ]);
  return [...new Set(asked)];
}

/** The listing as one text file, in the order the store forms ask for it. */
export function listingText(listing: StoreListing): string {
  const section = (title: string, body: string) => `## ${title}\n\n${body}\n`;
  return [
    `# ${listing.name}\n`,
    section('Summary', listing.summary),
    section('Description', listing.description.join('\n\n')),
    section('Category', `Chrome Web Store: ${listing.category.chrome}. Firefox Add-ons: ${listing.category.firefox}.`),
    section('Single purpose', listing.singlePurpose),
    section('Permissions', Object.entries(listing.permissions).map(([permission, why]) => `- \`${permission}\`: ${why}`).join('\n')),
    section('Remote code', listing.remoteCode),
    section('Data use', listing.dataUse),
    section('Notes for reviewers', listing.reviewerNotes),
    section('Screenshots (1280×800)', listing.screenshots.map((shot) => `- ${shot.file}: ${shot.caption}`).join('\n')),
  ].join('\n');
}
