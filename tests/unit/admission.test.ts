/**
 * The slot pool of heavy operations (src/http/admission.ts): its sizes follow the database pool, a caller over its
 * share waits and is then refused 429, a full process 503, both with Retry-After, and the queue never holds more than
 * its bound however many requests arrive. Which operations are heavy is the cost model's answer.
 */
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { Admission, AdmissionRefusedError, admissionLimits, operationWeight, type Release } from "../../src/http/admission.js";
import { schema } from "../helpers/queryCosts.js";

const limits = (poolSize: number, waitMs = 50) => admissionLimits(poolSize, waitMs);

/** What a refused acquisition carries: its code, HTTP status and Retry-After. */
function refusalOf(error: unknown) {
  expect(error).toBeInstanceOf(AdmissionRefusedError);
  const extensions = (error as AdmissionRefusedError).extensions as {
    code: string;
    http: { status: number; headers: Map<string, string> };
  };
  return { code: extensions.code, status: extensions.http.status, retryAfter: extensions.http.headers.get("retry-after") };
}

describe("admission sizes", () => {
  it("follow the database pool: a quarter of it for heavy work, a quarter of that per caller, as many waiting", () => {
    expect(limits(50, 2_000)).toEqual({ slots: 12, slotsPerCaller: 3, queue: 12, queuePerCaller: 3, waitMs: 2_000, retryAfterSeconds: 2 });
    expect(limits(100)).toMatchObject({ slots: 25, slotsPerCaller: 6, queue: 25, queuePerCaller: 6 });
    // A pool of one still admits one heavy operation at a time.
    expect(limits(1)).toMatchObject({ slots: 1, slotsPerCaller: 1, queue: 1, queuePerCaller: 1 });
    for (const poolSize of [1, 2, 4, 8, 10, 50, 100, 500]) {
      const { slots, slotsPerCaller } = limits(poolSize);
      // Cheap reads keep at least half of the pool once there are two connections (a heavy slot may hold two).
      if (poolSize >= 4) expect(2 * slots).toBeLessThanOrEqual(poolSize / 2 + 1);
      expect(slotsPerCaller).toBeLessThanOrEqual(slots);
    }
  });
});

describe("the slot pool", () => {
  it("admits a caller up to its share, lets the next wait, and admits it when a slot comes back", async () => {
    const admission = new Admission({ ...limits(50), waitMs: 5_000 });
    const held = await Promise.all([1, 2, 3].map(() => admission.acquire("alice", 1)));
    let fourth: Release | undefined;
    const waiting = admission.acquire("alice", 1).then((release) => (fourth = release));
    // Bob is not held up by Alice's queue.
    const bob = await admission.acquire("bob", 1);
    expect(admission.load).toEqual({ running: 4, queued: 1 });
    expect(fourth).toBeUndefined();
    held[0]!();
    await waiting;
    expect(admission.load).toEqual({ running: 4, queued: 0 });
    for (const release of [...held, bob, fourth!]) release();
    // Releasing twice gives nothing back twice.
    held[1]!();
    expect(admission.load).toEqual({ running: 0, queued: 0 });
  });

  it("refuses a caller over its share with 429 RATE_LIMITED and Retry-After once its wait runs out", async () => {
    const admission = new Admission(limits(8, 50));
    const release = await admission.acquire("alice", 1);
    const refusal = refusalOf(await admission.acquire("alice", 1).catch((error: unknown) => error));
    expect(refusal).toEqual({ code: "RATE_LIMITED", status: 429, retryAfter: "1" });
    expect(admission.load).toEqual({ running: 1, queued: 0 });
    release();
  });

  it("refuses a caller within its share with 503 SERVICE_UNAVAILABLE and Retry-After when others fill the process", async () => {
    const admission = new Admission(limits(8, 50));
    const held = await Promise.all(["alice", "bob"].map((caller) => admission.acquire(caller, 1)));
    expect(refusalOf(await admission.acquire("carol", 1).catch((error: unknown) => error))).toEqual({
      code: "SERVICE_UNAVAILABLE",
      status: 503,
      retryAfter: "1",
    });
    for (const release of held) release();
  });

  it("counts an operation's heavy fields as slots, at most a caller's share, so that it can always run alone", async () => {
    const admission = new Admission(limits(50));
    const release = await admission.acquire("alice", 15);
    expect(admission.load.running).toBe(3);
    release();
  });

  it("holds no more waiting requests than its bound under a flood, from one caller or from many", async () => {
    const admission = new Admission({ ...limits(50), waitMs: 200 });
    const held = await Promise.all(Array.from({ length: 12 }, (_, i) => admission.acquire(`holder${i}`, 1)));
    const fromOne = await Promise.allSettled(Array.from({ length: 500 }, () => admission.acquire("flood", 1)));
    const fromMany = await Promise.allSettled(Array.from({ length: 500 }, (_, i) => admission.acquire(`crowd${i}`, 1)));
    expect(admission.peakQueued).toBeLessThanOrEqual(admission.limits.queue);
    expect(admission.peakQueued).toBeGreaterThan(0);
    for (const outcome of [...fromOne, ...fromMany]) {
      expect(outcome.status).toBe("rejected");
      expect(refusalOf((outcome as PromiseRejectedResult).reason).code).toBe("SERVICE_UNAVAILABLE");
    }
    expect(admission.load).toEqual({ running: 12, queued: 0 });
    for (const release of held) release();
  });
});

describe("which operations are heavy", () => {
  const weight = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions[0];
    if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error("no operation");
    return operationWeight(schema, document, operation, variables, undefined);
  };

  it("counts aggregations, paths, neighbourhoods, co-involvement and roll-ups, one slot per heavy root field", () => {
    expect(weight(`{ eventStats(groupBy: MONTH) { key } }`)).toBe(1);
    expect(weight(`{ coInvolved(actorId: "a") { sharedEvents } }`)).toBe(1);
    expect(weight(`{ neighborhood(id: "a", depth: 1, limit: 1) { truncated } }`)).toBe(1);
    expect(weight(`{ shortestPath(from: "a", to: "b", maxHops: 1) { length } }`)).toBe(1);
    expect(weight(`{ actor(id: "a") { events(includeMembers: true) { totalCount } } }`)).toBe(1);
    expect(weight(`{ actor(id: "a") { events(credited: true) { totalCount } } }`)).toBe(1);
    expect(weight(`query ($d: Int) { neighborhood(id: "a", depth: $d) { truncated } }`, { d: 3 })).toBe(1);
    expect(weight(`{ a: eventStats(groupBy: MONTH) { key } b: eventStats(groupBy: TYPE) { key } event(id: "e") { id } }`)).toBe(2);
    // Bulk reads: a page of 100 with nested lists.
    expect(weight(`{ events(first: 100) { edges { node { places { name } claims { evidence { quote } } } } } }`)).toBe(1);
    // Every mutation: imports, merges, incident decisions.
    expect(weight(`mutation { mergeNodes(from: "a", into: "b") { created } }`)).toBe(1);
  });

  it("leaves cheap reads cheap: one node, a page of 20, a search", () => {
    expect(weight(`{ event(id: "e") { id title date places { name } } }`)).toBe(0);
    expect(weight(`{ events(first: 20) { edges { node { id title places { name } } } } }`)).toBe(0);
    expect(weight(`{ search(query: "Saraqib") { node { id } score } }`)).toBe(0);
    expect(weight(`{ actor(id: "a") { events(first: 20) { totalCount } } }`)).toBe(0);
    expect(weight(`{ viewer { role } }`)).toBe(0);
  });
});
