/**
 * `npx tsx bench/concentratedTowns.ts [--rows 40000] [--towns 8] [--uri bolt://…]`: incident matching in towns with
 * thousands of reports (issue 20, class 7). Empties the database, imports `--rows` generated ACLED rows kept in
 * `--towns` towns (as in a one-province export) in one transaction, as the command line does, and prints the time,
 * the rows per second and the time of the matching statement. Then it imports one row in a town of its own and
 * PROFILEs the matching of that town's only report and of the last report of the busiest town: the db hits and the
 * reports read (rows out of the step that finds the other reports). The default database is the local dev instance.
 */
import { parseArgs } from "node:util";
import { acledCsv, acledRecord, generatedAcled } from "../tests/helpers/acled.js";
import { resetDatabase } from "./dataset.js";
import { benchOptions, benchRequest as request, profileMatching, say, secondsIn, timedImport, openImportBench } from "./importBench.js";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "40000" },
    towns: { type: "string", default: "8" },
    ...benchOptions,
  },
});
const { driver, db, imports, metrics } = openImportBench(values, {
  usage: "npx tsx bench/concentratedTowns.ts [--rows 40000] [--towns 8] [--uri bolt://…]",
  instance: "dev",
  timeoutMs: 1_800_000,
});
const rows = Number(values.rows);
const towns = Number(values.towns);

try {
  await resetDatabase(db);
  const csv = generatedAcled(rows, "towns", "CT", towns);
  const { report, seconds, statements } = await timedImport(metrics, () => imports.importAcled(csv, request));
  const matching = secondsIn(statements, ["matchingReportsOfEvents"]);
  say(
    `${rows} rows in ${towns} towns (${(csv.length / 1e6).toFixed(1)} MB): ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s, ` +
      `${report.created} nodes created; matching statement ${matching.toFixed(1)} s`,
  );
  await imports.importAcled(acledCsv([acledRecord("lone")]), request);
  const [busiest] = await db.read(
    `// busiestTown
    MATCH (p:Place)<-[:OCCURRED_IN]-(e:Event)
    WITH p, count(e) AS reports ORDER BY reports DESC LIMIT 1
    MATCH (p)<-[:OCCURRED_IN]-(e:Event)
    WITH p, reports, e ORDER BY e.date DESC, e.id DESC LIMIT 1
    RETURN p.name AS town, reports, e.id AS id`,
  );
  await profileOneMatch("the only report of its town", "event:acled-TSTlone1");
  await profileOneMatch(`the last report of ${String(busiest?.town)} (${String(busiest?.reports)} reports)`, String(busiest?.id));
} finally {
  await driver.close();
}

/** PROFILE of the matching statement for one event: its db hits, and the rows of each operator. */
async function profileOneMatch(what: string, eventId: string): Promise<void> {
  const { operators, matches } = await profileMatching(driver, eventId);
  const dbHits = operators.reduce((sum, plan) => sum + plan.dbHits, 0);
  say(`PROFILE, ${what}: ${dbHits} db hits, ${matches} matching reports`);
  for (const plan of operators) {
    const details = plan.arguments.Details;
    say(`  ${plan.operatorType} (${plan.dbHits} db hits, ${plan.rows} rows) ${typeof details === "string" ? details.slice(0, 140) : ""}`);
  }
}
