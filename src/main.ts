/**
 * `npm start`: the service on the configured Neo4j, or on the project's own local Neo4j (started
 * here, the same way `npm run db:start` does) when NEO4J_URI is unset. The launcher (Maven, process management) is
 * imported only then: scripts/buildServer.ts keeps it out of dist/server.mjs.
 */
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { loadEnvFile } from "./envFile.js";
import { createDriver } from "./db/driver.js";
import { migrate } from "./ingest/write/dataMigrations.js";
import { ImportService } from "./ingest/importService.js";
import { reportStoredCycles } from "./ingest/write/hierarchyCycles.js";
import { isEmpty, seed } from "./ingest/seed.js";
import { createLogger } from "./logger.js";
import type { Executor } from "./db/executor.js";
import type { Logger } from "pino";

const startedAt = performance.now();
loadEnvFile();
const config = loadConfig();
const logger = createLogger(config.logLevel);

let uri = config.neo4j.uri;
if (uri === null) {
  // Loaded only here, so that the server bundle (dist/server.mjs, with NEO4J_URI set) leaves the launcher out.
  const { localInstance, startLocalNeo4j } = await import("../neo4j-local/localNeo4j.js");
  const instance = localInstance("dev");
  logger.info({ uri: instance.uri }, "NEO4J_URI is unset: starting the local Neo4j (stop it with npm run db:stop)");
  uri = (await startLocalNeo4j(instance)).uri;
}

const driver = createDriver({ ...config.neo4j, uri });
const app = await createApp(config, driver, logger);
app.server.listen(config.port, config.host, () => {
  const { port } = app.server.address() as AddressInfo;
  const host = config.host === "0.0.0.0" ? "localhost" : config.host;
  logger.info({ url: `http://${host}:${port}/graphql`, startupMs: Math.round(performance.now() - startedAt) }, "conflict-graph is serving");
});
if (app.metricsServer && config.metrics.port !== null) {
  const metricsPort = config.metrics.port;
  app.metricsServer.listen(metricsPort, config.host, () => logger.info({ port: metricsPort }, "metrics are served on their own port"));
}
void prepareDatabase(app.executor, logger).then(() => app.databasePrepared());

/** Applies the schema and seeds an empty database; while the database is unreachable, keeps trying. /ready waits for it. */
async function prepareDatabase(db: Executor, log: Logger): Promise<void> {
  for (;;) {
    try {
      await migrate(db);
      if (config.seedOnStart && (await isEmpty(db))) {
        await seed(new ImportService(db, config.imports));
        log.info("seeded the article's graph into the empty database");
      }
      log.info({ readyMs: Math.round(performance.now() - startedAt) }, "database schema is in place");
      // Cycles in PART_OF or WITHIN that a graph written by an earlier version may hold: reported, not fatal.
      void reportStoredCycles(db, (fields, message) => log.warn(fields, message));
      return;
    } catch (error) {
      log.warn({ err: error }, "database not ready; retrying in 2 s");
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

/** SIGTERM: /ready turns 503, in-flight requests finish within the grace period, the driver closes, exit 0. */
async function shutdown(signal: string): Promise<void> {
  logger.info({ signal, graceMs: config.http.shutdownGraceMs }, "shutting down");
  const deadline = setTimeout(() => {
    logger.error("requests still running after the grace period; exiting anyway");
    process.exit(1);
  }, config.http.shutdownGraceMs + 2_000);
  deadline.unref();
  app.beginShutdown();
  await new Promise((resolve) => setTimeout(resolve, config.http.shutdownReadinessDelayMs));
  await app.stop();
  await driver.close();
  logger.info("stopped");
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
