/**
 * npm run bench -- [--scale 1k,10k,100k] [--duration 30] [--connections 10] [--quick] [--seed 1]
 *
 * Side by side on one Neo4j (the bench instance: its own port and data folder, wiped per scale) and one generated
 * dataset: our server (compiled, production settings), a reference server built with @neo4j/graphql, and raw
 * Cypher behind a bare HTTP server. Per scale: the dataset is generated and imported through our import path
 * (events/s), every contender is started (cold start) and warmed up, their answers to every query are compared,
 * then the Q1–Q3 mix and each query alone are run under load in interleaved rounds. Prints a table per scale and,
 * as its last line, one JSON object with the headline figures of the last scale run.
 */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { localInstance, startLocalNeo4j, stopLocalNeo4j } from "../neo4j-local/localNeo4j.js";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/cli/database.js";
import { ImportService } from "../src/ingest/importService.js";
import { type DatasetFacts, generateDataset, loadDataset } from "./dataset.js";
import { runLoad, type LoadResult, summarise, type Summary } from "./measure.js";
import { ours } from "./ours.js";
import { peer, preparePeer } from "./peer/queries.js";
import { raw } from "./raw/contender.js";
import { type ContenderName, type RunningServer, startServer } from "./servers.js";
import {
  type Contender,
  type HttpRequest,
  mixQueries,
  pagedQueries,
  type Params,
  queryNames,
  type QueryName,
  queryTitles,
} from "./workload.js";

const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string", default: "10" },
    quick: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
  },
});

const SCALES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000 };
const quick = values.quick ?? false;
const scales = (values.scale ?? (quick ? "10k" : "1k,10k,100k")).split(",").map((name) => {
  const events = SCALES[name] ?? Number(name);
  if (!Number.isInteger(events) || events <= 0) throw new Error(`--scale takes 1k, 10k, 100k or a number of events, not "${name}"`);
  return { name, events };
});
/** Seconds of the Q1–Q3 mix per contender (split into rounds); each query alone gets a third of it. */
const duration = Number(values.duration ?? (quick ? 9 : 30));
const connections = Number(values.connections);
const seed = Number(values.seed);
const ROUNDS = 3;

const contenders: Record<ContenderName, Contender> = { ours, peer, raw };
const order: ContenderName[] = ["ours", "peer", "raw"];

interface ScaleResult {
  scale: string;
  events: number;
  importEventsPerS: number;
  importSeconds: number;
  coldStartMs: Record<ContenderName, number>;
  mix: Record<ContenderName, Summary>;
  perQuery: Record<QueryName, Partial<Record<ContenderName, Summary>>>;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<void> {
  log(`building our server (npm run build:server)…`);
  execFileSync("npm", ["run", "-s", "build:server"], { stdio: "inherit" });
  const results: ScaleResult[] = [];
  for (const scale of scales) results.push(await runScale(scale));
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, `${JSON.stringify({ machine: machine(), connections, duration, seed, results }, null, 2)}\n`);
  log(`results written to ${file}`);
  for (const result of results) printTable(result);
  if (results.length > 1) printFlatness(results);
  const last = results.at(-1)!;
  console.log(JSON.stringify(headline(last)));
}

