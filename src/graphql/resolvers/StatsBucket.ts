import { parseId } from "../../model/ids.js";
import type { StatsBucketResolvers } from "../generated/resolvers.js";

export const StatsBucket: StatsBucketResolvers = {
  /** Keys that are ids (perpetrators, places, provinces) name a node; months and types do not. */
  node: (bucket, _, context) => (parseId(bucket.key) ? context.loaders.nodes.load(bucket.key) : null),
};
