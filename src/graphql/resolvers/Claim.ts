import type { ClaimResolvers } from "../generated/resolvers.js";
import { evidenceOf } from "./shared.js";

/** Besides the catalogue's plain relationship fields (relationshipFields.ts). */
export const Claim: ClaimResolvers = {
  evidence: (claim, _, context) => evidenceOf(context, "Claim", claim),
};
