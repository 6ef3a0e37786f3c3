/**
 * The scene's tools above the drawing: the table beside it, sizing nodes by toll, hiding nodes (and showing them
 * again), and exporting what is drawn as a PNG image, as CSV (nodes, edges) and as JSON.
 */
import "./scene.css";
import { h } from "./dom.js";
import { isShown, type GraphView } from "./graphView.js";
import { isolate, type NodeType } from "./model.js";
import {
  buildScene,
  BY_TOLL_CLASS,
  edgesCsv,
  HIDDEN_CLASS,
  MIN_TOLL_SIZE,
  nodesCsv,
  sceneFileName,
  sceneJson,
  tollSize,
  type Scene,
} from "./scene.js";
import { SceneTable } from "./sceneTable.js";

export interface SceneElements {
  /** Where the tools go, in the bar above the drawing. */
  tools: HTMLElement;
  /** The table's panel, inside the drawing's frame. */
  table: HTMLElement;
  frame: HTMLElement;
  /** The drawing and the list of nodes: the keyboard hides the node that has focus there (H or Delete). */
  graph: HTMLElement;
  nodeList: HTMLElement;
}

export interface SceneHandlers {
  /** Focus a node (from the table), without growing the drawing. */
  focus: (id: string) => void;
  /** What is focused now, for the keyboard on the drawing and the downloads' names. */
  focused: () => string | null;
  /** The drawing changed (a node hidden or shown): bring the page in line with it. */
  changed: () => void;
}

