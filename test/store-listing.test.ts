// The store listings: within the stores' limits, the same fields in every language, the name the
// extension shows, and a reason for every permission the manifest asks for (no more, no fewer).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../build.mjs';
import { listingText, permissionsToExplain, readListing, STORE_LANGUAGES } from '../scripts/store-listing';

const template = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
const built = [manifestFor(template, 'chrome', '1.0.0'), manifestFor(template, 'firefox', '1.0.0')];
const messages = (language: string) => JSON.parse(readFileSync(new URL(`../_locales/${language}/messages.json`, import.meta.url), 'utf8'));

describe.each(STORE_LANGUAGES)('the %s store listing', (language) => {
  const listing = readListing(language);

  it('is in its language, under the name the extension shows in that language', () => {
    expect(listing.language).toBe(language);
    expect(listing.name).toBe(messages(language).extensionName.message);
  });

  it('explains exactly the permissions the manifest asks for', () => {
    expect(Object.keys(listing.permissions).sort()).toEqual(permissionsToExplain(...built).sort());
  });

  it('has the same fields and screenshots as the English one', () => {
    const english = readListing('en');
    expect(listing.screenshots.map((shot) => shot.file)).toEqual(english.screenshots.map((shot) => shot.file));
    expect(listing.description).toHaveLength(english.description.length);
  });

  it('reads as one text with every section', () => {
    const text = listingText(listing);
    for (const part of [listing.summary, listing.singlePurpose, listing.reviewerNotes, ...listing.description]) expect(text).toContain(part);
  });
});
