/**
 * UCDP GED files for tests, written from the real rows of tests/fixtures/ucdp (CC BY 4.0, attribution in its README):
 * as they are, in the 49-column layout of GED 20.1 and later, or moved into a fictional country of the test's own.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { projectRoot } from "../../src/paths.js";
import { GED_19_COLUMNS, GED_20_ADDED, GED_20_COLUMNS } from "../../src/ingest/ucdp/ucdpLayouts.js";
import type { TestServer } from "./server.js";
import { asEditor, REPORT } from "./writing.js";

export type UcdpRecord = Record<string, string>;

export const UCDP_FIXTURE = join(projectRoot, "tests/fixtures/ucdp/ged191-syria-sample.csv");

/** The fixture's rows, each a record by column (the 41 columns of GED 19.1). */
export function ucdpRecords(): UcdpRecord[] {
  return parse<UcdpRecord>(readFileSync(UCDP_FIXTURE, "utf8"), { columns: true });
}

export const ucdpRecord = (id: string): UcdpRecord => {
  const record = ucdpRecords().find((row) => row.id === id);
  if (!record) throw new Error(`no UCDP row ${id} in the fixture`);
  return record;
};

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A file in the 41-column layout (`columns` in another order, or fewer, for tests of the header). */
export function ucdpCsv(records: readonly UcdpRecord[], columns: readonly string[] = GED_19_COLUMNS): string {
  return [columns.join(","), ...records.map((record) => columns.map((column) => quote(record[column] ?? "")).join(","))].join("\n") + "\n";
}

/**
 * The same rows in GED 20.1's layout: its 49 columns in its order, dates as `2019-07-22 00:00:00.000`, code_status
 * `Clear` (the release holds clear events only), the other added columns empty (the 19.1 release has no values).
 */
export function ged20Csv(records: readonly UcdpRecord[]): string {
  const added = Object.fromEntries(GED_20_ADDED.map((column) => [column, ""]));
  return ucdpCsv(
    records.map((record) => ({
      ...added,
      ...record,
      code_status: "Clear",
      date_start: `${record.date_start} 00:00:00.000`,
      date_end: `${record.date_end} 00:00:00.000`,
    })),
    GED_20_COLUMNS,
  );
}

/**
 * The rows moved into `Testland <s>`, a country of the test's own: ids (events, sides, dyads, conflicts) offset by a
 * number of the test's own, sides named with the suffix (`Government of Testland <s>`, `IS <s>`), so that no two
 * tests, nor the article, share a node. Everything else is the real row.
 */
export function ucdpTestRecords(suffix: string, records: readonly UcdpRecord[] = ucdpRecords()): UcdpRecord[] {
  const offset = (id: string) => String(BigInt(parseInt(suffix.slice(0, 5), 16)) * 1_000_000n + BigInt(id));
  const country = `Testland ${suffix}`;
  const side = (name: string) =>
    name
      .split(", ")
      .map((member) =>
        member === "Civilians"
          ? member
          : member.startsWith("Government of ")
            ? `Government of ${member.slice(14)} ${suffix}`
            : `${member} ${suffix}`,
      )
      .join(", ");
  return records.map((record) => ({
    ...record,
    id: offset(record.id!),
    conflict_new_id: offset(record.conflict_new_id!),
    dyad_new_id: offset(record.dyad_new_id!),
    side_a_new_id: offset(record.side_a_new_id!),
    side_b_new_id: offset(record.side_b_new_id!),
    side_a: side(record.side_a!),
    side_b: side(record.side_b!),
    country,
    where_coordinates: record.where_coordinates === "Syria" ? country : record.where_coordinates!,
  }));
}

/** `importUcdp` through HTTP, as an editor unless other headers are given; the report with its warnings. */
export function importUcdp(server: TestServer, csv: string, options: { dryRun?: boolean; headers?: Record<string, string> } = {}) {
  return server.graphql(
    `mutation ($csv: String!, $dryRun: Boolean) { importUcdp(csv: $csv, dryRun: $dryRun) { ${REPORT} warnings { path message } } }`,
    { csv, dryRun: options.dryRun ?? false },
    options.headers ?? asEditor,
  );
}
