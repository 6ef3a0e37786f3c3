import { pageRequest } from "../../model/pagination.js";
import { connectionParts } from "../selection.js";
import type { ActorRow, PlaceRow } from "../../model/rows.js";
import type { AgreementResolvers } from "../generated/resolvers.js";
import { evidenceOf, related } from "./shared.js";

export const Agreement: AgreementResolvers = {
  parties: (agreement, _, context) => related<ActorRow>(context, "agreementParties", agreement),
  covers: (agreement, _, context) => related<PlaceRow>(context, "agreementCovers", agreement),
  violations: (agreement, page, context, info) =>
    context.loaders
      .eventPages({ kind: "agreementViolations" }, {}, "DATE_DESC", pageRequest(page, "DATE_DESC", connectionParts(info)))
      .load(agreement.id),
  evidence: (agreement, _, context) => evidenceOf(context, "Agreement", agreement),
};
