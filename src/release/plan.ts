// What `npm run release` needs from the environment and what it will do with it, as plain data, so
// the command's words ("missing: …", "would sign …") are tested without a store account.
//
// The variables are the names the tools themselves read: web-ext reads WEB_EXT_API_KEY and
// WEB_EXT_API_SECRET (AMO's "JWT issuer" and "JWT secret"); chrome-webstore-upload takes the Chrome
// Web Store item, the publisher's id and a Google OAuth client with its refresh token.

export const STORES = ['firefox', 'chrome'] as const;
export type Store = (typeof STORES)[number];

/** AMO's two channels: listed (the store, reviewed) or unlisted (a signed file the project hosts). */
export type FirefoxChannel = 'listed' | 'unlisted';

export const STORE_VARIABLES: Record<Store, readonly string[]> = {
  firefox: ['WEB_EXT_API_KEY', 'WEB_EXT_API_SECRET'],
  chrome: ['CWS_EXTENSION_ID', 'CWS_PUBLISHER_ID', 'CWS_CLIENT_ID', 'CWS_CLIENT_SECRET', 'CWS_REFRESH_TOKEN'],
};

export interface ReleasePlan {
  version: string;
  tag: string;
  stores: readonly Store[];
  firefox: { channel: FirefoxChannel; updatesUrl: string | null; xpiUrl: string | null };
  /** Variables a publishing run needs and the environment lacks, in the order above. */
  missing: string[];
  /** Settings that are present but wrong (a channel that is neither, an updates address that is not https). */
  problems: string[];
}

type Env = Record<string, string | undefined>;

/** The variables these stores need that the environment lacks (absent or blank), in the order above. */
export function missingVariables(env: Env, stores: readonly Store[]): string[] {
  return stores.flatMap((store) => STORE_VARIABLES[store].filter((name) => !env[name]?.trim()));
}

/** The signed file sits beside updates.json: https://example.org/firefox/updates.json → …/firefox/NAME. */
export function besideUpdates(updatesUrl: string, fileName: string): string {
  return new URL(fileName, updatesUrl).href;
}

export function releasePlan(env: Env, { version, stores = STORES, xpiName }: { version: string; stores?: readonly Store[]; xpiName: string }): ReleasePlan {
  const problems: string[] = [];
  const missing = missingVariables(env, stores);
  const channelSetting = env.FIREFOX_CHANNEL?.trim() || 'listed';
  const channel: FirefoxChannel = channelSetting === 'unlisted' ? 'unlisted' : 'listed';
  if (channelSetting !== 'listed' && channelSetting !== 'unlisted') problems.push(`FIREFOX_CHANNEL is "${channelSetting}": it must be "listed" or "unlisted"`);
  let updatesUrl: string | null = null;
  if (stores.includes('firefox') && channel === 'unlisted') {
    const given = env.FIREFOX_UPDATES_URL?.trim();
    if (!given) missing.push('FIREFOX_UPDATES_URL');
    else if (!/^https:\/\/[^/\s]+\/\S*\.json$/.test(given)) problems.push(`FIREFOX_UPDATES_URL is "${given}": it must be the https:// address of a .json file`);
    else updatesUrl = given;
  }
  return {
    version,
    tag: `v${version}`,
    stores,
    firefox: { channel, updatesUrl, xpiUrl: updatesUrl && besideUpdates(updatesUrl, xpiName) },
    missing,
    problems,
  };
}

/**
 * updates.json for a self-hosted add-on (Firefox reads it at the manifest's update_url): this version,
 * where its signed file is, and the file's SHA-256 so Firefox installs only those bytes.
 */
export function updatesManifest(addonId: string, version: string, xpiUrl: string, sha256Hex: string) {
  return { addons: { [addonId]: { updates: [{ version, update_link: xpiUrl, update_hash: `sha256:${sha256Hex}` }] } } };
}

/** The plan in the words the release prints: one line per step, what it would send and where. */
export function planLines(plan: ReleasePlan, files: { chromeZip: string; firefoxZip: string; sourceZip: string; xpiName: string }): string[] {
  const lines: string[] = [];
  if (plan.stores.includes('firefox')) {
    if (plan.firefox.channel === 'listed') {
      lines.push(`Firefox: sign ${files.firefoxZip}'s folder on addons.mozilla.org, listed channel (the store): AMO reviews it, then lists and signs it; the source archive ${files.sourceZip} goes with it.`);
      lines.push('Firefox signed file: AMO signs the listed version after review and serves it from the add-on\'s page, which updates it; for a file the project hosts itself, FIREFOX_CHANNEL=unlisted and FIREFOX_UPDATES_URL (a campaign: npm run campaign -- FILE --sign).');
    } else {
      lines.push(`Firefox: sign the self-hosted build (update_url ${plan.firefox.updatesUrl ?? 'FIREFOX_UPDATES_URL'}) on addons.mozilla.org, unlisted channel; the source archive ${files.sourceZip} goes with it.`);
      lines.push(`Firefox signed file: ${files.xpiName}, to publish at ${plan.firefox.xpiUrl ?? '(beside FIREFOX_UPDATES_URL)'}; updates.json beside it names version ${plan.version} and the file's SHA-256, so installed copies update.`);
    }
  }
  if (plan.stores.includes('chrome')) {
    lines.push(`Chrome: upload ${files.chromeZip} to the Chrome Web Store item CWS_EXTENSION_ID and publish it (Google reviews it before shoppers get it).`);
  }
  lines.push(`Git: tag ${plan.tag} on this commit, with CHANGELOG.md's ${plan.version} section as its message.`);
  return lines;
}
