import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { Executor, type QueryStats } from "./db/executor.js";
import { resolvers } from "./graphql/resolvers/index.js";
import { loadTypeDefs } from "./graphql/schema.js";
import type { Context } from "./graphql/context.js";
import { formatError } from "./http/errors.js";
import { createLoaders } from "./loaders/loaders.js";
import { createMetrics, type Metrics } from "./metrics.js";
import { createRepositories } from "./repositories/index.js";

export interface App {
  server: http.Server;
  executor: Executor;
  metrics: Metrics;
  /** Stops taking requests, lets in-flight ones finish, then stops Apollo. The driver is the caller's. */
  stop(): Promise<void>;
}

/** Builds the HTTP server: GraphQL at /graphql, probes at /health and /ready, Prometheus at /metrics. */
export async function createApp(config: Config, driver: Driver, logger: Logger): Promise<App> {
  const metrics = createMetrics();
  const executor = new Executor(driver, metrics, { database: config.neo4j.database, queryTimeoutMs: config.neo4j.queryTimeoutMs });
  const app = express();
  app.disable("x-powered-by");
  const server = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(logger),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.get("/health", (_request, response) => {
    response.json({ status: "ok" });
  });

  app.get("/ready", async (_request, response) => {
    try {
      await driver.verifyConnectivity({ database: config.neo4j.database });
      response.json({ status: "ready" });
    } catch {
      response.status(503).json({ status: "database unavailable" });
    }
  });

  app.get("/metrics", async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: () => {
        const stats: QueryStats = { roundTrips: 0 };
        const repositories = createRepositories(executor.withStats(stats));
        return Promise.resolve({ repositories, loaders: createLoaders(repositories), stats });
      },
    }),
  );

  return {
    server,
    executor,
    metrics,
    stop: () => apollo.stop(),
  };
}
