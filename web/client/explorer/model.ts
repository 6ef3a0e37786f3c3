/** The shapes the explorer reads from the API, and how they are named on screen. Pure: no DOM. */

import { drawnLabels, type DrawnLabel } from "../../../src/graph/nodes.js";

/** The node types the explorer draws, in its legend's order: the node catalogue's (src/graph/nodes.ts). */
export const NODE_TYPES: readonly DrawnLabel[] = drawnLabels;
export type NodeType = DrawnLabel;

/** Enough of a node to draw it (the `NodeSummary` fragment). */
export interface NodeSummary {
  __typename: NodeType;
  id: string;
  name?: string;
  title?: string;
  /** Events only: used by the date filter. */
  date?: string;
  /** Events only: people killed, for sizing nodes by toll. */
  fatalities?: { best: number | null; low: number | null } | null;
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
    case "Source":
      return shorten(node.title ?? node.id, 48);
    case "Statement":
      return `${node.speaker?.name ?? "Someone"}: ${lowerWords(node.stance ?? "statement")}`;
    case "Claim":
      return `${lowerWords(node.claimKind ?? "")} claim: ${shorten(node.text ?? node.id, 40)}`.trimStart();
    default:
      // Actors, places, agreements, events and any type added later: its name or title.
      return node.name ?? node.title ?? node.id;
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

/** What a place is and where: "city, Idleb District"; "country" when nothing encloses it. */
export function placeQualifier(place: { placeKind?: string; parent?: { name: string } | null }): string {
  const kind = place.placeKind ? lowerWords(place.placeKind) : "place";
  return place.parent ? `${kind}, ${place.parent.name}` : kind;
}

export interface NodeName {
  /** The node's own label (`nodeLabel`). */
  name: string;
  /**
   * What sets the node apart from others of its name. Places always carry their kind and the enclosing place
   * ("city, Idleb District"), since the other place of that name may be on another page; other nodes only
   * when another drawn node has the same name (their type).
   */
  qualifier: string | null;
}

/**
 * Names for a set of nodes shown together: a place with its kind and enclosing place; another node, when it
 * shares its name with a drawn node, with its type. Nodes still alike after that get their id as well.
 */
export function distinctNames(nodes: readonly NodeSummary[]): Map<string, NodeName> {
  const byName = new Map<string, NodeSummary[]>();
  for (const node of nodes) {
    const name = nodeLabel(node);
    byName.set(name, [...(byName.get(name) ?? []), node]);
  }
  const names = new Map<string, NodeName>();
  for (const [name, group] of byName) {
    const own = (node: NodeSummary): string | null =>
      node.__typename === "Place" ? placeQualifier(node) : group.length > 1 ? node.__typename.toLowerCase() : null;
    const distinct = new Set(group.map(own)).size === group.length;
    for (const node of group) {
      const qualifier = own(node);
      names.set(node.id, { name, qualifier: distinct ? qualifier : `${qualifier ?? node.__typename.toLowerCase()}, ${node.id}` });
    }
  }
  return names;
}

/** A node's name on its own, as a place is always shown: "Idleb (city, Idleb District)". */
export function ownName(node: NodeSummary): NodeName {
  return { name: nodeLabel(node), qualifier: node.__typename === "Place" ? placeQualifier(node) : null };
}

/** A name and its qualifier as one line of text: "Idleb (city, Idleb District)". */
export function nameText({ name, qualifier }: NodeName): string {
  return qualifier ? `${isolate(name)} (${qualifier})` : name;
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

/** An actor that an actor is part of, with the ids of everything it is part of in turn (`Actor.partOf`). */
export interface Membership {
  id: string;
  name: string;
  partOf: readonly { id: string }[];
}

/** At most this many chains are drawn for one actor; more would mean a tangle, listed under "Part of" anyway. */
const MAX_CHAINS = 6;

/**
 * An actor's membership chains, nearest body first: a unit -> its force -> its state. `partOf` is the
 * actor's transitive list (`Actor.partOf`, nearest first), each entry with its own transitive list. A body's
 * direct parents are those of its list that no other entry of the list already contains; each chain follows
 * direct parents up to a body that belongs to nothing. An actor in two bodies has two chains. Should the
 * bodies form a cycle (nothing then is direct), the list as given, nearest first, is the one chain.
 */
export function membershipChains(partOf: readonly Membership[]): Membership[][] {
  const byId = new Map(partOf.map((body) => [body.id, body]));
  const direct = (ids: readonly string[]): Membership[] => {
    const known = ids.flatMap((id) => byId.get(id) ?? []);
    const covered = new Set(known.flatMap((body) => body.partOf.map((parent) => parent.id)));
    return known.filter((body) => !covered.has(body.id));
  };
  const chains: Membership[][] = [];
  const walk = (chain: Membership[], parents: Membership[]): void => {
    const next = parents.filter((parent) => !chain.includes(parent));
    if (next.length === 0) {
      if (chain.length > 0 && chains.length < MAX_CHAINS) chains.push(chain);
      return;
    }
    for (const parent of next) walk([...chain, parent], direct(parent.partOf.map((body) => body.id)));
  };
  walk([], direct(partOf.map((body) => body.id)));
  return chains.length === 0 && partOf.length > 0 ? [[...partOf]] : chains;
}
