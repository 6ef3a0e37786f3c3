import { parseId } from "../../model/ids.js";
import type { StatsBucketResolvers } from "../generated/resolvers.js";
import { graphqlInt } from "./Estimate.js";

export const StatsBucket: StatsBucketResolvers = {
  /** Keys that are ids (perpetrators, places, provinces) name a node; months and types do not. */
  node: (bucket, _, context) => (parseId(bucket.key) ? context.loaders.nodes.load(bucket.key) : null),
  fatalitiesLow: (bucket) => graphqlInt(bucket.fatalitiesLow) ?? 0,
  fatalitiesHigh: (bucket) => graphqlInt(bucket.fatalitiesHigh),
};
