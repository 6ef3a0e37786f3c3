import type { ActorRow, AgreementRow, ClaimRow, PlaceRow, StatementRow } from "../../model/rows.js";
import type { EventResolvers, EventRole } from "../generated/resolvers.js";
import { related } from "./shared.js";

export const Event: EventResolvers = {
  places: (event, _, context) => related<PlaceRow>(context, "eventPlaces", event.id),
  participants: async (event, { role }, context) => {
    const list = await context.loaders.related("eventParticipants", { role: role ?? null }).load(event.id);
    return list.map(({ node, extra }) => ({ actor: node as ActorRow, role: extra as EventRole }));
  },
  perpetrators: (event, _, context) => related<ActorRow>(context, "eventPerpetrators", event.id),
  claims: (event, _, context) => related<ClaimRow>(context, "eventClaims", event.id),
  statements: (event, { stance }, context) => related<StatementRow>(context, "eventStatements", event.id, { stance: stance ?? null }),
  responsibilityContested: (event) => event.contested,
  violates: (event, _, context) => related<AgreementRow>(context, "eventViolates", event.id),
  evidence: (event, _, context) => context.loaders.evidence("Event").load(event.id),
};
