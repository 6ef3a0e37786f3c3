import type { ActorRow, EventRow, SourceRow, StatementRow } from "../../model/rows.js";
import type { ClaimResolvers } from "../generated/resolvers.js";
import { related, relatedOne } from "./shared.js";

export const Claim: ClaimResolvers = {
  event: async (claim, _, context) => (await relatedOne<EventRow>(context, "claimEvent", claim.id))!,
  actors: (claim, _, context) => related<ActorRow>(context, "claimActors", claim.id),
  assertedBy: (claim, _, context) => relatedOne<ActorRow>(context, "claimAssertedBy", claim.id),
  source: async (claim, _, context) => (await relatedOne<SourceRow>(context, "claimSource", claim.id))!,
  evidence: (claim, _, context) => context.loaders.evidence("Claim").load(claim.id),
  disputedBy: (claim, _, context) => related<StatementRow>(context, "claimDisputedBy", claim.id),
};
