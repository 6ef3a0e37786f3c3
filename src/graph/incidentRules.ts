/**
 * When two event reports may be one incident (schema/incidents.graphql, `Event.incident`), as Cypher fragments built
 * from variable names, shared by automatic matching on import (ingest/write/incidentMatching.ts) and by the candidates an
 * editor sees (repositories/incidentRepository.ts). Nothing here comes from a request.
 */
import {
  type AcledCategory,
  type DatePrecision,
  EVENT_CATEGORIES,
  type EventCategory,
  isUcdpCategory,
  UCDP_CATEGORIES,
  type UcdpCategory,
} from "../model/enums.js";
import { UnreachableCaseError } from "../errors.js";
import { MAX_PLACE_DEPTH } from "./limits.js";

/**
 * Places precise enough to match reports on: two reports at the same place, or one inside the other, only match when
 * the coarser place is one of these. A district, province or country holds many strikes on any one day.
 */
export const MATCHING_PLACE_KINDS = ["CITY", "TOWN", "VILLAGE", "SITE"] as const;

/** Date precisions that take part in automatic matching; a report known only to the year is left to editors. */
export const MATCHING_PRECISIONS = ["DAY", "WEEK", "MONTH"] as const;

/**
 * The longest interval, in days from its first to its last, that takes part in automatic matching: a month's. A report
 * whose span (`endDate`) is longer is left to editors, like one known only to the year; the bound is also what lets
 * matching seek a window of dates in the index below instead of walking a town's reports.
 */
export const MAX_MATCHING_SPAN_DAYS = 30;

/** How far a WEEK report's date may lie from the day it stands for, either way. */
const WEEK_HALF_DAYS = 3;

/**
 * The ACLED categories each of UCDP's kinds of violence joins, as its events are coded in ACLED. ACLED's categories
 * join only themselves: ACLED codes by the form of violence (an air strike and shelling are both
 * EXPLOSIONS_REMOTE_VIOLENCE, also when civilians are hit), so two sources following its codebook agree, and a clash
 * and a strike in one town on one day are usually two incidents. UCDP's kinds of violence say who fought whom, not
 * how: an air strike is usually STATE_BASED_VIOLENCE (the government against the group that holds the town), a
 * bombing of a market by a group ONE_SIDED_VIOLENCE; so each kind joins the ACLED categories its events are coded as.
 * Battles have two armed sides and are never one-sided; violence against civilians has no armed opponent and is never
 * non-state. Protests, riots and strategic developments are not lethal organised violence, which is all UCDP records.
 */
const UCDP_JOINS: Readonly<Record<UcdpCategory, readonly AcledCategory[]>> = {
  STATE_BASED_VIOLENCE: ["BATTLES", "EXPLOSIONS_REMOTE_VIOLENCE", "VIOLENCE_AGAINST_CIVILIANS"],
  NON_STATE_VIOLENCE: ["BATTLES", "EXPLOSIONS_REMOTE_VIOLENCE"],
  ONE_SIDED_VIOLENCE: ["EXPLOSIONS_REMOTE_VIOLENCE", "VIOLENCE_AGAINST_CIVILIANS"],
};

/**
 * Which categories may name one incident (see `Event.incident`), each with the categories it joins, from UCDP_JOINS:
 * every category joins itself, and the relation is symmetric by construction.
 */
export const COMPATIBLE_CATEGORIES: Readonly<Record<EventCategory, readonly EventCategory[]>> = Object.fromEntries(
  EVENT_CATEGORIES.map((category): [EventCategory, EventCategory[]] => [
    category,
    [
      category,
      ...(isUcdpCategory(category)
        ? UCDP_JOINS[category]
        : UCDP_CATEGORIES.filter((kind) => (UCDP_JOINS[kind] as readonly string[]).includes(category))),
    ],
  ]),
) as Record<EventCategory, EventCategory[]>;

const list = (values: readonly string[]) => `[${values.map((value) => `'${value}'`).join(", ")}]`;

