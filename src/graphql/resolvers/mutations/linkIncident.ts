import { requireEditor } from "../../../auth/viewer.js";
import { expectId } from "../../../model/ids.js";
import type { IncidentRow } from "../../../model/rows.js";
import type { MutationResolvers } from "../../generated/resolvers.js";

/** Checks the caller first: nothing is read or written for one who may not edit. */
export const linkIncident: MutationResolvers["linkIncident"] = async (_, { eventIds, same }, context) => {
  const editor = requireEditor(context.viewer);
  eventIds.forEach((id, index) => expectId(id, "event", `eventIds.${index}`));
  const decision = await context.imports.linkIncident(eventIds, same ?? true, editor.id);
  const incidents = (await context.loaders.nodes.loadMany(decision.incidents)) as IncidentRow[];
  // A copy per answer: the loader's rows are shared within the request, and `undone` belongs to this decision only.
  return incidents.map((incident) => ({ ...incident, undone: decision.undone.get(incident.id) ?? [] }));
};
