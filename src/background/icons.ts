// The toolbar icons, decoded once per worker. Given a path, setIcon makes the browser fetch and decode
// the PNGs on every call: 17 ms in Chromium, a third of the time from BookSeen to the badge. Given
// the decoded pixels it takes 2 ms. Until they are decoded (or if decoding fails), paths are used.
import type { Action } from '../shared/browser';

export const ICON_PATHS = {
  /** On a tab with a book the toolbar icon takes its colours; the browser puts the grey one back when the tab navigates. */
  book: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  idle: { 16: 'icons/toolbar-idle-16.png', 32: 'icons/toolbar-idle-32.png' },
};
export type IconName = keyof typeof ICON_PATHS;
// The API's type asks for an index signature that a real ImageData does not declare.
type Pixels = Action.ImageDataType;
export type IconDetails = { path: Record<number, string> } | { imageData: Record<string, Pixels> };

async function decode(url: string): Promise<Pixels> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height) as Pixels;
}

/** Starts decoding now; returns what to give setIcon for each icon. */
export function createIcons(urlOf: (path: string) => string): (name: IconName) => IconDetails {
  const decoded: Partial<Record<IconName, Record<string, Pixels>>> = {};
  for (const name of Object.keys(ICON_PATHS) as IconName[]) {
    const sizes = Object.entries(ICON_PATHS[name]);
    Promise.all(sizes.map(([, path]) => decode(urlOf(path))))
      .then((images) => (decoded[name] = Object.fromEntries(sizes.map(([size], i) => [size, images[i]!]))))
      .catch(() => {});
  }
  return (name) => {
    const imageData = decoded[name];
    return imageData ? { imageData } : { path: ICON_PATHS[name] };
  };
}
