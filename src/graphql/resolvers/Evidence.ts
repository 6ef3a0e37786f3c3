import type { SourceRow } from "../../model/rows.js";
import type { EvidenceResolvers } from "../generated/resolvers.js";

export const Evidence: EvidenceResolvers = {
  source: async (evidence, _, context) => (await context.loaders.nodes.load(evidence.sourceId)) as SourceRow,
};
