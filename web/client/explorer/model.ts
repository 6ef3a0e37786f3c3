/** The shapes the explorer reads from the API, and how they are named on screen. Pure: no DOM. */

export const NODE_TYPES = ["Actor", "Place", "Event", "Statement", "Claim", "Agreement", "Source"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Enough of a node to draw it (the `NodeSummary` fragment). */
export interface NodeSummary {
  __typename: NodeType;
  id: string;
  name?: string;
  title?: string;
  /** Events only: used by the date filter. */
  date?: string;
  stance?: string;
  text?: string;
  claimKind?: string;
  speaker?: { name: string };
  /** Places only: the kind and the enclosing place, which tell apart places of the same name. */
  placeKind?: string;
  parent?: { name: string } | null;
}

export interface GraphEdge {
  type: string;
  from: string;
  to: string;
  role: string | null;
}

export interface Subgraph {
  nodes: NodeSummary[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface GraphPath {
  length: number;
  nodes: NodeSummary[];
  relationships: GraphEdge[];
}

export interface Estimate {
  low: number | null;
  high: number | null;
  qualifier: "EXACT" | "AT_LEAST" | "ABOUT" | "UP_TO" | "RANGE" | "UNKNOWN";
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

const lowerWords = (value: string): string => value.toLowerCase().replace(/_/g, " ");

/** The label drawn on a node: its name or title, or for statements and claims what they are. */
export function nodeLabel(node: NodeSummary): string {
  switch (node.__typename) {
    case "Actor":
    case "Place":
    case "Agreement":
      return node.name ?? node.id;
    case "Event":
      return node.title ?? node.id;
    case "Source":
      return shorten(node.title ?? node.id, 48);
    case "Statement":
      return `${node.speaker?.name ?? "Someone"}: ${lowerWords(node.stance ?? "statement")}`;
    case "Claim":
      return `${lowerWords(node.claimKind ?? "")} claim: ${shorten(node.text ?? node.id, 40)}`.trimStart();
  }
}

/**
 * A name set apart from the text around it (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE,
 * the plain-text form of `<bdi>`): a right-to-left name, or one holding an override character, cannot
 * reorder the words after it. For text that is not built as elements (the canvas, messages).
 */
export function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}

/** What tells a node apart from others of the same name: a place's kind and where it is, else the node type. */
function qualifier(node: NodeSummary, detail: 0 | 1 | 2): string {
  const kind = node.__typename === "Place" && node.placeKind ? lowerWords(node.placeKind) : node.__typename.toLowerCase();
  if (detail === 0) return kind;
  const where = node.parent ? `${kind} in ${node.parent.name}` : kind;
  return detail === 1 ? where : `${where}, ${node.id}`;
}

export interface NodeName {
  /** The node's own label (`nodeLabel`). */
  name: string;
  /** Set only when another of the nodes has the same name: "district", "city in Idleb District". */
  qualifier: string | null;
}

/**
 * Names for a set of nodes drawn together: nodes that share a name get the shortest qualifier that tells
 * them apart (the kind, then the kind and the enclosing place, then the id).
 */
export function distinctNames(nodes: readonly NodeSummary[]): Map<string, NodeName> {
  const byName = new Map<string, NodeSummary[]>();
  for (const node of nodes) {
    const name = nodeLabel(node);
    byName.set(name, [...(byName.get(name) ?? []), node]);
  }
  const names = new Map<string, NodeName>();
  for (const [name, group] of byName) {
    if (group.length === 1) {
      for (const node of group) names.set(node.id, { name, qualifier: null });
      continue;
    }
    const detail = ([0, 1] as const).find((level) => new Set(group.map((node) => qualifier(node, level))).size === group.length) ?? 2;
    for (const node of group) names.set(node.id, { name, qualifier: qualifier(node, detail) });
  }
  return names;
}

/** A name and its qualifier as one line of text: "Idleb (city in Idleb District)". */
export function nameText({ name, qualifier }: NodeName): string {
  return qualifier ? `${isolate(name)} (${qualifier})` : name;
}

/** What a search hit says beside a place's name, so that places of the same name are told apart in the list. */
export function placeDescription(node: NodeSummary): string | null {
  return node.__typename === "Place" ? qualifier(node, 1) : null;
}

/** One id per stored relationship: PARTICIPATED_IN may link the same two nodes in two roles. */
export function edgeId(edge: GraphEdge): string {
  return `${edge.from}|${edge.type}|${edge.role ?? ""}|${edge.to}`;
}

export function edgeLabel(edge: GraphEdge): string {
  return edge.role ? `${edge.type} (${edge.role.toLowerCase()})` : edge.type;
}

/** "at least 7", "39", "12–20"; null when the figure is unknown. */
export function formatEstimate(estimate: Estimate | null | undefined): string | null {
  if (!estimate) return null;
  const { low, high, qualifier } = estimate;
  switch (qualifier) {
    case "EXACT":
      return String(low ?? high);
    case "AT_LEAST":
      return low === null ? null : `at least ${low}`;
    case "ABOUT":
      return low === null ? null : `about ${low}`;
    case "UP_TO":
      return high === null ? null : `up to ${high}`;
    case "RANGE":
      return low === null || high === null ? null : `${low}–${high}`;
    case "UNKNOWN":
      return null;
  }
}

/** True when an event's date (YYYY-MM-DD) is inside the range; open ends are unbounded. */
export function inDateRange(date: string | undefined, from: string, to: string): boolean {
  if (date === undefined) return true;
  return (from === "" || date >= from) && (to === "" || date <= to);
}
