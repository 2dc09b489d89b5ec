// "Share this extension": the install link of a campaign build and its QR code, big enough to be
// scanned from a phone held up at a market stall. The project's own build has no install page yet, so
// it shows no share button. The QR library loads only when the panel opens.
declare const __CAMPAIGN_SHARE__: { url: string } | null | undefined;

export const SHARE_URL: string | null = typeof __CAMPAIGN_SHARE__ === 'undefined' || !__CAMPAIGN_SHARE__ ? null : __CAMPAIGN_SHARE__.url;

export async function drawShareCode(canvas: HTMLCanvasElement, url: string): Promise<void> {
  const { toCanvas } = await import('qrcode');
  await toCanvas(canvas, url, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
}
