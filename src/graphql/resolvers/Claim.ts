import type { ActorRow } from "../../model/rows.js";
import type { ClaimResolvers } from "../generated/resolvers.js";
import { evidenceOf } from "./shared.js";

/** Besides the catalogue's plain relationship fields (relationshipFields.ts). */
export const Claim: ClaimResolvers = {
  evidence: (claim, _, context) => evidenceOf(context, "Claim", claim),
  // A figure that does not say whom it counts counts everyone; other kinds of claim count no one.
  victims: (claim) => (claim.kind === "FATALITIES" || claim.kind === "INJURIES" ? (claim.victims ?? "ALL") : null),
  victimsOf: async (claim, _, context) =>
    claim.victimsOf === null ? null : ((await context.loaders.nodes.load(claim.victimsOf)) as ActorRow | null),
};
