// Keeps the identification rule (networks/identification.ts) in the browser, for the OpenStreetMap
// services the current settings name. A session rule: set again by each new worker before its first
// request to those services, and gone with the browser session.
import { IDENTIFICATION_RULE_ID, identificationRule, identifiedHosts, type IdentificationRule } from '../networks/identification';
import type { Identity } from '../shared/identity';
import type { Settings } from '../shared/settings';

export interface SessionRules {
  updateSessionRules(options: { removeRuleIds: number[]; addRules: IdentificationRule[] }): Promise<void>;
}

export function createIdentification(rules: SessionRules, extensionHost: string, identity: Identity, version: string) {
  let current: { key: string; done: Promise<void> } | null = null;
  /**
   * Resolves once the rule for these settings is in place (at once when it already is). Never rejects:
   * a browser that refuses the rule still gets the request, and the service's refusal is shown as such.
   */
  return function identify(settings: Pick<Settings, 'sources' | 'geocoders'>): Promise<void> {
    const hosts = identifiedHosts(settings);
    const key = hosts.join(' ');
    if (current?.key === key) return current.done;
    const addRules = hosts.length ? [identificationRule(hosts, extensionHost, identity, version)] : [];
    const done = rules.updateSessionRules({ removeRuleIds: [IDENTIFICATION_RULE_ID], addRules }).catch((error: unknown) => {
      console.warn('the identification rule was refused', error);
      if (current?.done === done) current = null;
    });
    current = { key, done };
    return done;
  };
}
