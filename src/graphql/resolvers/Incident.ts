import type { IncidentResolvers } from "../generated/resolvers.js";

/** Besides the stored row: its reports, loaded with those of its siblings. */
export const Incident: IncidentResolvers = {
  reports: (incident, _, context) => context.loaders.incidents.reports.load(incident.id),
  undone: (incident) => [...(incident.undone ?? [])],
};
