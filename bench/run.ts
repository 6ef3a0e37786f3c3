/**
 * npm run bench -- [--scale 1k,10k,100k] [--quick] [--rounds 5] [--connections 10] [--min-round 5]
 *   [--latency-samples 40] [--no-per-query] [--no-bulk-import] [--seed 1] [--resume bench/results/<time>.json]
 *
 * Side by side on one Neo4j (the bench instance: its own port and data folder, wiped per scale) and one generated
 * dataset: our server, the Neo4j GraphQL Library out of the box and tuned, and raw Cypher, all bundled, under the
 * same conditions (bench/servers.ts). Per scale: the dataset is generated and imported through our import path
 * (events/s), every contender is started (cold start) and warmed up, their answers to every query are compared,
 * then
 *   - latency: each query alone at 1 connection, `--latency-samples` requests per round;
 *   - throughput: the Q1–Q3 mix (and each query alone, unless --no-per-query) at `--connections` connections,
 *     each round a number of requests sized from a calibration round so that it lasts at least 10× the cell's
 *     slowest p99 and `--min-round` seconds;
 * both in `--rounds` interleaved rounds (the order rotates), every round waiting for its last response; and last
 * the import floors on the same dataset (bench/importFloor.ts), three samples each. Every contender is warmed up until
 * its p50 is stable (bench/figures.ts warmUpSettled), each round records the server's and the load generator's CPU
 * time from /proc, and every headline ratio is also given round by round (rounds are interleaved, so round i of two
 * contenders ran moments apart) with its min–max. Prints a table per scale (samples, spread between rounds,
 * Little's-law and round-length flags per cell, CPU per request) and, as its last line, one JSON object with the
 * headline figures of the last scale run. A run of the three default scales also writes bench/latest-full-run.json.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { loadEnvFile } from "../src/envFile.js";
import { localInstance, startLocalNeo4j, stopLocalNeo4j } from "../neo4j-local/localNeo4j.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/cli/database.js";
import { ImportService } from "../src/ingest/importService.js";
import { buildBenchServers } from "./build.js";
import { generateDataset, loadDataset } from "./dataset.js";
import { median, pairedRatios, type RatioSpread, rotate, WARM_UP_RULE } from "./figures.js";
import { bulkImportFloor, emptyStore, type FloorResult, likeForLikeFloor, readStoredGraph, transactionalFloor } from "./importFloor.js";
import { cellFlags, runLoad, type LoadResult, summarise, type Summary, warmUntilStable } from "./measure.js";
import { ours } from "./ours.js";
import { peer } from "./peer/queries.js";
import { tunedPeer } from "./peer/tunedQueries.js";
import { raw } from "./raw/contender.js";
import { type ContenderName, contenderTitles, type RunningServer, startServer } from "./servers.js";
import {
  type Answers,
  type Contender,
  type HttpRequest,
  mixQueries,
  pagedQueries,
  type Params,
  queryNames,
  workloadParams,
  type QueryName,
  queryTitles,
} from "./workload.js";

// Settings from the project's .env, as every command reads them (the environment wins).
loadEnvFile();

const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    quick: { type: "boolean", default: false },
    rounds: { type: "string" },
    connections: { type: "string", default: "10" },
    "min-round": { type: "string" },
    "latency-samples": { type: "string" },
    "no-per-query": { type: "boolean", default: false },
    "no-bulk-import": { type: "boolean", default: false },
    resume: { type: "string" },
    seed: { type: "string", default: "1" },
  },
});

const SCALES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000 };
const FULL_RUN = "1k,10k,100k";
const quick = values.quick ?? false;
const scaleList = values.scale ?? (quick ? "1k" : FULL_RUN);
const scales = scaleList.split(",").map((name) => {
  const events = SCALES[name] ?? Number(name);
  if (!Number.isInteger(events) || events <= 0) throw new Error(`--scale takes 1k, 10k, 100k or a number of events, not "${name}"`);
  return { name, events };
});
const positive = (name: string, value: string | undefined, fallback: number): number => {
  const number = Number(value ?? fallback);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} takes a positive number, not "${value}"`);
  return number;
};
const rounds = positive("rounds", values.rounds, 5);
const connections = positive("connections", values.connections, 10);
/** Seconds every throughput round lasts at least (besides 10× the cell's slowest p99). */
const minRoundS = positive("min-round", values["min-round"], quick ? 1.5 : 5);
/** Requests per latency round (1 connection). */
const latencySamples = positive("latency-samples", values["latency-samples"], quick ? 10 : 40);
const perQueryThroughput = !(values["no-per-query"] || quick);
const bulkImport = !values["no-bulk-import"];
const seed = Number(values.seed);