async function runScale(scale: { name: string; events: number }): Promise<ScaleResult> {
  // The bench instance, wiped: every scale starts from an empty store.
  const instance = localInstance("bench");
  process.env.NEO4J_LOCAL_HEAP ??= "2g";
  process.env.NEO4J_LOCAL_PAGECACHE ??= "1g";
  await stopLocalNeo4j(instance);
  rmSync(`${instance.dataDir}/data`, { recursive: true, force: true });
  log(
    `${scale.name}: starting Neo4j on ${instance.uri} (heap ${process.env.NEO4J_LOCAL_HEAP}, page cache ${process.env.NEO4J_LOCAL_PAGECACHE})…`,
  );
  await startLocalNeo4j(instance, { plugins: true });
  const config = loadConfig({ ...process.env, NODE_ENV: "production", NEO4J_URI: instance.uri });
  const { driver, db } = await openDatabase(config);
  const servers: RunningServer[] = [];
  try {
    log(`${scale.name}: generating ${scale.events} events (seed ${seed})…`);
    const dataset = generateDataset({ events: scale.events, seed });
    log(`${scale.name}: importing ${dataset.bundles.length} documents through the import path…`);
    const loaded = await loadDataset(new ImportService(db, config.imports), dataset);
    log(
      `${scale.name}: imported ${loaded.events} events in ${loaded.seconds.toFixed(1)} s (${Math.round(loaded.eventsPerSecond)} events/s)`,
    );
    await preparePeer(driver);

    const coldStartMs = {} as Record<ContenderName, number>;
    for (const name of order) {
      const server = await startServer(name, instance.uri);
      servers.push(server);
      coldStartMs[name] = server.coldStartMs;
      log(`${scale.name}: ${name} ready in ${Math.round(server.coldStartMs)} ms`);
    }
    const paramSets = workloadParams(dataset.facts);
    await checkAnswers(servers, paramSets);

    // Warm-up: every query of every contender, untimed, until the plans are cached and the JIT has run.
    for (const server of servers)
      await runLoad(server.url, requestsFor(server.name, queryNames, paramSets), { connections, seconds: quick ? 3 : 5, pid: server.pid });

    const mixRounds = new Map<ContenderName, LoadResult[]>(order.map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const server of rotate(servers, round)) {
        const result = await runLoad(server.url, requestsFor(server.name, mixQueries, paramSets), {
          connections,
          seconds: duration / ROUNDS,
          pid: server.pid,
        });
        mixRounds.get(server.name)!.push(result);
      }
    }
    const mix = Object.fromEntries(order.map((name) => [name, summarise(mixRounds.get(name)!)])) as Record<ContenderName, Summary>;
    log(`${scale.name}: mix rps ours ${mix.ours.rps.toFixed(0)}, peer ${mix.peer.rps.toFixed(0)}, raw ${mix.raw.rps.toFixed(0)}`);

    const perQuery = {} as ScaleResult["perQuery"];
    for (const query of queryNames) {
      perQuery[query] = {};
      const runs = new Map<ContenderName, LoadResult[]>();
      for (let round = 0; round < 2; round++) {
        for (const server of rotate(servers, round)) {
          if (!contenders[server.name][query]) continue;
          const result = await runLoad(server.url, requestsFor(server.name, [query], paramSets), {
            connections,
            seconds: duration / 6,
            pid: server.pid,
          });
          runs.set(server.name, [...(runs.get(server.name) ?? []), result]);
        }
      }
      for (const [name, rounds] of runs) perQuery[query][name] = summarise(rounds);
      log(`${scale.name}: ${query} p50 ${[...runs.keys()].map((name) => `${name} ${perQuery[query][name]!.p50} ms`).join(", ")}`);
    }
    return {
      scale: scale.name,
      events: loaded.events,
      importEventsPerS: loaded.eventsPerSecond,
      importSeconds: loaded.seconds,
      coldStartMs,
      mix,
      perQuery,
    };
  } finally {
    for (const server of servers) await server.stop();
    await driver.close();
    await stopLocalNeo4j(instance);
  }
}

/** A handful of different parameter sets, so that no contender answers one hot request over and over. */
function workloadParams(facts: DatasetFacts): Params[] {
  const sets: Params[] = [];
  const years = facts.years;
  for (let i = 0; i < 8; i++) {
    const year = years[i % years.length]!;
    const province = facts.provinces[i % facts.provinces.length]!;
    const place = facts.localities[(i * 97) % facts.localities.length]!;
    sets.push({
      eventId: facts.eventIds[(i * 13) % facts.eventIds.length]!,
      provinceId: province.id,
      from: `${year}-01-01`,
      to: `${year}-06-30`,
      placeName: place.name,
      year,
    });
  }
  return sets;
}

function requestsFor(name: ContenderName, queries: readonly QueryName[], paramSets: readonly Params[]): HttpRequest[] {
  return paramSets.flatMap((params) => queries.flatMap((query) => contenders[name][query]?.request(params) ?? []));
}

function rotate<T>(items: readonly T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length]!);
}

