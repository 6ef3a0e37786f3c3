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