/** The tuned peer is asked alike in both its forms: only how the library runs its statement differs. */
const contenders: Record<ContenderName, Contender> = { ours, peer, tuned: tunedPeer, tunedAuto: tunedPeer, raw };
const order: ContenderName[] = ["ours", "tuned", "tunedAuto", "peer", "raw"];
/** Samples of each import floor. */
const FLOOR_SAMPLES = 3;

type Cell = Partial<Record<ContenderName, Summary>>;

interface ScaleResult {
  scale: string;
  events: number;
  load: number[];
  importEventsPerS: number;
  importSeconds: number;
  /** The median sample of the transactional floor (by events/s), and every sample. */
  floor: FloorResult;
  floorSamples: FloorResult[];
  /** The median sample of the like-for-like floor (our import's stored graph, written the fastest way), and every sample. */
  likeFloor: FloorResult;
  likeFloorSamples: FloorResult[];
  bulk: FloorResult | { error: string };
  /** Warm-up requests each contender needed until its p50 was stable, and whether it settled or hit the cap. */
  warmUp: Partial<Record<ContenderName, { requests: number; windows: number; settled: boolean }>>;
  coldStartMs: Record<ContenderName, number>;
  comparisons: number;
  /** 1 connection, per query. */
  latency: Record<QueryName, Cell>;
  /** Q1–Q3 pooled at 1 connection (equal samples of each). */
  latencyMix: Cell;
  /** `connections` connections: the mix, and each query alone when measured. */
  mix: Cell;
  perQuery: Partial<Record<QueryName, Cell>>;
  /** Every headline ratio round by round, with its min–max. */
  ratioSpreads: Record<string, RatioSpread>;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<void> {
  log(`building the servers (npm run build:server, bench/build.ts)…`);
  execFileSync("npm", ["run", "-s", "build:server"], { stdio: "inherit" });
  await buildBenchServers();
  const startedAt = new Date().toISOString();
  const stamp = startedAt.replace(/[:.]/g, "-");
  const settings = { connections, rounds, minRoundS, latencySamples, perQueryThroughput, seed, quick };
  const results: ScaleResult[] = resumed(settings);
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${stamp}.json`;
  for (const scale of scales) {
    results.push(await runScale(scale, `bench/results/logs/${stamp}`));
    // Written after every scale, so a run stopped later keeps what it measured.
    const resumedFrom = values.resume ?? null;
    writeFileSync(
      file,
      `${JSON.stringify({ machine: machine(), commit: commit(), startedAt, settings, resumedFrom, results }, null, 2)}\n`,
    );
    log(`results so far written to ${file}`);
  }
  for (const result of results) printTables(result);
  if (results.length > 1) printFlatness(results);
  const headlines = results.map(headline);
  if (results.map((result) => result.scale).join(",") === FULL_RUN && !quick) {
    // The committed record of the latest full run (bench/results/ is not committed).
    writeFileSync(
      "bench/latest-full-run.json",
      `${JSON.stringify({ machine: machine(), commit: commit(), startedAt, settings, resumedFrom: values.resume ?? null, scales: headlines }, null, 2)}\n`,
    );
    log(`summary written to bench/latest-full-run.json`);
  }
  console.log(JSON.stringify(headlines.at(-1)));
}

/**
 * `--resume FILE`: the scales an earlier run (its bench/results/<time>.json) measured, taken as they are, before the
 * scales this run measures (a full run stopped at 100k is finished with `--resume <its file> --scale 100k`). The
 * earlier run must have had the same settings; its scales this run measures again are dropped.
 */
function resumed(settings: Record<string, unknown>): ScaleResult[] {
  if (!values.resume) return [];
  const earlier = JSON.parse(readFileSync(values.resume, "utf8")) as { settings: unknown; results: ScaleResult[]; commit: string };
  if (!isDeepStrictEqual(earlier.settings, settings)) {
    throw new Error(
      `--resume ${values.resume}: its settings ${JSON.stringify(earlier.settings)} differ from this run's ${JSON.stringify(settings)}`,
    );
  }
  const again = new Set(scales.map((scale) => scale.name));
  const kept = earlier.results.filter((result) => !again.has(result.scale));
  log(`resuming ${values.resume} (commit ${earlier.commit}): keeping ${kept.map((result) => result.scale).join(", ") || "nothing"}`);
  return kept;
}

