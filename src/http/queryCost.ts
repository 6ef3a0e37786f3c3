/**
 * The cost limit. graphql-armor's own cost rule counts fields but not how many times a list repeats
 * them, so `events(first: 100) { places { events(first: 100) { … } } }` would pass it; here a list
 * multiplies its children by its page size. Counted once the operation and its variables are known,
 * before any resolver (and so any Cypher) runs.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, getNamedType, getVariableValues, isLeafType, isListType, isNonNullType, type GraphQLOutputType } from "graphql";
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import { ErrorCode } from "../errors.js";
import { DEFAULT_PAGE_SIZE } from "../model/pagination.js";

/** How many items a plain list (a place's ancestors, an event's claims) is assumed to hold. */
export const LIST_SIZE_ESTIMATE = 5;
const PAGE_SIZE_ARGUMENTS = ["first", "last", "limit"] as const;

function returnsList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Objects cost 1 (scalars nothing), times the page size or estimated length of the list that holds them. */
export function estimateFieldCost({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const own = 1 + childComplexity;
  const pageSize = PAGE_SIZE_ARGUMENTS.map((name) => args[name] as unknown).find((value) => typeof value === "number");
  if (pageSize !== undefined) return own * Math.max(pageSize, 1);
  if (named.name.endsWith("Connection")) return own * DEFAULT_PAGE_SIZE;
  // A connection's edges are already counted by the connection's page size.
  if (field.name === "edges") return own;
  return returnsList(field.type) ? own * LIST_SIZE_ESTIMATE : own;
}

export function queryCostPlugin(maximum: number): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ request, document, schema, operation }) => {
          // Variables that do not fit their types are left to Apollo, which answers 400 BAD_USER_INPUT before
          // any resolver runs; the estimator would throw on them, and the client would get a 500.
          if (getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}).errors) {
            return Promise.resolve();
          }
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [estimateFieldCost],
          });
          if (cost > maximum) {
            throw new GraphQLError(
              `Query too expensive: estimated cost ${cost} exceeds the limit of ${maximum}. Ask for smaller pages or fewer nested lists.`,
              { extensions: { code: ErrorCode.QueryTooComplex, cost, maximumCost: maximum, http: { status: 400 } } },
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
