/**
 * npx tsx bench/variants.ts --variant NAME[@BUNDLE][:SETTING=VALUE,…] --variant … [--events 10000] [--port 7695] [--reload]
 *   [--rounds 6] [--latency-samples 40] [--connections 10] [--mix-requests 800] [--no-build]
 *
 * One change measured alone: our server started once per variant (the same bundle, each with its own settings, e.g.
 * `--variant compiled --variant resolvers:COMPILED_READS=false`; `--variant before@/tmp/old/dist/server.mjs` runs another
 * commit's build), side by side on one loaded bench database. Their
 * answers to Q1–Q6 must be identical before anything is timed; each is warmed up until its p50 is stable (as the
 * bench's contenders are); then, in interleaved rounds (the order rotating every round):
 *   - Q1, Q2 and Q3 alone at 1 connection, `--latency-samples` requests each per round (the pooled p50 and the CPU
 *     per request of those rounds);
 *   - the Q1–Q3 mix at `--connections`, `--mix-requests` requests per round (throughput, p50, CPU per request).
 * Every figure is also given as a ratio to the first variant, round by round with its min–max. Its own Neo4j: the
 * bench instance on `--port` (default 7695: not the bench's 7689, nor 7690, which concentratedTowns.slow.test.ts takes), started unless it
 * runs, loaded with the generated dataset unless it already holds it. Prints a table and, last, one JSON line.
 */
import { execFileSync } from "node:child_process";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { loadEnvFile } from "../src/envFile.js";
import { localInstance, startLocalNeo4j } from "../neo4j-local/localNeo4j.js";
import { generateDataset, loadDataset, openBench, resetDatabase } from "./dataset.js";
import { median, pairedRatios, rotate, WARM_UP_RULE } from "./figures.js";
import { type LoadResult, runLoad, summarise, warmUntilStable } from "./measure.js";
import { ours } from "./ours.js";
import { type RunningServer, type ServerVariant, startServer } from "./servers.js";
import { mixQueries, type Params, queryNames, type QueryName, workloadParams } from "./workload.js";

loadEnvFile();

const { values } = parseArgs({
  options: {
    variant: { type: "string", multiple: true, default: [] },
    events: { type: "string", default: "10000" },
    port: { type: "string", default: "7695" },
    reload: { type: "boolean", default: false },
    rounds: { type: "string", default: "6" },
    "latency-samples": { type: "string", default: "40" },
    connections: { type: "string", default: "10" },
    "mix-requests": { type: "string", default: "800" },
    "no-build": { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
  },
});

const whole = (name: string, value: string | undefined): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`--${name} takes a positive whole number, not "${value}"`);
  return number;
};
const rounds = whole("rounds", values.rounds);
const latencySamples = whole("latency-samples", values["latency-samples"]);
const connections = whole("connections", values.connections);
const mixRequests = whole("mix-requests", values["mix-requests"]);
const events = whole("events", values.events);

/** `name`, `name@bundle`, `name:KEY=value,KEY=value` or both. */
function parseVariant(text: string): ServerVariant {
  const [head = "", settings = ""] = text.split(/:(.*)/s);
  const [label, bundle] = head.split(/@(.*)/s);
  if (!label || !/^[\w.-]+$/.test(label)) throw new Error(`--variant takes NAME[@BUNDLE][:SETTING=VALUE,…], not "${text}"`);
  const env: Record<string, string> = {};
  for (const pair of settings.split(",").filter(Boolean)) {
    const [key, value] = pair.split(/=(.*)/s);
    if (!key || value === undefined || !/^[A-Z][A-Z0-9_]*$/.test(key))
      throw new Error(`--variant ${label}: "${pair}" is not SETTING=value`);
    env[key] = value;
  }
  return bundle ? { label, env, bundle } : { label, env };
}

const variants = values.variant.map(parseVariant);
if (variants.length < 2) throw new Error("give two --variant at least (the first is the reference)");
if (new Set(variants.map((variant) => variant.label)).size !== variants.length) throw new Error("--variant names must differ");