async function runScale(scale: { name: string; events: number }, logDirectory: string): Promise<ScaleResult> {
  // The bench instance, wiped: every scale starts from an empty store.
  const instance = localInstance("bench");
  process.env.NEO4J_LOCAL_HEAP ??= "2g";
  process.env.NEO4J_LOCAL_PAGECACHE ??= "1g";
  const loadAverages: number[] = [];
  const sampler = setInterval(() => loadAverages.push(os.loadavg()[0]!), 10_000);
  await stopLocalNeo4j(instance);
  rmSync(`${instance.dataDir}/data`, { recursive: true, force: true });
  log(
    `${scale.name}: starting Neo4j on ${instance.uri} (heap ${process.env.NEO4J_LOCAL_HEAP}, page cache ${process.env.NEO4J_LOCAL_PAGECACHE})…`,
  );
  await startLocalNeo4j(instance, { plugins: true });
  const config = loadConfig({ ...process.env, NODE_ENV: "production", NEO4J_URI: instance.uri });
  let { driver, db } = await openDatabase(config);
  const servers: RunningServer[] = [];
  try {
    log(`${scale.name}: generating ${scale.events} events (seed ${seed})…`);
    const dataset = generateDataset({ events: scale.events, seed });
    log(`${scale.name}: importing ${dataset.bundles.length} documents through the import path…`);
    const loaded = await loadDataset(new ImportService(db, config.imports), dataset);
    log(
      `${scale.name}: imported ${loaded.events} events in ${loaded.seconds.toFixed(1)} s (${Math.round(loaded.eventsPerSecond)} events/s)`,
    );

    const coldStartMs = {} as Record<ContenderName, number>;
    for (const name of order) {
      const server = await startServer(name, instance.uri, logDirectory);
      servers.push(server);
      coldStartMs[name] = server.coldStartMs;
      log(`${scale.name}: ${name} ready in ${Math.round(server.coldStartMs)} ms`);
    }
    const paramSets = workloadParams(dataset.facts);
    const comparisons = await checkAnswers(servers, paramSets);

    // Warm-up: every query of every contender, until its p50 is stable (plans cached, the JIT done).
    const warmUp: ScaleResult["warmUp"] = {};
    for (const server of servers) {
      warmUp[server.name] = await warm(server, paramSets);
      const { requests, windows, settled } = warmUp[server.name]!;
      log(`${scale.name}: ${server.name} warmed up with ${requests} requests (${windows} windows, ${settled ? "settled" : "cap reached"})`);
    }

    // Latency: each query alone at 1 connection.
    const latency = {} as ScaleResult["latency"];
    /** Per contender, per mix query, its rounds at 1 connection. */
    const mixRuns = new Map<ContenderName, LoadResult[][]>();
    for (const query of queryNames) {
      const runs = await measuredCell(servers, [query], paramSets, 1, { minSeconds: 0, minRequests: latencySamples });
      latency[query] = summariseCell(runs, 1);
      if (mixQueries.includes(query)) for (const [name, list] of runs) mixRuns.set(name, [...(mixRuns.get(name) ?? []), list]);
      log(`${scale.name}: ${query} at 1 connection, p50 ${describe(latency[query], (s) => `${s.p50.toFixed(1)} ms`)}`);
    }
    const latencyMix: Cell = {};
    for (const [name, lists] of mixRuns) latencyMix[name] = pooled(lists);

    // Throughput: the mix, then each query alone, at `connections` connections.
    const throughput = async (queries: readonly QueryName[]) =>
      summariseCell(
        await measuredCell(servers, queries, paramSets, connections, { minSeconds: minRoundS, minRequests: connections }),
        connections,
      );
    const mixCell = await measuredCell(servers, mixQueries, paramSets, connections, { minSeconds: minRoundS, minRequests: connections });
    const mix = summariseCell(mixCell, connections);
    log(`${scale.name}: mix at ${connections} connections, req/s ${describe(mix, (s) => s.rps.toFixed(1))}`);
    const perQuery: ScaleResult["perQuery"] = {};
    if (perQueryThroughput) {
      for (const query of queryNames) {
        perQuery[query] = await throughput([query]);
        log(`${scale.name}: ${query} at ${connections} connections, req/s ${describe(perQuery[query], (s) => s.rps.toFixed(1))}`);
      }
    }
    for (const server of servers.splice(0)) await server.stop();
    const ratioSpreads = headlineSpreads(mixRuns, mixCell);

    // What our import stored, read back for the like-for-like floor before the store is wiped.
    const stored = await readStoredGraph(driver);
    log(`${scale.name}: read back the stored graph (${stored.nodes.length} nodes) for the like-for-like floor`);

    // The import floors, on the same dataset: the first sample into a fresh store, the others into the same store
    // emptied (schema and indexes kept), alternating the two floors.
    log(`${scale.name}: import floors: batched UNWIND … CREATE into an empty store, ${FLOOR_SAMPLES} samples each…`);
    await driver.close();
    await stopLocalNeo4j(instance);
    rmSync(`${instance.dataDir}/data`, { recursive: true, force: true });
    await startLocalNeo4j(instance, { plugins: true });
    ({ driver, db } = await openDatabase(config));
    const floorSamples: FloorResult[] = [];
    const likeFloorSamples: FloorResult[] = [];
    for (let sample = 0; sample < FLOOR_SAMPLES; sample++) {
      if (sample > 0) await emptyStore(driver);
      floorSamples.push(await transactionalFloor(driver, dataset));
      await emptyStore(driver);
      likeFloorSamples.push(await likeForLikeFloor(driver, stored, loaded.events));
      log(
        `${scale.name}: floor sample ${sample + 1}: transactional ${Math.round(floorSamples.at(-1)!.eventsPerSecond)} events/s, ` +
          `like-for-like ${Math.round(likeFloorSamples.at(-1)!.eventsPerSecond)} events/s`,
      );
    }
    const floor = medianSample(floorSamples);
    const likeFloor = medianSample(likeFloorSamples);
    let bulk: ScaleResult["bulk"] = { error: "skipped (--no-bulk-import)" };
    if (bulkImport) {
      try {
        bulk = await bulkImportFloor(dataset, `${instance.dataDir}/bulk-import`);
        log(`${scale.name}: offline bulk importer ${Math.round(bulk.eventsPerSecond)} events/s (${bulk.seconds.toFixed(1)} s)`);
      } catch (error) {
        bulk = { error: error instanceof Error ? error.message : String(error) };
        log(`${scale.name}: offline bulk importer did not run: ${bulk.error}`);
      }
    }
    return {
      scale: scale.name,
      events: loaded.events,
      load: loadAverages,
      importEventsPerS: loaded.eventsPerSecond,
      importSeconds: loaded.seconds,
      floor,
      floorSamples,
      likeFloor,
      likeFloorSamples,
      bulk,
      warmUp,
      coldStartMs,
      comparisons,
      latency,
      latencyMix,
      mix,
      perQuery,
      ratioSpreads,
    };
  } finally {
    clearInterval(sampler);
    for (const server of servers) await server.stop();
    await driver.close();
    await stopLocalNeo4j(instance);
  }
}

