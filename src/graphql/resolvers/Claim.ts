import type { ActorRow, EventRow, SourceRow, StatementRow } from "../../model/rows.js";
import type { ClaimResolvers } from "../generated/resolvers.js";
import { evidenceOf, related, relatedOne } from "./shared.js";

export const Claim: ClaimResolvers = {
  event: async (claim, _, context) => (await relatedOne<EventRow>(context, "claimEvent", claim))!,
  actors: (claim, _, context) => related<ActorRow>(context, "claimActors", claim),
  assertedBy: (claim, _, context) => relatedOne<ActorRow>(context, "claimAssertedBy", claim),
  source: async (claim, _, context) => (await relatedOne<SourceRow>(context, "claimSource", claim))!,
  evidence: (claim, _, context) => evidenceOf(context, "Claim", claim),
  disputedBy: (claim, _, context) => related<StatementRow>(context, "claimDisputedBy", claim),
};
