/** The pieces the side panel's accounts are built of: links to nodes, lists of them, facts, quotes. */
import type { PlaceRef, Quote, Ref, SourceRef } from "./api.js";
import { h, nameElement } from "./dom.js";
import { placeQualifier } from "./model.js";

export type Open = (id: string) => void;

export const words = (value: string): string => value.toLowerCase().replace(/_/g, " ");

/** A node to open, by name; a place also says what and where it is, as everywhere it is listed. */
export type Listed = Ref & { qualifier?: string };

export function nodeButton(ref: Listed, open: Open): HTMLButtonElement {
  const button = h(
    "button",
    { type: "button", class: "link-button", "data-id": ref.id },
    nameElement({ name: ref.name, qualifier: ref.qualifier ?? null }),
  );
  button.addEventListener("click", () => open(ref.id));
  return button;
}

export const placeRefs = (places: PlaceRef[]): Listed[] =>
  places.map((place) => ({ id: place.id, name: place.name, qualifier: placeQualifier({ placeKind: place.kind, parent: place.parent }) }));

/**
 * A list read as a line of text: "A, B, C". Each comma is inside the item it follows, held to it (list-parts.css),
 * and the lines break only at the spaces between items, so that a wrapped list never starts a line with a comma.
 */
function inlineList(items: Node[], className?: string): HTMLUListElement {
  const list = h("ul", { class: className ? `inline-list ${className}` : "inline-list" });
  items.forEach((item, index) => {
    if (index > 0) list.append(" ");
    list.append(h("li", {}, item, index < items.length - 1 ? h("span", { class: "list-separator" }, ",") : null));
  });
  return list;
}

export function refs(list: Listed[], open: Open): Node {
  if (list.length === 0) return document.createTextNode("—");
  return inlineList(
    list.map((ref) => nodeButton(ref, open)),
    "ref-list",
  );
}

/** Names as a comma-separated list, each isolated so that one name's direction cannot reorder the next. */
export function names(list: string[]): Node {
  return inlineList(list.map((name) => h("bdi", {}, name)));
}

/** A definition list from [term, value] pairs; pairs whose value is null are left out. */
export function facts(rows: [string, Node | string | null][]): HTMLDListElement {
  const list = h("dl", { class: "facts" });
  for (const [term, value] of rows) if (value !== null) list.append(h("dt", {}, term), h("dd", {}, value));
  return list;
}

export function quotes(evidence: Quote[]): Node[] {
  return evidence.map((item) => h("blockquote", { class: "evidence" }, `“${item.quote}”`));
}

export function sourceLine(source: SourceRef): string {
  return source.publishedOn ? `${source.title} (${source.publishedOn})` : source.title;
}
