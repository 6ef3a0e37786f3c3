import { requireEditor } from "../../../auth/viewer.js";
import { expectId } from "../../../model/ids.js";
import type { IncidentRow } from "../../../model/rows.js";
import type { MutationResolvers } from "../../generated/resolvers.js";

/** Checks the caller first: nothing is read or written for one who may not edit. */
export const linkIncident: MutationResolvers["linkIncident"] = async (_, { eventIds, same }, context) => {
  const editor = requireEditor(context.viewer);
  eventIds.forEach((id, index) => expectId(id, "event", `eventIds.${index}`));
  const incidentIds = await context.imports.linkIncident(eventIds, same ?? true, editor.id);
  const incidents = await context.loaders.nodes.loadMany(incidentIds);
  return incidents as IncidentRow[];
};
