import { lastPossibleDay } from "../../graph/incidentRules.js";
import type { ActorRow, EventRow, PlaceRow } from "../../model/rows.js";
import type { EventResolvers, EventRole } from "../generated/resolvers.js";
import { evidenceOf, relatedRows } from "./shared.js";

/** Besides the catalogue's plain relationship fields (relationshipFields.ts). */
export const Event: EventResolvers = {
  participants: async (event, args, context) =>
    (await relatedRows(context, "Event.participants", event, args)).map(({ node, datum }) => ({
      eventId: event.id,
      actor: node as ActorRow,
      role: datum as EventRole,
    })),
  responsibilityContested: (event) => event.contested,
  // Stored with the event's figures (model/eventAggregates.ts); a row read without them is read again whole.
  tolls: async (event, _, context) => event.tolls ?? ((await context.loaders.nodes.load(event.id)) as EventRow | null)?.tolls ?? [],
  endDate: (event) => lastPossibleDay(event),
  evidence: (event, _, context) => evidenceOf(context, "Event", event),
  incident: async (event, _, context) => {
    const incident = await context.loaders.incidents.ofEvents.load(event.id);
    // Every stored event reports an incident (the import gives one, the migration gave the older ones).
    if (!incident) throw new Error(`Event without an incident: ${event.id}`);
    return incident;
  },
  incidentCandidates: (event, _, context) => context.loaders.incidents.candidates.load(event.id),
  locationPlace: async (event, _, context) =>
    event.locationPlaceId === null ? null : ((await context.loaders.nodes.load(event.locationPlaceId)) as PlaceRow | null),
};