/** Every contender must give the same answer to every query before anything is timed. */
async function checkAnswers(servers: readonly RunningServer[], paramSets: readonly Params[]): Promise<void> {
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
        const body: unknown = await response.json();
        answers.set(server.name, (contender.answer as (body: unknown) => unknown)(body));
      }
      const reference = answers.get("ours");
      for (const [name, answer] of answers) {
        if (!isDeepStrictEqual(answer, reference)) {
          throw new Error(
            `${query} with ${JSON.stringify(params)}: ${name} answers differently from ours.\nours: ${JSON.stringify(reference)}\n${name}: ${JSON.stringify(answer)}`,
          );
        }
        compared++;
      }
      if (query === "Q1") break; // Q1 takes no parameters.
    }
  }
  log(`answers identical across contenders (${compared} comparisons)`);
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "-");
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : "-");

function printTable(result: ScaleResult): void {
  const lines: string[] = [];
  lines.push(
    ``,
    `## ${result.scale} (${result.events.toLocaleString("en")} events): import ${Math.round(result.importEventsPerS)} events/s (${result.importSeconds.toFixed(1)} s)`,
  );
  lines.push(
    `cold start to ready: ours ${Math.round(result.coldStartMs.ours)} ms, peer ${Math.round(result.coldStartMs.peer)} ms, raw ${Math.round(result.coldStartMs.raw)} ms`,
  );
  lines.push(``, `| query | contender | req/s | p50 ms | p99 ms | errors | RSS MB | rps ours/peer | rps ours/raw | p50 ours/raw |`);
  lines.push(`|---|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
  const rows: [string, Partial<Record<ContenderName, Summary>>][] = [
    ["Q1–Q3 mix", result.mix],
    ...queryNames.map((query): [string, Partial<Record<ContenderName, Summary>>] => [
      `${query} ${queryTitles[query]}`,
      result.perQuery[query],
    ]),
  ];
  for (const [title, summaries] of rows) {
    for (const name of order) {
      const summary = summaries[name];
      const ratios =
        name === "ours" && summary
          ? [
              summaries.peer ? ratio(summary.rps, summaries.peer.rps) : "no equivalent",
              summaries.raw ? ratio(summary.rps, summaries.raw.rps) : "-",
              summaries.raw ? ratio(summary.p50, summaries.raw.p50) : "-",
            ]
          : ["", "", ""];
      if (!summary) {
        lines.push(`| ${title} | ${name} | no group-by in the library | | | | | | | |`);
        continue;
      }
      lines.push(
        `| ${title} | ${name} | ${fixed(summary.rps)} | ${fixed(summary.p50)} | ${fixed(summary.p99)} | ${summary.errors} | ${fixed(summary.rssMaxMb)} | ${ratios.join(" | ")} |`,
      );
    }
  }
  console.log(lines.join("\n"));
}

function printFlatness(results: readonly ScaleResult[]): void {
  const first = results[0]!;
  const last = results.at(-1)!;
  console.log(`\nours p50 at ${last.scale} / p50 at ${first.scale} (paged queries, target ≤ 1.5):`);
  for (const query of pagedQueries) {
    console.log(
      `  ${query}: ${first.perQuery[query].ours?.p50} ms → ${last.perQuery[query].ours?.p50} ms = ${ratio(last.perQuery[query].ours?.p50 ?? NaN, first.perQuery[query].ours?.p50 ?? NaN)}`,
    );
  }
}

function headline(result: ScaleResult) {
  return {
    scale: result.scale,
    ours_rps: Math.round(result.mix.ours.rps),
    peer_rps: Math.round(result.mix.peer.rps),
    raw_rps: Math.round(result.mix.raw.rps),
    ours_p50_ms: result.mix.ours.p50,
    peer_p50_ms: result.mix.peer.p50,
    raw_p50_ms: result.mix.raw.p50,
    ours_p99_ms: result.mix.ours.p99,
    peer_p99_ms: result.mix.peer.p99,
    import_events_per_s: Math.round(result.importEventsPerS),
    cold_start_ms: Math.round(result.coldStartMs.ours),
  };
}

function machine() {
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

await main();
