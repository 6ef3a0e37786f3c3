/**
 * `npx tsx bench/concentratedTowns.ts [--rows 40000] [--towns 8] [--uri bolt://…]`: incident matching in towns with
 * thousands of reports (issue 20, class 7). Empties the database, imports `--rows` generated ACLED rows kept in
 * `--towns` towns (as in a one-province export) in one transaction, as the command line does, and prints the time,
 * the rows per second and the time of the matching statement. Then it imports one row in a town of its own and
 * PROFILEs the matching of that town's only report and of the last report of the busiest town: the db hits and the
 * reports read (rows out of the step that finds the other reports). The default database is the local dev instance.
 */
import { parseArgs } from "node:util";
import type { ProfiledPlan } from "neo4j-driver";
import { localInstance } from "../neo4j-local/localNeo4j.js";
import { loadEnvFile } from "../src/envFile.js";
import { matchingReports } from "../src/graph/incidentRules.js";
import { acledCsv, acledRecord, generatedAcled } from "../tests/helpers/acled.js";
import { openBench, resetDatabase } from "./dataset.js";

loadEnvFile();

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "40000" },
    towns: { type: "string", default: "8" },
    uri: { type: "string" },
  },
});

const TIMEOUT_MS = 1_800_000;
const rows = Number(values.rows);
const towns = Number(values.towns);
const uri = values.uri ?? localInstance("dev").uri;
const { metrics, driver, db, imports } = openBench(uri, TIMEOUT_MS);
const say = (line: string) => process.stdout.write(`${line}\n`);
const request = { dryRun: false, writtenBy: "bench" };

try {
  await resetDatabase(db);
  const csv = generatedAcled(rows, "towns", "CT", towns);
  metrics.queryDuration.reset();
  const start = performance.now();
  const report = await imports.importAcled(csv, request);
  const seconds = (performance.now() - start) / 1000;
  const { values: samples } = await metrics.queryDuration.get();
  const matching = samples
    .filter((sample) => sample.metricName?.endsWith("_sum") && sample.labels.query === "matchingReportsOfEvents")
    .reduce((sum, sample) => sum + sample.value, 0);
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
  const session = driver.session();
  try {
    const result = await session.run(
      `PROFILE MATCH (e:Event {id: $id})
      ${matchingReports("e", "o")}
      RETURN count(o) AS matches`,
      { id: eventId },
    );
    const operators: string[] = [];
    let dbHits = 0;
    const walk = (plan: ProfiledPlan) => {
      dbHits += plan.dbHits;
      const details = plan.arguments.Details;
      operators.push(
        `${plan.operatorType} (${plan.dbHits} db hits, ${plan.rows} rows) ${typeof details === "string" ? details.slice(0, 140) : ""}`,
      );
      plan.children.forEach(walk);
    };
    const profile = result.summary.profile;
    if (profile) walk(profile);
    say(`PROFILE, ${what}: ${dbHits} db hits, ${String(result.records[0]?.get("matches"))} matching reports`);
    for (const operator of operators) say(`  ${operator}`);
  } finally {
    await session.close();
  }
}
