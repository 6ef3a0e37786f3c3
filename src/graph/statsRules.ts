/**
 * Which `eventStats` bucket an incident counts in, for each grouping, as Cypher fragments built from variable names.
 * Statistics count incidents (one real-world incident however many sources report it), each once per bucket, and
 * read each incident through the reports the request's filter selects (`reports`, a list of its Event nodes):
 * - MONTH and TYPE give each incident exactly one bucket, from its defining report: the most precisely dated of its
 *   selected reports, the earliest of those, then the smallest id (the rule that gives `Incident.date`, applied to the
 *   selected reports). The month is that report's date's month, the type its sub-event type. So the buckets of a
 *   grouping add up to the incidents selected, and an incident's toll is added once.
 * - PLACE, PROVINCE and PERPETRATOR are sets: an incident counts once in the bucket of every place, province or
 *   perpetrator any of its selected reports names (the union over its reports, each once). `none` (PROVINCE,
 *   PERPETRATOR) holds the incidents none of whose selected reports has one.
 * Nothing here comes from a request: labels, types and literals are fixed.
 */
import { DATE_PRECISIONS } from "../model/enums.js";
import { eventInPlacePath, occurredAtPath, perpetratorPaths, rolledUpPath } from "./rules.js";

export type StatsDimension = "PERPETRATOR" | "PLACE" | "PROVINCE" | "MONTH" | "TYPE";

/** A report's rank by date precision: DAY first, then WEEK, MONTH, YEAR (DATE_PRECISIONS' order). */
export function precisionRank(report: string): string {
  return `CASE ${report}.datePrecision ${DATE_PRECISIONS.map((precision, rank) => `WHEN '${precision}' THEN ${rank}`).join(" ")} ELSE ${DATE_PRECISIONS.length} END`;
}

/** Binds `key` to the one bucket key `keyOf(report)` of the defining report among `reports` (see above). */
function definingReportKey(reports: string, keyOf: (report: string) => string): string {
  return `CALL (${reports}) {
        UNWIND ${reports} AS report
        WITH report ORDER BY ${precisionRank("report")}, report.date, report.id
        LIMIT 1
        RETURN ${keyOf("report")} AS key
      }`;
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
    case "MONTH":
      return definingReportKey(reports, (report) => `substring(toString(${report}.date), 0, 7)`);
    case "TYPE":
      return definingReportKey(reports, (report) => `${report}.type`);
  }
}
