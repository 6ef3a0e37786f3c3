import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createDriver } from "../../src/db/driver.js";
import { Executor } from "../../src/db/executor.js";
import { validateBundle } from "../../src/ingest/bundle.js";
import { writeBundle } from "../../src/ingest/bundleWriter.js";
import { createMetrics } from "../../src/metrics.js";

/** A short random suffix, so each test's ids are its own and tests can run in any order. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** Writes a bundle through the real write path (validation, then the idempotent writer) into the test Neo4j. */
export async function writeTestBundle(bundle: unknown): Promise<void> {
  const result = validateBundle(bundle);
  if (!result.ok) throw new Error(`Test bundle is invalid: ${JSON.stringify(result.problems)}`);
  const uri = inject("neo4jUri");
  const driver = createDriver({
    uri,
    user: "neo4j",
    password: "",
    database: undefined,
    queryTimeoutMs: 30_000,
    connectTimeoutMs: 5_000,
    maxPoolSize: 2,
  });
  try {
    await writeBundle(new Executor(driver, createMetrics(), { database: undefined, queryTimeoutMs: 30_000 }), result.value, "test");
  } finally {
    await driver.close();
  }
}
