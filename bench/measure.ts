/**
 * One timed round: autocannon on loopback with a fixed number of connections sending a fixed number of requests;
 * the round ends when the last response is in (no request is cut off in flight). Every response's latency is kept
 * (so percentiles over interleaved rounds are exact, not averages of percentiles), each response is checked for
 * errors, and the server's resident memory is sampled from /proc while it runs. The CPU time the server process and
 * the load generator (this process: autocannon runs in it) spent during the round is read from /proc/<pid>/stat
 * before its first request and after its last response.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { cpuMsPerRequest, cpuTicksOfStat, median, type WarmUpRule, warmUpSettled } from "./figures.js";
import type { HttpRequest } from "./workload.js";

export interface LoadResult {
  requests: number;
  seconds: number;
  errors: number;
  latencies: number[];
  rssMaxMb: number;
  /** CPU-seconds (user + system) the server process spent during the round. */
  serverCpuS: number;
  /** CPU-seconds the load generator (the bench's own process) spent during the round. */
  generatorCpuS: number;
}

/** Clock ticks per second of /proc's CPU times (getconf CLK_TCK; 100 on Linux almost everywhere). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU-seconds (user + system) a process has spent so far, or NaN when it cannot be read. */
export function cpuSeconds(pid: number): number {
  try {
    return cpuTicksOfStat(readFileSync(`/proc/${pid}/stat`, "utf8")) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** The resident set of a process in MB, or 0 when it cannot be read. */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export async function runLoad(
  url: string,
  requests: readonly HttpRequest[],
  options: { connections: number; amount: number; pid: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let rssMax = rssMb(options.pid);
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(options.pid))), 250);
  const serverCpuBefore = cpuSeconds(options.pid);
  const generatorCpuBefore = cpuSeconds(process.pid);
  const startedAt = performance.now();
  // The callback form returns the instance, whose "response" events carry each request's latency.
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon(
    {
      url,
      connections: options.connections,
      amount: Math.max(options.amount, options.connections),
      timeout: 120,
      requests: requests.map((request) => ({
        method: "POST" as const,
        path: request.path,
        headers: { "content-type": "application/json" },
        body: request.body,
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[')) errors += 1;
        },
      })),
    },
    (error, result) => (error ? fail(error as Error) : finish(result)),
  );
  // autocannon notices that the last request is answered only at its next one-second tick: the round's time ends
  // at the last response instead.
  let lastResponseAt = startedAt;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    lastResponseAt = performance.now();
  });
  const result = await done;
  const serverCpuS = cpuSeconds(options.pid) - serverCpuBefore;
  const generatorCpuS = cpuSeconds(process.pid) - generatorCpuBefore;
  clearInterval(sampler);
  return {
    requests: latencies.length,
    seconds: (lastResponseAt - startedAt) / 1000,
    errors: errors + result.errors + result.timeouts,
    latencies,
    rssMaxMb: Math.max(rssMax, rssMb(options.pid)),
    serverCpuS,
    generatorCpuS,
  };
}

export interface Summary {
  /** Responses over all rounds (the samples behind the percentiles). */
  requests: number;
  rounds: number;
  rps: number;
  /** Requests per second of the slowest and the fastest round, and their difference relative to the median round. */
  rpsMin: number;
  rpsMax: number;
  rpsSpread: number;
  p50: number;
  p99: number;
  mean: number;
  /** Seconds of the shortest round. */
  shortestRoundS: number;
  /** Little's law: requests in flight implied by throughput × mean latency, as a fraction of the connections. */
  littleRatio: number;
  errors: number;
  rssMaxMb: number;
  /** Server CPU milliseconds per request over all rounds (/proc/<pid>/stat deltas ÷ responses). */
  cpuMsPerReq: number;
  /** The load generator's CPU milliseconds per request over the same rounds. */
  generatorCpuMsPerReq: number;
}

/** Little's law holds within this band (below it the load generator or the rounds' ends left connections idle). */
export const LITTLE_BAND = { low: 0.85, high: 1.05 };

/** Several interleaved rounds of one contender as one figure. */
export function summarise(rounds: readonly LoadResult[], connections: number): Summary {
  const latencies = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const perRound = rounds.map((round) => round.requests / round.seconds).sort((a, b) => a - b);
  const median = perRound[Math.floor(perRound.length / 2)] ?? NaN;
  const rps = seconds > 0 ? latencies.length / seconds : 0;
  const mean = latencies.reduce((sum, latency) => sum + latency, 0) / Math.max(latencies.length, 1);
  return {
    requests: latencies.length,
    rounds: rounds.length,
    rps,
    rpsMin: perRound[0] ?? NaN,
    rpsMax: perRound.at(-1) ?? NaN,
    rpsSpread: ((perRound.at(-1) ?? NaN) - (perRound[0] ?? NaN)) / median,
    p50: at(0.5),
    p99: at(0.99),
    mean,
    shortestRoundS: Math.min(...rounds.map((round) => round.seconds)),
    littleRatio: (rps * mean) / 1000 / connections,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    rssMaxMb: Math.max(...rounds.map((round) => round.rssMaxMb)),
    cpuMsPerReq: cpuMsPerRequest(rounds.map((round) => ({ cpuSeconds: round.serverCpuS, requests: round.requests }))),
    generatorCpuMsPerReq: cpuMsPerRequest(rounds.map((round) => ({ cpuSeconds: round.generatorCpuS, requests: round.requests }))),
  };
}

/** What is wrong with a cell's measurement, if anything: Little's law off, or a round shorter than 10× the slowest p99. */
export function cellFlags(summary: Summary, slowestP99Ms: number): string[] {
  const flags: string[] = [];
  if (summary.littleRatio < LITTLE_BAND.low || summary.littleRatio > LITTLE_BAND.high)
    flags.push(`Little ${summary.littleRatio.toFixed(2)}`);
  if (summary.shortestRoundS * 1000 < 10 * slowestP99Ms) flags.push(`round ${summary.shortestRoundS.toFixed(1)} s < 10×p99`);
  return flags;
}

/**
 * Warms a server up: windows of `requests` at 1 connection (the queries in the same order in every parameter set,
 * `queries` of them per set), until the sum of the queries' median latencies is stable from window to window (`rule`),
 * or the rule's cap. At 1 connection the responses come in the order of the requests, so each latency is known to be
 * of its query. `afterWindow` may stop the warm-up by throwing (a server that ended).
 */
export async function warmUntilStable(
  server: { url: string; pid: number },
  requests: readonly HttpRequest[],
  queries: number,
  rule: WarmUpRule,
  afterWindow: () => void = () => undefined,
): Promise<{ requests: number; windows: number; settled: boolean }> {
  const figures: number[] = [];
  let sent = 0;
  for (;;) {
    const { latencies } = await runLoad(server.url, requests, { connections: 1, amount: requests.length, pid: server.pid });
    afterWindow();
    sent += latencies.length;
    figures.push(
      Array.from({ length: queries }, (_, q) => median(latencies.filter((_latency, i) => i % queries === q))).reduce((a, b) => a + b, 0),
    );
    const verdict = warmUpSettled(figures, rule);
    if (verdict !== "go on") return { requests: sent, windows: figures.length, settled: verdict === "settled" };
  }
}
