/**
 * Domain rules that reads and writes share, each defined once, as Cypher fragments built from variable names (an
 * empty name leaves the node anonymous). Nothing here comes from a request: labels, types and literals are fixed.
 */
import type { EventRole } from "../model/enums.js";
import { MAX_ACTOR_DEPTH, MAX_PLACE_DEPTH } from "./limits.js";

/** ACLED's political-violence categories: the ones that can break a ceasefire. */
export const VIOLENT_CATEGORIES = ["BATTLES", "EXPLOSIONS_REMOTE_VIOLENCE", "VIOLENCE_AGAINST_CIVILIANS"] as const;

const cypherList = (values: readonly string[]) => `[${values.map((value) => `'${value}'`).join(", ")}]`;

/**
 * An event's perpetrators: the actors a PERPETRATOR claim about the event names, and the actors that took part in it
 * as PERPETRATOR. The two paths from the event to such an actor; an actor is a perpetrator when either matches.
 */
export function perpetratorPaths(event: string, actor: string): readonly [string, string] {
  return [creditedPath(event, actor), `(${event})<-[:PARTICIPATED_IN {role: 'PERPETRATOR'}]-(${actor}:Actor)`];
}

/** The path from an event to an actor that a PERPETRATOR claim about the event names: the event is credited to it. */
export function creditedPath(event: string, actor: string): string {
  return `(${event})<-[:ABOUT]-(:Claim {kind: 'PERPETRATOR'})-[:NAMES]->(${actor}:Actor)`;
}

/**
 * The path from an actor to itself and, with `includeMembers`, to every actor part of it, transitively: the actors
 * whose events count as its own in the roll-ups (Actor.events, coInvolved, eventStats' PERPETRATOR buckets).
 */
export function rolledUpPath(actor: string, member: string, includeMembers: boolean): string {
  return `(${member}:Actor)-[:PART_OF*0..${includeMembers ? MAX_ACTOR_DEPTH : 0}]->(${actor})`;
}

/** Which of an actor's events a read counts, besides its members' (rolledUpPath). */
export interface ActorEventsScope {
  /** Only events the actor had this role in; null for every role. */
  role: EventRole | null;
  /** The parameter (`$role`) that holds `role` when the statement runs. */
  roleParameter: string;
  /** Also the events a PERPETRATOR claim credits to the actor; they count as PERPETRATOR. */
  credited: boolean;
}

/**
 * An actor's events: those `self` took part in (in the scope's role), and, when the scope says credited and its role
 * is PERPETRATOR or none, those a PERPETRATOR claim names `self` for. `match` binds `event` (an event may come more
 * than once: callers count and list DISTINCT events) and may be followed by a WHERE holding `where`; `relationship`
 * names the participation, apart from any other variable of the statement.
 */
export function actorEvents(
  self: string,
  event: string,
  relationship: string,
  scope: ActorEventsScope,
): { match: string; where: string[] } {
  const participation = `MATCH (${self})-[${relationship}:PARTICIPATED_IN]->(${event}:Event)`;
  const inRole = scope.role === null ? [] : [`${relationship}.role = ${scope.roleParameter}`];
  if (!scope.credited || (scope.role !== null && scope.role !== "PERPETRATOR")) return { match: participation, where: inRole };
  return {
    match: `CALL (${self}) {
    ${participation}${inRole.length > 0 ? ` WHERE ${inRole.join(" AND ")}` : ""}
    RETURN ${event}
    UNION
    MATCH ${creditedPath(`${event}:Event`, self)}
    RETURN ${event}
  }
  WITH DISTINCT ${event}`,
    where: [],
  };
}

/** The hops from a place to the places around it: itself and every place it lies within, or only those (`proper`). */
function withinHops(proper: boolean): string {
  return `-[:WITHIN*${proper ? 1 : 0}..${MAX_PLACE_DEPTH}]->`;
}

/**
 * The path from a place to a place it lies within, transitively to the hierarchy's bound: `inner` is `outer` itself or
 * inside it, or, with `proper`, strictly inside it.
 */
export function placeWithinPath(inner: string, outer: string, proper = false): string {
  return `(${inner})${withinHops(proper)}(${outer})`;
}

/** The path from an event to a place it occurred at: one of its own places, no place around them. */
export function occurredAtPath(event: string, place: string): string {
  return `(${event})-[:OCCURRED_IN]->(${place})`;
}

/**
 * The path from an event to a place it lies in: one of its own places, or a place one of them lies within. What "the
 * events in a place" means everywhere (filters, place anchors, statistics' provinces, agreements' coverage).
 */
export function eventInPlacePath(event: string, place: string): string {
  return `${occurredAtPath(event, ":Place")}${withinHops(false)}(${place})`;
}

/** The path from an event to an agreement covering one of its places or a place around them. */
export function coveringAgreementPath(event: string, agreement: string): string {
  return `${eventInPlacePath(event, ":Place")}<-[:COVERS]-(${agreement}:Agreement)`;
}

/**
 * Whether an event under an agreement's coverage breaks it: the event is political violence, on or after the day the
 * agreement was signed and before it ended. An agreement without a signing date is broken by nothing.
 */
export function violationCondition(event: string, agreement: string): string {
  return `${event}.category IN ${cypherList(VIOLENT_CATEGORIES)} AND ${agreement}.signedOn <= ${event}.date AND (${agreement}.endsOn IS NULL OR ${event}.date < ${agreement}.endsOn)`;
}
