/**
 * A single read runs auto-committed (src/db/executor.ts), outside the driver's managed transactions and so outside
 * their retries: the executor tries it again itself when the driver calls the failure retryable, and only then.
 * The driver's session is replaced by one that fails as told; everything else is the real code.
 */
import { type Driver, Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { Executor } from "../../src/db/executor.js";
import { DomainError } from "../../src/errors.js";
import { graphQLErrorOf } from "../../src/http/errors.js";
import { createMetrics } from "../../src/metrics.js";

/** What a client is sent if `work` fails: the domain's error as the edge (src/http/errors.ts) codes it. */
const sent = <T>(work: Promise<T>): Promise<T> =>
  work.catch((error: unknown) => {
    throw error instanceof DomainError ? graphQLErrorOf(error) : error;
  });

/** A driver whose sessions fail each `run` with the next of `failures` (null: answers one row), counting the runs. */
function failingDriver(failures: (Neo4jError | null)[]) {
  const runs = { count: 0 };
  const driver = {
    executeQueryBookmarkManager: undefined,
    session: () => ({
      run: () => {
        const failure = failures[runs.count++] ?? null;
        if (failure) return Promise.reject(failure);
        return Promise.resolve({ records: [{ toObject: () => ({ answer: 1 }) }] });
      },
      close: () => Promise.resolve(),
    }),
  } as unknown as Driver;
  return { driver, runs };
}

/** An error as the driver makes them (the GQL status is not what the executor looks at). */
const neo4jError = (message: string, code: string) => new Neo4jError(message, code, "50N42", "error: general processing exception");
const transient = () => neo4jError("connection lost", "ServiceUnavailable");
const executor = (driver: Driver, retryWindowMs: number) =>
  new Executor(driver, createMetrics(), { database: undefined, queryTimeoutMs: 1_000, retryWindowMs });

describe("a single read", () => {
  it("is tried again after a retryable failure, and answers", async () => {
    const { driver, runs } = failingDriver([transient(), transient(), null]);
    expect(await executor(driver, 2_000).read("// answer\nRETURN 1 AS answer")).toEqual([{ answer: 1 }]);
    expect(runs.count).toBe(3);
  });

  it("gives up once the retry window is spent, as SERVICE_UNAVAILABLE", async () => {
    const { driver, runs } = failingDriver(Array.from({ length: 100 }, transient));
    const started = Date.now();
    await expect(sent(executor(driver, 500).read("// answer\nRETURN 1 AS answer"))).rejects.toMatchObject({
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(runs.count).toBeGreaterThan(1);
  });

  it("is not tried again after a failure that is not retryable", async () => {
    const { driver, runs } = failingDriver([neo4jError("Invalid input", "Neo.ClientError.Statement.SyntaxError"), null]);
    await expect(executor(driver, 2_000).read("// answer\nRETURN 1 AS answer")).rejects.toThrow("Invalid input");
    expect(runs.count).toBe(1);
  });

  it("is not tried again when the database is out of memory, which would fail the same way", async () => {
    const { driver, runs } = failingDriver([neo4jError("no memory", "Neo.TransientError.General.MemoryPoolOutOfMemoryError"), null]);
    await expect(sent(executor(driver, 2_000).read("// answer\nRETURN 1 AS answer"))).rejects.toMatchObject({
      extensions: { code: "DATABASE_OUT_OF_MEMORY" },
    });
    expect(runs.count).toBe(1);
  });
});

describe("a pool with no connection to give", () => {
  /** The driver's own error when `connectionAcquisitionTimeout` passes: no code of its own, only the message. */
  const acquisitionTimeout = () =>
    neo4jError("Connection acquisition timed out in 3000 ms. Pool status: Active conn count = 50, Idle conn count = 0.", "N/A");

  it("is SERVICE_UNAVAILABLE, not retried, and told to the executor's listener with the pool's counts", async () => {
    const { driver, runs } = failingDriver([acquisitionTimeout(), null]);
    const told: string[] = [];
    const pooled = new Executor(driver, createMetrics(), {
      database: undefined,
      queryTimeoutMs: 1_000,
      retryWindowMs: 2_000,
      onPoolExhausted: (detail) => told.push(detail),
    });
    await expect(sent(pooled.read("// answer\nRETURN 1 AS answer"))).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    expect(runs.count).toBe(1);
    expect(told).toEqual([expect.stringContaining("Active conn count = 50")]);
  });
});
