import type { Metafile } from 'esbuild';

export function packageOf(input: string): string | null;
export function shippedPackages(
  metafiles: Metafile[],
  outdir: string,
  describePackage?: (name: string) => { version: string; license: string },
): Array<{ name: string; version: string; license: string; files: string[] }>;
