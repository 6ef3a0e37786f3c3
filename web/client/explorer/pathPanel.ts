/** The side panel's account of the shortest path between the two chosen nodes. */
import { MAX_PATH_HOPS } from "./api.js";
import { h, nameElement } from "./dom.js";
import { edgeLabel, type GraphPath, type NodeName } from "./model.js";

export type PathState =
  | { kind: "none" }
  | { kind: "choosing"; ends: string[] }
  | { kind: "loading"; ends: string[] }
  | { kind: "found"; path: GraphPath }
  | { kind: "missing"; ends: string[] };

export function renderPathPanel(container: HTMLElement, state: PathState, name: (id: string) => NodeName, clear: () => void): void {
  const clearButton = h("button", { type: "button", class: "action-button" }, "Clear path");
  clearButton.addEventListener("click", clear);
  const title = h("h2", {}, "Shortest path");
  switch (state.kind) {
    case "none":
      container.replaceChildren(
        title,
        h("p", { class: "hint" }, "Shift-click two nodes, or tick two boxes in the list below, to find how they connect."),
      );
      return;
    case "choosing":
      container.replaceChildren(title, h("p", {}, "From ", nameElement(name(state.ends[0] ?? "")), ": choose one more node."), clearButton);
      return;
    case "loading":
      container.replaceChildren(
        title,
        h("p", {}, "Looking for a path from ", nameElement(name(state.ends[0] ?? "")), " to ", nameElement(name(state.ends[1] ?? "")), "…"),
      );
      return;
    case "missing":
      container.replaceChildren(
        title,
        h(
          "p",
          {},
          "No connection between ",
          nameElement(name(state.ends[0] ?? "")),
          " and ",
          nameElement(name(state.ends[1] ?? "")),
          ` within ${MAX_PATH_HOPS} hops.`,
        ),
        clearButton,
      );
      return;
    case "found": {
      const { path } = state;
      const steps = h("ol", { class: "path-steps" });
      path.nodes.forEach((node, index) => {
        steps.append(h("li", { class: "path-node" }, nameElement(name(node.id))));
        const edge = path.relationships[index];
        if (edge) {
          const forward = edge.from === node.id;
          steps.append(
            h(
              "li",
              { class: "path-edge", "aria-label": `${forward ? "" : "reverse "}${edgeLabel(edge)}` },
              `${forward ? "↓" : "↑"} ${edgeLabel(edge)}`,
            ),
          );
        }
      });
      container.replaceChildren(
        title,
        h("p", { class: "path-length" }, `${path.length} hop${path.length === 1 ? "" : "s"}, highlighted in the drawing:`),
        steps,
        clearButton,
      );
      return;
    }
  }
}
