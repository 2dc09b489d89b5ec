// Keys a release is given (release settings, never committed): each source that needs one is off
// without it, and says so. Injected by the build (build.mjs); none outside a build.
declare const __CALIL_APP_KEY__: string | undefined;

/** Calil's app key (Japan's library catalogues), or '' when this build was given none. */
export const CALIL_APP_KEY: string = typeof __CALIL_APP_KEY__ === 'string' ? __CALIL_APP_KEY__ : '';
