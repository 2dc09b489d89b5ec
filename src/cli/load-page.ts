// Node side of detection: turns a saved page's bytes into a Document as a browser would see it.
import sniffHTMLEncoding from 'html-encoding-sniffer';
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * The page's encoding as a browser finds it (a byte-order mark, else the `<meta charset>` prescan), by
 * the WHATWG sniffing algorithm as jsdom's own sniffer implements it; UTF-8, what Amazon serves, where
 * nothing is declared (jsdom alone would fall back to windows-1252).
 */
export function sniffedCharset(bytes: Uint8Array): string {
  return sniffHTMLEncoding(bytes, { defaultEncoding: 'UTF-8' });
}

/** Parses a saved page as served at `url`, in its sniffed encoding (or the one given). Scripts do not run. */
export function loadPage(bytes: Uint8Array, url: string, charset?: string): Document {
  const encoding = charset ?? sniffedCharset(bytes);
  const html = new TextDecoder(encoding).decode(bytes);
  // A silent console: Amazon's stylesheets are not ours to report on.
  return new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() }).window.document;
}
