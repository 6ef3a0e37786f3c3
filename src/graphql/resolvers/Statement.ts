import type { StatementResolvers } from "../generated/resolvers.js";
import { evidenceOf } from "./shared.js";

/** Besides the catalogue's plain relationship fields (relationshipFields.ts). */
export const Statement: StatementResolvers = {
  evidence: (statement, _, context) => evidenceOf(context, "Statement", statement),
};
