import { parseId } from "../../model/ids.js";
import type { NodeResolvers } from "../generated/resolvers.js";

/** A node's GraphQL type is its id's prefix: `claim:x` is a Claim. */
export const Node: NodeResolvers = {
  __resolveType: (node) => parseId(node.id)?.label ?? null,
};
