// Firefox lets a shopper take back a host permission. Before asking one of the extension's own hosts,
// the worker checks that the browser still allows it, so the popup can say "needs your permission" and
// offer to ask for it, instead of "could not be reached".
import { hostPattern } from '../shared/host-pattern';

/**
 * `manifestHosts`: the manifest's host_permissions and optional_host_permissions. An address outside
 * them (a campaign's own server) is not gated here. Answers the pattern to ask for, or null.
 */
export function createHostCheck(manifestHosts: readonly string[], contains: (permissions: { origins: string[] }) => Promise<boolean>) {
  const ours = new Set(manifestHosts);
  return async function missingPermission(url: string): Promise<string | null> {
    let pattern: string;
    try {
      pattern = hostPattern(url);
    } catch {
      return null;
    }
    if (!ours.has(pattern)) return null;
    return (await contains({ origins: [pattern] })) ? null : pattern;
  };
}