/** `rounds` rounds per contender, the order rotating every round; `amount` gives a round's requests per contender. */
async function interleaved(
  servers: readonly RunningServer[],
  queries: readonly QueryName[],
  paramSets: readonly Params[],
  connectionCount: number,
  amount: (name: ContenderName) => number,
): Promise<Map<ContenderName, LoadResult[]>> {
  const runs = new Map<ContenderName, LoadResult[]>();
  for (let round = 0; round < rounds; round++) {
    for (const server of rotate(servers, round)) {
      const requests = requestsFor(server.name, queries, paramSets);
      if (requests.length === 0) continue;
      const result = await runLoad(server.url, requests, { connections: connectionCount, amount: amount(server.name), pid: server.pid });
      stillRunning(servers);
      runs.set(server.name, [...(runs.get(server.name) ?? []), result]);
    }
  }
  return runs;
}

/** Stops the run when a contender's process ended under it: its rounds would measure connection errors. */
function stillRunning(servers: readonly RunningServer[]): void {
  for (const server of servers) {
    const ended = server.ended();
    if (ended) throw new Error(`${server.name} (pid ${server.pid}) ${ended} during the run; its figures would be of errors`);
  }
}

/**
 * One cell (a query or the mix, at one number of connections): a calibration round per contender gives its rate
 * and p99, from which every round is sized to last at least 10× the slowest contender's p99 (with a quarter more
 * for the calibration's own noise) and `minSeconds`, and to hold at least `minRequests`; then the interleaved rounds.
 */
