import type { ActorRow, AgreementRow, ClaimRow, PlaceRow, StatementRow } from "../../model/rows.js";
import type { EventResolvers, EventRole } from "../generated/resolvers.js";
import { evidenceOf, related, relatedRows } from "./shared.js";

export const Event: EventResolvers = {
  places: (event, _, context) => related<PlaceRow>(context, "eventPlaces", event),
  participants: async (event, { role }, context) => {
    const list = await relatedRows(context, "eventParticipants", event, { role: role ?? null });
    return list.map(({ node, extra }) => ({ eventId: event.id, actor: node as ActorRow, role: extra as EventRole }));
  },
  perpetrators: (event, _, context) => related<ActorRow>(context, "eventPerpetrators", event),
  claims: (event, _, context) => related<ClaimRow>(context, "eventClaims", event),
  statements: (event, { stance }, context) => related<StatementRow>(context, "eventStatements", event, { stance: stance ?? null }),
  responsibilityContested: (event) => event.contested,
  violates: (event, _, context) => related<AgreementRow>(context, "eventViolates", event),
  evidence: (event, _, context) => evidenceOf(context, "Event", event),
};
