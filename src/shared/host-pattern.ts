// The host permission a request to an address needs, as the manifest and the permissions API write it.

/** e.g. https://overpass-api.de/api/interpreter → https://overpass-api.de/* (throws on an address that is not a URL). */
export const hostPattern = (url: string) => `${new URL(url).origin}/*`;

/** This very machine (localhost, 127.0.0.1, [::1]): nothing sent there leaves it. False for what is not a URL. */
export function isThisMachine(url: string): boolean {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}
