import type { ActorRow, AgreementRow, ClaimRow, EventRow, SourceRow } from "../../model/rows.js";
import type { StatementResolvers } from "../generated/resolvers.js";
import { related, relatedOne } from "./shared.js";

export const Statement: StatementResolvers = {
  speaker: async (statement, _, context) => (await relatedOne<ActorRow>(context, "statementSpeaker", statement.id))!,
  onBehalfOf: (statement, _, context) => relatedOne<ActorRow>(context, "statementOnBehalfOf", statement.id),
  about: (statement, _, context) => related<EventRow>(context, "statementAbout", statement.id),
  targets: (statement, _, context) => related<ActorRow>(context, "statementTargets", statement.id),
  invokes: (statement, _, context) => related<AgreementRow>(context, "statementInvokes", statement.id),
  disputes: (statement, _, context) => related<ClaimRow>(context, "statementDisputes", statement.id),
  source: async (statement, _, context) => (await relatedOne<SourceRow>(context, "statementSource", statement.id))!,
  evidence: (statement, _, context) => context.loaders.evidence("Statement").load(statement.id),
};
