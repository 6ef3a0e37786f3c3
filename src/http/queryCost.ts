/**
 * The estimated cost of a query. graphql-armor's own cost rule counts fields but not how many times a list repeats
 * them, so `events(first: 100) { places { events(first: 100) { … } } }` would pass it; here a list multiplies
 * its children by its page size or its assumed length, and the fields that scan or traverse the graph
 * (aggregations, paths, neighbourhoods, search) add the work they do whatever they return.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isLeafType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type GraphQLOutputType,
} from "graphql";
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import type { Context } from "../graphql/context.js";
import type { CostLimits } from "../config.js";
import { ErrorCode } from "../errors.js";
import { MAX_CO_INVOLVED, MAX_NEIGHBORHOOD_DEPTH, MAX_NEIGHBORHOOD_NODES, MAX_PATH_HOPS } from "../graphql/resolvers/researchQueries.js";
import { seriesTooLong } from "../graphql/resolvers/timeSeries.js";
import { EVENT_TYPES, TIME_INTERVALS, type TimeInterval } from "../model/enums.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../model/pagination.js";
import { intervalCount, MAX_SERIES_POINTS } from "../model/timeSeries.js";
import { type BoundedCache, cachedOr, estimateKey } from "./boundedCache.js";

/**
 * The assumed length of each list that is not a connection: the most a real page meets (an event's claims,
 * a claim's evidence), not a truncation. Lists missing here count DEFAULT_LIST_BOUND. SECURITY.md lists them.
 */
export const LIST_BOUNDS: ReadonlyMap<string, number> = new Map([
  ["Actor.partOf", 3],
  ["Actor.members", 20],
  ["Actor.allies", 10],
  ["Actor.agreements", 5],
  ["Agreement.parties", 5],
  ["Agreement.covers", 5],
  ["Agreement.evidence", 3],
  ["Claim.actors", 3],
  ["Claim.evidence", 3],
  ["Claim.disputedBy", 3],
  ["Event.places", 3],
  ["Event.participants", 5],
  ["Event.perpetrators", 3],
  ["Event.claims", 5],
  ["Event.statements", 5],
  ["Event.violates", 2],
  ["Event.evidence", 5],
  ["Event.incidentCandidates", 3],
  ["Incident.reports", 3],
  ["Place.ancestors", 4],
  ["Place.children", 30],
  ["Place.agreements", 5],
  ["Statement.about", 3],
  ["Statement.targets", 3],
  ["Statement.invokes", 2],
  ["Statement.disputes", 3],
  ["Statement.evidence", 3],
  // Multiplied by `maxHops` and `limit` at shortestPath and neighborhood: one node and one edge per step.
  ["Path.nodes", 1],
  ["Path.relationships", 1],
  ["Subgraph.nodes", 1],
  ["Subgraph.edges", 1],
  // Buckets of eventStats: 14 provinces, 21 types, a month per month of data, a place or actor per bucket.
  ["Query.eventStats", 100],
  // A series point's tolls: one per victim group at most.
  ["SeriesPoint.tolls", 4],
  ["ImportReport.resolved", 100],
  ["Mutation.linkIncident", 20],
]);
export const DEFAULT_LIST_BOUND = 10;

/**
 * Work a field does whatever it returns: eventStats reads every event its filter selects (2.8 s for 63k
 * events grouped by province), coInvolved walks all of an actor's events and their participants, neighborhood
 * expands hop by hop (counted per level of `depth`), shortestPath searches both ways (counted per hop of
 * `maxHops`), search queries the full-text index, timeSeries reads as eventStats does.
 */
export const FIELD_WORK: ReadonlyMap<string, number> = new Map([
  ["Query.eventStats", 2_500],
  // The same reading and grouping as eventStats, with the interval of each incident besides.
  ["Query.timeSeries", 2_500],
  ["Query.coInvolved", 1_000],
  ["Query.neighborhood", 300],
  ["Query.shortestPath", 200],
  ["Query.search", 50],
  // The reports at the event's places and the places around and inside them, within a month of its date.
  ["Event.incidentCandidates", 20],
]);