/** The compatible categories of `category` (a Cypher expression), as a Cypher list. */
function compatibleWith(category: string): string {
  const rows = Object.entries(COMPATIBLE_CATEGORIES).map(([key, values]) => `${key}: ${list(values)}`);
  return `{${rows.join(", ")}}[${category}]`;
}

/**
 * The first day a report's date may stand for: with an `endDate`, its `date`; else DAY the day, WEEK three days
 * before, MONTH the first of the month, YEAR the first of the year.
 */
export function earliestDay(event: string): string {
  return `CASE WHEN ${event}.endDate IS NOT NULL THEN ${event}.date ELSE CASE ${event}.datePrecision WHEN 'WEEK' THEN ${event}.date - duration({days: ${WEEK_HALF_DAYS}}) WHEN 'MONTH' THEN date.truncate('month', ${event}.date) WHEN 'YEAR' THEN date.truncate('year', ${event}.date) ELSE ${event}.date END END`;
}

/** The last day it may stand for: its `endDate`, else the end of its precision's interval (`Event.endDate` answers it). */
export function latestDay(event: string): string {
  return `coalesce(${event}.endDate, CASE ${event}.datePrecision WHEN 'WEEK' THEN ${event}.date + duration({days: ${WEEK_HALF_DAYS}}) WHEN 'MONTH' THEN date.truncate('month', ${event}.date) + duration({months: 1}) - duration({days: 1}) WHEN 'YEAR' THEN date.truncate('year', ${event}.date) + duration({years: 1}) - duration({days: 1}) ELSE ${event}.date END)`;
}

/** `latestDay` for a report as read (`Event.endDate`): the last day its date, precision and endDate allow. */
export function lastPossibleDay(event: { date: string; datePrecision: DatePrecision; endDate: string | null }): string {
  if (event.endDate !== null) return event.endDate;
  const [year, month, day] = event.date.split("-").map(Number) as [number, number, number];
  const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
  switch (event.datePrecision) {
    case "DAY":
      return event.date;
    case "WEEK":
      return utc(year, month, day + WEEK_HALF_DAYS);
    case "MONTH":
      return utc(year, month + 1, 0);
    case "YEAR":
      return utc(year, 12, 31);
    default:
      throw new UnreachableCaseError(event.datePrecision);
  }
}

/** True when a report takes part in automatic matching: a precise enough date, an interval of a month at most. */
function matchable(event: string, earliest = earliestDay(event), latest = latestDay(event)): string {
  return `(${event}.datePrecision IN ${list(MATCHING_PRECISIONS)} AND ${latest} <= ${earliest} + duration({days: ${MAX_MATCHING_SPAN_DAYS}}))`;
}

/**
 * What matching seeks reports by, copied onto each `OCCURRED_IN` of a matchable report: its place's id, its category
 * and the first and last day of its interval; absent on the others. The index `occurred_in_matching`
 * (db/migrations.ts) orders them by place, category and first day, so that matching reads the reports of one place
 * and compatible category whose interval can overlap, not every report of the town. Written wherever an event's date,
 * category or places are written (`writeMatchingKeys` in ingest/write/incidentMatching.ts) and when places merge.
 */
export const MATCHING_KEYS = { place: "matchPlace", category: "matchCategory", from: "matchFrom", to: "matchTo" } as const;

/**
 * A `WITH … SET` that writes the matching keys of `occurredIn`, from `event` to `place` (or removes them). The event's
 * interval is worked out once per row (`matchEarliest`, `matchLatest`), not once for each key: each property read is
 * a db hit.
 */
export function setMatchingKeys(event: string, occurredIn: string, place: string): string {
  const when = (value: string) => `CASE WHEN matchable THEN ${value} END`;
  return `WITH ${event}, ${occurredIn}, ${place}, ${earliestDay(event)} AS matchEarliest, ${latestDay(event)} AS matchLatest
    WITH ${event}, ${occurredIn}, ${place}, matchEarliest, matchLatest, ${matchable(event, "matchEarliest", "matchLatest")} AS matchable
    SET ${occurredIn}.${MATCHING_KEYS.place} = ${when(`${place}.id`)}, ${occurredIn}.${MATCHING_KEYS.category} = ${when(`${event}.category`)},
    ${occurredIn}.${MATCHING_KEYS.from} = ${when("matchEarliest")}, ${occurredIn}.${MATCHING_KEYS.to} = ${when("matchLatest")}`;
}

