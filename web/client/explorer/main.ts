/**
 * The explorer at /explore: search, draw a node's neighbourhood, open nodes to grow the drawing, read
 * details beside it, and highlight the shortest path between two nodes. Each part lives in its module;
 * this one holds the state and wires them together.
 */
import "./explorer.css";
import type { Core } from "cytoscape";
import { ApiError, neighborhood, nodeDetails, shortestPath } from "./api.js";
import { renderDetails, renderDetailsMessage } from "./details.js";
import { byId } from "./dom.js";
import { attachGraphKeyboard } from "./graphKeyboard.js";
import { GraphView } from "./graphView.js";
import { renderLegend } from "./legend.js";
import { renderNodeList } from "./nodeList.js";
import { renderPathPanel, type PathState } from "./pathPanel.js";
import { attachSearchBox } from "./searchBox.js";
import { isolate } from "./model.js";
import { attachSkipLinks } from "./skipLinks.js";
import { statusText } from "./status.js";

declare global {
  interface Window {
    /** The drawing's cytoscape instance, for the browser console and the browser tests (a canvas has no DOM to query). */
    cy?: Core;
  }
}

const graphContainer = byId<HTMLDivElement>("graph");
const statusLine = byId<HTMLParagraphElement>("status");
const message = byId<HTMLParagraphElement>("message");
const detailsPanel = byId<HTMLElement>("details");
const pathPanel = byId<HTMLElement>("path-panel");
const nodeList = byId<HTMLUListElement>("node-list");
const depthSelect = byId<HTMLSelectElement>("depth");
const dateFrom = byId<HTMLInputElement>("date-from");
const dateTo = byId<HTMLInputElement>("date-to");

const state: { focused: string | null; pathEnds: string[]; path: PathState; truncated: boolean; detailsRequest: number } = {
  focused: null,
  pathEnds: [],
  path: { kind: "none" },
  truncated: false,
  detailsRequest: 0,
};

const view = new GraphView(graphContainer, { open: (id) => void openNode(id), togglePathEnd: (id) => void togglePathEnd(id) });
window.cy = view.cy;

function report(text: string): void {
  message.textContent = text;
}

function failed(action: string, error: unknown): void {
  report(`${action} failed: ${error instanceof ApiError ? error.message : String(error)}`);
}

/** Brings the status line, the node list and the path panel in line with the drawing. */
function refresh(): void {
  statusLine.textContent = statusText({ ...view.counts(), truncated: state.truncated });
  renderNodeList(
    nodeList,
    { nodes: view.drawnNodes(), focused: state.focused, pathEnds: state.pathEnds },
    { open: (id) => void openNode(id), togglePathEnd: (id) => void togglePathEnd(id) },
  );
  renderPathPanel(pathPanel, state.path, (id) => view.name(id), clearPath);
  view.setFocused(state.focused);
  view.setPathEnds(state.pathEnds);
}

async function showDetails(id: string): Promise<void> {
  const request = ++state.detailsRequest;
  renderDetailsMessage(detailsPanel, `Loading ${isolate(view.label(id))}…`);
  try {
    const details = await nodeDetails(id);
    if (request !== state.detailsRequest) return;
    if (!details) {
      renderDetailsMessage(detailsPanel, `Nothing to show for ${id}: it is not in the graph, or not a node the explorer draws.`);
      return;
    }
    renderDetails(detailsPanel, details, {
      open: (target) => void openNode(target),
      isPathEnd: state.pathEnds.includes(id),
      togglePathEnd: () => void togglePathEnd(id),
    });
  } catch (error) {
    if (request === state.detailsRequest) renderDetailsMessage(detailsPanel, `Could not load the details: ${(error as Error).message}`);
  }
}

/**
 * A search hit: draw its neighbourhood afresh, to the chosen depth. When the reader chose it, focus moves
 * to the drawing, where the keyboard zooms and pans.
 */
