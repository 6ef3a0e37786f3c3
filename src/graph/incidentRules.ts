/**
 * When two event reports may be one incident (schema/incidents.graphql, `Event.incident`), as Cypher fragments built
 * from variable names, shared by automatic matching on import (ingest/write/incidents.ts) and by the candidates an
 * editor sees (repositories/incidentRepository.ts). Nothing here comes from a request.
 */
import { MAX_PLACE_DEPTH } from "./limits.js";

/** Every event reports one incident: `(:Event)-[:REPORT_OF]->(:Incident)`. */
export const REPORT_OF = "REPORT_OF";

/**
 * The fields that read incidents, outside the catalogue (graph/catalogue.ts): which incident an event reports is
 * derived by matching and editors' decisions, never given in a bundle's fields, so the import's owned-relationship
 * machinery must not see it. repositories/incidentRepository.ts reads them.
 */
export const INCIDENT_FIELDS: readonly string[] = ["Event.incident", "Event.incidentCandidates", "Incident.reports"];

/** An editor's "never the same incident" between two events, stored once per pair (direction carries no meaning). */
export const NOT_SAME_INCIDENT = "NOT_SAME_INCIDENT";

/**
 * Places precise enough to match reports on: two reports at the same place, or one inside the other, only match when
 * the coarser place is one of these. A district, province or country holds many strikes on any one day.
 */
export const MATCHING_PLACE_KINDS = ["CITY", "TOWN", "VILLAGE", "SITE"] as const;

/** Date precisions that take part in automatic matching; a report known only to the year is left to editors. */
export const MATCHING_PRECISIONS = ["DAY", "WEEK", "MONTH"] as const;

/** How far a matchable report's date may lie from an end of its interval (a MONTH report's day within its month). */
const WIDEST_SPAN_DAYS = 31;

const list = (values: readonly string[]) => `[${values.map((value) => `'${value}'`).join(", ")}]`;

/** The first day a report's date may stand for: DAY the day, WEEK three days before, MONTH the first of the month. */
export function earliestDay(event: string): string {
  return `CASE ${event}.datePrecision WHEN 'WEEK' THEN ${event}.date - duration({days: 3}) WHEN 'MONTH' THEN date.truncate('month', ${event}.date) ELSE ${event}.date END`;
}

/** The last day it may stand for. */
export function latestDay(event: string): string {
  return `CASE ${event}.datePrecision WHEN 'WEEK' THEN ${event}.date + duration({days: 3}) WHEN 'MONTH' THEN date.truncate('month', ${event}.date) + duration({months: 1}) - duration({days: 1}) ELSE ${event}.date END`;
}

/** The ids of the actors that published what an event rests on: the sources of its quotes and of its claims. */
export function publishersOf(event: string): string {
  return `[(${event})-[:EVIDENCED_BY]->(:Source)-[:PUBLISHED_BY]->(publisher:Actor) | publisher.id] +
      [(${event})<-[:ABOUT]-(:Claim)-[:REPORTED_IN]->(:Source)-[:PUBLISHED_BY]->(publisher:Actor) | publisher.id]`;
}

/**
 * A `CALL (event) { … }` that binds `other` to every report matching `event` on date, place and kind of event (see
 * `Event.incident`): the same category; overlapping date intervals; the same place, or one inside the other with the
 * coarser one a city, town, village or site. It walks from the event's places to the reports there (relationship
 * expansion from nodes found by id), and the dates are compared only for those: the work per report is the number of
 * reports at its town, whatever the size of the graph.
 */
export function matchingReports(event: string, other: string): string {
  return `CALL (${event}) {
    WITH ${event}, ${earliestDay(event)} AS earliest, ${latestDay(event)} AS latest
    WHERE ${event}.datePrecision IN ${list(MATCHING_PRECISIONS)}
    CALL (${event}) {
      MATCH (${event})-[:OCCURRED_IN]->(at:Place)<-[:WITHIN*0..${MAX_PLACE_DEPTH}]-(place:Place)
      WHERE at.kind IN ${list(MATCHING_PLACE_KINDS)}
      RETURN place
      UNION
      MATCH (${event})-[:OCCURRED_IN]->(at:Place)-[:WITHIN*1..${MAX_PLACE_DEPTH}]->(place:Place)
      WHERE at.kind IN ${list(MATCHING_PLACE_KINDS)} AND place.kind IN ${list(MATCHING_PLACE_KINDS)}
      RETURN place
    }
    // No label on the reports found: with one, the planner seeks the whole month's reports in the date index and
    // checks each for the place; without, it walks from the place to its own reports (only events occur in places).
    MATCH (place)<-[:OCCURRED_IN]-(${other})
    WHERE ${other} <> ${event} AND ${other}.category = ${event}.category
      AND ${other}.date >= earliest - duration({days: ${WIDEST_SPAN_DAYS}}) AND ${other}.date <= latest + duration({days: ${WIDEST_SPAN_DAYS}})
      AND ${other}.datePrecision IN ${list(MATCHING_PRECISIONS)}
      AND ${earliestDay(other)} <= latest AND earliest <= ${latestDay(other)}
    RETURN DISTINCT ${other}
  }`;
}

/**
 * Binds `incidents` to the distinct incidents of a list of reports: statistics count each incident once and sum its
 * combined toll once, however many of its reports the list holds.
 */
export function incidentsOfReports(reports: string, incidents: string): string {
  return `CALL (${reports}) {
        UNWIND ${reports} AS report
        MATCH (report)-[:${REPORT_OF}]->(incident:Incident)
        RETURN collect(DISTINCT incident) AS ${incidents}
      }`;
}
