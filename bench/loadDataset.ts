/**
 * `npx tsx bench/loadDataset.ts --events 10000 [--seed 1] [--documents-per-import 20] [--uri bolt://127.0.0.1:7689]
 * [--no-reset] [--again] [--profile]`: generates the synthetic dataset, empties the database (unless --no-reset) and imports the
 * dataset through the import path, then checks that the graph holds exactly the dataset's nodes and relationships
 * and prints the import speed and where the time went (per Cypher statement, from the executor's metrics).
 * --again imports everything a second time, which must create and update nothing. --profile runs every statement under
 * PROFILE and adds each statement's db hits and rows to the table (which PROFILE slows: times of such a run are not the
 * import's).
 * The default database is the local bench instance (`npx tsx neo4j-local/cli.ts start --instance bench`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadEnvFile } from "../src/envFile.js";
import { localInstance } from "../neo4j-local/localNeo4j.js";
import { migrate } from "../src/ingest/write/dataMigrations.js";
import { Executor } from "../src/db/executor.js";
import { ImportService } from "../src/ingest/importService.js";
import { type Dataset, generateDataset, loadDataset, openBench, resetDatabase } from "./dataset.js";
import { profilingDriver, statementTable } from "./importBench.js";

// Settings from the project's .env, as every command reads them (the environment wins).
loadEnvFile();

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    "documents-per-import": { type: "string" },
    uri: { type: "string" },
    "no-reset": { type: "boolean", default: false },
    again: { type: "boolean", default: false },
    statements: { type: "string", default: "15" },
    profile: { type: "boolean", default: false },
  },
});

const TIMEOUT_MS = 600_000;
const uri = values.uri ?? localInstance("bench").uri;
const { metrics, driver, ...bench } = openBench(uri, TIMEOUT_MS);
const profiling = values.profile ? profilingDriver(driver) : null;
const db = profiling ? new Executor(profiling.driver, metrics, { database: undefined, queryTimeoutMs: TIMEOUT_MS }) : bench.db;
const imports = profiling ? new ImportService(db, { timeoutMs: TIMEOUT_MS }) : bench.imports;
const say = (line: string) => process.stdout.write(`${line}\n`);

try {
  const generatedAt = performance.now();
  const dataset = generateDataset({ events: Number(values.events), seed: Number(values.seed) });
  say(`generated ${dataset.facts.events} events in ${dataset.bundles.length} bundles (${Math.round(performance.now() - generatedAt)} ms)`);
  if (values["no-reset"]) await migrate(db);
  else await resetDatabase(db);
  // The statements of the load alone: not the wipe's or the migrations'.
  metrics.queryDuration.reset();
  profiling?.work.clear();

  const documentsPerImport = values["documents-per-import"] ? Number(values["documents-per-import"]) : undefined;
  let lastReport = 0;
  const cpuBefore = cpuSeconds();
  const result = await loadDataset(imports, dataset, {
    ...(documentsPerImport ? { documentsPerImport } : {}),
    onProgress: ({ events, totalEvents, seconds }) => {
      if (seconds - lastReport < 10 && events < totalEvents) return;
      lastReport = seconds;
      say(`  ${events} / ${totalEvents} events, ${seconds.toFixed(1)} s, ${Math.round(events / seconds)} events/s`);
    },
  });
  say(
    `imported ${result.events} events in ${result.seconds.toFixed(2)} s: ${Math.round(result.eventsPerSecond)} events/s ` +
      `(${result.imports} imports of ${result.documentsPerImport} reports, ${result.created} nodes created)`,
  );
  printCpu(cpuBefore, result.events);
  await printStatementTimes(result.seconds, result.imports);
  await checkGraph(dataset);

  if (values.again) {
    metrics.queryDuration.reset();
    profiling?.work.clear();
    const cpuAgain = cpuSeconds();
    const again = await loadDataset(imports, dataset, documentsPerImport ? { documentsPerImport } : {});
    say(
      `re-imported in ${again.seconds.toFixed(2)} s: ${Math.round(again.eventsPerSecond)} events/s, ` +
        `${again.created} created, ${again.updated} updated, ${again.unchanged} unchanged`,
    );
    printCpu(cpuAgain, again.events);
    await printStatementTimes(again.seconds, again.imports);
  }
} finally {
  await driver.close();
}

/**
 * The statements that took the most time, summed over the load, with how many ran per import and, under --profile,
 * their db hits and rows.
 */
