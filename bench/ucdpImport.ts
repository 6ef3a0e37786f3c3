/**
 * `npx tsx bench/ucdpImport.ts [--file ../shared/data/ucdp/ged_syria.csv.gz] [--uri bolt://…]`: the whole UCDP GED
 * Syria release (16,566 rows) into an empty graph holding only the seed article, as `npm run import` does it (one
 * transaction, the file read gzip-compressed), then again as a no-op. Prints both times, rows per second, and the
 * time spent in the incident statements of ingest/write/incident*.ts (matching). Empties the database first: the
 * default is the local dev instance of this worktree (`npm run db:start`), never the test one.
 */
import { parseArgs } from "node:util";
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { seed } from "../src/ingest/seed.js";
import { resetDatabase } from "./dataset.js";
import { benchOptions, benchRequest as request, MATCHING_STATEMENTS, say, secondsIn, timedImport, openImportBench } from "./importBench.js";

const { values } = parseArgs({ options: { file: { type: "string", default: "../shared/data/ucdp/ged_syria.csv.gz" }, ...benchOptions } });
const { driver, db, imports, metrics } = openImportBench(values, {
  usage: "npx tsx bench/ucdpImport.ts [--file ../shared/data/ucdp/ged_syria.csv.gz] [--uri bolt://…]",
  instance: "dev",
  timeoutMs: 3_600_000,
});

try {
  await resetDatabase(db);
  await seed(imports);
  for (const pass of ["into the seeded graph", "again (a no-op)"]) {
    const {
      report,
      seconds,
      statements: byStatement,
    } = await timedImport(metrics, () => imports.importUcdp(createReadStream(values.file).pipe(createGunzip()), request));
    const matching = secondsIn(byStatement, MATCHING_STATEMENTS);
    const statements = secondsIn(byStatement);
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
