/** The configured database for command-line tools: NEO4J_URI, or the local development Neo4j (started if needed). */
import type { Driver } from "neo4j-driver";
import { localInstance, startLocalNeo4j } from "../../neo4j-local/localNeo4j.js";
import type { Config } from "../config.js";
import { createDriver } from "../db/driver.js";
import { Executor } from "../db/executor.js";
import { migrate } from "../ingest/write/dataMigrations.js";
import { createMetrics } from "../metrics.js";

export async function openDatabase(config: Config): Promise<{ driver: Driver; db: Executor; uri: string }> {
  const uri = config.neo4j.uri ?? (await startLocalNeo4j(localInstance("dev"))).uri;
  const driver = createDriver({ ...config.neo4j, uri });
  // Command-line work is long by nature; the import's own budget applies to its transaction.
  const db = new Executor(driver, createMetrics(), {
    database: config.neo4j.database,
    queryTimeoutMs: config.imports.timeoutMs,
    retryWindowMs: config.neo4j.connectTimeoutMs,
  });
  await migrate(db);
  return { driver, db, uri };
}
