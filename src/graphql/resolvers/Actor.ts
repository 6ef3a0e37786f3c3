import { pageRequest } from "../../model/pagination.js";
import { connectionParts } from "../selection.js";
import type { ActorRow, AgreementRow } from "../../model/rows.js";
import type { ActorResolvers } from "../generated/resolvers.js";
import { eventConditions, related } from "./shared.js";

export const Actor: ActorResolvers = {
  partOf: (actor, _, context) => related<ActorRow>(context, "actorPartOf", actor),
  members: (actor, _, context) => related<ActorRow>(context, "actorMembers", actor),
  allies: (actor, _, context) => related<ActorRow>(context, "actorAllies", actor),
  agreements: (actor, _, context) => related<AgreementRow>(context, "actorAgreements", actor),
  events: (actor, { role, filter, ...page }, context, info) =>
    context.loaders
      .eventPages(
        { kind: "actor", role: role ?? null },
        eventConditions(filter),
        "DATE_DESC",
        pageRequest(page, "DATE_DESC", connectionParts(info)),
      )
      .load(actor.id),
  statements: (actor, page, context, info) =>
    context.loaders.statementPages({ kind: "speaker" }, {}, pageRequest(page, "DATE_DESC", connectionParts(info))).load(actor.id),
  statementsAbout: (actor, page, context, info) =>
    context.loaders.statementPages({ kind: "target" }, {}, pageRequest(page, "DATE_DESC", connectionParts(info))).load(actor.id),
};
