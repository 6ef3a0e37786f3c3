/** The explorer's calls to this server's GraphQL API. */
import { NODE_TYPES, type Estimate, type GraphPath, type Membership, type NodeSummary, type Subgraph } from "./model.js";
import type { Interval, MapEvent, WeekCount } from "./mapModel.js";
import {
  BLAMED_COUNTS_QUERY,
  MAP_EVENTS_QUERY,
  NEIGHBORHOOD_QUERY,
  NODE_DETAILS_QUERY,
  SEARCH_QUERY,
  SHORTEST_PATH_QUERY,
  TIMELINE_QUERY,
} from "./queries.js";

export class ApiError extends Error {
  override name = "ApiError";
}

async function request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("The server cannot be reached.");
  }
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The server answered HTTP ${response.status} without a GraphQL response.`);
  }
  if (body.errors && body.errors.length > 0) throw new ApiError(body.errors.map((error) => error.message).join("; "));
  if (!body.data) throw new ApiError(`The server answered HTTP ${response.status} with no data.`);
  return body.data;
}

export interface SearchHit {
  score: number;
  node: NodeSummary;
}

/**
 * Node types the explorer draws. The API knows others (an Incident is a node, but no relationship the drawing
 * follows reaches it: the explorer shows incidents inside their reports' details), which are left out.
 */
const drawable = (node: { __typename: string }): boolean => (NODE_TYPES as readonly string[]).includes(node.__typename);

export async function search(text: string): Promise<SearchHit[]> {
  return (await request<{ search: SearchHit[] }>(SEARCH_QUERY, { query: text })).search.filter((hit) => drawable(hit.node));
}

export async function neighborhood(id: string, depth: number, limit = 150): Promise<Subgraph> {
  const subgraph = (await request<{ neighborhood: Subgraph }>(NEIGHBORHOOD_QUERY, { id, depth, limit })).neighborhood;
  const nodes = subgraph.nodes.filter(drawable);
  const kept = new Set(nodes.map((node) => node.id));
  return { ...subgraph, nodes, edges: subgraph.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)) };
}

/** The API allows at most 6 hops. */
export const MAX_PATH_HOPS = 6;

export async function shortestPath(from: string, to: string): Promise<GraphPath | null> {
  return (await request<{ shortestPath: GraphPath | null }>(SHORTEST_PATH_QUERY, { from, to, maxHops: MAX_PATH_HOPS })).shortestPath;
}

export interface Ref {
  id: string;
  name: string;
}

/** A place as listed: enough to tell it from another of its name ("Idleb (city, Idleb District)"). */
export interface PlaceRef extends Ref {
  kind: string;
  parent: { name: string } | null;
}

export interface SourceRef {
  id: string;
  title: string;
  publishedOn: string | null;
}

/** An identifier of a node in an outside registry (`acled`, `wikidata`, …). */
export interface ExternalId {
  scheme: string;
  value: string;
}

export interface Quote {
  quote: string;
}

export interface ClaimDetails {
  id: string;
  claimKind: string;
  text: string;
  estimate: Estimate | null;
  assertedBy: Ref | null;
  source: SourceRef;
  evidence: Quote[];
}

/** An incident as the explorer lists it: when, how its reports came together, and its combined toll. */
export interface IncidentSummary {
  id: string;
  date: string;
  match: "SINGLE" | "AUTOMATIC" | "CURATED";
  fatalities: Estimate | null;
  injuries: Estimate | null;
}

/** One event report of an incident, with what its sources say: their figures and their quotes. */
export interface Report {
  id: string;
  title: string;
  date: string;
  datePrecision: string;
  places: PlaceRef[];
  claims: ClaimDetails[];
  evidence: (Quote & { source: SourceRef })[];
}

/** What `node(id)` returns with the details fragment; only the fields of the node's own type are set. */
export type NodeDetails =
  | {
      __typename: "Actor";
      id: string;
      name: string;
      actorKind: string;
      description: string | null;
      aliases: string[];
      partOf: Membership[];
      members: Ref[];
      blamedFor: { totalCount: number; edges: { node: { id: string; title: string; date: string } }[] };
      /** The incidents and reports it is blamed for, from its `eventStats` bucket; null when that could not be read. */
      blamedCounts?: BlamedCounts | null;
      identifiers: ExternalId[];
    }
  | {
      __typename: "Place";
      id: string;
      name: string;
      placeKind: string;
      aliases: string[];
      parent: { name: string } | null;
      ancestors: PlaceRef[];
      identifiers: ExternalId[];
    }
  | {
      __typename: "Event";
      id: string;
      title: string;
      eventDate: string;
      datePrecision: string;
      category: string;
      type: string;
      summary: string | null;
      places: PlaceRef[];
      fatalities: Estimate | null;
      injuries: Estimate | null;
      responsibilityContested: boolean;
      identifiers: ExternalId[];
      claims: ClaimDetails[];
      evidence: Quote[];
      incident: IncidentSummary & { reports: Report[] };
      incidentCandidates: (IncidentSummary & { reports: Pick<Report, "id" | "title" | "date" | "places">[] })[];
    }
  | {
      __typename: "Statement";
      id: string;
      stance: string;
      statementDate: string | null;
      text: string;
      speaker: Ref;
      onBehalfOf: Ref | null;
      targets: Ref[];
      source: SourceRef;
      evidence: Quote[];
    }
  | ({ __typename: "Claim"; event: { id: string; title: string } } & ClaimDetails)
  | {
      __typename: "Agreement";
      id: string;
      name: string;
      signedOn: string | null;
      endsOn: string | null;
      summary: string | null;
      parties: Ref[];
      covers: PlaceRef[];
    }
  | { __typename: "Source"; id: string; title: string; publishedOn: string | null; url: string | null; publisher: Ref | null };

/** Incidents, each once however many sources report it, and their reports, as `eventStats` counts them. */
export interface BlamedCounts {
  incidents: number;
  reports: number;
}

/**
 * A node's details; null when there is no such node, or it is of a type the explorer does not draw. An actor blamed
 * for anything also gets its counts from `eventStats`, so that the page counts incidents exactly as the API does.
 */
export async function nodeDetails(id: string): Promise<NodeDetails | null> {
  const node = (await request<{ node: NodeDetails | null }>(NODE_DETAILS_QUERY, { id })).node;
  if (!node || !drawable(node)) return null;
  if (node.__typename === "Actor" && node.blamedFor.totalCount > 0) node.blamedCounts = await blamedCounts(id);
  return node;
}

async function blamedCounts(actorId: string): Promise<BlamedCounts | null> {
  const { eventStats } = await request<{ eventStats: { key: string; events: number; reports: number }[] }>(BLAMED_COUNTS_QUERY, {});
  const bucket = eventStats.find((candidate) => candidate.key === actorId);
  return bucket ? { incidents: bucket.events, reports: bucket.reports } : null;
}

/** The subset of `EventFilter` the map and the timeline send: the date inputs and the focused actor or place. */
export interface MapFilter {
  from?: string;
  to?: string;
  placeId?: string;
  actorId?: string;
}

/** The map reads at most this many events (ten pages); it says so when the filter matches more. */
export const MAP_EVENT_LIMIT = 1_000;

/** The filter's events, oldest first, up to `MAP_EVENT_LIMIT`, with how many match in all. */
export async function mapEvents(filter: MapFilter): Promise<{ events: MapEvent[]; totalCount: number }> {
  const events: MapEvent[] = [];
  let after: string | null = null;
  let totalCount: number;
  do {
    const page: {
      events: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: MapEvent }[] };
    } = await request(MAP_EVENTS_QUERY, { filter, after });
    totalCount = page.events.totalCount;
    events.push(...page.events.edges.map((edge) => edge.node));
    after = page.events.pageInfo.hasNextPage ? page.events.pageInfo.endCursor : null;
  } while (after !== null && events.length < MAP_EVENT_LIMIT);
  return { events, totalCount };
}

/** Incidents per interval from `from` to `to`, split by perpetrator (`name` left for the caller to fill). */
export async function perpetratorSeries(interval: Interval, filter: MapFilter & { from: string; to: string }): Promise<WeekCount[]> {
  const data = await request<{ timeSeries: { start: string; key: string | null; events: number }[] }>(TIMELINE_QUERY, { interval, filter });
  return data.timeSeries.map((point) => ({ start: point.start, key: point.key, name: null, events: point.events }));
}
