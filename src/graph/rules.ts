/**
 * Domain rules that reads and writes share, each defined once, as Cypher fragments built from variable names (an
 * empty name leaves the node anonymous). Nothing here comes from a request: labels, types and literals are fixed.
 */
import { MAX_PLACE_DEPTH } from "./limits.js";

/** ACLED's political-violence categories: the ones that can break a ceasefire. */
export const VIOLENT_CATEGORIES = ["BATTLES", "EXPLOSIONS_REMOTE_VIOLENCE", "VIOLENCE_AGAINST_CIVILIANS"] as const;

const cypherList = (values: readonly string[]) => `[${values.map((value) => `'${value}'`).join(", ")}]`;

/**
 * An event's perpetrators: the actors a PERPETRATOR claim about the event names, and the actors that took part in it
 * as PERPETRATOR. The two paths from the event to such an actor; an actor is a perpetrator when either matches.
 */
export function perpetratorPaths(event: string, actor: string): readonly [string, string] {
  return [
    `(${event})<-[:ABOUT]-(:Claim {kind: 'PERPETRATOR'})-[:NAMES]->(${actor}:Actor)`,
    `(${event})<-[:PARTICIPATED_IN {role: 'PERPETRATOR'}]-(${actor}:Actor)`,
  ];
}

/** The path from an event to an agreement covering one of its places or a place around them. */
export function coveringAgreementPath(event: string, agreement: string): string {
  return `(${event})-[:OCCURRED_IN]->(:Place)-[:WITHIN*0..${MAX_PLACE_DEPTH}]->(:Place)<-[:COVERS]-(${agreement}:Agreement)`;
}

/**
 * Whether an event under an agreement's coverage breaks it: the event is political violence, on or after the day the
 * agreement was signed and before it ended. An agreement without a signing date is broken by nothing.
 */
export function violationCondition(event: string, agreement: string): string {
  return `${event}.category IN ${cypherList(VIOLENT_CATEGORIES)} AND ${agreement}.signedOn <= ${event}.date AND (${agreement}.endsOn IS NULL OR ${event}.date < ${agreement}.endsOn)`;
}
