/** The drawing: a cytoscape canvas that nodes and edges are merged into, never duplicated. */
import cytoscape, { type Collection, type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from "cytoscape";
import { graphStylesheet } from "./graphStyle.js";
import { edgeId, edgeLabel, inDateRange, nodeLabel, type GraphEdge, type GraphPath, type NodeSummary, type NodeType } from "./model.js";

export interface DrawnNode {
  id: string;
  type: NodeType;
  label: string;
  hidden: boolean;
}

export interface GraphViewHandlers {
  /** A node was clicked (or tapped). */
  open: (id: string) => void;
  /** A node was clicked with Shift, Ctrl or Cmd held: add it to (or take it off) the path's ends. */
  togglePathEnd: (id: string) => void;
}

function layout(randomize: boolean): LayoutOptions {
  return {
    name: "cose",
    animate: false,
    randomize,
    fit: false,
    // Labels take more room than the nodes; counting them keeps titles from running into each other.
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 50_000,
    idealEdgeLength: () => 60,
    nodeOverlap: 20,
    componentSpacing: 80,
    gravity: 1,
    numIter: 2000,
  };
}

const FIT_PADDING = 30;
/** A fitted drawing is not blown up past this: three nodes at 4x look like a mistake. */
const MAX_FIT_ZOOM = 1.3;
/**
 * Below this zoom the labels are too small to read at 1280 x 800: a drawing that would need it is shown at
 * this zoom around the node in focus instead, and "Fit all" (or the 0 key) shows the whole of it.
 */
const MIN_READABLE_ZOOM = 0.7;
/** How far the drawing is stretched towards the canvas's shape (force layouts come out roughly round). */
const MAX_STRETCH = 1.6;

function centreOf(elements: Core | Collection): { x: number; y: number } {
  const box = elements.nodes().boundingBox();
  return { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
}

export class GraphView {
  readonly cy: Core;
  private dateRange = { from: "", to: "" };

  constructor(container: HTMLElement, handlers: GraphViewHandlers) {
    this.cy = cytoscape({
      container,
      style: graphStylesheet(),
      minZoom: 0.15,
      maxZoom: 4,
      boxSelectionEnabled: false,
      // Selection is the explorer's own (focus and path ends), not cytoscape's.
      autounselectify: true,
    });
    this.cy.on("tap", "node", (event) => {
      const id = (event.target as NodeSingular).id();
      const pointer = event.originalEvent as MouseEvent | undefined;
      if (pointer && (pointer.shiftKey || pointer.ctrlKey || pointer.metaKey)) handlers.togglePathEnd(id);
      else handlers.open(id);
    });
  }

  /** Draws a new subgraph in place of whatever was shown, centred on `focus` when it is too big to read whole. */
  replace(nodes: NodeSummary[], edges: GraphEdge[], focus?: string): void {
    this.cy.elements().remove();
    this.add(nodes, edges, undefined);
    this.applyDateFilter();
    this.arrange(true, focus);
  }

  /**
   * Adds what is not drawn yet; new nodes start around `around` (the node being expanded) so the layout
   * grows from there. Returns how many nodes were added.
   */
  merge(nodes: NodeSummary[], edges: GraphEdge[], around?: string): number {
    const added = this.add(nodes, edges, around);
    this.applyDateFilter();
    if (added.nodes > 0 || added.edges > 0) this.arrange(false, around);
    return added.nodes;
  }

  /**
   * Lays the graph out, then stretches it towards the canvas's proportions (wide at 1280 x 800) so that
   * fitting it leaves the labels large enough to read.
   */
  private arrange(randomize: boolean, focus: string | undefined): void {
    this.cy.layout(layout(randomize)).run();
    const box = this.cy.nodes().boundingBox();
    if (box.w > 0 && box.h > 0) {
      const wanted = this.cy.width() / Math.max(this.cy.height(), 1);
      const stretch = Math.min(MAX_STRETCH, Math.max(1 / MAX_STRETCH, Math.sqrt(wanted / (box.w / box.h))));
      const centre = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
      this.cy.nodes().positions((node) => {
        const { x, y } = node.position();
        return { x: centre.x + (x - centre.x) * stretch, y: centre.y + (y - centre.y) / stretch };
      });
    }
    this.fit();
    const focused = focus === undefined ? this.cy.collection() : this.cy.getElementById(focus);
    if (this.cy.zoom() < MIN_READABLE_ZOOM && focused.nonempty()) {
      this.cy.zoom(MIN_READABLE_ZOOM);
      this.cy.center(focused);
    }
  }

  private add(nodes: NodeSummary[], edges: GraphEdge[], around: string | undefined): { nodes: number; edges: number } {
    const fresh = nodes.filter((node) => this.cy.getElementById(node.id).empty());
    const centre = around && this.cy.getElementById(around).nonempty() ? this.cy.getElementById(around).position() : { x: 0, y: 0 };
    const elements: ElementDefinition[] = fresh.map((node, index) => ({
      group: "nodes",
      data: { id: node.id, type: node.__typename, label: nodeLabel(node), date: node.date },
      position: {
        x: centre.x + 80 * Math.cos((2 * Math.PI * index) / Math.max(fresh.length, 1)),
        y: centre.y + 80 * Math.sin((2 * Math.PI * index) / Math.max(fresh.length, 1)),
      },
    }));
    this.cy.add(elements);
    const freshEdges = edges.filter(
      (edge) =>
        this.cy.getElementById(edgeId(edge)).empty() &&
        this.cy.getElementById(edge.from).nonempty() &&
        this.cy.getElementById(edge.to).nonempty(),
    );
    this.cy.add(
      freshEdges.map((edge) => ({
        group: "edges" as const,
        data: { id: edgeId(edge), source: edge.from, target: edge.to, label: edgeLabel(edge), type: edge.type },
      })),
    );
    return { nodes: fresh.length, edges: freshEdges.length };
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  label(id: string): string {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? String(node.data("label")) : id;
  }

  setFocused(id: string | null): void {
    this.cy.nodes(".focused").removeClass("focused");
    if (id) this.cy.getElementById(id).addClass("focused");
  }

  setPathEnds(ids: readonly string[]): void {
    this.cy.nodes(".path-end").removeClass("path-end");
    for (const id of ids) this.cy.getElementById(id).addClass("path-end");
  }

  /** Draws the path's nodes and relationships (adding what is missing), highlights them and dims the rest. */
  highlightPath(path: GraphPath | null): void {
    this.cy.elements().removeClass("on-path dimmed");
    if (path) {
      this.merge(path.nodes, path.relationships);
      const onPath = this.cy.collection();
      for (const node of path.nodes) onPath.merge(this.cy.getElementById(node.id));
      for (const edge of path.relationships) onPath.merge(this.cy.getElementById(edgeId(edge)));
      onPath.addClass("on-path");
      // The path is what the reader asked to see: bring all of it into view.
      this.cy.fit(onPath, FIT_PADDING * 2);
      if (this.cy.zoom() > MAX_FIT_ZOOM) this.cy.zoom({ level: MAX_FIT_ZOOM, position: centreOf(onPath) });
      this.cy.elements().not(onPath).addClass("dimmed");
    }
    this.applyDateFilter();
  }

  /** Hides events dated outside the range (and so their edges); events on a highlighted path stay. */
  filterEvents(from: string, to: string): void {
    this.dateRange = { from, to };
    this.applyDateFilter();
  }

  private applyDateFilter(): void {
    const { from, to } = this.dateRange;
    this.cy.batch(() => {
      this.cy.nodes('[type = "Event"]').forEach((node) => {
        const keep = node.hasClass("on-path") || inDateRange(node.data("date") as string | undefined, from, to);
        node.toggleClass("filtered-out", !keep);
      });
    });
  }

  /** What is visible now: hidden events and the edges to them do not count. */
  counts(): { nodes: number; edges: number; hiddenEvents: number } {
    const hidden = this.cy.nodes(".filtered-out");
    const visibleEdges = this.cy
      .edges()
      .filter((edge) => !edge.source().hasClass("filtered-out") && !edge.target().hasClass("filtered-out"));
    return { nodes: this.cy.nodes().length - hidden.length, edges: visibleEdges.length, hiddenEvents: hidden.length };
  }

  drawnNodes(): DrawnNode[] {
    return this.cy.nodes().map((node) => ({
      id: node.id(),
      type: node.data("type") as NodeType,
      label: String(node.data("label")),
      hidden: node.hasClass("filtered-out"),
    }));
  }

  centreOn(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.nonempty()) this.cy.animate({ center: { eles: node }, duration: 200 });
  }

  fit(): void {
    if (this.cy.nodes().empty()) return;
    this.cy.fit(undefined, FIT_PADDING);
    if (this.cy.zoom() > MAX_FIT_ZOOM) this.cy.zoom({ level: MAX_FIT_ZOOM, position: centreOf(this.cy) });
  }

  zoomBy(factor: number): void {
    const { width, height } = { width: this.cy.width(), height: this.cy.height() };
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
  }

  panBy(x: number, y: number): void {
    this.cy.panBy({ x, y });
  }
}
