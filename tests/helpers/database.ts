import type { Driver } from "neo4j-driver";
import { createDriver } from "../../src/db/driver.js";
import { Executor } from "../../src/db/executor.js";
import { createMetrics } from "../../src/metrics.js";

/** The project's executor straight on a test Neo4j, for setting up data and checking what was stored. */
export interface TestDatabase {
  driver: Driver;
  db: Executor;
  close(): Promise<void>;
}

export function openTestDatabase(uri: string, queryTimeoutMs = 60_000): TestDatabase {
  const driver = createDriver({
    uri,
    user: process.env.TEST_NEO4J_USER ?? "neo4j",
    password: process.env.TEST_NEO4J_PASSWORD ?? "",
    database: undefined,
    queryTimeoutMs,
    connectTimeoutMs: 5_000,
    maxPoolSize: 4,
  });
  return {
    driver,
    db: new Executor(driver, createMetrics(), { database: undefined, queryTimeoutMs }),
    close: () => driver.close(),
  };
}
