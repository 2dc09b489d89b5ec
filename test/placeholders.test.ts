// What the release and a signed campaign build refuse: any address at a placeholder host in what a
// shopper's build uses, named with the file or field it is in.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkCampaignFile } from '../src/campaign/check';
import { campaignPlaceholders, packagePlaceholders, placeholderAddresses } from '../src/release/placeholders';

describe('placeholders in a build', () => {
  it('finds web and e-mail addresses at example, test and never-held hosts, and nothing else', () => {
    const text = 'fetch("https://bookshop-finder.org/directory/x.json");a="nominatim@bookshop-finder.org";b="https://local-bookshops.example/";c="https://data.geopf.fr/geocodage/";d="me@occitanie-livre.fr";e="https://tiles.example.org/{z}"';
    expect(placeholderAddresses(text)).toEqual(['https://bookshop-finder.org/directory/x.json', 'https://local-bookshops.example/', 'https://tiles.example.org/{z}', 'nominatim@bookshop-finder.org']);
    // A library's base for parsing relative addresses is never asked.
    expect(placeholderAddresses('new URL(a.url,"http://example.com").pathname')).toEqual([]);
    expect(placeholderAddresses('fetch("http://example.com/tiles")')).toEqual(['http://example.com/tiles']);
  });

  it('names the package file each is in, and leaves the directory’s OpenStreetMap data alone', () => {
    const files = {
      'background.js': strToU8('x="contact@local-bookshops.example"'),
      'manifest.json': strToU8('{"homepage_url":"https://shop.test/"}'),
      'directory/cells/1.json': strToU8('{"website":"https://example.org/"}'),
      'icons/icon-16.png': strToU8('https://example.org/'),
    };
    expect(packagePlaceholders(files)).toEqual(['background.js: contact@local-bookshops.example', 'manifest.json: https://shop.test/']);
  });

  it('names each field of the example campaign that points at a placeholder', () => {
    const { campaign } = checkCampaignFile('campaigns/occitanie.json');
    expect(campaignPlaceholders(campaign!)).toEqual([
      'website: https://local-bookshops.example/occitanie/',
      'firefoxFile.url: https://local-bookshops.example/occitanie/firefox/librairies-occitanie.xpi',
      'firefoxFile.updates: https://local-bookshops.example/occitanie/firefox/updates.json',
    ]);
    expect(campaignPlaceholders({ ...campaign!, website: 'https://librairies-occitanie.fr/', firefoxFile: undefined })).toEqual([]);
  });
});
