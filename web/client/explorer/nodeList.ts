/**
 * Every drawn node as a list of buttons, grouped by type: the keyboard's way into the drawing (a canvas
 * cannot take focus node by node). Enter opens a node as a click on it does; the checkbox marks path ends.
 */
import { h, nameElement } from "./dom.js";
import { nameText } from "./model.js";
import { TYPE_STYLES } from "./graphStyle.js";
import type { DrawnNode } from "./graphView.js";
import { NODE_TYPES } from "./model.js";

export interface NodeListState {
  nodes: DrawnNode[];
  focused: string | null;
  pathEnds: readonly string[];
}

export interface NodeListHandlers {
  open: (id: string) => void;
  togglePathEnd: (id: string) => void;
  /** Hide the node from the drawing (sceneControls.ts; H or Delete on its entry does the same). */
  hide: (id: string) => void;
}

export function renderNodeList(list: HTMLUListElement, { nodes, focused, pathEnds }: NodeListState, handlers: NodeListHandlers): void {
  // Re-rendering replaces the elements; put focus back where it was.
  const active = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? document.activeElement : null;
  const activeKey = active ? `${active.dataset.id ?? ""}|${active.tagName}` : null;

  const order = (node: DrawnNode): number => NODE_TYPES.indexOf(node.type);
  const sorted = [...nodes].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  list.replaceChildren(
    ...sorted.map((node) => {
      const open = h(
        "button",
        { type: "button", class: "node-open", "data-id": node.id, "aria-current": node.id === focused ? "true" : undefined },
        h("span", { class: "type-swatch", style: `background:${TYPE_STYLES[node.type].color}`, "aria-hidden": "true" }),
        nameElement(node, "node-label"),
        h("span", { class: "visually-hidden" }, ` (${node.type}${node.hidden ? ", hidden by the date filter" : ""})`),
      );
      open.addEventListener("click", () => handlers.open(node.id));
      const checkbox = h("input", {
        type: "checkbox",
        class: "path-end-checkbox",
        "data-id": node.id,
        "aria-label": `Path end: ${nameText(node)}`,
        checked: pathEnds.includes(node.id),
      });
      checkbox.addEventListener("change", () => handlers.togglePathEnd(node.id));
      const hide = h("button", { type: "button", class: "node-hide", "data-id": node.id, "aria-label": `Hide ${nameText(node)}` }, "Hide");
      hide.addEventListener("click", () => handlers.hide(node.id));
      return h(
        "li",
        { class: node.hidden ? "node-row is-hidden" : "node-row" },
        open,
        h("label", { class: "path-end-label", title: "Use as an end of the shortest path" }, checkbox),
        hide,
      );
    }),
  );

  if (activeKey) {
    const again = Array.from(list.querySelectorAll<HTMLElement>("[data-id]")).find(
      (element) => `${element.dataset.id ?? ""}|${element.tagName}` === activeKey,
    );
    again?.focus();
  }
}
