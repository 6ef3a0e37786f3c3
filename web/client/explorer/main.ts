/**
 * The explorer at /explore: search, draw a node's neighbourhood, open nodes to grow the drawing, read
 * details beside it, and highlight the shortest path between two nodes. Each part lives in its module;
 * this one holds the state and wires them together.
 */
import "./explorer.css";
import "./reading.css";
import type { Core } from "cytoscape";
import { ApiError, MAP_EVENT_LIMIT, mapEvents, neighborhood, nodeDetails, shortestPath, perpetratorSeries, type MapFilter } from "./api.js";
import { renderDetails, renderDetailsMessage } from "./details.js";
import { byId } from "./dom.js";
import { attachGraphKeyboard } from "./graphKeyboard.js";
import { GraphView } from "./graphView.js";
import { renderLegend, renderMapLegend } from "./legend.js";
import { dateExtent, timelineInterval, visibleEvents, type DateRange, type MapEvent } from "./mapModel.js";
import { MapView } from "./mapView.js";
import { TimelineView } from "./timelineView.js";
import { renderNodeList } from "./nodeList.js";
import { renderPathPanel, type PathState } from "./pathPanel.js";
import { attachSearchBox } from "./searchBox.js";
import { isolate } from "./model.js";
import { attachPanelSize } from "./panelSize.js";
import { attachSkipLinks } from "./skipLinks.js";
import { SceneControls } from "./sceneControls.js";
import { statusText } from "./status.js";
import { watchLiveChanges } from "./liveChanges.js";

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
const graphFrame = graphContainer.parentElement!;
const mapArea = byId<HTMLDivElement>("map-area");
const mapStatus = byId<HTMLParagraphElement>("map-status");
const showGraphButton = byId<HTMLButtonElement>("show-graph");
const showMapButton = byId<HTMLButtonElement>("show-map");

const state: {
  /** The node whose neighbourhood was drawn (the search hit, or the linked node): the Depth menu redraws from it. */
  root: string | null;
  focused: string | null;
  pathEnds: string[];
  path: PathState;
  truncated: boolean;
  detailsRequest: number;
  drawRequest: number;
} = {
  root: null,
  focused: null,
  pathEnds: [],
  path: { kind: "none" },
  truncated: false,
  detailsRequest: 0,
  drawRequest: 0,
};

const view = new GraphView(graphContainer, { open: (id) => void openNode(id), togglePathEnd: (id) => void togglePathEnd(id) });
window.cy = view.cy;
const panelSize = attachPanelSize(byId<HTMLElement>("details").closest<HTMLElement>(".layout")!, detailsPanel, graphFrame.parentElement!);
const scene = new SceneControls(
  view,
  { tools: byId("scene-tools"), table: byId("scene-table"), frame: graphFrame, graph: graphContainer, nodeList },
  { focus: (id) => focusNode(id), focused: () => state.focused, changed: () => refresh() },
);
watchLiveChanges(view.cy, statusLine);

/**
 * The map and the timeline, built the first time they are shown: the events of the current filter (the date inputs,
 * and the focused actor or place), and the weeks brushed on the timeline, which the map and the graph then show.
 */
const mapState: {
  view: MapView | null;
  timeline: TimelineView | null;
  events: MapEvent[];
  total: number;
  brush: DateRange | null;
  request: number;
} = {
  view: null,
  timeline: null,
  events: [],
  total: 0,
  brush: null,
  request: 0,
};

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
    { open: (id) => void openNode(id), togglePathEnd: (id) => void togglePathEnd(id), hide: (id) => scene.hide(id) },
  );
  renderPathPanel(pathPanel, state.path, (id) => view.name(id), clearPath);
  scene.update();
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
      wideButton: (label) => panelSize.wideButton(label),
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
  const request = ++state.drawRequest;
  report(`Drawing the neighbourhood of ${id}…`);
  try {
    const subgraph = await neighborhood(id, depth);
    // A later search, or another depth, asked meanwhile: its drawing wins.
    if (request !== state.drawRequest) return;
    state.root = id;
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
    if (mapShown()) void loadMap();
  } catch (error) {
    failed("Drawing", error);
  }
}

