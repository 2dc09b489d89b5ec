// The project's public identity: its page and the address services and stores can write to. One
// release setting (the PROJECT_PAGE and PROJECT_CONTACT variables, beside the store credentials), used
// wherever the extension or its tools name themselves: the User-Agent of the directory builder and the
// live check, Nominatim's contact, the stores' listings. A development or demo build uses a clearly
// marked example (the reserved .example domain, RFC 2606); a release refuses it, and any placeholder.

import example from '../shared/identity.json';
import type { Identity } from '../shared/identity';

export { userAgentOf, type Identity } from '../shared/identity';

/** For development and demo builds only: a reserved domain that can never belong to anyone. */
export const EXAMPLE_IDENTITY: Identity = example;

/**
 * Hosts that belong to nobody who can answer: the reserved example and test names (RFC 2606, RFC 6761),
 * and the domain earlier versions named without holding it.
 */
export function isPlaceholderHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return /(^|\.)(example|invalid|test|localhost)$/.test(name) || /(^|\.)example\.(com|net|org)$/.test(name) || /(^|\.)bookshop-finder\.org$/.test(name);
}

/** The host of an address or of an e-mail address, or null when it is neither. */
function hostOf(value: string): string | null {
  const mail = /^[^\s@]+@([^\s@]+)$/.exec(value);
  if (mail) return mail[1]!;
  try {
    return new URL(value).hostname;
  } catch {
    return null;
  }
}

/** Whether an address or e-mail address points at a placeholder (or is not one at all). */
export const isPlaceholder = (value: string) => {
  const host = hostOf(value.trim());
  return host === null || isPlaceholderHost(host);
};

type Env = Record<string, string | undefined>;

/** The identity the environment sets, with what is wrong with it for a release (nothing: problems is empty). */
export function identityFrom(env: Env): { identity: Identity; problems: string[] } {
  const page = env.PROJECT_PAGE?.trim() ?? '';
  const contact = env.PROJECT_CONTACT?.trim() ?? '';
  const problems: string[] = [];
  if (!page) problems.push('PROJECT_PAGE is not set: the project page services and stores are told about');
  else if (!/^https:\/\//.test(page) || isPlaceholder(page)) problems.push(`PROJECT_PAGE is "${page}": it must be the https:// address of a page the project holds`);
  if (!contact) problems.push('PROJECT_CONTACT is not set: the address services and stores can write to');
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact) || isPlaceholder(contact)) problems.push(`PROJECT_CONTACT is "${contact}": it must be an e-mail address at a domain the project holds`);
  return { identity: problems.length ? { ...EXAMPLE_IDENTITY, ...(page ? { page } : {}), ...(contact ? { contact } : {}) } : { page, contact }, problems };
}
