/**
 * `npx tsx bench/incidentScale.ts [--rows 10000] [--stored 100000] [--chunk 10000] [--uri bolt://…]`: whether matching
 * reports into incidents keeps imports flat as the graph grows (issue 13: at most 1.5×). Times importing `--rows`
 * ACLED rows into an empty graph, then empties it, imports `--stored` rows first (in chunks of `--chunk`, one
 * transaction each, as a curator would load a large export) and times the same rows again; a small import first
 * plans the statements. All rows come from one
 * `generatedAcled` file (tests/helpers/acled.ts), so the measured rows fall in the same 600 towns and two years as the
 * stored ones, and every new row's matching walks the stored reports of its town. Prints both times, the ratio, the
 * matching statements' share, and the PROFILE of one row's matching statement (db hits; no label scan).
 * The default database is the local bench instance (`npx tsx neo4j-local/cli.ts start --instance bench`).
 */
import { parseArgs } from "node:util";
import { localInstance } from "../neo4j-local/localNeo4j.js";
import { loadEnvFile } from "../src/envFile.js";
import { matchingReports } from "../src/graph/incidentRules.js";
import { generatedAcled } from "../tests/helpers/acled.js";
import { openBench, resetDatabase } from "./dataset.js";

loadEnvFile();

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "10000" },
    stored: { type: "string", default: "100000" },
    chunk: { type: "string", default: "10000" },
    uri: { type: "string" },
  },
});

const TIMEOUT_MS = 1_200_000;
const rows = Number(values.rows);
const stored = Number(values.stored);
const chunk = Number(values.chunk);
const uri = values.uri ?? localInstance("bench").uri;
const { metrics, driver, db, imports } = openBench(uri, TIMEOUT_MS);
const say = (line: string) => process.stdout.write(`${line}\n`);
const request = { dryRun: false, writtenBy: "bench" };

/** The statements of ingest/write/incident*.ts whose time the report shows apart. */
const MATCHING = [
  "matchingReportsOfEvents",
  "incidentReportFacts",
  "ownIncidents",
  "incidentFacts",
  "setIncidentFacts",
  "takenIncidentIds",
];

try {
  const [header, ...lines] = generatedAcled(stored + rows, "scale")
    .trimEnd()
    .split("\r\n");
  const file = (from: number, to: number) => `${[header, ...lines.slice(from, to)].join("\r\n")}\r\n`;
  const measured = file(stored, stored + rows);

  // A first import plans every statement; a small one of another country, then wiped, keeps that out of the figures.
  await resetDatabase(db);
  await imports.importAcled(generatedAcled(200, "warmup"), request);
  await resetDatabase(db);
  const empty = await timedImport(measured);
  say(
    `${rows} rows into an empty graph: ${empty.seconds.toFixed(1)} s (${empty.created} nodes created; matching ${empty.matching.toFixed(1)} s)`,
  );

  await resetDatabase(db);
  const loadStart = performance.now();
  for (let from = 0; from < stored; from += chunk) {
    await imports.importAcled(file(from, Math.min(stored, from + chunk)), request);
    say(`  stored ${Math.min(stored, from + chunk)} / ${stored} rows (${((performance.now() - loadStart) / 1000).toFixed(0)} s)`);
  }
  const [count] = await db.read("// benchCountEvents\nMATCH (e:Event) RETURN count(e) AS events");
  const full = await timedImport(measured);
  say(
    `${rows} rows into a graph of ${String(count?.events)} events: ${full.seconds.toFixed(1)} s (${full.created} nodes created; ` +
      `matching ${full.matching.toFixed(1)} s)`,
  );
  say(`ratio ${(full.seconds / empty.seconds).toFixed(2)} (target at most 1.5)`);
  await profileOneMatch(`event:acled-GENscale${stored + 1}`);
} finally {
  await driver.close();
}

async function timedImport(csv: string): Promise<{ seconds: number; created: number; matching: number }> {
  metrics.queryDuration.reset();
  const start = performance.now();
  const report = await imports.importAcled(csv, request);
  const seconds = (performance.now() - start) / 1000;
  const { values: samples } = await metrics.queryDuration.get();
  const matching = samples
    .filter((sample) => sample.metricName?.endsWith("_sum") && MATCHING.includes(String(sample.labels.query)))
    .reduce((sum, sample) => sum + sample.value, 0);
  return { seconds, created: report.created, matching };
}

/** PROFILE of the matching statement for one event: the operators and their db hits, to show no label is scanned. */
async function profileOneMatch(eventId: string): Promise<void> {
  const session = driver.session();
  try {
    const result = await session.run(
      `PROFILE MATCH (e:Event {id: $id})
      ${matchingReports("e", "o")}
      RETURN count(o) AS matches`,
      { id: eventId },
    );
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; dbHits: number; rows: number; children: unknown[] }) => {
      operators.push(`${plan.operatorType} (${plan.dbHits} db hits, ${plan.rows} rows)`);
      for (const child of plan.children) walk(child as typeof plan);
    };
    const profile = result.summary.profile;
    if (profile) walk(profile);
    say(`PROFILE of one row's matching (${String(result.records[0]?.get("matches"))} matching reports):`);
    for (const operator of operators) say(`  ${operator}`);
    if (operators.some((operator) => operator.startsWith("AllNodesScan") || operator.startsWith("NodeByLabelScan"))) {
      say("  a label scan: matching does not use indexes");
      process.exitCode = 1;
    }
  } finally {
    await session.close();
  }
}
