// The one way our pages make elements: attributes and text, never HTML.

/** One of the page's own elements, by id (the page's HTML has it). */
export const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A link opened outside the extension page, without telling the target where it came from. */
export function externalLink(href: string, text: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  return element('a', { href, target: '_blank', rel: 'noopener noreferrer', ...attributes }, text);
}

export type Translate = (key: string, substitutions?: string | string[]) => string;
