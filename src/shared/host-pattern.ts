// The host permission a request to an address needs, as the manifest and the permissions API write it.

/** e.g. https://overpass-api.de/api/interpreter → https://overpass-api.de/* (throws on an address that is not a URL). */
export const hostPattern = (url: string) => `${new URL(url).origin}/*`;