const log = (message: string) => process.stderr.write(`[variants] ${message}\n`);

interface Running {
  variant: ServerVariant;
  server: RunningServer;
  /** Per query of the mix, its latency rounds at 1 connection. */
  latency: Map<QueryName, LoadResult[]>;
  mix: LoadResult[];
}

async function main(): Promise<void> {
  if (!values["no-build"]) execFileSync("npm", ["run", "-s", "build:server"], { stdio: "inherit" });
  const instance = localInstance("bench", whole("port", values.port));
  process.env.NEO4J_LOCAL_HEAP ??= "2g";
  process.env.NEO4J_LOCAL_PAGECACHE ??= "1g";
  await startLocalNeo4j(instance);
  const dataset = generateDataset({ events, seed: Number(values.seed) });
  const bench = openBench(instance.uri, 1_800_000);
  const running: Running[] = [];
  try {
    const [row] = await bench.db.read("// variantsEventCount\nMATCH (e:Event) RETURN count(e) AS events");
    if (values.reload || Number(row?.events) !== dataset.facts.events) {
      log(`loading ${events} events into ${instance.uri}…`);
      await resetDatabase(bench.db);
      const loaded = await loadDataset(bench.imports, dataset);
      log(`loaded in ${loaded.seconds.toFixed(1)} s`);
    }
    for (const variant of variants) {
      const server = await startServer("ours", instance.uri, "bench/results/logs/variants", variant);
      running.push({ variant, server, latency: new Map(), mix: [] });
      log(`${variant.label} ready in ${Math.round(server.coldStartMs)} ms ${variant.bundle ?? ""} ${JSON.stringify(variant.env)}`);
    }
    const paramSets = workloadParams(dataset.facts);
    await sameAnswers(running, paramSets);
    const warmUp = paramSets.flatMap((params) => queryNames.map((query) => ours[query]!.request(params)));
    for (const entry of running) {
      const warmed = await warmUntilStable(entry.server, warmUp, queryNames.length, WARM_UP_RULE);
      log(`${entry.variant.label} warmed up with ${warmed.requests} requests`);
    }
    for (let round = 0; round < rounds; round++) {
      for (const entry of rotate(running, round)) {
        for (const query of mixQueries) {
          const requests = paramSets.map((params) => ours[query]!.request(params));
          const result = await runLoad(entry.server.url, requests, { connections: 1, amount: latencySamples, pid: entry.server.pid });
          entry.latency.set(query, [...(entry.latency.get(query) ?? []), checked(entry, result)]);
        }
        const mix = paramSets.flatMap((params) => mixQueries.map((query) => ours[query]!.request(params)));
        entry.mix.push(checked(entry, await runLoad(entry.server.url, mix, { connections, amount: mixRequests, pid: entry.server.pid })));
      }
      log(`round ${round + 1} of ${rounds} done`);
    }
    report(running);
  } finally {
    for (const entry of running) await entry.server.stop();
    await bench.driver.close();
  }
}

function checked(entry: Running, result: LoadResult): LoadResult {
  const ended = entry.server.ended();
  if (ended) throw new Error(`${entry.variant.label} ${ended} during the run`);
  if (result.errors > 0) throw new Error(`${entry.variant.label}: ${result.errors} errors in a round`);
  return result;
}

