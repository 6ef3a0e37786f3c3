import { pageRequest } from "../../model/pagination.js";
import { connectionParts } from "../selection.js";
import type { ActorResolvers } from "../generated/resolvers.js";
import { checkedEventFilter } from "./shared.js";

/** Besides the catalogue's plain relationship fields (relationshipFields.ts). */
export const Actor: ActorResolvers = {
  events: (actor, { role, filter, includeMembers, credited, ...page }, context, info) =>
    context.loaders
      .eventPages(
        { kind: "actor", role: role ?? null, includeMembers, credited },
        checkedEventFilter(filter),
        "DATE_DESC",
        pageRequest(page, "DATE_DESC", connectionParts(info)),
      )
      .load(actor.id),
  statements: (actor, page, context, info) =>
    context.loaders.statementPages({ kind: "speaker" }, {}, pageRequest(page, "DATE_DESC", connectionParts(info))).load(actor.id),
  statementsAbout: (actor, page, context, info) =>
    context.loaders.statementPages({ kind: "target" }, {}, pageRequest(page, "DATE_DESC", connectionParts(info))).load(actor.id),
};
