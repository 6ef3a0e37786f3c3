/**
 * What the import bench scripts (incidentScale.ts, concentratedTowns.ts, ucdpImport.ts) share: their command line
 * and database, a timed import with the seconds its statements took, and the PROFILE of one report's matching.
 */
import type { Driver, ManagedTransaction, ProfiledPlan, QueryResult, Session } from "neo4j-driver";
import { queryName } from "../src/db/executor.js";
import { type InstanceName, localInstance } from "../neo4j-local/localNeo4j.js";
import { loadEnvFile } from "../src/envFile.js";
import { matchingReports } from "../src/graph/incidentRules.js";
import type { ImportReport } from "../src/ingest/write/importer.js";
import { openBench } from "./dataset.js";

export const say = (line: string) => process.stdout.write(`${line}\n`);

/** Who the bench's imports are written by; never a dry run. */
export const benchRequest = { dryRun: false, writtenBy: "bench" };

/** The statements of ingest/write/incident*.ts whose time the scripts show apart as incident matching. */
export const MATCHING_STATEMENTS: readonly string[] = [
  "matchingReportsOfEvents",
  "incidentReportFacts",
  "ownIncidents",
  "incidentFacts",
  "setIncidentFacts",
  "takenIncidentIds",
];

/** The options every import bench script takes besides its own: `--uri` and `--help`. */
export const benchOptions = { uri: { type: "string" }, help: { type: "boolean", default: false } } as const;

/**
 * A bench script's database: the project's .env read (the environment wins), `--help` answered with `usage` (then
 * the script exits), and the database at `--uri` (default: the local `instance`) opened with one long timeout.
 */
export function openImportBench(
  values: { uri?: string | undefined; help?: boolean | undefined },
  settings: { usage: string; instance: InstanceName; timeoutMs: number },
) {
  if (values.help) {
    say(`usage: ${settings.usage}`);
    process.exit(0);
  }
  loadEnvFile();
  return openBench(values.uri ?? localInstance(settings.instance).uri, settings.timeoutMs);
}

type Bench = ReturnType<typeof openBench>;

/** One import, timed, with the seconds each statement took in all (from the executor's metrics), by statement name. */
export async function timedImport(
  metrics: Bench["metrics"],
  run: () => Promise<ImportReport>,
): Promise<{ report: ImportReport; seconds: number; statements: Map<string, number> }> {
  metrics.queryDuration.reset();
  const start = performance.now();
  const report = await run();
  const seconds = (performance.now() - start) / 1000;
  const { values: samples } = await metrics.queryDuration.get();
  const statements = new Map<string, number>();
  for (const sample of samples) {
    if (!sample.metricName?.endsWith("_sum")) continue;
    const name = String(sample.labels.query);
    statements.set(name, (statements.get(name) ?? 0) + sample.value);
  }
  return { report, seconds, statements };
}

/** Seconds spent in the named statements, or in all of them. */
export function secondsIn(statements: ReadonlyMap<string, number>, names?: readonly string[]): number {
  return [...statements].filter(([name]) => names === undefined || names.includes(name)).reduce((sum, [, seconds]) => sum + seconds, 0);
}

/** PROFILE of the matching statement (graph/incidentRules.ts) for one event: its operators, in plan order, and the reports it found. */
export async function profileMatching(driver: Driver, eventId: string): Promise<{ operators: ProfiledPlan[]; matches: string }> {
  const session = driver.session();
  try {
    const result = await session.run(
      `PROFILE MATCH (e:Event {id: $id})
      ${matchingReports("e", "o")}
      RETURN count(o) AS matches`,
      { id: eventId },
    );
    const operators: ProfiledPlan[] = [];
    const walk = (plan: ProfiledPlan) => {
      operators.push(plan);
      plan.children.forEach(walk);
    };
    const profile = result.summary.profile;
    if (profile) walk(profile);
    return { operators, matches: String(result.records[0]?.get("matches")) };
  } finally {
    await session.close();
  }
}

/** What PROFILE counted of one statement name over an import: how often it ran, its db hits, and the rows its operators produced. */
export interface StatementWork {
  statements: number;
  dbHits: number;
  rows: number;
}

/**
 * The driver with every statement of its write transactions run under PROFILE, and what each statement name cost,
 * summed: db hits and rows do not depend on the machine's load, unlike times. PROFILE adds its own work, so an import
 * through this driver is for counting, not timing. Only `executeWrite` is wrapped: the importer writes in one.
 */
export function profilingDriver(driver: Driver): { driver: Driver; work: Map<string, StatementWork> } {
  const work = new Map<string, StatementWork>();
  const record = (name: string, result: QueryResult) => {
    const entry = work.get(name) ?? { statements: 0, dbHits: 0, rows: 0 };
    const walk = (plan: ProfiledPlan) => {
      entry.dbHits += plan.dbHits;
      entry.rows += plan.rows;
      plan.children.forEach(walk);
    };
    if (result.summary.profile) walk(result.summary.profile);
    entry.statements++;
    work.set(name, entry);
  };
  const profiled = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== "run") return Reflect.get(target, property, receiver) as unknown;
        return async (cypher: string, params?: Record<string, unknown>) => {
          const result = await target.run(`PROFILE ${cypher}`, params);
          record(queryName(cypher), result);
          return result;
        };
      },
    });
  const session = (original: Session): Session =>
    new Proxy(original, {
      get(target, property, receiver) {
        if (property !== "executeWrite") return Reflect.get(target, property, receiver) as unknown;
        return <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: object) =>
          target.executeWrite((tx) => work(profiled(tx)), config);
      },
    });
  return {
    driver: new Proxy(driver, {
      get(target, property, receiver) {
        if (property !== "session") return Reflect.get(target, property, receiver) as unknown;
        return (...args: Parameters<Driver["session"]>) => session(target.session(...args));
      },
    }),
    work,
  };
}

/** The statements by name with their times (from the executor's metrics) and, when profiled, db hits and rows; most time first. */
export function statementTable(
  statements: ReadonlyMap<string, { seconds: number; count: number }>,
  work: ReadonlyMap<string, StatementWork> | null,
  imports: number,
): string[] {
  const names = [...new Set([...statements.keys(), ...(work?.keys() ?? [])])].sort(
    (a, b) =>
      (statements.get(b)?.seconds ?? 0) - (statements.get(a)?.seconds ?? 0) || (work?.get(b)?.dbHits ?? 0) - (work?.get(a)?.dbHits ?? 0),
  );
  const lines = [
    `  ${"statement".padEnd(36)} ${"seconds".padStart(8)} ${"runs".padStart(7)} ${"per import".padStart(10)}` +
      (work ? ` ${"db hits".padStart(12)} ${"rows".padStart(12)}` : ""),
  ];
  for (const name of names) {
    const timed = statements.get(name);
    const counted = work?.get(name);
    const runs = timed?.count ?? counted?.statements ?? 0;
    lines.push(
      `  ${name.padEnd(36)} ${(timed ? timed.seconds.toFixed(2) : "").padStart(8)} ${String(runs).padStart(7)} ${(runs / imports).toFixed(2).padStart(10)}` +
        (work ? ` ${String(counted?.dbHits ?? "").padStart(12)} ${String(counted?.rows ?? "").padStart(12)}` : ""),
    );
  }
  return lines;
}