/** Every variant answers every query with every parameter set as the first one does. */
async function sameAnswers(running: readonly Running[], paramSets: readonly Params[]): Promise<void> {
  let compared = 0;
  for (const query of queryNames) {
    for (const params of paramSets) {
      const request = ours[query]!.request(params);
      const answers: unknown[] = [];
      for (const { server } of running) {
        const response = await fetch(`${server.url}${request.path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: request.body,
        });
        answers.push((ours[query]!.answer as (body: unknown) => unknown)(await response.json()));
      }
      for (let i = 1; i < answers.length; i++) {
        if (!isDeepStrictEqual(answers[i], answers[0])) {
          throw new Error(
            `${query} ${JSON.stringify(params)}: ${running[i]!.variant.label} answers differently from ${running[0]!.variant.label}`,
          );
        }
        compared++;
      }
    }
  }
  log(`answers identical (${compared} comparisons)`);
}

/** Round i's pooled p50 of the mix's queries at 1 connection, and its CPU per request. */
function latencyRounds(entry: Running): { p50: number[]; cpu: number[] } {
  const lists = mixQueries.map((query) => entry.latency.get(query) ?? []);
  return {
    p50: Array.from({ length: rounds }, (_, i) => median(lists.flatMap((list) => list[i]!.latencies))),
    cpu: Array.from({ length: rounds }, (_, i) => {
      const round = lists.map((list) => list[i]!);
      return (1000 * round.reduce((sum, r) => sum + r.serverCpuS, 0)) / round.reduce((sum, r) => sum + r.requests, 0);
    }),
  };
}

function report(running: readonly Running[]): void {
  const figures = running.map((entry) => {
    const latency = summarise(
      mixQueries.flatMap((query) => entry.latency.get(query) ?? []),
      1,
    );
    const mix = summarise(entry.mix, connections);
    const perRound = latencyRounds(entry);
    return {
      label: entry.variant.label,
      p50_1c_ms: latency.p50,
      p99_1c_ms: latency.p99,
      cpu_1c_ms_per_req: latency.cpuMsPerReq,
      rps: mix.rps,
      p50_ms: mix.p50,
      cpu_ms_per_req: mix.cpuMsPerReq,
      rss_max_mb: Math.max(latency.rssMaxMb, mix.rssMaxMb),
      rounds: {
        p50_1c: perRound.p50,
        cpu_1c: perRound.cpu,
        rps: entry.mix.map((round) => round.requests / round.seconds),
        cpu: entry.mix.map((round) => (1000 * round.serverCpuS) / round.requests),
      },
    };
  });
  const reference = figures[0]!;
  const spread = (a: number[], b: number[]) => {
    const { min, max } = pairedRatios(a, b);
    return `${min.toFixed(2)}–${max.toFixed(2)}`;
  };
  const lines = [
    ``,
    `${events.toLocaleString("en")} events; ${rounds} interleaved rounds; Q1–Q3 alone at 1 connection (${latencySamples} each per round), the mix at ${connections} (${mixRequests} per round)`,
    ``,
    `| variant | p50 1c ms | p99 1c ms | CPU ms/req 1c | mix req/s | mix p50 ms | CPU ms/req mix | RSS MB | p50 1c ÷ first (rounds) | CPU mix ÷ first (rounds) | req/s ÷ first (rounds) |`,
    `|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|`,
    ...figures.map(
      (f) =>
        `| ${f.label} | ${f.p50_1c_ms.toFixed(2)} | ${f.p99_1c_ms.toFixed(1)} | ${f.cpu_1c_ms_per_req.toFixed(2)} | ${f.rps.toFixed(0)} | ${f.p50_ms.toFixed(1)} | ` +
        `${f.cpu_ms_per_req.toFixed(2)} | ${f.rss_max_mb.toFixed(0)} | ${(f.p50_1c_ms / reference.p50_1c_ms).toFixed(2)}× (${spread(f.rounds.p50_1c, reference.rounds.p50_1c)}) | ` +
        `${(f.cpu_ms_per_req / reference.cpu_ms_per_req).toFixed(2)}× (${spread(f.rounds.cpu, reference.rounds.cpu)}) | ` +
        `${(f.rps / reference.rps).toFixed(2)}× (${spread(f.rounds.rps, reference.rounds.rps)}) |`,
    ),
  ];
  console.log(lines.join("\n"));
  console.log(JSON.stringify({ events, rounds, variants: figures }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
