// Before every request the worker checks that the browser grants the extension that host: one of the
// manifest's (Firefox lets a shopper take them back), or one the shopper allowed through the browser's
// own prompt (a campaign's server, set in the options or by an imported file). Otherwise nothing is
// sent, and the popup says "needs your permission" with a button that asks for it. A host that allows
// CORS would answer the worker without any permission: this check is what keeps a settings file from
// sending the shopper's ISBNs and places to a host the browser never named to them.
import { hostPattern, isThisMachine } from '../shared/host-pattern';

/**
 * Every origin is checked, except this machine's own (loopback: the stand-ins, local development),
 * where nothing leaves it. Answers the pattern to ask for, or null.
 */
export function createHostCheck(contains: (permissions: { origins: string[] }) => Promise<boolean>) {
  return async function missingPermission(url: string): Promise<string | null> {
    if (isThisMachine(url)) return null;
    let pattern: string;
    try {
      pattern = hostPattern(url);
    } catch {
      return null;
    }
    return (await contains({ origins: [pattern] }).catch(() => false)) ? null : pattern;
  };
}