/** A click on a node: its details, and its neighbours merged into the drawing. */
async function openNode(id: string): Promise<void> {
  state.focused = id;
  refresh();
  void showDetails(id);
  if (mapShown()) void loadMap();
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

/** A node chosen in the table: focused, its details read, the drawing left as it is. */
function focusNode(id: string): void {
  state.focused = id;
  refresh();
  void showDetails(id);
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

/** The graph shows the events within the date inputs and, when weeks are brushed on the timeline, within those. */
function applyDates(): void {
  const brush = mapState.brush;
  const from = brush && brush.from > dateFrom.value ? brush.from : dateFrom.value;
  const to = brush && (dateTo.value === "" || brush.to < dateTo.value) ? brush.to : dateTo.value;
  view.filterEvents(from, to);
  refresh();
}

const mapShown = (): boolean => !mapArea.hidden;

/** The map's filter: the date inputs, and the focused node when it is an actor or a place. */
function mapFilter(): MapFilter {
  const focused = state.focused ? view.drawnNodes().find((node) => node.id === state.focused) : undefined;
  return {
    ...(dateFrom.value ? { from: dateFrom.value } : {}),
    ...(dateTo.value ? { to: dateTo.value } : {}),
    ...(focused?.type === "Place" ? { placeId: focused.id } : {}),
    ...(focused?.type === "Actor" ? { actorId: focused.id } : {}),
  };
}

function drawMapPoints(): void {
  if (!mapState.view) return;
  const shown = visibleEvents(mapState.events, mapState.brush);
  void mapState.view.show(shown);
  const unlocated = mapState.events.filter((event) => event.location === null).length;
  const counted = mapState.events.length;
  mapStatus.textContent =
    `${shown.length} event${shown.length === 1 ? "" : "s"} on the map` +
    (mapState.brush ? ` in ${mapState.brush.from} – ${mapState.brush.to}` : "") +
    (unlocated > 0 ? `; ${unlocated} without a location` : "") +
    (counted < mapState.total ? `; the first ${counted} of ${mapState.total} read (at most ${MAP_EVENT_LIMIT})` : "");
}

/** Reads the filter's events and weekly series, and draws them. */
async function loadMap(): Promise<void> {
  const request = ++mapState.request;
  const filter = mapFilter();
  mapStatus.textContent = "Loading the map…";
  try {
    const { events, totalCount } = await mapEvents(filter);
    if (request !== mapState.request) return;
    mapState.events = events;
    mapState.total = totalCount;
    mapState.brush = null;
    applyDates();
    drawMapPoints();
    const extent = dateExtent(events);
    const from = filter.from ?? extent?.from;
    const to = filter.to ?? extent?.to;
    const names = new Map(events.flatMap((event) => event.perpetrators.map((actor) => [actor.id, actor.name] as const)));
    const interval = from && to && from <= to ? timelineInterval(from, to) : "WEEK";
    const series = from && to && from <= to ? await perpetratorSeries(interval, { ...filter, from, to }) : [];
    if (request !== mapState.request) return;
    const stacks = mapState.timeline!.show(series, interval, names);
    renderMapLegend(byId<HTMLElement>("map-legend"), [...new Set(events.map((event) => event.category))].sort(), stacks);
  } catch (error) {
    if (request === mapState.request)
      mapStatus.textContent = `The map could not be loaded: ${error instanceof ApiError ? error.message : String(error)}`;
  }
}

function showView(which: "graph" | "map"): void {
  const map = which === "map";
  mapArea.hidden = !map;
  graphFrame.hidden = map;
  showGraphButton.setAttribute("aria-pressed", String(!map));
  showMapButton.setAttribute("aria-pressed", String(map));
  if (!map) {
    view.cy.resize();
    return;
  }
  mapState.view ??= new MapView(byId<HTMLDivElement>("map"), {
    select: (id) => {
      mapState.view?.setSelected(id);
      void showDetails(id);
    },
  });
  mapState.timeline ??= new TimelineView(byId<HTMLDivElement>("timeline"), (range) => {
    mapState.brush = range;
    drawMapPoints();
    applyDates();
  });
  void loadMap();
}

attachSearchBox({
  form: byId<HTMLFormElement>("search-form"),
  input: byId<HTMLInputElement>("search"),
  results: byId<HTMLUListElement>("search-results"),
  choose: (node) => void start(node.id, { focusDrawing: true }),
  report,
});
attachGraphKeyboard(graphContainer, view);
// The zoom buttons serve whichever view is shown.
byId<HTMLButtonElement>("zoom-in").addEventListener("click", () => (mapShown() ? mapState.view?.zoomBy(1.5) : view.zoomBy(1.25)));
byId<HTMLButtonElement>("zoom-out").addEventListener("click", () => (mapShown() ? mapState.view?.zoomBy(1 / 1.5) : view.zoomBy(0.8)));
byId<HTMLButtonElement>("zoom-fit").addEventListener("click", () => (mapShown() ? mapState.view?.fit() : view.fit()));
showGraphButton.addEventListener("click", () => showView("graph"));
showMapButton.addEventListener("click", () => showView("map"));
// Another depth redraws the drawn neighbourhood from its root, as a new search would.
depthSelect.addEventListener("change", () => {
  if (state.root) void start(state.root, { focusDrawing: false });
});
const datesChanged = () => {
  applyDates();
  if (mapShown()) void loadMap();
};
dateFrom.addEventListener("change", datesChanged);
dateTo.addEventListener("change", datesChanged);
byId<HTMLButtonElement>("date-clear").addEventListener("click", () => {
  dateFrom.value = "";
  dateTo.value = "";
  datesChanged();
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
