// What in a shopper's build points at a placeholder (an example or test domain, or one the project
// never held): `npm run release` and `npm run campaign -- --sign` refuse to package while there is any,
// naming each; their dry runs name them and go on.
import { strFromU8 } from 'fflate';
import type { Campaign } from '../campaign/schema';
import { isPlaceholderHost } from './identity';

/**
 * A library's base for parsing relative addresses (protomaps-leaflet writes `new URL(url, "http://example.com")`):
 * never asked, so not an address the build points at.
 */
const URL_PARSING_BASE = /,\s*["'`]https?:\/\/example\.com\/?["'`]\s*\)/g;

/** Every web or e-mail address in a text whose host is a placeholder, each once, in order. */
export function placeholderAddresses(text: string): string[] {
  const found = new Set<string>();
  const scanned = text.replace(URL_PARSING_BASE, ')');
  for (const [address, host] of scanned.matchAll(/https?:\/\/([a-z0-9.-]+)[^\s"'`<>)]*/gi)) if (isPlaceholderHost(host!)) found.add(address);
  for (const [address, host] of scanned.matchAll(/[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)) if (isPlaceholderHost(host!)) found.add(address);
  return [...found];
}

/**
 * Each placeholder a package's own files name ("file: address"): its code, pages, manifest and messages.
 * The bookshop directory's cells are OpenStreetMap's data, not addresses the build chose.
 */
export function packagePlaceholders(files: Record<string, Uint8Array>): string[] {
  return Object.keys(files)
    .filter((name) => /\.(?:js|json|html|css)$/.test(name) && !name.startsWith('directory/'))
    .sort()
    .flatMap((name) => placeholderAddresses(strFromU8(files[name]!)).map((address) => `${name}: ${address}`));
}

/** Each placeholder among the addresses a campaign file gives its shoppers and its build ("field: address"). */
export function campaignPlaceholders(campaign: Campaign): string[] {
  const fields: Array<[string, string | undefined]> = [
    ['website', campaign.website],
    ['directory', campaign.directory],
    ['stores.chrome', campaign.stores.chrome],
    ['stores.firefox', campaign.stores.firefox],
    ['firefoxFile.url', campaign.firefoxFile?.url],
    ['firefoxFile.updates', campaign.firefoxFile?.updates],
  ];
  return fields.flatMap(([field, value]) => (value ? placeholderAddresses(value).map((address) => `${field}: ${address}`) : []));
}
