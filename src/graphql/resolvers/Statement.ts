import type { ActorRow, AgreementRow, ClaimRow, EventRow, SourceRow } from "../../model/rows.js";
import type { StatementResolvers } from "../generated/resolvers.js";
import { evidenceOf, related, relatedOne } from "./shared.js";

export const Statement: StatementResolvers = {
  speaker: async (statement, _, context) => (await relatedOne<ActorRow>(context, "statementSpeaker", statement))!,
  onBehalfOf: (statement, _, context) => relatedOne<ActorRow>(context, "statementOnBehalfOf", statement),
  about: (statement, _, context) => related<EventRow>(context, "statementAbout", statement),
  targets: (statement, _, context) => related<ActorRow>(context, "statementTargets", statement),
  invokes: (statement, _, context) => related<AgreementRow>(context, "statementInvokes", statement),
  disputes: (statement, _, context) => related<ClaimRow>(context, "statementDisputes", statement),
  source: async (statement, _, context) => (await relatedOne<SourceRow>(context, "statementSource", statement))!,
  evidence: (statement, _, context) => evidenceOf(context, "Statement", statement),
};