async function start(id: string, { focusDrawing }: { focusDrawing: boolean }): Promise<void> {
  const depth = Number(depthSelect.value);
  report(`Drawing the neighbourhood of ${id}…`);
  try {
    const subgraph = await neighborhood(id, depth);
    state.focused = id;
    state.pathEnds = [];
    state.path = { kind: "none" };
    state.truncated = subgraph.truncated;
    view.replace(subgraph.nodes, subgraph.edges);
    refresh();
    if (focusDrawing) graphContainer.focus({ preventScroll: true });
    report(`Showing ${isolate(view.label(id))} and its neighbours within ${depth} hop${depth === 1 ? "" : "s"}.`);
    history.replaceState(null, "", `?node=${encodeURIComponent(id)}`);
    void showDetails(id);
  } catch (error) {
    failed("Drawing", error);
  }
}

/** A click on a node: its details, and its neighbours merged into the drawing. */
async function openNode(id: string): Promise<void> {
  state.focused = id;
  refresh();
  void showDetails(id);
  try {
    const subgraph = await neighborhood(id, 1);
    const added = view.merge(subgraph.nodes, subgraph.edges, id);
    state.truncated ||= subgraph.truncated;
    refresh();
    report(
      added === 0
        ? `${isolate(view.label(id))}: all its neighbours are already shown.`
        : `${isolate(view.label(id))}: ${added} more node${added === 1 ? "" : "s"} drawn.`,
    );
  } catch (error) {
    failed("Expanding", error);
  }
}

async function togglePathEnd(id: string): Promise<void> {
  state.pathEnds = state.pathEnds.includes(id) ? state.pathEnds.filter((end) => end !== id) : [...state.pathEnds, id].slice(-2);
  const [from, to] = state.pathEnds;
  if (from === undefined || to === undefined) {
    state.path = from === undefined ? { kind: "none" } : { kind: "choosing", ends: [from] };
    view.highlightPath(null);
    refresh();
    if (state.focused) void showDetails(state.focused);
    return;
  }
  state.path = { kind: "loading", ends: [from, to] };
  refresh();
  try {
    const path = await shortestPath(from, to);
    if (state.pathEnds[0] !== from || state.pathEnds[1] !== to) return;
    state.path = path ? { kind: "found", path } : { kind: "missing", ends: [from, to] };
    view.highlightPath(path);
    refresh();
    report(path ? `Path of ${path.length} hop${path.length === 1 ? "" : "s"} highlighted.` : "No path found.");
  } catch (error) {
    failed("Finding the path", error);
  }
  if (state.focused) void showDetails(state.focused);
}

function clearPath(): void {
  state.pathEnds = [];
  state.path = { kind: "none" };
  view.highlightPath(null);
  refresh();
}

function applyDates(): void {
  view.filterEvents(dateFrom.value, dateTo.value);
  refresh();
}

attachSearchBox({
  form: byId<HTMLFormElement>("search-form"),
  input: byId<HTMLInputElement>("search"),
  results: byId<HTMLUListElement>("search-results"),
  choose: (node) => void start(node.id, { focusDrawing: true }),
  report,
});
attachGraphKeyboard(graphContainer, view);
byId<HTMLButtonElement>("zoom-in").addEventListener("click", () => view.zoomBy(1.25));
byId<HTMLButtonElement>("zoom-out").addEventListener("click", () => view.zoomBy(0.8));
byId<HTMLButtonElement>("zoom-fit").addEventListener("click", () => view.fit());
dateFrom.addEventListener("change", applyDates);
dateTo.addEventListener("change", applyDates);
byId<HTMLButtonElement>("date-clear").addEventListener("click", () => {
  dateFrom.value = "";
  dateTo.value = "";
  applyDates();
});
// A node's entry in the list, when focused, shows the node's label in the drawing whatever the zoom.
nodeList.addEventListener("focusin", (event) => {
  const id = event.target instanceof HTMLElement ? event.target.dataset.id : undefined;
  view.setSpotlight("keyboard", id ?? null);
});
nodeList.addEventListener("focusout", (event) => {
  if (!(event.relatedTarget instanceof Node && nodeList.contains(event.relatedTarget))) view.setSpotlight("keyboard", null);
});
attachSkipLinks();
renderLegend(byId<HTMLElement>("legend"));
refresh();

// /explore?node=<id> opens on that node, so a drawing can be linked to.
const linked = new URLSearchParams(location.search).get("node");
if (linked) void start(linked, { focusDrawing: false });