async function measuredCell(
  servers: readonly RunningServer[],
  queries: readonly QueryName[],
  paramSets: readonly Params[],
  connectionCount: number,
  limits: { minSeconds: number; minRequests: number },
): Promise<Map<ContenderName, LoadResult[]>> {
  const rates = new Map<ContenderName, number>();
  let slowestP99 = 0;
  for (const server of servers) {
    const requests = requestsFor(server.name, queries, paramSets);
    if (requests.length === 0) continue;
    const amount = Math.max(requests.length, connectionCount * 5);
    const calibration = summarise(
      [await runLoad(server.url, requests, { connections: connectionCount, amount, pid: server.pid })],
      connectionCount,
    );
    rates.set(server.name, calibration.rps);
    slowestP99 = Math.max(slowestP99, calibration.p99);
  }
  const roundSeconds = Math.max(limits.minSeconds, (10 * 1.25 * slowestP99) / 1000);
  const amount = (name: ContenderName) => Math.max(limits.minRequests, Math.ceil(roundSeconds * (rates.get(name) ?? 1)));
  return interleaved(servers, queries, paramSets, connectionCount, amount);
}

/** Latencies of several queries as one list with equal weight per query: each list thinned evenly to the shortest's length. */
function pooledLatencies(lists: readonly number[][]): number[] {
  const n = Math.min(...lists.map((list) => list.length));
  return lists.flatMap((list) => Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!));
}

/**
 * Several queries' rounds (per query, per round) as one figure with equal weight per query. Only the percentiles and
 * the CPU per request mean something here (no rate).
 */
function pooled(queries: readonly LoadResult[][]): Summary {
  const latencies = pooledLatencies(queries.map((rounds) => rounds.flatMap((round) => round.latencies)));
  const seconds = latencies.reduce((sum, latency) => sum + latency, 0) / 1000;
  const all = queries.flat();
  // CPU per request of the three queries together: the time each round cost over the requests each round answered.
  const share = latencies.length / all.reduce((sum, round) => sum + round.requests, 0);
  const serverCpuS = share * all.reduce((sum, round) => sum + round.serverCpuS, 0);
  const generatorCpuS = share * all.reduce((sum, round) => sum + round.generatorCpuS, 0);
  return summarise([{ requests: latencies.length, seconds, errors: 0, latencies, rssMaxMb: 0, serverCpuS, generatorCpuS }], 1);
}

/** The pooled p50 of each round: round i of every mix query, thinned to equal weight. */
function pooledP50PerRound(queries: readonly LoadResult[][]): number[] {
  const rounds = Math.min(...queries.map((list) => list.length));
  return Array.from({ length: rounds }, (_, i) => median(pooledLatencies(queries.map((list) => list[i]!.latencies))));
}

/** The headline ratios round by round (ours ÷ each other contender), with their min–max. */
function headlineSpreads(
  mixRuns: Map<ContenderName, LoadResult[][]>,
  mixCell: Map<ContenderName, LoadResult[]>,
): Record<string, RatioSpread> {
  const spreads: Record<string, RatioSpread> = {};
  const p50 = (name: ContenderName) => (mixRuns.has(name) ? pooledP50PerRound(mixRuns.get(name)!) : []);
  const rps = (name: ContenderName) => (mixCell.get(name) ?? []).map((round) => round.requests / round.seconds);
  const cpu = (name: ContenderName) => (mixCell.get(name) ?? []).map((round) => (1000 * round.serverCpuS) / round.requests);
  for (const other of ["raw", "tuned", "tunedAuto"] as const) spreads[`p50_1c_ours_${other}`] = pairedRatios(p50("ours"), p50(other));
  for (const other of ["tuned", "tunedAuto", "peer", "raw"] as const) spreads[`rps_ours_${other}`] = pairedRatios(rps("ours"), rps(other));
  for (const other of ["raw", "tuned", "tunedAuto"] as const) spreads[`cpu_ours_${other}`] = pairedRatios(cpu("ours"), cpu(other));
  return spreads;
}

