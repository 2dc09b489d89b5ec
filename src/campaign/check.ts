// Reads and checks a campaign file: the schema, then the logo on disk. Returns every problem at once.
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Campaign, campaignProblems } from './schema';

export const MAX_LOGO_BYTES = 256 * 1024;

export interface CheckedCampaign {
  campaign: Campaign | null;
  logo: { type: 'svg' | 'png'; bytes: Uint8Array } | null;
  problems: string[];
}

export function checkCampaignFile(path: string): CheckedCampaign {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : `it is not valid JSON (${(error as Error).message})`;
    return { campaign: null, logo: null, problems: [`${path}: ${why}`] };
  }
  const parsed = Campaign.safeParse(json);
  const problems = parsed.success ? [] : campaignProblems(parsed.error);
  let logo: CheckedCampaign['logo'] = null;
  const logoPath = (json as { logo?: unknown })?.logo;
  const folder = resolve(dirname(path));
  if (typeof logoPath === 'string' && /\.(svg|png)$/i.test(logoPath)) {
    const file = resolve(folder, logoPath);
    // Only a file in the campaign's own folder: a shared campaign file must not ship any image on the builder's disk.
    if (isAbsolute(logoPath) || relative(folder, file).split(sep).includes('..')) problems.push(`logo: ${logoPath} must be a file in the campaign's folder`);
    else if (!existsSync(file) && !lstatSync(file, { throwIfNoEntry: false })) problems.push(`logo: ${logoPath} is not there (looked for ${file})`);
    // A link is followed by every read: one to a secret would print it on the flyers and ship it in the build.
    else if (lstatSync(file).isSymbolicLink()) problems.push(`logo: ${logoPath} is a symbolic link; give the image itself`);
    else if (statSync(file).size > MAX_LOGO_BYTES) problems.push(`logo: ${logoPath} is ${Math.round(statSync(file).size / 1024)} KB; at most ${MAX_LOGO_BYTES / 1024} KB`);
    else {
      const bytes = readFileSync(file);
      const type = /\.svg$/i.test(logoPath) ? 'svg' : 'png';
      const looksRight = type === 'png' ? bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) : /<svg[\s>]/.test(bytes.toString('utf8', 0, 4096));
      if (!looksRight) problems.push(`logo: ${logoPath} is not a ${type.toUpperCase()} image`);
      else logo = { type, bytes };
    }
  }
  return { campaign: parsed.success && problems.length === 0 ? parsed.data : null, logo, problems };
}
