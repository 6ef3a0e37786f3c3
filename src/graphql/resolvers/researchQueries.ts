/** The research fields of Query: traversals and statistics, with their bounds checked before any Cypher. */
import { InvalidInputError } from "../../errors.js";
import { expectId, labelOf } from "../../model/ids.js";
import type { QueryResolvers } from "../generated/resolvers.js";
import { selectedFields } from "../selection.js";
import { checkedEventFilter } from "./shared.js";

export const MAX_PATH_HOPS = 6;
export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_NEIGHBORHOOD_NODES = 500;
export const MAX_CO_INVOLVED = 100;

function inRange(value: number, min: number, max: number, argument: string): number {
  if (value < min || value > max) throw new InvalidInputError(`${argument} must be between ${min} and ${max}, got ${value}.`, argument);
  return value;
}

export const researchQueries: Pick<QueryResolvers, "shortestPath" | "neighborhood" | "eventStats" | "coInvolved"> = {
  shortestPath: async (_, { from, to, maxHops }, context) => {
    const hops = inRange(maxHops, 1, MAX_PATH_HOPS, "maxHops");
    const start = { id: from, label: labelOf(from, "from") };
    const end = { id: to, label: labelOf(to, "to") };
    if (from === to) {
      // Cypher's shortestPath refuses a path from a node to itself; the answer is the node alone.
      const node = await context.loaders.nodes.load(from);
      return node ? { length: 0, nodes: [node], relationships: [] } : null;
    }
    return context.repositories.research.shortestPath(start, end, hops);
  },

  neighborhood: async (_, { id, depth, limit }, context) => {
    inRange(depth, 1, MAX_NEIGHBORHOOD_DEPTH, "depth");
    inRange(limit, 1, MAX_NEIGHBORHOOD_NODES, "limit");
    const found = await context.repositories.research.neighborhood({ id, label: labelOf(id, "id") }, depth, limit);
    return found ?? { nodes: [], edges: [], truncated: false };
  },

  eventStats: (_, { groupBy, filter, includeMembers }, context, info) => {
    if (includeMembers && groupBy !== "PERPETRATOR") {
      throw new InvalidInputError("includeMembers rolls up perpetrators: it needs groupBy: PERPETRATOR.", "includeMembers");
    }
    const tolls = selectedFields(info).has("tolls");
    return context.repositories.research.eventStats(groupBy, checkedEventFilter(filter), includeMembers, tolls);
  },

  coInvolved: (_, { actorId, role, includeMembers, credited, first }, context) => {
    expectId(actorId, "actor", "actorId");
    const count = inRange(first, 1, MAX_CO_INVOLVED, "first");
    return context.repositories.research.coInvolved(actorId, { role: role ?? null, includeMembers, credited }, count);
  },
};
