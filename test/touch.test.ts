// Nothing only a mouse can reach: on a phone there is no hover. Every stylesheet the extension ships
// (its pages', the map's with Leaflet's, the card's, the list marks') may use :hover only to recolour or underline
// what is already there, never to show, move or unfold something; and every place the scripts react
// to a pointer entering also reacts to focus (a tap on a link focuses it).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const STYLESHEETS = ['src/popup/popup.css', 'src/map/map.css', 'node_modules/leaflet/dist/leaflet.css'];
/** The card's and the list marks' stylesheets are strings in their modules. */
const moduleCss = (file: string) => () => /const STYLE = `([^`]*)`/.exec(readFileSync(file, 'utf8'))![1]!;

/** Each rule whose selector names :hover, with its declarations' property names. */
function hoverRules(css: string): Array<{ selector: string; properties: string[] }> {
  const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)];
  return rules
    .filter(([, selector]) => selector!.includes(':hover'))
    .map(([, selector, body]) => ({ selector: selector!.trim(), properties: body!.split(';').map((d) => d.split(':')[0]!.trim()).filter(Boolean) }));
}

const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

describe('nothing is for a mouse only', () => {
  it.each([...STYLESHEETS.map((file) => [file, () => readFileSync(file, 'utf8')] as const), ['the card', moduleCss('src/content/card.ts')] as const, ['the list marks', moduleCss('src/content/list-marks.ts')] as const])('%s: :hover only recolours or underlines', (_file, css) => {
    const changes = hoverRules(css()).flatMap((rule) => rule.properties.filter((property) => !/^(?:color|background(?:-color)?|text-decoration|border-color|outline|cursor)$/.test(property)).map((property) => `${rule.selector} { ${property} }`));
    expect(changes).toEqual([]);
  });

  it('finds a rule that shows something on hover (the check works)', () => {
    expect(hoverRules('.menu:hover .items { display: block; color: red }')).toEqual([{ selector: '.menu:hover .items', properties: ['display', 'color'] }]);
  });

  it('reacts to focus wherever it reacts to a pointer entering', () => {
    for (const file of files('src').filter((name) => name.endsWith('.ts'))) {
      const code = readFileSync(file, 'utf8');
      if (/['"](?:mouseenter|mouseover|pointerenter)['"]/.test(code)) expect(code, file).toMatch(/['"](?:focusin|focus)['"]/);
    }
  });
});
