/**
 * Which `eventStats` bucket an incident counts in, for each grouping, as Cypher fragments built from variable names.
 * Statistics count incidents (one real-world incident however many sources report it), each once per bucket, and
 * read each incident through the reports the request's filter selects (`reports`, a list of its Event nodes):
 * - DAY, WEEK, MONTH, YEAR and TYPE give each incident exactly one bucket, from its defining report: the most precisely
 *   dated of its selected reports, the earliest of those, then the smallest id (the rule that gives `Incident.date`,
 *   applied to the selected reports). The day, week, month or year is the interval holding that report's `date` (a
 *   span's first day; `intervalStart`), the type its sub-event type. So the buckets of a grouping add up to the
 *   incidents selected, and an incident's toll is added once. Time series (`incidentIntervalStart`) use the same rule.
 * - PLACE, PROVINCE and PERPETRATOR are sets: an incident counts once in the bucket of every place, province or
 *   perpetrator any of its selected reports names (the union over its reports, each once). `none` (PROVINCE,
 *   PERPETRATOR) holds the incidents none of whose selected reports has one.
 * Nothing here comes from a request: labels, types and literals are fixed.
 */
import { DATE_PRECISIONS, type TimeInterval } from "../model/enums.js";
import { eventInPlacePath, occurredAtPath, perpetratorPaths, rolledUpPath } from "./rules.js";

export type StatsDimension = "PERPETRATOR" | "PLACE" | "PROVINCE" | "DAY" | "WEEK" | "MONTH" | "YEAR" | "TYPE";

/** The groupings that are calendar intervals, each keyed by its interval (`intervalKey`). */
export const TIME_DIMENSIONS: ReadonlySet<StatsDimension> = new Set(["DAY", "WEEK", "MONTH", "YEAR"]);

/**
 * The first day (a Neo4j date) of the interval holding the date `date`: the day, the Monday of its ISO week, the first
 * of its month, quarter or year. model/timeSeries.ts' `intervalStart` computes the same in TypeScript.
 */
export function intervalStart(interval: TimeInterval, date: string): string {
  switch (interval) {
    case "DAY":
      return date;
    case "WEEK":
      return `date.truncate('week', ${date})`;
    case "MONTH":
      return `date.truncate('month', ${date})`;
    case "QUARTER":
      return `date.truncate('quarter', ${date})`;
    case "YEAR":
      return `date.truncate('year', ${date})`;
  }
}

/** A time grouping's `eventStats` key for the date `date`: YYYY-MM-DD for a day or a week (its Monday), YYYY-MM, YYYY. */
function intervalKey(interval: "DAY" | "WEEK" | "MONTH" | "YEAR", date: string): string {
  const start = `toString(${intervalStart(interval, date)})`;
  return interval === "MONTH" ? `substring(${start}, 0, 7)` : interval === "YEAR" ? `substring(${start}, 0, 4)` : start;
}

/** A report's rank by date precision: DAY first, then WEEK, MONTH, YEAR (DATE_PRECISIONS' order). */
export function precisionRank(report: string): string {
  return `CASE ${report}.datePrecision ${DATE_PRECISIONS.map((precision, rank) => `WHEN '${precision}' THEN ${rank}`).join(" ")} ELSE ${DATE_PRECISIONS.length} END`;
}

/** Binds `as` (`key` unless told) to the value `keyOf(report)` of the defining report among `reports` (see above). */
function definingReportKey(reports: string, keyOf: (report: string) => string, as = "key"): string {
  return `CALL (${reports}) {
        UNWIND ${reports} AS report
        WITH report ORDER BY ${precisionRank("report")}, report.date, report.id
        LIMIT 1
        RETURN ${keyOf("report")} AS ${as}
      }`;
}

/**
 * Binds `start` to the first day of the interval an incident counts in, from its selected reports `reports`: the
 * interval holding its defining report's `date` (for a span, its first day), as the time groupings of eventStats.
 */
export function incidentIntervalStart(interval: TimeInterval, reports: string): string {
  return definingReportKey(reports, (report) => intervalStart(interval, `${report}.date`), "start");
}

/** Binds `key` to each distinct key the reports give (`match` binds `key` from `report`), or `none` when they give none. */
function unionKeys(reports: string, match: string, none: boolean): string {
  if (!none) {
    return `CALL (${reports}) {
        UNWIND ${reports} AS report
        ${match}
      }
      WITH DISTINCT incident, ${reports}, key`;
  }
  return `CALL (${reports}) {
        UNWIND ${reports} AS report
        CALL (report) {
          ${match}
        }
        RETURN collect(DISTINCT key) AS keys
      }
      UNWIND CASE WHEN size(keys) = 0 THEN ['none'] ELSE keys END AS key`;
}

/**
 * Binds `key` once per bucket the incident `incident` counts in, from its selected reports `reports` (rows of
 * `incident, reports` in, rows of `incident, reports, key` out). `includeMembers` rolls PERPETRATOR buckets up: a
 * perpetrator also keys every actor it is part of, transitively (rolledUpPath).
 */
export function incidentBucketKeys(dimension: StatsDimension, reports: string, includeMembers: boolean): string {
  switch (dimension) {
    case "PERPETRATOR":
      return unionKeys(
        reports,
        perpetratorPaths("report", "p")
          .map((path) =>
            includeMembers
              ? `MATCH ${path} MATCH ${rolledUpPath("a:Actor", "p", true)} RETURN a.id AS key`
              : `MATCH ${path} RETURN p.id AS key`,
          )
          .join("\n          UNION\n          "),
        true,
      );
    case "PLACE":
      return unionKeys(reports, `MATCH ${occurredAtPath("report", "p:Place")} RETURN p.id AS key`, false);
    case "PROVINCE":
      return unionKeys(reports, `MATCH ${eventInPlacePath("report", "p:Place {kind: 'PROVINCE'}")} RETURN p.id AS key`, true);
    case "DAY":
    case "WEEK":
    case "MONTH":
    case "YEAR":
      return definingReportKey(reports, (report) => intervalKey(dimension, `${report}.date`));
    case "TYPE":
      return definingReportKey(reports, (report) => `${report}.type`);
  }
}
