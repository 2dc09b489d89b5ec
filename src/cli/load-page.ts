// Node side of detection: turns a saved page's bytes into a Document as a browser would see it.
import { JSDOM, VirtualConsole } from 'jsdom';

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv), as browsers prescan it. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Parses a saved page as served at `url`. Scripts do not run. Without a declared charset the page is
 * read as UTF-8, which is what Amazon serves (jsdom alone would fall back to windows-1252).
 */
export function loadPage(bytes: Uint8Array, url: string, charset?: string): Document {
  const encoding = charset ?? declaredCharset(bytes) ?? 'utf-8';
  const html = new TextDecoder(encoding).decode(bytes);
  // A silent console: Amazon's stylesheets are not ours to report on.
  return new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() }).window.document;
}
