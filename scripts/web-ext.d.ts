// The part of web-ext's programmatic API the release uses (web-ext ships no types): `cmd.sign`, which
// submits to AMO and downloads the signed file. Options as in web-ext's lib/cmd/sign.js.
declare module 'web-ext' {
  interface SignOptions {
    sourceDir: string;
    artifactsDir: string;
    amoBaseUrl: string;
    apiKey: string | undefined;
    apiSecret: string | undefined;
    channel: 'listed' | 'unlisted';
    amoMetadata?: string;
    uploadSourceCode?: string;
    approvalTimeout?: number;
  }
  const webExt: {
    cmd: { sign(options: SignOptions, extra?: { shouldExitProgram?: boolean }): Promise<{ success: boolean; id: string; downloadedFiles?: string[] }> };
  };
  export default webExt;
}
