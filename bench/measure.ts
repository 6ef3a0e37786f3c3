/**
 * One timed load: autocannon on loopback with a fixed number of connections, every response's latency kept (so
 * percentiles over interleaved rounds are exact, not averages of percentiles), each response checked for errors,
 * and the server's resident memory sampled from /proc while it runs.
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import type { HttpRequest } from "./workload.js";

export interface LoadResult {
  requests: number;
  seconds: number;
  errors: number;
  latencies: number[];
  rssMaxMb: number;
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
  options: { connections: number; seconds: number; pid: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let rssMax = rssMb(options.pid);
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(options.pid))), 250);
  const startedAt = performance.now();
  // The callback form returns the instance, whose "response" events carry each request's latency.
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon(
    {
      url,
      connections: options.connections,
      duration: options.seconds,
      timeout: 30,
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
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await done;
  clearInterval(sampler);
  return {
    requests: latencies.length,
    seconds: (performance.now() - startedAt) / 1000,
    errors: errors + result.errors + result.timeouts,
    latencies,
    rssMaxMb: Math.max(rssMax, rssMb(options.pid)),
  };
}

export interface Summary {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rssMaxMb: number;
}

/** Several interleaved rounds of one contender as one figure. */
export function summarise(rounds: readonly LoadResult[]): Summary {
  const latencies = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    rps: seconds > 0 ? latencies.length / seconds : 0,
    p50: at(0.5),
    p99: at(0.99),
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    rssMaxMb: Math.max(...rounds.map((round) => round.rssMaxMb)),
  };
}