/**
 * Work a field adds when one of its Boolean arguments is true: the roll-ups. A state's Actor.events with
 * `includeMembers` walks the events of all its forces and their units before it cuts a page (31k database hits for
 * 3,200 events of 98 members, against 18k for the busiest actor's own 2,500 events, in a 5k-event graph), about
 * what coInvolved walks; `credited` adds the claims that name them (20k more); eventStats' rolled-up PERPETRATOR
 * buckets climb from every perpetrator to every actor it is part of (2.8 times the database hits).
 */
export const ARGUMENT_WORK: ReadonlyMap<string, number> = new Map([
  ["Actor.events.includeMembers", 1_000],
  ["Actor.events.credited", 200],
  ["Query.eventStats.includeMembers", 2_500],
]);

/** The argument that multiplies a field's work (by 1 when absent). */
const WORK_PER: ReadonlyMap<string, string> = new Map([
  ["Query.neighborhood", "depth"],
  ["Query.shortestPath", "maxHops"],
]);

const PAGE_SIZE_ARGUMENTS = ["first", "last", "limit"] as const;

/**
 * The largest value each argument may take (page sizes: MAX_PAGE_SIZE). A value past it is counted at the
 * maximum, so that the resolver's own check answers, with BAD_USER_INPUT naming the argument.
 */
const ARGUMENT_MAXIMA: ReadonlyMap<string, number> = new Map([
  ["Query.shortestPath.maxHops", MAX_PATH_HOPS],
  ["Query.neighborhood.depth", MAX_NEIGHBORHOOD_DEPTH],
  ["Query.neighborhood.limit", MAX_NEIGHBORHOOD_NODES],
  ["Query.coInvolved.first", MAX_CO_INVOLVED],
]);

function numericArgument(coordinate: string, args: Record<string, unknown>, name: string): number | undefined {
  const value = args[name];
  if (typeof value !== "number") return undefined;
  return Math.min(Math.max(value, 1), ARGUMENT_MAXIMA.get(`${coordinate}.${name}`) ?? MAX_PAGE_SIZE);
}

/**
 * The groups a split time series is assumed to have, for its cost (`by` a time grouping counts its intervals over the
 * range instead): as many perpetrators or places as eventStats' buckets (LIST_BOUNDS), Syria's 14 provinces, every
 * sub-event type.
 */
export const SERIES_GROUPS: ReadonlyMap<string, number> = new Map([
  ["PERPETRATOR", 100],
  ["PLACE", 100],
  ["PROVINCE", 14],
  ["TYPE", EVENT_TYPES.length],
]);

const isInterval = (value: unknown): value is TimeInterval => TIME_INTERVALS.some((interval) => interval === value);

/**
 * A time series' intervals and its groups, as its arguments tell before any database work: the intervals from
 * `filter.from` to `filter.to` and the groups of SERIES_GROUPS. Without both ends (or with them reversed) it counts
 * one interval, so that the resolver answers BAD_USER_INPUT naming what is missing.
 */
export function estimatedSeries(args: Record<string, unknown>): { intervals: number; groups: number } {
  const filter = (args.filter ?? {}) as { from?: unknown; to?: unknown };
  const { interval, by } = args;
  const { from, to } = filter;
  if (!isInterval(interval) || typeof from !== "string" || typeof to !== "string" || from > to) return { intervals: 1, groups: 1 };
  const groups = typeof by !== "string" ? 1 : isInterval(by) ? intervalCount(from, to, by) : (SERIES_GROUPS.get(by) ?? DEFAULT_LIST_BOUND);
  return { intervals: intervalCount(from, to, interval), groups };
}

function returnsList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * Objects cost 1 (scalars nothing), times the page size or assumed length of the list that holds them, plus
 * the field's own work (FIELD_WORK, and ARGUMENT_WORK for the arguments switched on). `shortestPath` and `neighborhood` multiply their path or subgraph by
 * `maxHops` and `limit`: one node and one relationship per step. Without `withWork`, the field's own work is left out
 * (admission.ts tells heavy operations by the difference).
 */
