/** The incident fields of Query: one incident by id, and incidents whose reports match a filter. */
import { pageRequest } from "../../model/pagination.js";
import type { IncidentRow } from "../../model/rows.js";
import type { QueryResolvers } from "../generated/resolvers.js";
import { connectionParts } from "../selection.js";
import { checkedEventFilter, nodeById } from "./shared.js";

export const incidentQueries: Pick<QueryResolvers, "incident" | "incidents"> = {
  incident: (_, { id }, context, info) => nodeById<IncidentRow>(context, id, "incident", info),

  incidents: (_, { filter, ...page }, context, info) =>
    context.repositories.incidents.page(checkedEventFilter(filter), pageRequest(page, "INCIDENT_DATE_DESC", connectionParts(info))),
};
