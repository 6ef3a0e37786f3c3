/**
 * `npx tsx bench/incidentScale.ts [--rows 10000] [--stored 100000] [--chunk 10000] [--uri bolt://…]`: whether matching
 * reports into incidents keeps imports flat as the graph grows (issue 13: at most 1.5×). Times importing `--rows`
 * ACLED rows into an empty graph, then empties it, imports `--stored` rows first (in chunks of `--chunk`, one
 * transaction each, as a curator would load a large export) and times the same rows again; a small import { parseArgs } from "node:util";
import first
 * plans the statements. All rows come from one
 * `generatedAcled` file (tests/helpers/acled.ts), so the measured rows fall in the same 600 towns and two years as the
 * stored ones, and every new row's matching walks the stored reports of its town. Prints both times, the ratio, the
 * matching statements' share, and the PROFILE of one row's matching statement (db hits; no label scan).
 * The default database is the local bench instance (`npx tsx neo4j-local/cli.ts start --instance bench`).
 */
import { parseArgs } from "node:util";
import { generatedAcled } from "../tests/helpers/acled.js";
import { resetDatabase } from "./dataset.js";
import {
  benchOptions,
  benchRequest as request,
  MATCHING_STATEMENTS,
  profileMatching,
  say,
  secondsIn,
  openImportBench,
  timedImport,
} from "./importBench.js";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "10000" },
    stored: { type: "string", default: "100000" },
    chunk: { type: "string", default: "10000" },
    ...benchOptions,
  },
});
const { driver, db, imports, metrics } = openImportBench(values, {
  usage: "npx tsx bench/incidentScale.ts [--rows 10000] [--stored 100000] [--chunk 10000] [--uri bolt://…]",
  instance: "bench",
  timeoutMs: 1_200_000,
});
const rows = Number(values.rows);
const stored = Number(values.stored);
const chunk = Number(values.chunk);

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
  const empty = await importTimed(measured);
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
  const full = await importTimed(measured);
  say(
    `${rows} rows into a graph of ${String(count?.events)} events: ${full.seconds.toFixed(1)} s (${full.created} nodes created; ` +
      `matching ${full.matching.toFixed(1)} s)`,
  );
  say(`ratio ${(full.seconds / empty.seconds).toFixed(2)} (target at most 1.5)`);
  await profileOneMatch(`event:acled-GENscale${stored + 1}`);
} finally {
  await driver.close();
}

/** Imports the rows, with the seconds the import and its matching statements took. */
async function importTimed(csv: string): Promise<{ seconds: number; created: number; matching: number }> {
  const { report, seconds, statements } = await timedImport(metrics, () => imports.importAcled(csv, request));
  return { seconds, created: report.created, matching: secondsIn(statements, MATCHING_STATEMENTS) };
}

/** PROFILE of the matching statement for one event: the operators and their db hits, to show no label is scanned. */
async function profileOneMatch(eventId: string): Promise<void> {
  const { operators, matches } = await profileMatching(driver, eventId);
  say(`PROFILE of one row's matching (${matches} matching reports):`);
  for (const plan of operators) say(`  ${plan.operatorType} (${plan.dbHits} db hits, ${plan.rows} rows)`);
  if (operators.some((plan) => plan.operatorType.startsWith("AllNodesScan") || plan.operatorType.startsWith("NodeByLabelScan"))) {
    say("  a label scan: matching does not use indexes");
    process.exitCode = 1;
  }
}
