// "Share this extension": the install link of a campaign build and its QR code, big enough to be
// scanned from a phone held up at a market stall. The project's own build has no install page yet, so
// it shows no share button. The QR library loads only when the panel opens.
declare const __CAMPAIGN_SHARE__: { url: string } | null | undefined;

export const SHARE_URL: string | null = typeof __CAMPAIGN_SHARE__ === 'undefined' || !__CAMPAIGN_SHARE__ ? null : __CAMPAIGN_SHARE__.url;

/** The QR code as an image (an SVG in a data: address): sharp at any size, and never parsed as HTML here. */
export async function showShareCode(image: HTMLImageElement, url: string): Promise<void> {
  // qrcode is CommonJS: in a split chunk esbuild gives it as the default export only.
  const loaded = await import('qrcode');
  const { toString } = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
  const svg = await toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
