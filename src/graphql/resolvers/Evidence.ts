import type { SourceRow } from "../../model/rows.js";
import type { EvidenceResolvers } from "../generated/resolvers.js";

export const Evidence: EvidenceResolvers = {
  // One quoted passage, wherever it is cited from: its source's slug and its offsets.
  id: (evidence) => `evidence:${evidence.sourceId.slice(evidence.sourceId.indexOf(":") + 1)}:${evidence.start}-${evidence.end}`,
  source: async (evidence, _, context) => (await context.loaders.nodes.load(evidence.sourceId)) as SourceRow,
};
