/**
 * The Redis bus's reading of the channel (bounds and validation, no Redis needed) and the choice of bus by REDIS_URL.
 * The bus itself over a real Redis: tests/integration/replicas.test.ts and redisDown.test.ts.
 */
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { MAX_IDS_PER_NOTICE, type ChangeNotice } from "../../src/live/changeBus.js";
import { changeBusFor, MAX_NOTICE_BYTES, readWireNotice } from "../../src/live/redisChangeBus.js";
import { createMetrics } from "../../src/metrics.js";
import { redisTarget } from "../../src/redis/connection.js";

const wire = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value));

describe("a message on the changes channel", () => {
  it("is a notice when it is one, and marked as this process's own when it says so", () => {
    const message = wire({ origin: "other", kind: "REGROUPED", eventIds: ["ev-1", "ev-2"] });
    expect(readWireNotice(message, "me")).toEqual({ notice: { kind: "REGROUPED", eventIds: ["ev-1", "ev-2"] }, own: false });
    expect(readWireNotice(wire({ origin: "me", kind: "CREATED", eventIds: ["ev-1"] }), "me")).toMatchObject({ own: true });
  });

  it("keeps only the notice's fields", () => {
    const read = readWireNotice(wire({ origin: "o", kind: "MERGED", eventIds: ["ev-1"], extra: "x".repeat(100) }), "me");
    expect(read).toEqual({ notice: { kind: "MERGED", eventIds: ["ev-1"] }, own: false });
  });

  it.each([
    ["not JSON", "{kind"],
    ["not an object", "[1,2]"],
    ["an unknown kind", { origin: "o", kind: "DELETED", eventIds: ["ev-1"] }],
    ["no ids", { origin: "o", kind: "CREATED", eventIds: [] }],
    [
      "more ids than a notice carries",
      { origin: "o", kind: "CREATED", eventIds: Array.from({ length: MAX_IDS_PER_NOTICE + 1 }, (_, i) => `ev-${i}`) },
    ],
    ["an id that is not a string", { origin: "o", kind: "CREATED", eventIds: [{ $ne: null }] }],
    ["an empty id", { origin: "o", kind: "CREATED", eventIds: [""] }],
    ["an id of 201 characters", { origin: "o", kind: "CREATED", eventIds: ["e".repeat(201)] }],
    ["no origin", { kind: "CREATED", eventIds: ["ev-1"] }],
  ])("is dropped as invalid when it is %s", (_what, value) => {
    expect(readWireNotice(wire(value), "me")).toEqual({ dropped: "invalid" });
  });

  it("is dropped unread past MAX_NOTICE_BYTES, and read up to it", () => {
    const fits = { origin: "o", kind: "CREATED", eventIds: ["e".repeat(200)] };
    expect(readWireNotice(wire(fits), "me")).toMatchObject({ own: false });
    const atBound = Buffer.alloc(MAX_NOTICE_BYTES, " ");
    wire(fits).copy(atBound);
    expect(readWireNotice(atBound, "me")).toMatchObject({ own: false });
    const pastBound = Buffer.alloc(MAX_NOTICE_BYTES + 1, " ");
    wire(fits).copy(pastBound);
    expect(readWireNotice(pastBound, "me")).toEqual({ dropped: "oversized" });
  });

  it("of the most ids a notice carries, each of 40 characters, fits the bound with room to spare", () => {
    const largest: ChangeNotice = {
      kind: "CREATED",
      eventIds: Array.from({ length: MAX_IDS_PER_NOTICE }, (_, i) => `ev-${String(i).padStart(37, "0")}`),
    };
    const bytes = wire({ origin: "00000000-0000-0000-0000-000000000000", ...largest }).length;
    expect(bytes).toBeLessThan(MAX_NOTICE_BYTES / 4);
    expect(readWireNotice(wire({ origin: "o", ...largest }), "me")).toMatchObject({ notice: largest });
  });
});

describe("the app's change bus", () => {
  it("is the in-process one without REDIS_URL: a notice reaches this process's listeners, and closing needs no Redis", async () => {
    const bus = changeBusFor(loadConfig({}), pino({ level: "silent" }), createMetrics());
    const heard: ChangeNotice[] = [];
    bus.subscribe((notice) => heard.push(notice));
    bus.publish({ kind: "CREATED", eventIds: ["ev-1"] });
    expect(heard).toEqual([{ kind: "CREATED", eventIds: ["ev-1"] }]);
    await bus.close();
  });
});

describe("REDIS_URL", () => {
  it("takes redis:// and rediss:// URLs, and refuses others at start-up", () => {
    expect(loadConfig({}).redis.url).toBeNull();
    expect(loadConfig({ REDIS_URL: "rediss://:secret@cache.example:6380/0" }).redis.url).toBe("rediss://:secret@cache.example:6380/0");
    expect(() => loadConfig({ REDIS_URL: "http://cache.example:6379" })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  it("is logged without its password", () => {
    expect(redisTarget("rediss://user:secret@cache.example:6380/2")).toBe("rediss://cache.example:6380/2");
    expect(redisTarget("redis://:secret@127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
  });
});
