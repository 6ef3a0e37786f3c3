/** The drawing: a cytoscape canvas that nodes and edges are merged into, never duplicated. */
import cytoscape, {
  type Collection,
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type LayoutOptions,
  type NodeSingular,
} from "cytoscape";
import { neighbourAngles, ringPositions, settleNewNodes } from "./expandLayout.js";
import { EDGE_FONT_SIZE, graphStylesheet, LEGIBLE_FONT_PX, NODE_FONT_SIZE, type LabelSizes } from "./graphStyle.js";
import { placeLabels, type Box, type LabelCandidate, type Obstacle } from "./labelPlacement.js";
import { eventToll, HIDDEN_CLASS } from "./scene.js";
import {
  distinctNames,
  edgeId,
  edgeLabel,
  inDateRange,
  nameText,
  nodeLabel,
  type GraphEdge,
  type GraphPath,
  type NodeName,
  type NodeSummary,
  type NodeType,
} from "./model.js";

export interface DrawnNode extends NodeName {
  id: string;
  type: NodeType;
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
/** How far the drawing is stretched towards the canvas's shape (force layouts come out roughly round). */
const MAX_STRETCH = 1.6;
/** Labels of these nodes are always drawn. */
const EMPHASISED = ".focused, .path-end, .on-path, .spotlit";

/** A node on the canvas: neither outside the date filter nor hidden by the reader. */
export const isShown = (node: NodeSingular): boolean => !node.hasClass("filtered-out") && !node.hasClass(HIDDEN_CLASS);
const edgeShown = (edge: EdgeSingular): boolean => isShown(edge.source()) && isShown(edge.target());

/** Text widths as the canvas draws them, for deciding whether an edge's label fits along it. */
const measuring = document.createElement("canvas").getContext("2d");
function textWidth(text: string, fontSize: number): number {
  if (!measuring) return text.length * fontSize * 0.6;
  measuring.font = `${fontSize}px system-ui, sans-serif`;
  return measuring.measureText(text).width;
}

export class GraphView {
  readonly cy: Core;
  private dateRange = { from: "", to: "" };
  /** The nodes as the API described them, for telling apart nodes of the same name. */
  private readonly summaries = new Map<string, NodeSummary>();
  /** The highlighted path, which a re-fit keeps in view instead of the whole drawing. */
  private path: Collection | null = null;
  /** Nodes whose label is asked for: under the pointer, and focused in the list of nodes. */
  private readonly spotlight = { pointer: null as string | null, keyboard: null as string | null };
  private labelFrame = 0;
  private resizeFrame = 0;
  private labelSizes: LabelSizes = { node: NODE_FONT_SIZE, edge: EDGE_FONT_SIZE };

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
    // A node the reader dragged stays where they put it: later layouts hold it (expandLayout.ts, arrange()).
    this.cy.on("dragfree", "node", (event) => void (event.target as NodeSingular).addClass("placed"));
    this.cy.on("mouseover", "node", (event) => this.setSpotlight("pointer", (event.target as NodeSingular).id()));
    this.cy.on("mouseout", "node", () => this.setSpotlight("pointer", null));
    container.addEventListener("mouseleave", () => this.setSpotlight("pointer", null));
    this.cy.on("viewport", () => this.scheduleLabels());
    // A window or panel that changes size re-fits what is shown, rather than leaving it off screen.
    new ResizeObserver(() => {
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => {
        this.cy.resize();
        this.refit();
      });
    }).observe(container);
  }

  /** Draws a new subgraph in place of whatever was shown. */
  replace(nodes: NodeSummary[], edges: GraphEdge[]): void {
    this.cy.elements().remove();
    this.summaries.clear();
    this.path = null;
    this.add(nodes, edges, undefined);
    this.applyDateFilter();
    this.arrange(true);
  }

  /**
   * Adds what is not drawn yet. Nodes brought by opening `around` go on an arc around it and settle there, with
   * everything drawn before left in place; others (a path's) are laid out with the rest. Returns how many nodes were added.
   */
  merge(nodes: NodeSummary[], edges: GraphEdge[], around?: string): number {
    const added = this.add(nodes, edges, around);
    this.applyDateFilter();
    if (added.nodes > 0 && around && this.has(around)) {
      this.sizeLabels(1);
      settleNewNodes(this.cy, added.fresh);
      this.refit();
    } else if (added.nodes > 0 || added.edges > 0) this.arrange(false);
    return added.nodes;
  }

  /** Lays the graph out, then stretches it towards the canvas's proportions, and fits it. */
  private arrange(randomize: boolean): void {
    // Laid out with labels at their own size; fitting then sizes them for the zoom it chooses.
    this.sizeLabels(1);
    const placed = this.cy.nodes(".placed").filter((node) => !node.locked());
    placed.lock();
    this.cy.layout(layout(randomize)).run();
    placed.unlock();
    const box = this.cy.nodes().boundingBox();
    if (box.w > 0 && box.h > 0) {
      const wanted = this.cy.width() / Math.max(this.cy.height(), 1);
      const stretch = Math.min(MAX_STRETCH, Math.max(1 / MAX_STRETCH, Math.sqrt(wanted / (box.w / box.h))));
      const centre = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
      this.cy
        .nodes(":unlocked")
        .not(".placed")
        .positions((node) => {
          const { x, y } = node.position();
          return { x: centre.x + (x - centre.x) * stretch, y: centre.y + (y - centre.y) / stretch };
        });
    }
    this.refit();
  }

  private add(nodes: NodeSummary[], edges: GraphEdge[], around: string | undefined): { nodes: number; edges: number; fresh: Collection } {
    const fresh = nodes.filter((node) => this.cy.getElementById(node.id).empty());
    const opened = around ? this.cy.getElementById(around) : this.cy.collection();
    // Around the opened node, in the widest gap its drawn neighbours leave; a fresh drawing starts from a small circle.
    const ring = opened.nonempty() ? ringPositions(opened.position(), neighbourAngles(opened, this.cy.nodes()), fresh.length) : null;
    const elements: ElementDefinition[] = fresh.map((node, index) => ({
      group: "nodes",
      data: {
        id: node.id,
        type: node.__typename,
        label: nodeLabel(node),
        date: node.date,
        toll: eventToll(node.fatalities),
      },
      position: ring?.[index] ?? {
        x: 80 * Math.cos((2 * Math.PI * index) / Math.max(fresh.length, 1)),
        y: 80 * Math.sin((2 * Math.PI * index) / Math.max(fresh.length, 1)),
      },
    }));
    for (const node of fresh) this.summaries.set(node.id, node);
    const added = this.cy.add(elements);
    const freshEdges = edges.filter(
      (edge) =>
        this.cy.getElementById(edgeId(edge)).empty() &&
        this.cy.getElementById(edge.from).nonempty() &&
        this.cy.getElementById(edge.to).nonempty(),
    );
    this.cy.add(
      freshEdges.map((edge) => ({
        group: "edges" as const,
        data: { id: edgeId(edge), source: edge.from, target: edge.to, label: edgeLabel(edge), type: edge.type, role: edge.role },
      })),
    );
    if (fresh.length > 0) this.nameNodes();
    return { nodes: fresh.length, edges: freshEdges.length, fresh: added };
  }

  /** Labels every node: a place with its kind and enclosing place, another node with its type when it shares its name. */
  private nameNodes(): void {
    const names = distinctNames([...this.summaries.values()]);
    this.cy.batch(() => {
      for (const [id, name] of names) {
        const node = this.cy.getElementById(id);
        node.data({ label: nameText(name), name: name.name, qualifier: name.qualifier });
      }
    });
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  label(id: string): string {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? String(node.data("label")) : id;
  }

  /** The node's name and what sets it apart from others of that name, for the page's lists. */
  name(id: string): NodeName {
    const node = this.cy.getElementById(id);
    if (node.empty()) return { name: id, qualifier: null };
    return { name: String(node.data("name")), qualifier: (node.data("qualifier") as string | null) ?? null };
  }

  setFocused(id: string | null): void {
    this.cy.nodes(".focused").removeClass("focused");
    if (id) this.cy.getElementById(id).addClass("focused");
    this.scheduleLabels();
  }

  setPathEnds(ids: readonly string[]): void {
    this.cy.nodes(".path-end").removeClass("path-end");
    for (const id of ids) this.cy.getElementById(id).addClass("path-end");
    this.scheduleLabels();
  }

  /** Shows a node's label whatever the zoom, while the pointer is on it or its entry in the list has focus. */
  setSpotlight(source: "pointer" | "keyboard", id: string | null): void {
    this.spotlight[source] = id;
    this.cy.batch(() => {
      this.cy.nodes(".spotlit").removeClass("spotlit");
      for (const lit of [this.spotlight.pointer, this.spotlight.keyboard]) if (lit) this.cy.getElementById(lit).addClass("spotlit");
    });
    this.placeLabels();
  }

  /** Draws the path's nodes and relationships (adding what is missing), highlights them and dims the rest. */
  highlightPath(path: GraphPath | null): void {
    this.cy.elements().removeClass("on-path dimmed");
    // A cleared path gives the view back to the whole drawing.
    const hadPath = this.path !== null;
    this.path = null;
    if (!path && hadPath) this.refit();
    if (path) {
      this.merge(path.nodes, path.relationships);
      const onPath = this.cy.collection();
      for (const node of path.nodes) onPath.merge(this.cy.getElementById(node.id));
      for (const edge of path.relationships) onPath.merge(this.cy.getElementById(edgeId(edge)));
      onPath.addClass("on-path");
      this.cy.elements().not(onPath).addClass("dimmed");
      // The path is what the reader asked to see: bring all of it into view, its labels included.
      this.path = onPath;
      this.refit();
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
    this.scheduleLabels();
  }

  /** What is visible now: hidden events and nodes and the edges to them do not count. */
  counts(): { nodes: number; edges: number; hiddenEvents: number } {
    const hidden = this.cy.nodes(".filtered-out");
    return { nodes: this.cy.nodes().filter(isShown).length, edges: this.cy.edges().filter(edgeShown).length, hiddenEvents: hidden.length };
  }

  /** The nodes drawn, those outside the date filter included (marked hidden); not those the reader hid. */
  drawnNodes(): DrawnNode[] {
    return this.cy
      .nodes()
      .filter((node) => !node.hasClass(HIDDEN_CLASS))
      .map((node) => ({
        id: node.id(),
        type: node.data("type") as NodeType,
        ...this.name(node.id()),
        hidden: node.hasClass("filtered-out"),
      }));
  }

  /** Fits the highlighted path (with its labels) when there is one, else the whole drawing. */
  refit(): void {
    if (this.path) this.fitTo(this.path, { withLabels: true });
    else this.fit();
  }

  fit(): void {
    this.fitTo(this.cy.elements(), { withLabels: false });
  }

  /**
   * Fits the elements into the canvas. Labels are drawn at a legible size whatever the zoom, so their
   * size in the drawing's units depends on the zoom being chosen: when they must fit too, a few rounds
   * settle it (each round's zoom makes the labels a little larger, the next a little smaller).
   */
  private fitTo(elements: Collection, { withLabels }: { withLabels: boolean }): void {
    if (elements.nodes().empty()) return;
    const width = this.cy.width();
    const height = this.cy.height();
    for (let round = 0; round < (withLabels ? 6 : 1); round++) {
      const box = elements.boundingBox({ includeLabels: withLabels, includeOverlays: false });
      // Room below the bottom nodes for a line of label when labels are not counted.
      const padding = withLabels ? FIT_PADDING : FIT_PADDING + LEGIBLE_FONT_PX * 2;
      const zoom = Math.min(
        MAX_FIT_ZOOM,
        Math.max(this.cy.minZoom(), Math.min((width - 2 * padding) / Math.max(box.w, 1), (height - 2 * padding) / Math.max(box.h, 1))),
      );
      this.cy.viewport({
        zoom,
        pan: { x: width / 2 - zoom * (box.x1 + box.w / 2), y: height / 2 - zoom * (box.y1 + box.h / 2) },
      });
      this.sizeLabels();
    }
    this.placeLabels();
  }

  zoomBy(factor: number): void {
    const { width, height } = { width: this.cy.width(), height: this.cy.height() };
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
  }

  panBy(x: number, y: number): void {
    this.cy.panBy({ x, y });
  }

  private scheduleLabels(): void {
    if (this.labelFrame !== 0) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.placeLabels();
    });
  }

  /**
   * Labels are never drawn smaller than LEGIBLE_FONT_PX on screen: zoomed out, they grow in the drawing's
   * units (and fewer of them fit).
   */
  private sizeLabels(zoom = this.cy.zoom()): void {
    const sizes = { node: Math.max(NODE_FONT_SIZE, LEGIBLE_FONT_PX / zoom), edge: Math.max(EDGE_FONT_SIZE, LEGIBLE_FONT_PX / zoom) };
    if (sizes.node === this.labelSizes.node && sizes.edge === this.labelSizes.edge) return;
    // Sizes go into the stylesheet itself: cytoscape (3.34) keeps measuring, and clipping, a label at its
    // first size when the size comes from the element's data.
    this.labelSizes = sizes;
    this.cy.style(graphStylesheet(sizes));
  }

  /**
   * Decides which labels are drawn: emphasised ones always; other node labels when they are clear of
   * other labels and nodes and inside the canvas, busiest nodes first; edge labels when they are clear
   * and shorter than the edge they name. The rest show on hover, or when their entry in the list has focus.
   */
  private placeLabels(): void {
    this.sizeLabels();
    const zoom = this.cy.zoom();
    const nodes = this.cy.nodes().filter(isShown);
    const edges = this.cy.edges().filter(edgeShown);
    const labelBox = (element: NodeSingular | EdgeSingular): Box =>
      element.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    const bodies: Obstacle[] = nodes.map((node) => ({
      owner: node.id(),
      box: node.renderedBoundingBox({ includeLabels: false, includeOverlays: false }),
    }));

    const width = this.cy.width();
    const height = this.cy.height();
    const onCanvas = (box: Box): boolean => box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height;
    const nodeCandidates: LabelCandidate[] = [];
    const busiestFirst = nodes.toArray().sort((a, b) => (b as NodeSingular).degree(false) - (a as NodeSingular).degree(false));
    for (const node of busiestFirst as NodeSingular[]) {
      const required = node.is(EMPHASISED);
      const box = labelBox(node);
      if (required || onCanvas(box)) nodeCandidates.push({ id: node.id(), box, required });
    }
    const shownNodes = placeLabels(nodeCandidates, bodies);

    const edgeCandidates: LabelCandidate[] = [...nodeCandidates.filter((candidate) => shownNodes.has(candidate.id))].map((candidate) => ({
      ...candidate,
      required: true,
    }));
    {
      const edgeFont = Math.max(EDGE_FONT_SIZE, LEGIBLE_FONT_PX / zoom);
      const pathFirst = edges.toArray().sort((a, b) => Number(b.hasClass("on-path")) - Number(a.hasClass("on-path")));
      for (const edge of pathFirst as EdgeSingular[]) {
        const source = edge.source().renderedPosition();
        const target = edge.target().renderedPosition();
        const ends = (edge.source().renderedWidth() + edge.target().renderedWidth()) / 2;
        const room = Math.hypot(target.x - source.x, target.y - source.y) - ends;
        const needed = textWidth(String(edge.data("label")), edgeFont) * zoom;
        const box = labelBox(edge);
        if (needed <= room && onCanvas(box)) edgeCandidates.push({ id: edge.id(), box, required: false });
      }
    }
    const shown = placeLabels(edgeCandidates, bodies);

    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => void node.toggleClass("label-shown", shownNodes.has(node.id())));
      this.cy.edges().forEach((edge) => void edge.toggleClass("label-shown", shown.has(edge.id())));
    });
  }
}
