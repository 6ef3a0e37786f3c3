import type { GraphQLFieldResolver } from "graphql";
import type { Resolvers } from "../generated/resolvers.js";
import { registerOwnResolvers } from "../compile/compiler.js";
import { readCompiled } from "../compile/run.js";
import type { Context } from "../context.js";
import { DateScalar } from "../scalars.js";
import { Actor } from "./Actor.js";
import { Agreement } from "./Agreement.js";
import { Claim } from "./Claim.js";
import { Estimate } from "./Estimate.js";
import { Event } from "./Event.js";
import { Evidence } from "./Evidence.js";
import { identifierQueries, identifiersOf } from "./identifiers.js";
import { Incident } from "./Incident.js";
import { incidentQueries } from "./incidentQueries.js";
import { Participant } from "./Participant.js";
import { Mutation } from "./mutations/index.js";
import { Node } from "./Node.js";
import { Place } from "./Place.js";
import { Query } from "./Query.js";
import { relationshipFields } from "./relationshipFields.js";
import { researchQueries } from "./researchQueries.js";
import { Statement } from "./Statement.js";
import { StatsBucket } from "./StatsBucket.js";
import { Subscription } from "./Subscription.js";
import { SeriesPoint, timeSeriesQuery } from "./timeSeries.js";
import { viewerQuery } from "./viewer.js";

const ownResolvers: Resolvers = {
  Date: DateScalar,
  Node,
  Query: { ...Query, ...researchQueries, ...viewerQuery, ...identifierQueries, ...incidentQueries, ...timeSeriesQuery },
  Mutation,
  Subscription,
  Actor: { ...relationshipFields("Actor"), ...Actor, identifiers: identifiersOf },
  Place: { ...relationshipFields("Place"), ...Place, identifiers: identifiersOf },
  Event: { ...relationshipFields("Event"), ...Event, identifiers: identifiersOf },
  Claim: { ...relationshipFields("Claim"), ...Claim },
  Agreement: { ...relationshipFields("Agreement"), ...Agreement },
  Statement: { ...relationshipFields("Statement"), ...Statement },
  Source: relationshipFields("Source"),
  Evidence,
  Participant,
  StatsBucket,
  SeriesPoint,
  Incident,
  Estimate,
};

/** The types a compiled statement can produce (graphql/compile/): every node type and the objects below them. */
const compiledTypes = [
  "Actor",
  "Place",
  "Event",
  "Claim",
  "Agreement",
  "Statement",
  "Source",
  "Evidence",
  "Participant",
  "Estimate",
] as const;

registerOwnResolvers(
  new Set(compiledTypes.flatMap((type) => Object.keys(ownResolvers[type] ?? {}).map((field) => `${type}.${field}`))),
  new Set(compiledTypes),
);

/** The resolvers, those of the types a compiled statement produces reading a compiled object's keys as they are. */
export const resolvers: Resolvers = {
  ...ownResolvers,
  ...Object.fromEntries(
    compiledTypes.map((type) => [
      type,
      Object.fromEntries(
        Object.entries(ownResolvers[type] ?? {}).map(([field, resolve]) => [
          field,
          typeof resolve === "function" ? readCompiled(resolve as GraphQLFieldResolver<unknown, Context>) : resolve,
        ]),
      ),
    ]),
  ),
};
