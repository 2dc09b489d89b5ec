// A campaign file (campaigns/NAME.json): what a region, a town or a booksellers' association changes in
// its own build. Checked by one zod schema; each problem is reported as "field: what is wrong", so a
// volunteer can fix every problem from one run.
import * as z from 'zod';
import { SOURCE_DEFAULTS } from '../shared/settings';

export const CAMPAIGN_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;

/**
 * An https address on one real host name: no wildcard (a directory at `https://*.co/dir/` became the
 * host permission `https://*.co/*`), no user or port tricks, letters, digits, dots and dashes only.
 */
const isOneHost = (value: string) => {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return !url.username && !url.password && /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(url.hostname) && !/\*/.test(value);
};
const httpsUrl = () =>
  z
    .string({ error: 'is missing' })
    .refine((value) => /^https:\/\/[^\s/]+\.[^\s]+$/.test(value), { message: 'must be an https:// address' })
    .refine((value) => !/^https:\/\//.test(value) || isOneHost(value), { message: 'must name one host, with no wildcard' });

/** A text per language; English or French at least (the install page speaks both). */
const perLanguage = (max: number) =>
  z
    .partialRecord(z.enum(CAMPAIGN_LANGUAGES), z.string().trim().min(1, 'is empty').max(max, `is longer than ${max} characters`), {
      error: 'must be texts per language, like {"fr": "…", "en": "…"}',
    })
    .refine((texts) => Boolean(texts.en || texts.fr), { message: 'needs at least "en" or "fr"' });

export const Campaign = z.object({
  name: perLanguage(45),
  shortName: perLanguage(12).optional(),
  description: perLanguage(132),
  accentColor: z.string({ error: 'is missing' }).regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1f6f50"'),
  logo: z.string({ error: 'is missing' }).regex(/\.(svg|png)$/i, 'must be an .svg or .png file'),
  /**
   * The area the campaign serves: its name (said to the shopper, never as their place), its country (the
   * place form starts there) and its bounds. Each shopper gives their own town on first run; a region's
   * centre is nobody's place ("near you" from Occitanie's centre put Toulouse 60 km away).
   */
  area: z.object(
    {
      name: perLanguage(40),
      country: z.string({ error: 'is missing' }).regex(/^[a-z]{2}$/, 'must be a two-letter code like "fr"'),
      bounds: z
        .object({
          south: z.number({ error: 'must be a number' }).min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
          west: z.number({ error: 'must be a number' }).min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
          north: z.number({ error: 'must be a number' }).min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
          east: z.number({ error: 'must be a number' }).min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
        })
        .refine((b) => b.south < b.north && b.west < b.east, { message: 'must have south below north and west of east' }),
    },
    { error: 'is missing: the name, country and bounds of the area the campaign serves' },
  ),
  /** The radius around each shopper's own town that the build starts with. */
  radiusKm: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 to 100').max(100, 'must be 1 to 100'),
  sources: z
    .array(z.enum(Object.keys(SOURCE_DEFAULTS) as [string, ...string[]], { error: `may only be one of: ${Object.keys(SOURCE_DEFAULTS).join(', ')}` }))
    .min(1, 'must list at least one source'),
  /**
   * The public libraries that can lend the book, beside the bookshops: off in a campaign's build unless
   * the campaign turns it on (a bookshop campaign may not want them); the shopper can turn it on.
   */
  libraries: z.boolean({ error: 'must be true or false' }).default(false),
  favourites: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z-]+:[\w/.-]+$/, 'must be a network id like "placedeslibraires:1234"'),
        name: z.string().trim().min(1).max(200),
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
      }),
    )
    .max(50)
    .default([]),
  /** The campaign's own bookshop directory (`npm run directory`, published on its site); absent: the project's. */
  directory: httpsUrl().optional(),
  /** The store pages, listed or unlisted (an unlisted item is a store page only its link finds). */
  stores: z.object({ chrome: httpsUrl().optional(), firefox: httpsUrl().optional() }).default({}),
  /**
   * The campaign's own signed Firefox file (`npm run campaign -- FILE --sign`), where it and its
   * updates.json will be served: the install page links the file, the build's update_url the list.
   */
  firefoxFile: z
    .object({
      url: httpsUrl().refine((value) => /\.xpi$/.test(value), { message: 'must be the address of the .xpi file' }),
      updates: httpsUrl().refine((value) => /\.json$/.test(value), { message: 'must be the address of updates.json' }),
    })
    .optional(),
  /** The campaign's Firefox add-on id (AMO signs one id for one account); absent: local-bookshops-NAME@campaign. */
  firefoxId: z
    .string()
    .regex(/^[\w.-]+@[\w.-]+$/, 'must look like an e-mail address, like "bookshops@occitanie.example.org"')
    .optional(),
  website: httpsUrl(),
});
export type Campaign = z.infer<typeof Campaign>;

/** Every problem of a campaign file, one line each, the field first. */
export function campaignProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/g, '[');
    return `${field || 'the file'}: ${issue.message}`;
  });
}
