/**
 * When the shared Redis goes away, the API keeps serving (SECURITY.md, Redis): the rate limits count in each process's
 * memory instead (the budget holds per replica, neither open nor closed), logged and counted; a change notice still
 * reaches the publishing process's own listeners, and the lost one is logged and counted, never thrown. When Redis
 * is back, both reconnect by themselves.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeBus, ChangeNotice } from "../../src/live/changeBus.js";
import { redisChangeBus } from "../../src/live/redisChangeBus.js";
import { createMetrics, type Metrics } from "../../src/metrics.js";
import { spawnApi, useRedis, type ApiProcess } from "../helpers/redis.js";
import { waitFor } from "../helpers/waiting.js";

const BUDGET = 5;
const quiet = pino({ level: "silent" });

describe("with the shared Redis down", () => {
  const redis = useRedis();
  let api: ApiProcess;
  let metrics: Metrics[] = [];
  let buses: ChangeBus[] = [];

  beforeAll(async () => {
    api = await spawnApi({ redisUrl: redis.url, environment: { RATE_LIMIT_ANONYMOUS: String(BUDGET) } });
    metrics = [createMetrics(), createMetrics()];
    buses = metrics.map((own) => redisChangeBus({ url: redis.url, logger: quiet, metrics: own }));
    // Counted in Redis while it is up: one request of the budget.
    expect((await api.graphql("{ __typename }")).status).toBe(200);
    expect(await api.metric('rate_limit_store_failures_total{budget="anonymous"}')).toBe(0);
    await redis.stop();
  });

  afterAll(async () => {
    await api?.stop();
    await Promise.all(buses.map((bus) => bus.close()));
  });

  it("serves anonymous callers on each process's own count, at once, and says so in the log and the metrics", async () => {
    const statuses: number[] = [];
    const durations: number[] = [];
    for (let i = 0; i < BUDGET + 1; i++) {
      const started = performance.now();
      statuses.push((await api.graphql("{ __typename }")).status);
      durations.push(performance.now() - started);
    }
    // The request counted in Redis before it stopped is not known here: the memory's count starts afresh.
    expect(statuses).toEqual([...Array<number>(BUDGET).fill(200), 429]);
    // No command waits for a Redis that is not there (no offline queue): far under the 1 s command timeout.
    expect(Math.max(...durations)).toBeLessThan(1_000);
    expect(await api.metric('rate_limit_store_failures_total{budget="anonymous"}')).toBe(BUDGET + 1);
    const warnings = api.logs().filter((line) => String(line.msg).startsWith("Redis could not count a request"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe(40);
  });

  it("tells the publishing process's own listeners, and logs and counts the notice the others miss", async () => {
    const heard: ChangeNotice[] = [];
    const unsubscribe = buses[0]!.subscribe((notice) => heard.push(notice));
    const notice: ChangeNotice = { kind: "UPDATED", eventIds: ["ev-redis-down"] };
    expect(() => buses[0]!.publish(notice)).not.toThrow();
    expect(heard).toEqual([notice]);
    await waitFor(async () => (await counted(metrics[0]!, "lost")) === 1, { timeoutMs: 2_000, what: "the lost notice counted" });
    expect(await counted(metrics[0]!, "published")).toBe(0);
    unsubscribe();
  });

  it("reconnects by itself when Redis is back: notices cross again and counts are shared again", async () => {
    await redis.start();
    const heard: ChangeNotice[] = [];
    const unsubscribe = buses[1]!.subscribe((notice) => heard.push(notice));
    await waitFor(
      () => {
        buses[0]!.publish({ kind: "CREATED", eventIds: ["ev-redis-back"] });
        return heard.length > 0;
      },
      { timeoutMs: 15_000, what: "a notice through Redis after it came back" },
    );
    expect(heard[0]).toEqual({ kind: "CREATED", eventIds: ["ev-redis-back"] });
    unsubscribe();
    // The API process counts in Redis again: a request is served (this process's memory has used up the budget;
    // Redis came back empty) and the failures do not grow.
    await waitFor(
      async () => {
        const failures = await api.metric('rate_limit_store_failures_total{budget="anonymous"}');
        const { status } = await api.graphql("{ __typename }");
        return status === 200 && (await api.metric('rate_limit_store_failures_total{budget="anonymous"}')) === failures;
      },
      { timeoutMs: 15_000, what: "a request counted in Redis again" },
    );
  });
});

async function counted(metrics: Metrics, outcome: string): Promise<number> {
  const metric = await metrics.changeNotices.get();
  return metric.values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
}
