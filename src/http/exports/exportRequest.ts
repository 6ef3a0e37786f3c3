/**
 * What an export request must pass before any Cypher runs, by the same rules as a GraphQL read:
 * - its `filter` is a GraphQL `EventFilter`, coerced by graphql-js against the served schema (the same coercion a
 *   `$filter` variable gets: types, enums, the Date scalar, every field another part of the schema adds), then
 *   checked by the resolvers' own `checkedEventFilter` (ids, ranges);
 * - its cost is that of the GraphQL page it stands for (`EXPORT_QUERIES`: a page of 100 rows with the export's
 *   columns), against the caller's cost limit (queryCost.ts);
 * - its weight in admission control (admission.ts) is that page's, held for the whole download.
 * Refusals are GraphQL errors with a code, formatted by the same `formatError` as GraphQL's.
 */
import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { ErrorCode } from "../../errors.js";
import { checkedEventFilter } from "../../graphql/resolvers/shared.js";
import type { EventConditions } from "../../repositories/eventRepository.js";
import { operationWeight } from "../admission.js";
import type { CostLimits } from "../../config.js";
import { queryCost, queryTooComplex } from "../queryCost.js";
import type { Role } from "../../model/enums.js";

export type ExportKind = "events" | "incidents";

const ESTIMATE = "{ low best high qualifier }";
const EVENT_COLUMNS_SELECTION = `id title date endDate datePrecision category type location { latitude longitude } geoPrecision
  places { id name kind location { latitude longitude } ancestors { id name kind location { latitude longitude } } }
  perpetrators { id name } fatalities ${ESTIMATE} injuries ${ESTIMATE} tolls { victims estimate ${ESTIMATE} }
  responsibilityContested evidence { source { id title } } claims { source { id title } }
  identifiers { scheme value } ucdpConflictId ucdpDyadId`;

/**
 * The GraphQL read each export stands for, page by page: what it costs and how heavy it is are this query's. The
 * export pages through the database by the same keyset, in larger pages, reading the same fields. Events are charged
 * as pages of 100 (8,900, under the anonymous limit of 10,000); incidents, each with its reports, as pages of 30
 * (8,580; a page of 100 would be 28,600): the pages an anonymous caller could read the same rows by.
 */
export const EXPORT_QUERIES: Readonly<Record<ExportKind, string>> = {
  events: `query ExportEvents($filter: EventFilter) {
  events(filter: $filter, orderBy: DATE_ASC, first: 100) { edges { node { ${EVENT_COLUMNS_SELECTION} } } }
}`,
  incidents: `query ExportIncidents($filter: EventFilter) {
  incidents(filter: $filter, first: 30) {
    edges { node { id date match fatalities ${ESTIMATE} injuries ${ESTIMATE} tolls { victims estimate ${ESTIMATE} }
      reports { ${EVENT_COLUMNS_SELECTION} } } }
  }
}`,
};

interface Planned {
  document: ReturnType<typeof parse>;
  operation: OperationDefinitionNode;
}

/** Each export's document, parsed and validated against the served schema once. */
const planned = new WeakMap<GraphQLSchema, Map<ExportKind, Planned>>();

function planOf(schema: GraphQLSchema, kind: ExportKind): Planned {
  let plans = planned.get(schema);
  if (!plans) {
    plans = new Map();
    planned.set(schema, plans);
  }
  const known = plans.get(kind);
  if (known) return known;
  const document = parse(EXPORT_QUERIES[kind]);
  const errors = validate(schema, document);
  // A schema change that breaks the export's query is a programming error, caught by the export's tests.
  if (errors.length > 0) throw new Error(`The ${kind} export's query does not fit the schema: ${errors.map((e) => e.message).join("; ")}`);
  const plan = { document, operation: getOperationAST(document)! };
  plans.set(kind, plan);
  return plan;
}

/** A refusal in the GraphQL error shape, with its HTTP status. */
export function refusal(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

/** The `filter` query parameter: absent, or one JSON object. */
export function filterParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value !== "string") {
    throw refusal("Give filter once, as one JSON object (an EventFilter), URL-encoded.", ErrorCode.BadUserInput, { argument: "filter" });
  }
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw refusal(`filter must be JSON (an EventFilter object), e.g. filter={"from":"2019-07-01"}.`, ErrorCode.BadUserInput, {
      argument: "filter",
    });
  }
}

export interface CheckedExport {
  /** The filter as the repositories take it. */
  conditions: EventConditions;
  /** Heavy slots to hold while the export runs (admission.ts), as the GraphQL page would. */
  weight: number;
}

/**
 * Coerces and checks an export's filter and its cost for `role`; throws a coded GraphQLError (BAD_USER_INPUT,
 * QUERY_TOO_COMPLEX) for the caller to see.
 */
export function checkedExport(schema: GraphQLSchema, kind: ExportKind, filter: unknown, role: Role, limits: CostLimits): CheckedExport {
  const { document, operation } = planOf(schema, kind);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], { filter });
  if (coerced.errors) {
    const [first] = coerced.errors;
    throw new GraphQLError(first!.message, { extensions: { code: ErrorCode.BadUserInput, http: { status: 400 } } });
  }
  const variables = coerced.coerced;
  const conditions = checkedEventFilter(variables.filter as Parameters<typeof checkedEventFilter>[0]);
  const cost = queryCost(schema, document, { filter });
  const maximum = limits[role];
  if (cost > maximum) {
    throw queryTooComplex(
      `Export too expensive: each page is estimated at ${cost}, over the limit of ${maximum}. Send credentials for a higher limit.`,
      { cost, maximumCost: maximum },
    );
  }
  return { conditions, weight: Math.max(1, operationWeight(schema, document, operation, { filter }, undefined)) };
}
