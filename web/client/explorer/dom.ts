/** A small helper for building elements; the explorer has no framework. */

type Child = Node | string | null | undefined | false;

/** `h("button", { class: "x", "aria-label": "Close" }, "×")`; attributes set to false or undefined are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

/** A node's name isolated from the text around it (`<bdi>`), and what sets it apart from others of that name. */
export function nameElement({ name, qualifier }: { name: string; qualifier: string | null }, className?: string): HTMLSpanElement {
  return h("span", { class: className }, h("bdi", {}, name), qualifier ? h("span", { class: "name-qualifier" }, ` (${qualifier})`) : null);
}
