// Before every request the worker checks the browser grants that host: the manifest's (Firefox lets a
// shopper take one back) or one the shopper allowed; only this machine's own addresses are not gated.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHostCheck } from '../src/background/host-permissions';
import { isThisMachine } from '../src/shared/host-pattern';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { host_permissions: string[]; optional_host_permissions: string[] };
const hosts = [...manifest.host_permissions, ...manifest.optional_host_permissions];

describe('the host permission check', () => {
  it('names the pattern to ask for when the browser no longer grants one of our hosts', async () => {
    const granted = new Set(hosts.filter((host) => host !== 'https://overpass-api.de/*'));
    const asked: string[][] = [];
    const missing = createHostCheck(async ({ origins }) => (asked.push(origins), origins.every((o) => granted.has(o))));
    expect(await missing('https://overpass-api.de/api/interpreter?data=x')).toBe('https://overpass-api.de/*');
    expect(await missing('https://www.placedeslibraires.fr/getshoplist.php?ISBN=9782070360024')).toBeNull();
    expect(await missing('https://data.geopf.fr/geocodage/search?q=31000')).toBeNull();
    expect(asked).toEqual([['https://overpass-api.de/*'], ['https://www.placedeslibraires.fr/*'], ['https://data.geopf.fr/*']]);
  });

  it('holds back a host the shopper never allowed (a settings file’s), leaves this machine alone, and never throws on a bad address', async () => {
    const granted = new Set(hosts);
    const missing = createHostCheck(async ({ origins }) => origins.every((o) => granted.has(o)));
    expect(await missing('https://books.example.org/getshoplist.php?ISBN=9782070360024')).toBe('https://books.example.org/*');
    granted.add('https://books.example.org/*');
    expect(await missing('https://books.example.org/getshoplist.php?ISBN=9782070360024')).toBeNull();
    expect(await missing('http://127.0.0.1:8080/getshoplist.php')).toBeNull();
    expect(await missing('not a url')).toBeNull();
  });

  it('takes only this machine’s own names for this machine, and nothing that is not an address', () => {
    for (const url of ['http://localhost:3000/', 'http://127.0.0.1/getshoplist.php', 'http://[::1]:8080/']) expect(isThisMachine(url), url).toBe(true);
    for (const url of ['https://127.0.0.1.example.org/', 'http://localhost.example/', 'not a url', '']) expect(isThisMachine(url), url).toBe(false);
  });
});
