/** DOM building: every text goes in as a text node, never through an HTML parser (no innerHTML anywhere). */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

function setAttrs(element: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
}

function append(element: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** A link to a view of this page (hash routes). */
export const route = {
  article: (id: string) => `#/article/${encodeURIComponent(id)}`,
  story: (id: string) => `#/story/${encodeURIComponent(id)}`,
  entity: (name: string) => `#/entity/${encodeURIComponent(name)}`,
  search: (params: Record<string, string>) => `#/search?${new URLSearchParams(params)}`,
  events: (params: Record<string, string>) => `#/events?${new URLSearchParams(params)}`,
};

/** "**word**" snippet marks -> <mark> elements, the rest as text. */
export function snippet(text: string): Node {
  const span = h("span", { class: "snippet" });
  text.split("**").forEach((part, i) => span.append(i % 2 ? h("mark", {}, part) : document.createTextNode(part)));
  return span;
}

export function replace(container: Element, ...children: Child[]): void {
  container.replaceChildren();
  append(container, children);
}
