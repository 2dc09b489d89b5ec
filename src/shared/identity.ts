// The project's public identity as the build carries it: its page and the address services can write
// to. identity.json holds the marked example (a reserved domain, RFC 2606) that development and demo
// builds, the tools and the tests use; a release build puts the release setting (PROJECT_PAGE,
// PROJECT_CONTACT, checked by src/release/identity.ts) in its place, so only one is ever in a package.
import identity from './identity.json';

export interface Identity {
  /** The project's page (https): where a service's operator reads who is asking and why. */
  page: string;
  /** An e-mail address the operators can write to. */
  contact: string;
}

/** The identity this build names itself with. */
export const PROJECT_IDENTITY: Identity = identity;

/** The User-Agent a part of the project sends (Overpass's and Nominatim's policies ask it to name the application). */
export function userAgentOf(part: string, version: string, identity: Identity): string {
  return `local-bookshops-${part}/${version} (+${identity.page}; ${identity.contact})`;
}
