// Map tiles for the tests and the offline demo: a plain paper-coloured square with a few "streets",
// drawn here and rendered to PNG once. Enough to see that the map loads; it shows no real place.
import { Resvg } from '@resvg/resvg-js';

let png: Uint8Array | null = null;

export function standInTile(): Uint8Array {
  png ??= new Resvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
      <rect width="256" height="256" fill="#efe9dc"/>
      <path d="M0 90 H256 M0 200 H256 M70 0 V256 M180 0 V256" stroke="#ffffff" stroke-width="10"/>
      <path d="M0 256 L256 0" stroke="#f6d58e" stroke-width="7"/>
      <rect x="95" y="110" width="60" height="60" fill="#cfe3c3"/>
    </svg>`,
  )
    .render()
    .asPng();
  return png;
}
