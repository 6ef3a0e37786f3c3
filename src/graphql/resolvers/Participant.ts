import type { ParticipantResolvers } from "../generated/resolvers.js";

const slug = (id: string) => id.slice(id.indexOf(":") + 1);

export const Participant: ParticipantResolvers = {
  id: (participant) => `participant:${slug(participant.eventId)}:${slug(participant.actor.id)}:${participant.role}`,
};
