/**
 * What an event node stores about the claims and statements concerning it, so that filters and orderings on them use
 * indexes: the combined fatality and injury estimates, the deaths per victim group, and whether responsibility is
 * contested. One definition, used both when an import computes the figures of the events it creates and when it
 * recomputes stored ones, and for incidents over all their reports' claims.
 *
 * The rules, each figure combined by the one-event rule (combineEstimates: sources are never added):
 * - a claim counts one victim group, `victims` (CIVILIANS, COMBATANTS, UNKNOWN, ALL; absent means ALL);
 * - the toll of a group (`tolls`) combines the FATALITIES claims that count exactly that group. A figure counting
 *   everyone (ALL) is never shown as any narrower group, nor a group's figure as everyone's;
 * - `fatalities` (people killed, whatever their group) combines the claims that count everyone (ALL) when some claim
 *   does; otherwise every FATALITIES claim, whatever group it counts, so that a source that only counts civilians
 *   still gives the event a toll (then a floor: others may have died uncounted). `injuries` likewise.
 */
import { combineEstimates } from "./estimates.js";
import { VICTIM_GROUPS, type VictimGroup } from "./enums.js";
import type { EstimateRow, VictimTollRow } from "./rows.js";

/** A claim about the event, as far as the aggregates look at it. */
export interface ClaimFacts {
  kind: string;
  low: number | null;
  high: number | null;
  qualifier: string | null;
  /** The source's best estimate; absent or null when it gives none. */
  best?: number | null;
  /** Whom the figure counts; absent or null means ALL. */
  victims?: string | null;
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

/** The group a claim's figure counts: absent is ALL. */
export const victimGroupOf = (claim: { victims?: string | null }): VictimGroup =>
  (VICTIM_GROUPS as readonly string[]).includes(claim.victims ?? "") ? (claim.victims as VictimGroup) : "ALL";

const figureOf = (claim: ClaimFacts): EstimateRow => ({
  low: claim.low,
  high: claim.high,
  qualifier: claim.qualifier as EstimateRow["qualifier"],
  ...(claim.best != null ? { best: claim.best } : {}),
});

/** The claims of one kind that give a figure. */
const figures = (claims: readonly ClaimFacts[], kind: "FATALITIES" | "INJURIES") =>
  claims.filter((claim) => claim.kind === kind && claim.qualifier !== null);

/** The combined figure of one kind: over the claims counting everyone, if any; else over all (see the rules above). */
function combinedFigure(claims: readonly ClaimFacts[], kind: "FATALITIES" | "INJURIES"): EstimateRow | null {
  const all = figures(claims, kind);
  const everyone = all.filter((claim) => victimGroupOf(claim) === "ALL");
  return combineEstimates((everyone.length > 0 ? everyone : all).map(figureOf));
}

/** Deaths per victim group: one entry per group some FATALITIES claim counts, in VICTIM_GROUPS order. */
export function victimTolls(claims: readonly ClaimFacts[]): VictimTollRow[] {
  const deaths = figures(claims, "FATALITIES");
  return VICTIM_GROUPS.flatMap((victims) => {
    const estimate = combineEstimates(deaths.filter((claim) => victimGroupOf(claim) === victims).map(figureOf));
    return estimate ? [{ victims, estimate }] : [];
  });
}

const capitalized = (group: VictimGroup) => group.charAt(0) + group.slice(1).toLowerCase();

/** The node properties holding one group's toll: `deathsCiviliansLow`, `…High`, `…Best`, `…Qualifier`. */
export function tollProperties(group: VictimGroup) {
  const prefix = `deaths${capitalized(group)}`;
  return { low: `${prefix}Low`, high: `${prefix}High`, best: `${prefix}Best`, qualifier: `${prefix}Qualifier` } as const;
}

/** Every stored aggregate that is a count (set with toInteger); the others are strings or booleans. */
export const COUNT_AGGREGATES: readonly string[] = [
  "fatalitiesLow",
  "fatalitiesHigh",
  "fatalitiesBest",
  "injuriesLow",
  "injuriesHigh",
  "injuriesBest",
  ...VICTIM_GROUPS.flatMap((group) => [tollProperties(group).low, tollProperties(group).high, tollProperties(group).best]),
];

/** Every stored toll aggregate, counts and qualifiers: what an event and its incident keep (see tollAggregates). */
export const TOLL_AGGREGATES: readonly string[] = [
  ...COUNT_AGGREGATES,
  "fatalitiesQualifier",
  "injuriesQualifier",
  ...VICTIM_GROUPS.map((group) => tollProperties(group).qualifier),
];

/**
 * The combined fatality and injury figures and the deaths per victim group, as stored on a node (counts as plain
 * numbers; the write path makes them integers): an event's from its own claims, an incident's from all its reports'.
 */
export function tollAggregates(claims: readonly ClaimFacts[]): Record<string, number | string | null> {
  const fatalities = combinedFigure(claims, "FATALITIES");
  const injuries = combinedFigure(claims, "INJURIES");
  const tolls = new Map(victimTolls(claims).map((toll) => [toll.victims, toll.estimate]));
  return {
    fatalitiesLow: fatalities?.low ?? null,
    fatalitiesHigh: fatalities?.high ?? null,
    fatalitiesBest: fatalities?.best ?? null,
    fatalitiesQualifier: fatalities?.qualifier ?? null,
    injuriesLow: injuries?.low ?? null,
    injuriesHigh: injuries?.high ?? null,
    injuriesBest: injuries?.best ?? null,
    injuriesQualifier: injuries?.qualifier ?? null,
    ...Object.fromEntries(
      VICTIM_GROUPS.flatMap((group): [string, number | string | null][] => {
        const names = tollProperties(group);
        const toll = tolls.get(group);
        return [
          [names.low, toll?.low ?? null],
          [names.high, toll?.high ?? null],
          [names.best, toll?.best ?? null],
          [names.qualifier, toll?.qualifier ?? null],
        ];
      }),
    ),
  };
}

/** The event's aggregates as stored on its node: its tolls and whether responsibility is contested. */
export function eventAggregates(facts: EventFacts) {
  return { ...tollAggregates(facts.claims), contested: responsibilityContested(facts) };
}

/** A SET list assigning every toll aggregate of `node` from the map `update` (counts as integers). */
export function setTollAggregates(node: string, update: string): string {
  return TOLL_AGGREGATES.map((name) =>
    COUNT_AGGREGATES.includes(name) ? `${node}.${name} = toInteger(${update}.${name})` : `${node}.${name} = ${update}.${name}`,
  ).join(", ");
}

/** The stored tolls of a node row (the properties tollProperties names) as victim tolls. */
export function storedTolls(row: Readonly<Record<string, unknown>>): VictimTollRow[] {
  return VICTIM_GROUPS.flatMap((victims) => {
    const names = tollProperties(victims);
    const qualifier = row[names.qualifier];
    if (typeof qualifier !== "string") return [];
    const count = (name: string) => {
      const value = row[name];
      return typeof value === "number" ? value : null;
    };
    const best = count(names.best);
    return [
      {
        victims,
        estimate: {
          low: count(names.low),
          high: count(names.high),
          qualifier: qualifier as EstimateRow["qualifier"],
          ...(best !== null ? { best } : {}),
        },
      },
    ];
  });
}
