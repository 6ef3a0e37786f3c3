/**
 * The benchmark's workload: six questions researchers and frontends ask, each with one canonical answer shape
 * that every contender's response is turned into, so that answers can be compared before anything is timed.
 *
 *   Q1  a page of 20 events, newest first, with places, their ancestors, participants and their part-of chain
 *   Q2  one event by id with its statements, claims and the claims' evidence
 *   Q3  events inside a province in a date range, first page
 *   Q4  full-text search for a place name: the first 10 places (the same index, Lucene query and ranking)
 *   Q5  incidents per month for a year (eventStats: reports of one incident count once, with its toll)
 *   Q6  the total count of Q3's filter
 *
 * Every contender does the same work, ordering: a client that shows a list needs it in a stable order, so every
 * contender orders nested lists as ours does (src/graph/catalogue.ts) and answers are compared in that order:
 *   Q1  places by name, then id; each place's ancestors nearest first; participants by role, then the actor's name,
 *       then id; each actor's part-of chain nearest first, then by name
 *   Q2  statements by date (sortDate), then id; claims by kind, then id; each claim's evidence by source id, then start
 */

import type { DatasetFacts } from "./dataset.js";

export const queryNames = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"] as const;
export type QueryName = (typeof queryNames)[number];

/** The three queries whose mix gives the headline figures. */
export const mixQueries: readonly QueryName[] = ["Q1", "Q2", "Q3"];

/** Queries that page through a list: their p50 must stay flat as the graph grows. */
export const pagedQueries: readonly QueryName[] = ["Q1", "Q3"];

export const queryTitles: Record<QueryName, string> = {
  Q1: "page of 20 events, nested",
  Q2: "event by id, claims+evidence",
  Q3: "events in province+dates",
  Q4: "full-text place search",
  Q5: "eventStats by month, 1 year",
  Q6: "totalCount, province+dates",
};

/** Q4's page, and the full-text index candidates it is cut from: as our server's search (src/repositories/searchRepository.ts). */
export const SEARCH_PAGE = 10;
export const SEARCH_CANDIDATES = SEARCH_PAGE * 10;

/** The values one request of each query is asked with. */
export interface Params {
  eventId: string;
  provinceId: string;
  from: string;
  to: string;
  placeName: string;
  year: number;
}

export interface Q1Event {
  id: string;
  title: string;
  date: string;
  places: { id: string; name: string; ancestors: string[] }[];
  participants: { role: string; actorId: string; actorName: string; partOf: string[] }[];
}

export interface Q2Event {
  id: string;
  title: string;
  statements: { id: string; stance: string; text: string; speakerId: string }[];
  claims: {
    id: string;
    kind: string;
    text: string;
    estimate: { low: number | null; high: number | null; qualifier: string } | null;
    assertedById: string | null;
    evidence: { sourceId: string; quote: string; start: number; end: number }[];
  }[];
}

export interface Answers {
  Q1: Q1Event[];
  Q2: Q2Event | null;
  Q3: { ids: string[]; hasNextPage: boolean };
  /** Every hit of the first page, in order. */
  Q4: { ids: string[] };
  Q5: { key: string; events: number; fatalitiesLow: number; fatalitiesHigh: number | null }[];
  Q6: { totalCount: number };
}

/** One HTTP request a contender answers: POST `path` with a JSON body. */
export interface HttpRequest {
  path: string;
  body: string;
}

/** How a contender asks one query and turns its response body into the canonical answer. */
export interface ContenderQuery<Q extends QueryName> {
  request(params: Params): HttpRequest;
  answer(body: unknown): Answers[Q];
}

export type Contender = { [Q in QueryName]?: ContenderQuery<Q> };

/** A GraphQL POST, the way every GraphQL contender is asked. */
export function graphqlRequest(query: string, variables: Record<string, unknown> = {}): HttpRequest {
  return { path: "/graphql", body: JSON.stringify({ query, variables }) };
}

/** The `data` of a GraphQL response; any error makes the answer unusable. */
export function graphqlData(body: unknown): Record<string, unknown> {
  const response = body as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (response.errors?.length) throw new Error(`GraphQL errors: ${response.errors.map((error) => error.message).join("; ")}`);
  if (!response.data) throw new Error("GraphQL response without data");
  return response.data;
}

/** Ids up a chain of nested single-parent fields (`partOf { id partOf { … } }`), nearest first. */
export function chainIds(node: unknown, field: string): string[] {
  const ids: string[] = [];
  const walk = (value: unknown) => {
    const parents = (value as Record<string, unknown> | null)?.[field];
    for (const parent of Array.isArray(parents) ? parents : parents ? [parents] : []) {
      ids.push(String((parent as { id: string }).id));
      walk(parent);
    }
  };
  walk(node);
  return ids;
}

/** A handful of different parameter sets, so that no contender answers one hot request over and over. */
export function workloadParams(facts: DatasetFacts): Params[] {
  const sets: Params[] = [];
  const years = facts.years;
  for (let i = 0; i < 8; i++) {
    const year = years[i % years.length]!;
    const province = facts.provinces[i % facts.provinces.length]!;
    const place = facts.localities[(i * 97) % facts.localities.length]!;
    sets.push({
      eventId: facts.eventIds[(i * 13) % facts.eventIds.length]!,
      provinceId: province.id,
      from: `${year}-01-01`,
      to: `${year}-06-30`,
      placeName: place.name,
      year,
    });
  }
  return sets;
}
