// How the extension identifies itself to the services run for OpenStreetMap, as their policies ask:
// Overpass (since April 2026 it answers 406 to a browser's request without a Referer and to a script's
// without an identifying User-Agent: drolbr/Overpass-API#791, its operators' rules there), Nominatim
// ("a valid HTTP Referer or User-Agent identifying the application; stock User-Agents as set by http
// libraries will not do": operations.osmfoundation.org/policies/nominatim). A worker's fetch cannot set
// either header in Chrome (both are the browser's), so one declarativeNetRequest rule sets them on the
// extension's own requests to those hosts only: the shopper's pages and every other site are untouched.
import { userAgentOf, type Identity } from '../shared/identity';
import type { Settings } from '../shared/settings';

/** The session rule's id: the extension has this one rule. */
export const IDENTIFICATION_RULE_ID = 1;

/** A declarativeNetRequest rule, as much of it as this one uses. */
export interface IdentificationRule {
  id: number;
  priority: number;
  action: { type: 'modifyHeaders'; requestHeaders: Array<{ header: string; operation: 'set'; value: string }> };
  condition: { requestDomains: string[]; initiatorDomains: string[] };
}

const hostOf = (address: string): string | null => {
  try {
    const url = new URL(address);
    // https only: a local stand-in (http, this machine) is nobody's service to identify to.
    return url.protocol === 'https:' ? url.hostname : null;
  } catch {
    return null;
  }
};

/** The hosts of the OpenStreetMap services the settings name (Overpass's and Nominatim's addresses, a campaign's own included). */
export function identifiedHosts(settings: Pick<Settings, 'sources' | 'geocoders'>): string[] {
  const hosts = [settings.sources.openstreetmap.baseUrl, settings.geocoders.nominatim].map(hostOf).filter((host): host is string => host !== null);
  return [...new Set(hosts)].sort();
}

/**
 * The rule: on requests to `hosts` that the extension itself makes (its worker and pages: the initiator
 * is the extension's own origin, `extensionHost`: Chrome's id, Firefox's per-install UUID), a User-Agent
 * naming the extension, its version, page and contact, and a Referer naming its page. The browser's own
 * User-Agent (its name and version) is not sent to these services at all.
 */
export function identificationRule(hosts: string[], extensionHost: string, identity: Identity, version: string): IdentificationRule {
  return {
    id: IDENTIFICATION_RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [
        { header: 'user-agent', operation: 'set', value: userAgentOf('extension', version, identity) },
        { header: 'referer', operation: 'set', value: identity.page },
      ],
    },
    condition: { requestDomains: hosts, initiatorDomains: [extensionHost] },
  };
}
