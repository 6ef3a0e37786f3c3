import { parseId } from "../../model/ids.js";
import { compiledLabelOf } from "../compile/run.js";
import type { NodeResolvers } from "../generated/resolvers.js";

/** A node's GraphQL type is its id's prefix: `claim:x` is a Claim; a compiled node's is the label it was compiled for. */
export const Node: NodeResolvers = {
  __resolveType: (node) => compiledLabelOf(node) ?? parseId(node.id)?.label ?? null,
};
