/** `npm run seed`: applies the schema and writes the article's graph into the configured database. */
import { localInstance, startLocalNeo4j } from "../../neo4j-local/localNeo4j.js";
import { loadConfig } from "../config.js";
import { createDriver } from "../db/driver.js";
import { Executor } from "../db/executor.js";
import { migrate } from "../db/migrations.js";
import { seed } from "../ingest/seed.js";
import { createMetrics } from "../metrics.js";

const config = loadConfig();
const uri = config.neo4j.uri ?? (await startLocalNeo4j(localInstance("dev"))).uri;
const driver = createDriver({ ...config.neo4j, uri });
try {
  const db = new Executor(driver, createMetrics(), { database: config.neo4j.database, queryTimeoutMs: 60_000 });
  await migrate(db);
  const { bundles } = await seed(db);
  console.log(`Seeded ${bundles} bundle(s) into ${uri}.`);
} finally {
  await driver.close();
}
