import type { EstimateResolvers } from "../generated/resolvers.js";

/** GraphQL's Int is a 32-bit signed integer. */
export const GRAPHQL_INT_MAX = 2_147_483_647;

/**
 * A count as GraphQL's Int can carry it: a sum beyond it (eventStats over many incidents), or a figure stored before
 * figures were capped at MAX_TOLL, answers the largest Int rather than failing the whole response.
 */
export function graphqlInt(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return Math.min(Math.round(value), GRAPHQL_INT_MAX);
}

/** Every figure the API answers goes through these, whatever node or sum it comes from. */
export const Estimate: EstimateResolvers = {
  low: (estimate) => graphqlInt(estimate.low),
  high: (estimate) => graphqlInt(estimate.high),
  best: (estimate) => graphqlInt(estimate.best),
};
