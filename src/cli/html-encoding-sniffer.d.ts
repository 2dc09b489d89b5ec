// Types for html-encoding-sniffer 6 (jsdom's own sniffer, which ships none): one function, the WHATWG
// encoding sniffing algorithm, answering an encoding name such as "UTF-8" or "windows-1252".
declare module 'html-encoding-sniffer' {
  export default function sniffHTMLEncoding(bytes: Uint8Array, options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string }): string;
}
