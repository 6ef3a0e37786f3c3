/**
 * A scene: what the drawing shows, as the rows of its table and of its exports (CSV, JSON), and how big each node is
 * drawn when nodes are sized by toll. Pure: no DOM, no cytoscape.
 */
import type { NodeType } from "./model.js";

/** The class of a node the reader hid (graphStyle.ts does not display it; graphView.ts does not count it). */
export const HIDDEN_CLASS = "hidden-by-reader";
/** The class of a node drawn at its toll's size (graphStyle.ts reads its `tollSize`). */
export const BY_TOLL_CLASS = "by-toll";

/** The best estimate of people killed, else the lowest figure given; null when no figure is known. */
export function eventToll(fatalities: { best?: number | null; low?: number | null } | null | undefined): number | null {
  return fatalities?.best ?? fatalities?.low ?? null;
}

export interface SceneNode {
  id: string;
  type: NodeType;
  name: string;
  qualifier: string | null;
  /** People killed: an event's own toll; an actor's or a place's the sum over its events in the scene; else null. */
  toll: number | null;
  /** Edges in the scene at this node. */
  degree: number;
}

export interface SceneEdge {
  from: string;
  type: string;
  role: string | null;
  to: string;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
}

/** The types whose toll is the sum over the events linked to them in the scene. */
const SUMMED: ReadonlySet<NodeType> = new Set<NodeType>(["Actor", "Place"]);

/**
 * Builds the scene from the nodes shown (with events' own tolls) and the edges between them: degrees, and the tolls
 * of actors and places as the sum over the events they are linked to here (an event linked twice, in two roles,
 * counts once). An actor or place with no linked event of known toll has none.
 */
export function buildScene(
  nodes: readonly (Omit<SceneNode, "toll" | "degree"> & { ownToll: number | null })[],
  edges: readonly SceneEdge[],
): Scene {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const shownEdges = edges.filter((edge) => byId.has(edge.from) && byId.has(edge.to));
  const degree = new Map<string, number>();
  const linkedEvents = new Map<string, Set<string>>();
  for (const edge of shownEdges) {
    for (const [end, other] of [
      [edge.from, edge.to],
      [edge.to, edge.from],
    ] as const) {
      degree.set(end, (degree.get(end) ?? 0) + 1);
      if (byId.get(other)?.type === "Event") linkedEvents.set(end, (linkedEvents.get(end) ?? new Set()).add(other));
    }
  }
  const toll = (node: (typeof nodes)[number]): number | null => {
    if (node.type === "Event") return node.ownToll;
    if (!SUMMED.has(node.type)) return null;
    const known = [...(linkedEvents.get(node.id) ?? [])].map((id) => byId.get(id)?.ownToll ?? null).filter((value) => value !== null);
    return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
  };
  return {
    nodes: nodes.map((node) => ({
      id: node.id,
      type: node.type,
      name: node.name,
      qualifier: node.qualifier,
      toll: toll(node),
      degree: degree.get(node.id) ?? 0,
    })),
    edges: shownEdges.map((edge) => ({ ...edge })),
  };
}

/** The size of a node drawn by toll: the largest toll gets MAX_TOLL_SIZE, and areas are in proportion. */
export const MAX_TOLL_SIZE = 72;
/** Nodes with no known deaths (or too few to see) are drawn this wide, so they stay on the canvas. */
export const MIN_TOLL_SIZE = 12;

export function tollSize(toll: number | null, largest: number): number {
  if (toll === null || toll <= 0 || largest <= 0) return MIN_TOLL_SIZE;
  return Math.max(MIN_TOLL_SIZE, MAX_TOLL_SIZE * Math.sqrt(toll / largest));
}

export type NodeColumn = "type" | "name" | "id" | "toll" | "degree";
export type EdgeColumn = "from" | "type" | "to";
export type Direction = "ascending" | "descending";

/** Sorts rows by one column: numbers as numbers (unknown last either way), text by the locale's order; ties by id. */
export function sortedNodes(nodes: readonly SceneNode[], column: NodeColumn, direction: Direction): SceneNode[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...nodes].sort((a, b) => {
    let order: number;
    if (column === "toll" || column === "degree") {
      const [x, y] = [a[column], b[column]];
      if (x === null || y === null) order = x === y ? 0 : x === null ? 1 : -1;
      else order = sign * (x - y);
    } else order = sign * a[column].localeCompare(b[column]);
    return order || a.id.localeCompare(b.id);
  });
}

export function sortedEdges(
  edges: readonly SceneEdge[],
  column: EdgeColumn,
  direction: Direction,
  name: (id: string) => string,
): SceneEdge[] {
  const sign = direction === "ascending" ? 1 : -1;
  const text = (edge: SceneEdge): string => (column === "type" ? edge.type : name(edge[column]));
  return [...edges].sort((a, b) => sign * text(a).localeCompare(text(b)) || `${a.from}|${a.to}`.localeCompare(`${b.from}|${b.to}`));
}

/** A text cell that a spreadsheet would run as a formula (as the server's exports guard them, csv-stringify's rule). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One CSV field (RFC 4180): quoted when it holds a quote, comma or line break; formula-like text prefixed with `'`. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header and CRLF line ends, as the server's exports write it. */
export function csv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

export function nodesCsv(scene: Scene): string {
  return csv(
    ["id", "type", "name", "qualifier", "toll", "degree"],
    scene.nodes.map((node) => [node.id, node.type, node.name, node.qualifier, node.toll, node.degree]),
  );
}

export function edgesCsv(scene: Scene): string {
  return csv(
    ["from", "type", "role", "to"],
    scene.edges.map((edge) => [edge.from, edge.type, edge.role, edge.to]),
  );
}

/** The scene as one JSON document: what it was drawn around, and its nodes and edges as in the CSVs. */
export function sceneJson(scene: Scene, focused: string | null): string {
  return `${JSON.stringify({ focused, nodes: scene.nodes, edges: scene.edges }, null, 2)}\n`;
}

/**
 * A download's name: `conflict-graph-<the focused node's id, as letters, digits and dashes>-<date><suffix>`, e.g.
 * `conflict-graph-place-maarat-al-numan-2026-12-07-nodes.csv`; `scene` when nothing is focused.
 */
export function sceneFileName(focused: string | null, date: Date, suffix: string): string {
  const slug =
    (focused ?? "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "scene";
  return `conflict-graph-${slug}-${date.toISOString().slice(0, 10)}${suffix}`;
}
