// Before asking one of the extension's own hosts, the worker checks the browser still lets it (Firefox
// lets a shopper take a host permission back); an address outside the manifest is not gated here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHostCheck } from '../src/background/host-permissions';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { host_permissions: string[]; optional_host_permissions: string[] };
const hosts = [...manifest.host_permissions, ...manifest.optional_host_permissions];

describe('the host permission check', () => {
  it('names the pattern to ask for when the browser no longer grants one of our hosts', async () => {
    const granted = new Set(hosts.filter((host) => host !== 'https://overpass-api.de/*'));
    const asked: string[][] = [];
    const missing = createHostCheck(hosts, async ({ origins }) => (asked.push(origins), origins.every((o) => granted.has(o))));
    expect(await missing('https://overpass-api.de/api/interpreter?data=x')).toBe('https://overpass-api.de/*');
    expect(await missing('https://www.placedeslibraires.fr/getshoplist.php?ISBN=9782070360024')).toBeNull();
    expect(await missing('https://data.geopf.fr/geocodage/search?q=31000')).toBeNull();
    expect(asked).toEqual([['https://overpass-api.de/*'], ['https://www.placedeslibraires.fr/*'], ['https://data.geopf.fr/*']]);
  });

  it('leaves an address outside the manifest to the browser, and never throws on a bad one', async () => {
    const missing = createHostCheck(hosts, async () => false);
    expect(await missing('http://127.0.0.1:8080/getshoplist.php')).toBeNull();
    expect(await missing('not a url')).toBeNull();
  });
});