async function printStatementTimes(total: number, importsRun: number): Promise<void> {
  const { values: samples } = await metrics.queryDuration.get();
  const statements = new Map<string, { seconds: number; count: number }>();
  for (const sample of samples) {
    const query = String(sample.labels.query);
    const entry = statements.get(query) ?? { seconds: 0, count: 0 };
    if (sample.metricName?.endsWith("_sum")) entry.seconds += sample.value;
    else if (sample.metricName?.endsWith("_count")) entry.count += sample.value;
    else continue;
    statements.set(query, entry);
  }
  const inCypher = [...statements.values()].reduce((sum, entry) => sum + entry.seconds, 0);
  const runs = [...statements.values()].reduce((sum, entry) => sum + entry.count, 0);
  say(`  in Cypher ${inCypher.toFixed(2)} s of ${total.toFixed(2)} s; the rest is JavaScript (validation, drafts, comparison)`);
  say(`  ${runs} statements, ${(runs / importsRun).toFixed(1)} per import`);
  const table = statementTable(statements, profiling?.work ?? null, importsRun);
  for (const line of table.slice(0, Number(values.statements) + 1)) say(line);
}

/** The graph holds what the dataset says it should, label by label and type by type. */
async function checkGraph(dataset: Dataset): Promise<void> {
  const { counts } = dataset.facts;
  const problems: string[] = [];
  for (const [label, expected] of Object.entries(counts.nodes)) {
    const [row] = await db.read(`// benchCountNodes\nMATCH (n:${label}) RETURN count(n) AS count`);
    if (Number(row?.count) !== expected) problems.push(`${label}: ${String(row?.count)} nodes, expected ${expected}`);
  }
  for (const [type, expected] of Object.entries(counts.relationships)) {
    const [row] = await db.read(`// benchCountRelationships\nMATCH ()-[r:${type}]->() RETURN count(r) AS count`);
    if (Number(row?.count) !== expected) problems.push(`${type}: ${String(row?.count)} relationships, expected ${expected}`);
  }
  if (problems.length > 0) throw new Error(`the graph differs from the dataset:\n${problems.join("\n")}`);
  say(`graph checked: ${counts.totalNodes} nodes and ${counts.totalRelationships} relationships, as generated`);
}

/**
 * CPU seconds used so far by this process and by the local Neo4j (when the URI is a local instance's): on a shared
 * machine wall-clock figures vary with the neighbours' load, CPU time much less.
 */
function cpuSeconds(): { node: number; neo4j: number | null } {
  const usage = process.cpuUsage();
  let neo4j: number | null = null;
  try {
    const instance = localInstance("bench");
    if (instance.uri === uri) {
      const pid = readFileSync(path.join(instance.dataDir, "neo4j-local.pid"), "utf8").trim();
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
      neo4j = (Number(fields[11]) + Number(fields[12])) / 100;
    }
  } catch {
    neo4j = null;
  }
  return { node: (usage.user + usage.system) / 1e6, neo4j };
}

function printCpu(before: { node: number; neo4j: number | null }, events: number): void {
  const after = cpuSeconds();
  const node = after.node - before.node;
  const neo4j = after.neo4j !== null && before.neo4j !== null ? after.neo4j - before.neo4j : null;
  const total = node + (neo4j ?? 0);
  say(
    `  CPU: node ${node.toFixed(2)} s` +
      (neo4j !== null ? `, neo4j ${neo4j.toFixed(2)} s, ${Math.round(events / total)} events per CPU-second` : ""),
  );
}