export function estimateFieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs, withWork = true): number {
  const named = getNamedType(field.type);
  // Introspection (`__schema`, `__type`) reads the schema in memory; it is switched off in production instead.
  if (isLeafType(named) || field.name.startsWith("__")) return 0;
  const coordinate = `${type.name}.${field.name}`;
  const per = WORK_PER.get(coordinate);
  const times = (per === undefined ? undefined : numericArgument(coordinate, args, per)) ?? 1;
  const switchedOn = Object.keys(args).filter((name) => args[name] === true);
  const work = !withWork
    ? 0
    : (FIELD_WORK.get(coordinate) ?? 0) * times +
      switchedOn.reduce((sum, name) => sum + (ARGUMENT_WORK.get(`${coordinate}.${name}`) ?? 0), 0);
  const own = 1 + childComplexity;
  // A path of n hops holds n + 1 nodes and n relationships (Path.nodes and Path.relationships count 1 each).
  if (coordinate === "Query.shortestPath") return work + 1 + childComplexity * (times + 1);
  // A time series has a point per interval and group; one past MAX_SERIES_POINTS is refused here with its own message.
  if (coordinate === "Query.timeSeries") {
    const { intervals, groups } = estimatedSeries(args);
    if (intervals * groups > MAX_SERIES_POINTS) {
      const by = typeof args.by === "string" ? args.by : null;
      throw seriesTooLong(args.interval as TimeInterval, intervals, by, groups, by !== null && !isInterval(by));
    }
    return work + own * intervals * groups;
  }
  const pageSize = PAGE_SIZE_ARGUMENTS.map((name) => numericArgument(coordinate, args, name)).find((value) => value !== undefined);
  if (pageSize !== undefined) return work + own * pageSize;
  if (named.name.endsWith("Connection")) return work + own * DEFAULT_PAGE_SIZE;
  // A connection's edges are already counted by the connection's page size.
  if (field.name === "edges") return own;
  if (!returnsList(field.type)) return work + own;
  return work + own * (LIST_BOUNDS.get(coordinate) ?? DEFAULT_LIST_BOUND);
}

/** The most fields in one operation, fragments expanded, before counting the cost would itself cost too much. */
export const MAX_QUERY_NODES = 10_000;

export function queryTooComplex(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QueryTooComplex, ...extensions, http: { status: 400 } } });
}

/** The estimated cost of an operation with its variables; throws QUERY_TOO_COMPLEX past MAX_QUERY_NODES fields. */
export function queryCost(
  schema: Parameters<typeof getComplexity>[0]["schema"],
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  // An operationName that names no operation (or none for a document of several) leaves nothing to count: graphql-js
  // refuses it when it executes, with a message that says so. graphql-query-complexity would throw a TypeError.
  if (getOperationAST(document, operationName) === null) return 0;
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [estimateFieldCost],
      maxQueryNodes: MAX_QUERY_NODES,
    });
  } catch (error) {
    // graphql-query-complexity's node limit is a plain GraphQLError without a code.
    if (error instanceof GraphQLError && !error.extensions.code) {
      throw queryTooComplex(`The query selects more than ${MAX_QUERY_NODES} fields once its fragments are expanded.`, {
        maximumNodes: MAX_QUERY_NODES,
      });
    }
    throw error;
  }
}

/** The refusal of an operation whose estimated cost exceeds the caller's limit (over HTTP and over WebSocket alike). */
export function tooExpensive(cost: number, maximum: number): GraphQLError {
  return queryTooComplex(
    `Query too expensive: estimated cost ${cost} exceeds the limit of ${maximum}. Ask for smaller pages or fewer nested lists.`,
    { cost, maximumCost: maximum },
  );
}

/**
 * Refuses an operation whose estimated cost exceeds the viewer's limit. The estimate is computed once per query,
 * operation and variables and kept in `estimates` (bounded): counting walks the whole document, every request.
 */
export function queryCostPlugin(limits: CostLimits, estimates?: BoundedCache<number>): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: async ({ request, document, schema, operation, contextValue, queryHash }) => {
          // No operation by that name: Apollo answers 400 OPERATION_RESOLUTION_FAILURE; there is nothing to count.
          if (!operation) return;
          // Variables that do not fit their types are left to Apollo, which answers 400 BAD_USER_INPUT before
          // any resolver runs; the estimator would throw on them, and the client would get a 500.
          if (getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}).errors) return;
          const cost = await cachedOr(estimates, estimateKey("cost", queryHash, request.operationName, request.variables), () =>
            queryCost(schema, document, request.variables ?? {}, request.operationName ?? undefined),
          );
          const maximum = limits[contextValue.viewer.role];
          if (cost > maximum) throw tooExpensive(cost, maximum);
        },
      }),
  };
}