/** The sample with the median rate. */
function medianSample(samples: readonly FloorResult[]): FloorResult {
  const sorted = [...samples].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Warms a contender up with every query it answers and every parameter set, until its p50 is stable (measure.ts). */
async function warm(server: RunningServer, paramSets: readonly Params[]): Promise<{ requests: number; windows: number; settled: boolean }> {
  const asked = queryNames.filter((query) => contenders[server.name][query]);
  const requests = paramSets.flatMap((params) => asked.map((query) => contenders[server.name][query]!.request(params)));
  const rule = quick ? { ...WARM_UP_RULE, maxWindows: 12 } : WARM_UP_RULE;
  return warmUntilStable(server, requests, asked.length, rule, () => stillRunning([server]));
}

function summariseCell(runs: Map<ContenderName, LoadResult[]>, connectionCount: number): Cell {
  const cell: Cell = {};
  for (const [name, list] of runs) cell[name] = summarise(list, connectionCount);
  return cell;
}

const describe = (cell: Cell | undefined, figure: (summary: Summary) => string) =>
  order
    .filter((name) => cell?.[name])
    .map((name) => `${name} ${figure(cell![name]!)}`)
    .join(", ");

function requestsFor(name: ContenderName, queries: readonly QueryName[], paramSets: readonly Params[]): HttpRequest[] {
  return paramSets.flatMap((params) => queries.flatMap((query) => contenders[name][query]?.request(params) ?? []));
}

/**
 * What is compared of an answer. Our search ranks hits by closeness of spelling (src/model/search.ts); raw and the
 * tuned peer (a custom resolver) rank alike and are compared on the whole page. The out-of-the-box peer can only
 * order by the index's score, with which ours agrees on Q4's top hit only: for it only that is compared.
 */
function comparable(query: QueryName, contender: ContenderName, answer: unknown): unknown {
  if (query !== "Q4" || contender !== "peer") return answer;
  return (answer as Answers["Q4"]).ids.slice(0, 1);
}

/**
 * Every contender must give the same answer as ours to every query (every Q4 hit, in order, but for the
 * out-of-the-box peer) before anything is timed. Counts the comparisons between two contenders (ours with each
 * other one).
 */
async function checkAnswers(servers: readonly RunningServer[], paramSets: readonly Params[]): Promise<number> {
  let compared = 0;
  for (const query of queryNames) {
    for (const params of paramSets) {
      const answers = new Map<ContenderName, unknown>();
      for (const server of servers) {
        const contender = contenders[server.name][query];
        if (!contender) continue;
        const request = contender.request(params);
        const response = await fetch(`${server.url}${request.path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: request.body,
        });
        const text = await response.text();
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new Error(`${query}: ${server.name} answered ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`);
        }
        answers.set(server.name, (contender.answer as (body: unknown) => unknown)(body));
      }
      const reference = answers.get("ours");
      for (const [name, answer] of answers) {
        if (name === "ours") continue;
        if (!isDeepStrictEqual(comparable(query, name, answer), comparable(query, name, reference))) {
          throw new Error(
            `${query} with ${JSON.stringify(params)}: ${name} answers differently from ours.\nours: ${JSON.stringify(reference)}\n${name}: ${JSON.stringify(answer)}`,
          );
        }
        compared++;
      }
      if (query === "Q1") break; // Q1 takes no parameters.
    }
  }
  log(`answers identical across contenders (${compared} comparisons between contenders)`);
  return compared;
}

const fixed = (value: number | undefined, digits = 0) => (value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : "-");
const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : "-";
const slowestP99 = (cell: Cell) => Math.max(...Object.values(cell).map((summary) => summary.p99));
const flagsOf = (cell: Cell, summary: Summary) => cellFlags(summary, slowestP99(cell)).join("; ") || "ok";

function printTables(result: ScaleResult): void {
  const lines: string[] = [];
  const load = result.load.length > 0 ? `${Math.min(...result.load).toFixed(1)}–${Math.max(...result.load).toFixed(1)}` : "-";
  const bulk = "error" in result.bulk ? `did not run (${result.bulk.error})` : `${Math.round(result.bulk.eventsPerSecond)} events/s`;
  const samples = (list: readonly FloorResult[]) => list.map((sample) => Math.round(sample.eventsPerSecond)).join(", ");
  const share = (floor: FloorResult) => `${((100 * result.importEventsPerS) / floor.eventsPerSecond).toFixed(0)}%`;
  lines.push(
    ``,
    `## ${result.scale} (${result.events.toLocaleString("en")} events; load average ${load})`,
    ``,
    `import: ours ${Math.round(result.importEventsPerS)} events/s (${result.importSeconds.toFixed(1)} s); ` +
      `transactional floor (the bundles' graph, batched UNWIND … CREATE) ${Math.round(result.floor.eventsPerSecond)} events/s ` +
      `(median of ${samples(result.floorSamples)}): ours at ${share(result.floor)} of it; ` +
      `like-for-like floor (our stored graph, ${result.likeFloor.nodes.toLocaleString("en")} nodes and ` +
      `${result.likeFloor.relationships.toLocaleString("en")} relationships, by element id) ${Math.round(result.likeFloor.eventsPerSecond)} events/s ` +
      `(median of ${samples(result.likeFloorSamples)}): ours at ${share(result.likeFloor)} of it; offline bulk importer ${bulk}`,
    `cold start to ready: ${order.map((name) => `${name} ${Math.round(result.coldStartMs[name])} ms`).join(", ")}`,
    `warm-up until the p50 is stable (within ${100 * WARM_UP_RULE.tolerance}% ${WARM_UP_RULE.agreeing} windows in a row): ` +
      order
        .filter((name) => result.warmUp[name])
        .map((name) => {
          const warmed = result.warmUp[name]!;
          return `${name} ${warmed.requests} requests${warmed.settled ? "" : " (cap, not settled)"}`;
        })
        .join(", "),
    `answers: identical, nested lists in order (${result.comparisons} comparisons between contenders)`,
  );
  lines.push(
    ``,
    `### Latency at 1 connection (${rounds} interleaved rounds, each ≥ 10× the query's slowest p99 and ≥ ${latencySamples} requests)`,
    ``,
    `| query | contender | samples | p50 ms | p99 ms | req/s min–max of rounds | server CPU ms/req | load generator CPU ms/req | check | p50 ours/raw | p50 ours/tuned |`,
    `|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|`,
  );
  const latencyRows: [string, Cell][] = [
    ["Q1–Q3 pooled", result.latencyMix],
    ...queryNames.map((query): [string, Cell] => [`${query} ${queryTitles[query]}`, result.latency[query]]),
  ];
  for (const [title, cell] of latencyRows) {
    for (const name of order) {
      const summary = cell[name];
      if (!summary) {
        lines.push(`| ${title} | ${contenderTitles[name]} | no equivalent | | | | | | | | |`);
        continue;
      }
      const ratios = name === "ours" ? [ratio(summary.p50, cell.raw?.p50), ratio(summary.p50, cell.tuned?.p50)] : ["", ""];
      lines.push(
        `| ${title} | ${contenderTitles[name]} | ${summary.requests} | ${fixed(summary.p50, 1)} | ${fixed(summary.p99, 1)} | ` +
          `${fixed(summary.rpsMin, 1)}–${fixed(summary.rpsMax, 1)} | ${fixed(summary.cpuMsPerReq, 2)} | ${fixed(summary.generatorCpuMsPerReq, 2)} | ` +
          `${flagsOf(cell, summary)} | ${ratios.join(" | ")} |`,
      );
    }
  }
  lines.push(
    ``,
    `### Throughput at ${connections} connections (${rounds} interleaved rounds, each ≥ 10× the cell's slowest p99 and ≥ ${minRoundS} s)`,
    ``,
    `| query | contender | samples | req/s | req/s min–max of rounds (spread) | p50 ms | p99 ms | errors | RSS MB | server CPU ms/req | load generator CPU ms/req | check | rps ours/tuned | rps ours/tuned auto-commit | rps ours/peer | rps ours/raw |`,
    `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|`,
  );
  const throughputRows: [string, Cell][] = [
    ["Q1–Q3 mix", result.mix],
    ...queryNames.flatMap((query): [string, Cell][] =>
      result.perQuery[query] ? [[`${query} ${queryTitles[query]}`, result.perQuery[query]]] : [],
    ),
  ];
  for (const [title, cell] of throughputRows) {
    for (const name of order) {
      const summary = cell[name];
      if (!summary) {
        lines.push(`| ${title} | ${contenderTitles[name]} | no equivalent | | | | | | | | | | | | | |`);
        continue;
      }
      const ratios =
        name === "ours"
          ? [
              ratio(summary.rps, cell.tuned?.rps),
              ratio(summary.rps, cell.tunedAuto?.rps),
              ratio(summary.rps, cell.peer?.rps),
              ratio(summary.rps, cell.raw?.rps),
            ]
          : ["", "", "", ""];
      lines.push(
        `| ${title} | ${contenderTitles[name]} | ${summary.requests} | ${fixed(summary.rps, 1)} | ` +
          `${fixed(summary.rpsMin, 1)}–${fixed(summary.rpsMax, 1)} (${fixed(100 * summary.rpsSpread)}%) | ${fixed(summary.p50)} | ${fixed(summary.p99)} | ` +
          `${summary.errors} | ${fixed(summary.rssMaxMb)} | ${fixed(summary.cpuMsPerReq, 2)} | ${fixed(summary.generatorCpuMsPerReq, 2)} | ` +
          `${flagsOf(cell, summary)} | ${ratios.join(" | ")} |`,
      );
    }
  }
  lines.push(
    ``,
    `### Headline ratios round by round (ours ÷ the other; latency: Q1–Q3 pooled p50 at 1 connection; rps and CPU: the mix at ${connections} connections)`,
    ``,
    `| ratio | per round | min–max |`,
    `|---|---|---:|`,
  );
  for (const [key, spread] of Object.entries(result.ratioSpreads))
    lines.push(
      `| ${key} | ${spread.perRound.map((value) => value.toFixed(2)).join(", ")} | ${fixed(spread.min, 2)}–${fixed(spread.max, 2)} |`,
    );
  console.log(lines.join("\n"));
}

function printFlatness(results: readonly ScaleResult[]): void {
  const first = results[0]!;
  const last = results.at(-1)!;
  console.log(`\nours p50 at 1 connection, ${last.scale} / ${first.scale} (paged queries, target ≤ 1.5):`);
  for (const query of pagedQueries) {
    const before = first.latency[query].ours?.p50;
    const after = last.latency[query].ours?.p50;
    console.log(`  ${query}: ${fixed(before, 1)} ms → ${fixed(after, 1)} ms = ${ratio(after, before)}`);
  }
}

function headline(result: ScaleResult) {
  const round1 = (value: number | undefined) => (value === undefined ? null : Math.round(value * 10) / 10);
  const round2 = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? null : Math.round(value * 100) / 100);
  return {
    scale: result.scale,
    ours_rps: Math.round(result.mix.ours!.rps),
    peer_rps: Math.round(result.mix.peer!.rps),
    raw_rps: Math.round(result.mix.raw!.rps),
    ours_p50_ms: round1(result.mix.ours?.p50),
    peer_p50_ms: round1(result.mix.peer?.p50),
    raw_p50_ms: round1(result.mix.raw?.p50),
    ours_p99_ms: round1(result.mix.ours?.p99),
    peer_p99_ms: round1(result.mix.peer?.p99),
    import_events_per_s: Math.round(result.importEventsPerS),
    cold_start_ms: Math.round(result.coldStartMs.ours),
    tuned_peer_rps: Math.round(result.mix.tuned!.rps),
    tuned_peer_p50_ms: round1(result.mix.tuned?.p50),
    tuned_peer_p99_ms: round1(result.mix.tuned?.p99),
    ours_p50_1c_ms: round1(result.latencyMix.ours?.p50),
    raw_p50_1c_ms: round1(result.latencyMix.raw?.p50),
    tuned_peer_p50_1c_ms: round1(result.latencyMix.tuned?.p50),
    import_floor_events_per_s: Math.round(result.floor.eventsPerSecond),
    import_bulk_events_per_s: "error" in result.bulk ? null : Math.round(result.bulk.eventsPerSecond),
    rounds,
    tuned_peer_auto_rps: Math.round(result.mix.tunedAuto!.rps),
    tuned_peer_auto_p50_1c_ms: round1(result.latencyMix.tunedAuto?.p50),
    // Server CPU per request over the mix's rounds at `connections` connections (/proc/<pid>/stat).
    ours_cpu_ms_per_req: round2(result.mix.ours?.cpuMsPerReq),
    raw_cpu_ms_per_req: round2(result.mix.raw?.cpuMsPerReq),
    tuned_peer_cpu_ms_per_req: round2(result.mix.tuned?.cpuMsPerReq),
    tuned_peer_auto_cpu_ms_per_req: round2(result.mix.tunedAuto?.cpuMsPerReq),
    peer_cpu_ms_per_req: round2(result.mix.peer?.cpuMsPerReq),
    // The load generator's own CPU per request it sent, over the same rounds of every contender.
    load_generator_cpu_ms_per_req: round2(
      cpuOver(
        order.flatMap((name) => (result.mix[name] ? [result.mix[name]] : [])),
        (summary) => summary.generatorCpuMsPerReq,
      ),
    ),
    import_like_floor_events_per_s: Math.round(result.likeFloor.eventsPerSecond),
    import_floor_samples_events_per_s: result.floorSamples.map((sample) => Math.round(sample.eventsPerSecond)),
    import_like_floor_samples_events_per_s: result.likeFloorSamples.map((sample) => Math.round(sample.eventsPerSecond)),
    warm_up_requests: Object.fromEntries(order.flatMap((name) => (result.warmUp[name] ? [[name, result.warmUp[name].requests]] : []))),
    ratio_spread: Object.fromEntries(
      Object.entries(result.ratioSpreads).map(([key, spread]) => [key, [round2(spread.min), round2(spread.max)]]),
    ),
  };
}

/** A per-request figure over several cells, each weighed by its requests. */
function cpuOver(summaries: readonly Summary[], figure: (summary: Summary) => number): number {
  const requests = summaries.reduce((sum, summary) => sum + summary.requests, 0);
  return summaries.reduce((sum, summary) => sum + figure(summary) * summary.requests, 0) / requests;
}

function machine() {
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtEnd: os.loadavg(),
  };
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

await main();