/** Saves a file as the browser saves downloads. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to have read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export class SceneControls {
  private readonly table: SceneTable;
  private readonly tableButton = h(
    "button",
    { type: "button", class: "action-button", "aria-pressed": "false", "aria-controls": "scene-table" },
    "Table",
  );
  private readonly tollButton = h("button", { type: "button", class: "action-button", "aria-pressed": "false" }, "Size by toll");
  private readonly showHiddenButton = h("button", { type: "button", class: "action-button", hidden: true }, "Show hidden (0)");
  private readonly tollLegend = h("p", { class: "toll-legend", hidden: true });
  private sizeByToll = false;

  constructor(
    private readonly view: GraphView,
    private readonly elements: SceneElements,
    private readonly handlers: SceneHandlers,
  ) {
    this.table = new SceneTable(elements.table, {
      focus: (id) => this.focus(id),
      hide: (id) => this.hide(id),
      name: (id) => view.name(id),
    });
    this.tableButton.addEventListener("click", () => this.showTable(this.tableButton.getAttribute("aria-pressed") !== "true"));
    this.tollButton.addEventListener("click", () => {
      this.sizeByToll = !this.sizeByToll;
      this.tollButton.setAttribute("aria-pressed", String(this.sizeByToll));
      handlers.changed();
    });
    this.showHiddenButton.addEventListener("click", () => this.showHidden());

    const exportItem = (label: string, save: () => void) => {
      const button = h("button", { type: "button", class: "export-item" }, label);
      button.addEventListener("click", () => {
        save();
        menu.open = false;
      });
      return h("li", {}, button);
    };
    const menu = h(
      "details",
      { class: "export-menu" },
      h("summary", { class: "action-button" }, "Export"),
      h(
        "ul",
        { class: "export-list", "aria-label": "Export the drawing" },
        exportItem("PNG image", () => this.exportPng()),
        exportItem("Nodes as CSV", () => this.exportText(nodesCsv(this.scene()), "text/csv", "-nodes.csv")),
        exportItem("Edges as CSV", () => this.exportText(edgesCsv(this.scene()), "text/csv", "-edges.csv")),
        exportItem("Nodes and edges as JSON", () =>
          this.exportText(sceneJson(this.scene(), handlers.focused()), "application/json", ".json"),
        ),
      ),
    );
    // Escape closes the menu and gives focus back to it.
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary")?.focus();
      }
    });

    elements.tools.replaceChildren(
      h(
        "div",
        { class: "scene-buttons", role: "group", "aria-label": "Scene" },
        this.tableButton,
        this.tollButton,
        this.showHiddenButton,
        menu,
      ),
      this.tollLegend,
    );

    // H or Delete hides the focused node (on the drawing) or the node whose entry has focus (in the list, the table).
    const hideKey = (event: KeyboardEvent): boolean =>
      (event.key === "h" || event.key === "H" || event.key === "Delete") && !event.altKey && !event.ctrlKey && !event.metaKey;
    elements.graph.addEventListener("keydown", (event) => {
      const focused = handlers.focused();
      if (hideKey(event) && focused && view.has(focused)) {
        event.preventDefault();
        this.hide(focused, { keepFocus: true });
      }
    });
    for (const list of [elements.nodeList, elements.table]) {
      list.addEventListener("keydown", (event) => {
        const id = event.target instanceof HTMLButtonElement ? event.target.dataset.id : undefined;
        if (hideKey(event) && id) {
          event.preventDefault();
          this.hide(id);
        }
      });
    }
  }

  /** What is on the canvas: the nodes shown and the edges between them. */
  scene(): Scene {
    const nodes = this.view.cy
      .nodes()
      .filter(isShown)
      .map((node) => ({
        id: node.id(),
        type: node.data("type") as NodeType,
        ...this.view.name(node.id()),
        ownToll: (node.data("toll") as number | null | undefined) ?? null,
      }));
    const edges = this.view.cy.edges().map((edge) => ({
      from: edge.source().id(),
      type: String(edge.data("type")),
      role: (edge.data("role") as string | null | undefined) ?? null,
      to: edge.target().id(),
    }));
    return buildScene(nodes, edges);
  }

  /** Brings the sizes, the hidden count and the table in line with the drawing (after each change to it). */
  update(): void {
    const scene = this.scene();
    const hidden = this.view.cy.nodes(`.${HIDDEN_CLASS}`).length;
    this.showHiddenButton.hidden = hidden === 0;
    this.showHiddenButton.textContent = `Show hidden (${hidden})`;
    this.applySizes(scene);
    if (this.tableButton.getAttribute("aria-pressed") === "true") this.table.show(scene);
  }

  hide(id: string, { keepFocus = false }: { keepFocus?: boolean } = {}): void {
    const node = this.view.cy.getElementById(id);
    if (node.empty()) return;
    node.addClass(HIDDEN_CLASS);
    this.handlers.changed();
    // The control that had focus went with the node: the way back is next to it.
    if (!keepFocus) this.showHiddenButton.focus();
  }

  showHidden(): void {
    this.view.cy.nodes(`.${HIDDEN_CLASS}`).removeClass(HIDDEN_CLASS);
    this.handlers.changed();
    this.elements.graph.focus({ preventScroll: true });
  }

  private showTable(shown: boolean): void {
    this.elements.table.hidden = !shown;
    this.elements.frame.classList.toggle("with-table", shown);
    this.tableButton.setAttribute("aria-pressed", String(shown));
    if (shown) this.table.show(this.scene());
  }

  private focus(id: string): void {
    // A node off the canvas is brought to its middle; one in view stays where the reader saw it.
    const node = this.view.cy.getElementById(id);
    if (node.nonempty()) {
      const { x, y } = node.renderedPosition();
      if (x < 0 || y < 0 || x > this.view.cy.width() || y > this.view.cy.height()) this.view.cy.center(node);
    }
    this.handlers.focus(id);
  }

  /** Node area in proportion to toll (scene.ts says whose), or every node at its type's size. */
  private applySizes(scene: Scene): void {
    const tolls = new Map(scene.nodes.map((node) => [node.id, node.toll]));
    let largest: { toll: number; name: string } | null = null;
    for (const node of scene.nodes)
      if (node.toll !== null && node.toll > (largest?.toll ?? 0)) largest = { toll: node.toll, name: node.name };
    this.view.cy.batch(() => {
      this.view.cy.nodes().forEach((node) => {
        const toll = tolls.get(node.id()) ?? null;
        node.data("tollSize", tollSize(toll, largest?.toll ?? 0));
        node.toggleClass(BY_TOLL_CLASS, this.sizeByToll);
      });
    });
    this.tollLegend.hidden = !this.sizeByToll;
    this.tollLegend.textContent =
      "Node area in proportion to people killed: an event's best estimate (else its lowest figure); an actor's or a place's, " +
      `the sum over its events drawn here. Smallest (${MIN_TOLL_SIZE} px): no deaths known. ` +
      (largest ? `Largest: ${largest.toll} (${isolate(largest.name)}).` : "No toll known in this drawing.");
  }

  private exportText(text: string, type: string, suffix: string): void {
    download(new Blob([text], { type: `${type};charset=utf-8` }), sceneFileName(this.handlers.focused(), new Date(), suffix));
  }

  /** The drawing as it is on screen (its view, labels as shown), on white, from cytoscape's own renderer. */
  private exportPng(): void {
    const image = this.view.cy.png({ output: "blob", bg: "#ffffff", full: false, scale: 1 });
    download(image, sceneFileName(this.handlers.focused(), new Date(), ".png"));
  }
}
