import { pageRequest } from "../../model/pagination.js";
import { connectionParts } from "../selection.js";
import type { ActorRow, PlaceRow } from "../../model/rows.js";
import type { AgreementResolvers } from "../generated/resolvers.js";
import { related } from "./shared.js";

export const Agreement: AgreementResolvers = {
  parties: (agreement, _, context) => related<ActorRow>(context, "agreementParties", agreement.id),
  covers: (agreement, _, context) => related<PlaceRow>(context, "agreementCovers", agreement.id),
  violations: (agreement, page, context, info) =>
    context.loaders
      .eventPages({ kind: "agreementViolations" }, {}, "DATE_DESC", pageRequest(page, "DATE_DESC", connectionParts(info)))
      .load(agreement.id),
  evidence: (agreement, _, context) => context.loaders.evidence("Agreement").load(agreement.id),
};
