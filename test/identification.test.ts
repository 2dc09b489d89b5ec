// The extension names itself to OpenStreetMap's services as their policies ask: one declarativeNetRequest
// rule on its own requests to those hosts (a User-Agent and a Referer naming the project), kept in place
// for the current settings before any request leaves; the stand-ins refuse what the services refuse.
import { describe, expect, it } from 'vitest';
import { createIdentification } from '../src/background/identification';
import { identificationRule, identifiedHosts, type IdentificationRule } from '../src/networks/identification';
import { GEOCODERS_DEFAULT, parseSettings, SOURCE_DEFAULTS } from '../src/shared/settings';
import { standInAnswer, unidentifiedRefusal } from '../stand-ins/answer';

const identity = { page: 'https://librairies-independantes.fr/extension/', contact: 'extension@librairies-independantes.fr' };

describe('the identification rule', () => {
  it('names Overpass’s and Nominatim’s hosts as the settings give them, https only', () => {
    expect(identifiedHosts(parseSettings({}))).toEqual(['nominatim.openstreetmap.org', 'overpass-api.de']);
    const campaign = {
      sources: { ...SOURCE_DEFAULTS, openstreetmap: { ...SOURCE_DEFAULTS.openstreetmap, baseUrl: 'https://overpass.kumi.systems/api/' } },
      geocoders: { ...GEOCODERS_DEFAULT, nominatim: 'http://127.0.0.1:8080/' },
    };
    expect(identifiedHosts(campaign)).toEqual(['overpass.kumi.systems']);
  });

  it('sets a User-Agent and a Referer naming the project, on the extension’s own requests to those hosts only', () => {
    expect(identificationRule(['nominatim.openstreetmap.org', 'overpass-api.de'], 'abcdefghijklmnopabcdefghijklmnop', identity, '1.2.0')).toEqual({
      id: 1,
      priority: 1,
      action: {
        type: 'modifyHeaders',
        requestHeaders: [
          { header: 'user-agent', operation: 'set', value: 'local-bookshops-extension/1.2.0 (+https://librairies-independantes.fr/extension/; extension@librairies-independantes.fr)' },
          { header: 'referer', operation: 'set', value: 'https://librairies-independantes.fr/extension/' },
        ],
      },
      condition: { requestDomains: ['nominatim.openstreetmap.org', 'overpass-api.de'], initiatorDomains: ['abcdefghijklmnopabcdefghijklmnop'] },
    });
  });

  it('is put in place once per set of hosts, replaced when the settings name others, and a refusal does not stop requests', async () => {
    const updates: Array<{ removeRuleIds: number[]; addRules: IdentificationRule[] }> = [];
    let refuse = false;
    const identify = createIdentification(
      {
        updateSessionRules: async (options) => {
          updates.push(options);
          if (refuse) throw new Error('Rule with id 1 has an invalid requestDomains');
        },
      },
      'uuid-of-this-install',
      identity,
      '1.2.0',
    );
    const settings = parseSettings({});
    await identify(settings);
    await identify(parseSettings({ radiusKm: 12 }));
    expect(updates.map((update) => update.addRules.map((rule) => rule.condition.requestDomains))).toEqual([[['nominatim.openstreetmap.org', 'overpass-api.de']]]);
    expect(updates[0]!.removeRuleIds).toEqual([1]);
    const elsewhere = { ...settings, sources: { ...settings.sources, openstreetmap: { ...settings.sources.openstreetmap, baseUrl: 'https://overpass.kumi.systems/api/' } } };
    await identify(elsewhere);
    expect(updates.at(-1)!.addRules[0]!.condition).toEqual({ requestDomains: ['nominatim.openstreetmap.org', 'overpass.kumi.systems'], initiatorDomains: ['uuid-of-this-install'] });
    // A browser that refuses the rule: the request still goes (the service's refusal is shown), and the rule is asked again next time.
    refuse = true;
    await expect(identify(settings)).resolves.toBeUndefined();
    await identify(settings);
    expect(updates).toHaveLength(4);
  });
});

describe('OpenStreetMap’s services, as the stand-ins answer them', () => {
  const overpass = 'https://overpass-api.de/api/interpreter?data=%5Bout%3Ajson%5D%3Bnode(around%3A1000%2C43.6%2C1.44)%5Bshop%3Dbooks%5D%3Bout%3B';
  const nominatim = 'https://nominatim.openstreetmap.org/search?q=Berlin&countrycodes=de&format=jsonv2&limit=1';
  const browserAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

  it('refuse a browser’s request without a Referer, and a library’s stock User-Agent: Overpass with 406, Nominatim with 403', () => {
    expect(unidentifiedRefusal(overpass, { 'user-agent': browserAgent })?.status).toBe(406);
    expect(unidentifiedRefusal(overpass, {})?.status).toBe(406);
    expect(unidentifiedRefusal(overpass, { 'user-agent': 'node' })?.status).toBe(406);
    expect(unidentifiedRefusal(nominatim, { 'user-agent': 'python-requests/2.32.3' })).toMatchObject({ status: 403, body: 'Access denied. See https://operations.osmfoundation.org/policies/nominatim/' });
  });

  it('answer a request that names its application, by Referer or by User-Agent; other hosts never ask', () => {
    expect(unidentifiedRefusal(overpass, { 'user-agent': browserAgent, referer: 'https://librairies-independantes.fr/extension/' })).toBeNull();
    expect(unidentifiedRefusal(nominatim, { 'user-agent': 'local-bookshops-extension/1.2.0 (+https://librairies-independantes.fr/extension/; extension@librairies-independantes.fr)' })).toBeNull();
    expect(unidentifiedRefusal('https://data.geopf.fr/geocodage/search?q=31000', { 'user-agent': browserAgent })).toBeNull();
    expect(unidentifiedRefusal('https://www.placedeslibraires.fr/getshoplist.php?ISBN=9782070360024', {})).toBeNull();
    expect(standInAnswer(overpass)?.status).toBe(200);
  });
});
