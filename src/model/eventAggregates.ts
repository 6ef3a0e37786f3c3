/**
 * What an event node stores about the claims and statements concerning it, so that filters and orderings on them use
 * indexes: the combined fatality and injury estimates, and whether responsibility is contested. One definition,
 * used both when an import computes the figures of the events it creates and when it recomputes stored ones.
 */
import { combineEstimates } from "./estimates.js";
import type { EstimateRow } from "./rows.js";

/** A claim about the event, as far as the aggregates look at it. */
export interface ClaimFacts {
  kind: string;
  low: number | null;
  high: number | null;
  qualifier: string | null;
  /** Some statement disputes it. */
  disputed: boolean;
}

/** The claims about an event (from every source) and the stances of the statements about it. */
export interface EventFacts {
  claims: readonly ClaimFacts[];
  stances: readonly string[];
}

/** Responsibility is contested when a statement disputes a claim of who did it, or a statement about the event denies. */
export function responsibilityContested(facts: EventFacts): boolean {
  return facts.claims.some((claim) => claim.kind === "PERPETRATOR" && claim.disputed) || facts.stances.includes("DENY");
}

/** The combined figure of the event's claims of one kind that give one (see combineEstimates). */
function combinedFigure(facts: EventFacts, kind: "FATALITIES" | "INJURIES"): EstimateRow | null {
  return combineEstimates(
    facts.claims
      .filter((claim) => claim.kind === kind && claim.qualifier !== null)
      .map((claim) => ({ low: claim.low, high: claim.high, qualifier: claim.qualifier as EstimateRow["qualifier"] })),
  );
}

/**
 * The combined fatality and injury figures as stored on a node (counts as plain numbers; the write path makes them
 * integers): an event's from its own claims, an incident's from all its reports' claims.
 */
export function tollAggregates(claims: readonly ClaimFacts[]) {
  const facts = { claims, stances: [] };
  const fatalities = combinedFigure(facts, "FATALITIES");
  const injuries = combinedFigure(facts, "INJURIES");
  return {
    fatalitiesLow: fatalities?.low ?? null,
    fatalitiesHigh: fatalities?.high ?? null,
    fatalitiesQualifier: fatalities?.qualifier ?? null,
    injuriesLow: injuries?.low ?? null,
    injuriesHigh: injuries?.high ?? null,
    injuriesQualifier: injuries?.qualifier ?? null,
  };
}

/** The event's aggregates as stored on its node: its tolls and whether responsibility is contested. */
export function eventAggregates(facts: EventFacts) {
  return { ...tollAggregates(facts.claims), contested: responsibilityContested(facts) };
}