/** What the rule between two reports reads of each: who published it, and the reports an editor kept it apart from. */
export interface ReportParties {
  id: string;
  publishers: readonly string[];
  keptApart: readonly string[];
}

/**
 * Two reports that match on date, place and kind (`matchingReports`) may be one incident unless an editor kept them
 * apart or one publisher published both (its two reports are two events by its own reckoning).
 */
export function mayShareIncident(one: ReportParties, other: ReportParties): boolean {
  return !one.keptApart.includes(other.id) && !other.keptApart.includes(one.id) && !samePublisher(one, other);
}

/** Whether one publisher published both reports (`publishersOf`): by its own reckoning they are two events. */
export function samePublisher(one: Pick<ReportParties, "publishers">, other: Pick<ReportParties, "publishers">): boolean {
  return one.publishers.some((publisher) => other.publishers.includes(publisher));
}

/**
 * A report may join an incident when every one of its reports may share an incident with it: automatic matching joins
 * the one incident that accepts it, and an editor is shown, as candidates, the incidents that would.
 */
export function incidentAccepts(report: ReportParties, members: readonly ReportParties[]): boolean {
  return members.every((member) => mayShareIncident(report, member));
}

/** The ids of the actors that published what an event rests on: the sources of its quotes and of its claims. */
export function publishersOf(event: string): string {
  return `[(${event})-[:EVIDENCED_BY]->(:Source)-[:PUBLISHED_BY]->(publisher:Actor) | publisher.id] +
      [(${event})<-[:ABOUT]-(:Claim)-[:REPORTED_IN]->(:Source)-[:PUBLISHED_BY]->(publisher:Actor) | publisher.id]`;
}

/**
 * A `CALL (event) { … }` that binds `other` to every report matching `event` on date, place and kind of event (see
 * `Event.incident`): a compatible category (COMPATIBLE_CATEGORIES); overlapping date intervals, each at most a month
 * long; the same place, or one inside the other with the coarser one a city, town, village or site. From the event's
 * places it finds the places the rule allows, and for each seeks the index of matching keys for the reports there of a
 * compatible category whose first day lies in the window an overlap allows (a month before the event's first day to
 * its last): the work per report is the reports of that window, not every report of the town.
 */
export function matchingReports(event: string, other: string): string {
  const keys = MATCHING_KEYS;
  return `CALL (${event}) {
    WITH ${event}, ${earliestDay(event)} AS earliest, ${latestDay(event)} AS latest, ${compatibleWith(`${event}.category`)} AS categories
    WHERE ${matchable(event)}
    CALL (${event}) {
      MATCH (${event})-[:OCCURRED_IN]->(at:Place)<-[:WITHIN*0..${MAX_PLACE_DEPTH}]-(place:Place)
      WHERE at.kind IN ${list(MATCHING_PLACE_KINDS)}
      RETURN place
      UNION
      MATCH (${event})-[:OCCURRED_IN]->(at:Place)-[:WITHIN*1..${MAX_PLACE_DEPTH}]->(place:Place)
      WHERE at.kind IN ${list(MATCHING_PLACE_KINDS)} AND place.kind IN ${list(MATCHING_PLACE_KINDS)}
      RETURN place
    }
    MATCH (${other})-[seen:OCCURRED_IN]->()
    USING INDEX seen:OCCURRED_IN(${keys.place}, ${keys.category}, ${keys.from})
    WHERE seen.${keys.place} = place.id AND seen.${keys.category} IN categories
      AND seen.${keys.from} >= earliest - duration({days: ${MAX_MATCHING_SPAN_DAYS}}) AND seen.${keys.from} <= latest
      AND seen.${keys.to} >= earliest AND ${other} <> ${event}
    RETURN DISTINCT ${other}
  }`;
}
