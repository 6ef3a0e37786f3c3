/**
 * `npx tsx bench/ucdpImport.ts [--file ../shared/data/ucdp/ged_syria.csv.gz] [--uri bolt://…]`: the whole UCDP GED
 * Syria release (16,566 rows) into an empty graph holding only the seed article, as `npm run import` does it (one
 * transaction, the file read gzip-compressed), then again as a no-op. Prints both times, rows per second, and the
 * time spent in the incident statements of ingest/write/incident*.ts (matching). Empties the database first: the
 * default is the local dev instance of this worktree (`npm run db:start`), never the test one.
 */
import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import { localInstance } from "../neo4j-local/localNeo4j.js";
import { loadEnvFile } from "../src/envFile.js";
import { seed } from "../src/ingest/seed.js";
import { openBench, resetDatabase } from "./dataset.js";

loadEnvFile();

const { values } = parseArgs({
  options: { file: { type: "string", default: "../shared/data/ucdp/ged_syria.csv.gz" }, uri: { type: "string" } },
});
const TIMEOUT_MS = 3_600_000;
const uri = values.uri ?? localInstance("dev").uri;
const { metrics, driver, db, imports } = openBench(uri, TIMEOUT_MS);
const say = (line: string) => process.stdout.write(`${line}\n`);
const request = { dryRun: false, writtenBy: "bench" };
/** The statements of ingest/write/incident*.ts (as bench/incidentScale.ts counts them). */
const MATCHING = [
  "matchingReportsOfEvents",
  "incidentReportFacts",
  "ownIncidents",
  "incidentFacts",
  "setIncidentFacts",
  "takenIncidentIds",
];

try {
  await resetDatabase(db);
  await seed(imports);
  for (const pass of ["into the seeded graph", "again (a no-op)"]) {
    metrics.queryDuration.reset();
    const start = performance.now();
    const report = await imports.importUcdp(createReadStream(values.file).pipe(createGunzip()), request);
    const seconds = (performance.now() - start) / 1000;
    const { values: samples } = await metrics.queryDuration.get();
    const sums = samples.filter((sample) => sample.metricName?.endsWith("_sum"));
    const matching = sums.filter((sample) => MATCHING.includes(String(sample.labels.query))).reduce((sum, sample) => sum + sample.value, 0);
    const statements = sums.reduce((sum, sample) => sum + sample.value, 0);
    say(
      `${report.rows} rows ${pass}: ${seconds.toFixed(1)} s, ${Math.round((report.rows ?? 0) / seconds)} rows/s; created ${report.created}, ` +
        `updated ${report.updated}, unchanged ${report.unchanged}; ${report.warnings.length} warnings; statements ${statements.toFixed(1)} s, ` +
        `of which incident matching ${matching.toFixed(1)} s`,
    );
  }
  const [incidents] = await db.read(
    `// benchUcdpJoined
    MATCH (u:Event)-[:REPORT_OF]->(i:Incident)<-[:REPORT_OF]-(o:Event)
    WHERE u.id STARTS WITH 'event:ucdp-' AND NOT o.id STARTS WITH 'event:ucdp-'
    RETURN count(DISTINCT u) AS joined`,
  );
  say(`UCDP events sharing an incident with an article or ACLED report: ${String(incidents?.joined)}`);
} finally {
  await driver.close();
}
