/**
 * Several API processes on one Redis (REDIS_URL), as replicas behind a load balancer: the anonymous budget (and a
 * key's) is one budget across them, and a change notice published on one process's bus reaches the others' buses
 * within a second, through Redis. The channel is input like any request: oversized or invalid messages are dropped
 * and counted, and the bus goes on. Real processes (src/main.ts) and a real Redis (redis-local).
 */
import { createClient } from "@redis/client";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeBus, ChangeNotice } from "../../src/live/changeBus.js";
import { CHANGES_CHANNEL, MAX_NOTICE_BYTES, redisChangeBus } from "../../src/live/redisChangeBus.js";
import { createMetrics, type Metrics } from "../../src/metrics.js";
import { spawnApi, useRedis, type ApiProcess } from "../helpers/redis.js";
import { waitFor } from "../helpers/waiting.js";

const BUDGET = 8;
const READER_BUDGET = 6;
const AUTH_FAILURES = 4;
const READER_KEY = `replicas-reader-${Date.now()}-0123456789abcdef`;
const quiet = pino({ level: "silent" });

describe("API replicas sharing one Redis", () => {
  const redis = useRedis();
  let replicas: ApiProcess[] = [];

  beforeAll(async () => {
    const environment = {
      RATE_LIMIT_ANONYMOUS: String(BUDGET),
      RATE_LIMIT_READER: String(READER_BUDGET),
      READER_API_KEYS: `replicas:${READER_KEY}`,
      RATE_LIMIT_AUTH_FAILURES: String(AUTH_FAILURES),
    };
    replicas = await Promise.all([spawnApi({ redisUrl: redis.url, environment }), spawnApi({ redisUrl: redis.url, environment })]);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  it("keep one anonymous budget: requests split across two processes get 429 at the budget, not at twice it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET + 2; i++) {
      const { status } = await replicas[i % 2]!.graphql("{ __typename }");
      statuses.push(status);
    }
    // Each process alone would have let BUDGET through by itself, 2 × BUDGET in all.
    expect(statuses.slice(0, BUDGET)).toEqual(Array<number>(BUDGET).fill(200));
    expect(statuses.slice(BUDGET)).toEqual([429, 429]);
    const refused = await replicas[1]!.graphql("{ __typename }");
    expect(refused.body.errors[0].extensions.code).toBe("RATE_LIMITED");
    for (const replica of replicas) expect(await replica.metric('rate_limit_store_failures_total{budget="anonymous"}')).toBe(0);
  });

  it("keep one budget per key too", async () => {
    const headers = { authorization: `Bearer ${READER_KEY}` };
    const statuses: number[] = [];
    for (let i = 0; i < READER_BUDGET + 1; i++) statuses.push((await replicas[i % 2]!.graphql("{ __typename }", headers)).status);
    expect(statuses).toEqual([...Array<number>(READER_BUDGET).fill(200), 429]);
  });

  it("keep one budget of refused credentials per address: past it, credentials get 429 unchecked on every process", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_FAILURES + 3; i++) {
      const headers = { authorization: `Bearer wrong-key-${i}-0123456789abcdef` };
      statuses.push((await replicas[i % 2]!.graphql("{ viewer { role } }", headers)).status);
    }
    expect(statuses).toEqual([...Array<number>(AUTH_FAILURES).fill(401), 429, 429, 429]);
    const locked = await replicas[0]!.graphql("{ viewer { role } }", { authorization: `Bearer ${READER_KEY}` });
    expect(locked.status).toBe(429);
    expect(locked.body.errors[0].extensions.code).toBe("RATE_LIMITED");
  });

  describe("their change buses", () => {
    let metrics: Metrics[] = [];
    let buses: ChangeBus[] = [];
    /** Valid notices published straight on the channel, not through a bus. */
    let rawValid = 0;

    beforeAll(() => {
      metrics = [createMetrics(), createMetrics()];
      buses = metrics.map((own) => redisChangeBus({ url: redis.url, logger: quiet, metrics: own }));
    });

    afterAll(async () => {
      await Promise.all(buses.map((bus) => bus.close()));
    });

    /** Publishes until a notice goes through: the buses connect in the background. */
    async function connected(): Promise<void> {
      const heard: ChangeNotice[] = [];
      const unsubscribe = buses[1]!.subscribe((notice) => heard.push(notice));
      await waitFor(
        () => {
          buses[0]!.publish({ kind: "UPDATED", eventIds: ["warm-up"] });
          return heard.length > 0;
        },
        { timeoutMs: 10_000, what: "a first notice through Redis" },
      );
      unsubscribe();
      await settled();
    }

    /** Waits until each API process has received every valid notice sent so far (bus 0's and the raw ones). */
    async function settled(): Promise<void> {
      // Read again each time: warm-up notices still on their way count as published once Redis has them.
      let counts = "";
      await waitFor(
        async () => {
          const sent = (await counted(metrics[0]!, "published")) + rawValid;
          const received = await Promise.all(replicas.map((replica) => replica.metric('live_change_notices_total{outcome="received"}')));
          counts = `${sent} sent, ${received.join(" and ")} received`;
          return received.every((count) => count === sent);
        },
        { timeoutMs: 5_000, what: "every notice sent so far received by each API process" },
      ).catch((error: Error) => {
        throw new Error(`${error.message} (${counts})`);
      });
    }

    it("carry a notice from one process to the others within a second, once to each, never back to the sender", async () => {
      await connected();
      const [before0, before1] = await Promise.all(
        replicas.map((replica) => replica.metric('live_change_notices_total{outcome="received"}')),
      );
      const sent: ChangeNotice = { kind: "CREATED", eventIds: [`ev-replicas-${Date.now()}`, "ev-second"] };
      const heardBySender: ChangeNotice[] = [];
      const heardByOther: ChangeNotice[] = [];
      let heardAt = Infinity;
      // Only this notice is listened for: a warm-up notice of connected() may still reach the test's bus late.
      const isSent = (notice: ChangeNotice) => notice.eventIds[0] === sent.eventIds[0];
      const stopSender = buses[0]!.subscribe((notice) => {
        if (isSent(notice)) heardBySender.push(notice);
      });
      const stopOther = buses[1]!.subscribe((notice) => {
        if (!isSent(notice)) return;
        heardByOther.push(notice);
        heardAt = Math.min(heardAt, performance.now());
      });

      const publishedAt = performance.now();
      buses[0]!.publish(sent);
      // The API processes' buses (other OS processes) and a second bus here, each with connections of its own. The
      // processes are asked through /metrics, whose answers take long on a busy machine: the second is timed where
      // the notice arrives (here; the API processes' own within a second: liveReplicas.test.ts, by their subscriber).
      await waitFor(
        async () =>
          heardByOther.length === 1 &&
          (await replicas[0]!.metric('live_change_notices_total{outcome="received"}')) >= before0! + 1 &&
          (await replicas[1]!.metric('live_change_notices_total{outcome="received"}')) >= before1! + 1,
        { timeoutMs: 10_000, stepMs: 20, what: "the notice on the other buses" },
      );
      expect(heardAt - publishedAt).toBeLessThanOrEqual(1_000);
      expect(heardByOther).toEqual([sent]);
      // The sender's own listeners hear it at once, and not a second time from Redis.
      expect(heardBySender).toEqual([sent]);
      expect(await counted(metrics[0]!, "published")).toBeGreaterThanOrEqual(1);
      // Once to each API process: each has received exactly as many notices as were sent (late warm-ups included).
      await settled();
      stopSender();
      stopOther();
    });

    it("drop oversized and invalid messages on the channel, count them, and go on", async () => {
      await connected();
      const raw = createClient({ url: redis.url });
      await raw.connect();
      const heard: ChangeNotice[] = [];
      const unsubscribe = buses[1]!.subscribe((notice) => heard.push(notice));
      const before = await Promise.all(
        ["invalid", "oversized", "received"].map((outcome) => replicas[0]!.metric(`live_change_notices_total{outcome="${outcome}"}`)),
      );
      try {
        const invalid = [
          "not json",
          "{}",
          JSON.stringify({ origin: "x", kind: "DELETED", eventIds: ["a"] }),
          JSON.stringify({ origin: "x", kind: "CREATED", eventIds: [] }),
          JSON.stringify({ origin: "x", kind: "CREATED", eventIds: Array.from({ length: 1_001 }, (_, i) => `ev-${i}`) }),
          JSON.stringify({ origin: "x", kind: "CREATED", eventIds: [{ $gt: "" }] }),
        ];
        const flood = Array.from({ length: 20 }, () => invalid).flat();
        for (const message of flood) await raw.publish(CHANGES_CHANNEL, message);
        const oversized = JSON.stringify({ origin: "x", kind: "CREATED", eventIds: ["x".repeat(MAX_NOTICE_BYTES)] });
        for (let i = 0; i < 5; i++) await raw.publish(CHANGES_CHANNEL, oversized);
        // A good notice after the flood still goes through.
        await raw.publish(CHANGES_CHANNEL, JSON.stringify({ origin: "elsewhere", kind: "MERGED", eventIds: ["ev-after-flood"] }));
        rawValid += 1;

        await waitFor(() => heard.some((notice) => notice.eventIds[0] === "ev-after-flood"), { timeoutMs: 2_000, what: "the good notice" });
        expect(heard).toEqual([{ kind: "MERGED", eventIds: ["ev-after-flood"] }]);
        expect(await counted(metrics[1]!, "invalid")).toBe(flood.length);
        expect(await counted(metrics[1]!, "oversized")).toBe(5);
        await waitFor(async () => (await replicas[0]!.metric('live_change_notices_total{outcome="received"}')) === before[2]! + 1, {
          timeoutMs: 2_000,
          what: "the good notice on an API process",
        });
        expect(await replicas[0]!.metric('live_change_notices_total{outcome="invalid"}')).toBe(before[0]! + flood.length);
        expect(await replicas[0]!.metric('live_change_notices_total{outcome="oversized"}')).toBe(before[1]! + 5);
        // One warning per burst, not one per message.
        const warnings = replicas[0]!.logs().filter((line) => line.msg === "dropped a message on the changes channel");
        expect(warnings.length).toBeGreaterThanOrEqual(1);
        expect(warnings.length).toBeLessThanOrEqual(2);
      } finally {
        unsubscribe();
        await raw.close();
      }
    });

    it("do not send a notice larger than the others would read, and say so", async () => {
      const heard: ChangeNotice[] = [];
      const unsubscribe = buses[0]!.subscribe((notice) => heard.push(notice));
      const before = await counted(metrics[0]!, "oversized");
      const tooMany: ChangeNotice = { kind: "UPDATED", eventIds: Array.from({ length: 1_001 }, (_, i) => `ev-${i}`) };
      expect(() => buses[0]!.publish(tooMany)).not.toThrow();
      expect(await counted(metrics[0]!, "oversized")).toBe(before + 1);
      // This process's own listeners still hear it.
      expect(heard).toEqual([tooMany]);
      unsubscribe();
    });
  });
});

/** A bus's count of one outcome. */
async function counted(metrics: Metrics, outcome: string): Promise<number> {
  const metric = await metrics.changeNotices.get();
  return metric.values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
}
