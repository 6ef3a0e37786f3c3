/**
 * The table of what is drawn, beside the drawing (as Neo4j Browser's table view): one table of nodes (type, name,
 * id, toll, degree) and one of edges (from, type, to). Column headers are buttons that sort; a node's name, or an
 * edge's end, is a button that focuses the node; each node row has a button that hides the node.
 */
import { h, nameElement } from "./dom.js";
import { TYPE_STYLES } from "./graphStyle.js";
import { edgeLabel } from "./model.js";
import { sortedEdges, sortedNodes, type Direction, type EdgeColumn, type NodeColumn, type Scene } from "./scene.js";

export interface SceneTableHandlers {
  /** A row's node was chosen: focus it in the drawing. */
  focus: (id: string) => void;
  hide: (id: string) => void;
  /** The name a node is listed under, for the edges' ends. */
  name: (id: string) => { name: string; qualifier: string | null };
}

interface Sort<C> {
  column: C;
  direction: Direction;
}

const NODE_COLUMNS: readonly { column: NodeColumn; title: string }[] = [
  { column: "type", title: "Type" },
  { column: "name", title: "Name" },
  { column: "id", title: "Id" },
  { column: "toll", title: "Killed" },
  { column: "degree", title: "Edges" },
];

const EDGE_COLUMNS: readonly { column: EdgeColumn; title: string }[] = [
  { column: "from", title: "From" },
  { column: "type", title: "Type" },
  { column: "to", title: "To" },
];

export class SceneTable {
  private nodeSort: Sort<NodeColumn> = { column: "type", direction: "ascending" };
  private edgeSort: Sort<EdgeColumn> = { column: "from", direction: "ascending" };
  private scene: Scene = { nodes: [], edges: [] };

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: SceneTableHandlers,
  ) {}

  show(scene: Scene): void {
    this.scene = scene;
    this.render();
  }

  private render(): void {
    // Re-rendering replaces the elements; put focus back on the same control.
    const active =
      document.activeElement instanceof HTMLElement && this.container.contains(document.activeElement) ? document.activeElement : null;
    const activeKey = active?.dataset.key ?? null;
    const { nodes, edges } = this.scene;
    this.container.replaceChildren(this.nodesTable(), this.edgesTable());
    if (activeKey) this.container.querySelector<HTMLElement>(`[data-key="${CSS.escape(activeKey)}"]`)?.focus();
    else if (active) this.container.focus();
    this.container.setAttribute("aria-label", `Table of the drawing: ${nodes.length} nodes, ${edges.length} edges`);
  }

  /** A sortable column's header: a button; the column sorted by says so (aria-sort), and a second press reverses it. */
  private header<C extends string>(table: string, title: string, column: C, sort: Sort<C>, resort: (sort: Sort<C>) => void): HTMLElement {
    const sorted = sort.column === column;
    const button = h(
      "button",
      { type: "button", class: "scene-sort", "data-key": `${table}-sort-${column}` },
      title,
      h("span", { "aria-hidden": "true" }, sorted ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""),
    );
    button.addEventListener("click", () => {
      resort({ column, direction: sorted && sort.direction === "ascending" ? "descending" : "ascending" });
      this.render();
    });
    return h("th", { scope: "col", "aria-sort": sorted ? sort.direction : undefined }, button);
  }

  private nodeButton(id: string, key: string): HTMLButtonElement {
    const button = h(
      "button",
      { type: "button", class: "scene-node", "data-id": id, "data-key": key },
      nameElement(this.handlers.name(id)),
    );
    button.addEventListener("click", () => this.handlers.focus(id));
    return button;
  }

  private nodesTable(): HTMLTableElement {
    const rows = sortedNodes(this.scene.nodes, this.nodeSort.column, this.nodeSort.direction);
    return h(
      "table",
      { class: "scene-table-nodes" },
      h("caption", {}, `Nodes (${rows.length})`),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...NODE_COLUMNS.map(({ column, title }) => this.header("nodes", title, column, this.nodeSort, (sort) => (this.nodeSort = sort))),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Hide")),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map((node) => {
          const hide = h(
            "button",
            { type: "button", class: "scene-hide", "data-id": node.id, "data-key": `hide-${node.id}`, "aria-label": `Hide ${node.name}` },
            "Hide",
          );
          hide.addEventListener("click", () => this.handlers.hide(node.id));
          return h(
            "tr",
            { "data-id": node.id },
            h(
              "td",
              {},
              h("span", { class: "type-swatch", style: `background:${TYPE_STYLES[node.type].color}`, "aria-hidden": "true" }),
              node.type,
            ),
            h("td", {}, this.nodeButton(node.id, `node-${node.id}`)),
            h("td", { class: "scene-id" }, node.id),
            h("td", { class: "scene-number" }, node.toll === null ? "–" : String(node.toll)),
            h("td", { class: "scene-number" }, String(node.degree)),
            h("td", {}, hide),
          );
        }),
      ),
    );
  }

  private edgesTable(): HTMLTableElement {
    const name = (id: string): string => this.handlers.name(id).name;
    const rows = sortedEdges(this.scene.edges, this.edgeSort.column, this.edgeSort.direction, name);
    return h(
      "table",
      { class: "scene-table-edges" },
      h("caption", {}, `Edges (${rows.length})`),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...EDGE_COLUMNS.map(({ column, title }) => this.header("edges", title, column, this.edgeSort, (sort) => (this.edgeSort = sort))),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map((edge) => {
          const key = `${edge.from}|${edge.type}|${edge.role ?? ""}|${edge.to}`;
          return h(
            "tr",
            { "data-from": edge.from, "data-to": edge.to },
            h("td", {}, this.nodeButton(edge.from, `from-${key}`)),
            h("td", {}, edgeLabel(edge)),
            h("td", {}, this.nodeButton(edge.to, `to-${key}`)),
          );
        }),
      ),
    );
  }
}
