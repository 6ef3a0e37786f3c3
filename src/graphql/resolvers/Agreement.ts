import { pageRequest } from "../../model/pagination.js";
import { connectionParts } from "../selection.js";
import type { AgreementResolvers } from "../generated/resolvers.js";
import { evidenceOf } from "./shared.js";

/** Besides the catalogue's plain relationship fields (relationshipFields.ts). */
export const Agreement: AgreementResolvers = {
  violations: (agreement, page, context, info) =>
    context.loaders
      .eventPages({ kind: "agreementViolations" }, {}, "DATE_DESC", pageRequest(page, "DATE_DESC", connectionParts(info)))
      .load(agreement.id),
  evidence: (agreement, _, context) => evidenceOf(context, "Agreement", agreement),
};
