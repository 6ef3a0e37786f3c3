import { randomUUID } from "node:crypto";
import http from "node:http";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import express from "express";
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationContext } from "graphql";
import type { Driver } from "neo4j-driver";
import type { Logger } from "pino";
import { authenticateRequests, isEditorRequest, viewerOf } from "./auth/http.js";
import type { Viewer } from "./auth/viewer.js";
import type { Config } from "./config.js";
import { Executor, type QueryStats } from "./db/executor.js";
import { ErrorCode } from "./errors.js";
import { resolvers } from "./graphql/resolvers/index.js";
import { loadTypeDefs } from "./graphql/schema.js";
import type { Context } from "./graphql/context.js";
import { bodyErrors, jsonBody } from "./http/body.js";
import { documentSize, estimateSize, LruCache, persistedQuerySize, planSize } from "./http/boundedCache.js";
import type { RootPlan } from "./graphql/compile/compiler.js";
import { compiledFieldResolver } from "./graphql/compile/run.js";
import { domainErrorStatus, formatError, httpErrorHandler, notFound } from "./http/errors.js";
import { ImportService } from "./ingest/importService.js";
import { requestId, requestLoggingPlugin } from "./http/logging.js";
import { crossOrigin } from "./http/crossOrigin.js";
import { queryCostPlugin } from "./http/queryCost.js";
import { Admission, admissionLimits, admissionPlugin, callerOf } from "./http/admission.js";
import { anonymousRateLimit, authenticationFailureLimit, keyedRateLimit } from "./http/rateLimit.js";
import { sharedRateLimitStores } from "./http/rateLimitStore.js";
import type { ChangeBus } from "./live/changeBus.js";
import { changeBusFor } from "./live/redisChangeBus.js";
import { closeRedis, openRedis } from "./redis/connection.js";
import { repeatedFieldLimit } from "./http/repeatedFields.js";
import { requestShape } from "./http/requestShape.js";
import { servedOperationTypes } from "./http/operationTypes.js";
import { serveLiveUpdates, type LiveUpdates } from "./http/liveUpdates.js";
import { metricsServer, serveMetrics } from "./http/metricsEndpoint.js";
import { mountWeb } from "./http/web.js";
import { exportRoutes } from "./http/exports/exportRoutes.js";
import { createLoaders } from "./loaders/loaders.js";
import { throttledWarning } from "./logger.js";
import { createMetrics, type Metrics } from "./metrics.js";
import { createRepositories } from "./repositories/index.js";

/**
 * Memory held between requests: parsed documents (sized by their text and tokens, boundedCache.ts) and persisted
 * queries (by their text). 24 MB hold about 375 documents of 32 kB (MAX_QUERY_BYTES) made mostly of comment, or
 * about 2,000 ordinary queries of 40 tokens; tests/integration/memoryFlood.slow.test.ts holds the process under 400 MB.
 */
export const DOCUMENT_CACHE = { maxBytes: 24 * 1024 * 1024, maxEntries: 10_000 };
export const PERSISTED_QUERY_CACHE = { maxBytes: 8 * 1024 * 1024, maxEntries: 5_000 };
/**
 * Cost estimates and admission weights, per query, operation and variables (a key of ~100 bytes to a few kB each), and
 * compiled plans of root fields (graphql/compile/), per document, operation and response key. Small beside the
 * documents': a flood of distinct documents fills every cache at once, and the process must stay under 400 MB.
 */
export const ESTIMATE_CACHE = { maxBytes: 2 * 1024 * 1024, maxEntries: 5_000 };
export const PLAN_CACHE = { maxBytes: 8 * 1024 * 1024, maxEntries: 5_000 };

export interface App {
  server: http.Server;
  /** The server of /metrics when METRICS_PORT gives it a port of its own (the caller listens on it), else null. */
  metricsServer: http.Server | null;
  executor: Executor;
  metrics: Metrics;
  /** The slots of heavy operations (http/admission.ts). */
  admission: Admission;
  /** What changed in the graph, for live updates: across the replicas through Redis when REDIS_URL is set. Closed by stop(). */
  changes: ChangeBus;
  /** Cost estimates and admission weights already counted (http/queryCost.ts, admission.ts). */
  estimates: LruCache<number>;
  /** Compiled plans (graphql/compile/); null when COMPILED_READS is false. */
  plans: LruCache<RootPlan | null> | null;
  /** The WebSocket side of /graphql (http/liveUpdates.ts). */
  live: LiveUpdates;
  /**
   * Says the database is prepared (schema applied and, when seeding on start, the seed written): until then /ready
   * answers 503, so a load balancer sends no traffic to a replica that would answer from an empty graph.
   */
  databasePrepared(): void;
  /** Turns /ready to 503 so load balancers stop sending new traffic; requests are still served. */
  beginShutdown(): void;
  /** Drains: stops accepting connections, lets in-flight requests finish, stops Apollo. The driver is the caller's. */
  stop(): Promise<void>;
}

/** graphql-armor's rejection, reported under `code` with armor's message minus its "Syntax Error: " prefix. */
function refuseWith(code: ErrorCode) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { code } }));
      },
    ],
  };
}

/** What createApp may be given instead of building it itself. */
export interface AppParts {
  /** The change bus (a shared one across processes); in-process when left out. The app closes it when it stops. */
  changes?: ChangeBus;
}

/**
 * Builds the HTTP server: GraphQL at /graphql (subscriptions over WebSocket on the same path), downloads at /export,
 * probes at /health and /ready, Prometheus at /metrics.
 */
export async function createApp(config: Config, driver: Driver, logger: Logger, parts: AppParts = {}): Promise<App> {
  const metrics = createMetrics();
  const executor = new Executor(driver, metrics, {
    database: config.neo4j.database,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    retryWindowMs: config.neo4j.connectTimeoutMs,
    onPoolExhausted: poolExhaustedWarning(logger),
  });
  const admission = new Admission(admissionLimits(config.neo4j.maxPoolSize, config.admission.waitMs));
  const changes = parts.changes ?? changeBusFor(config, logger, metrics);
  // The rate limits' counts, shared by the replicas (http/rateLimitStore.ts).
  const rateLimitRedis = config.redis.url === null ? null : openRedis(config.redis.url, { role: "rate-limits", logger });
  const rateLimitStore = rateLimitRedis === null ? undefined : sharedRateLimitStores(rateLimitRedis, logger, metrics);
  const estimates = new LruCache<number>(ESTIMATE_CACHE, estimateSize);
  const plans = config.compiledReads ? new LruCache<RootPlan | null>(PLAN_CACHE, planSize) : null;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.http.trustProxyHops);
  // Node checks the header and request timeouts on a timer (every 30 s by default), so a 10 s header timeout
  // closed slow clients only after 23-29 s. Checking at a tenth of the shorter timeout keeps both within 10 %.
  const connectionsCheckingInterval = Math.max(100, Math.min(config.http.headersTimeoutMs, config.http.requestTimeoutMs) / 10);
  const server = http.createServer({ connectionsCheckingInterval }, app);
  server.headersTimeout = config.http.headersTimeoutMs;
  server.requestTimeout = config.http.requestTimeoutMs;
  server.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  let stopping = false;
  let prepared = false;

  // Depth, aliases and directives from graphql-armor; its cost rule is replaced by ours (queryCost.ts), and
  // its token limit by graphql-js's own (parseOptions below): armor re-parses in a plugin hook, where any
  // syntax error becomes a 500 instead of Apollo's 400 GRAPHQL_PARSE_FAILED. Depth is counted on the query
  // as it runs (a fragment spread adds no level: Relay's queries are mostly spreads), and each refusal says
  // what it is (armor's own messages begin "Syntax Error").
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.depth, flattenFragments: true, ...refuseWith(ErrorCode.QueryTooDeep) },
    maxAliases: { n: config.limits.aliases, ...refuseWith(ErrorCode.BadUserInput) },
    maxTokens: { enabled: false },
    maxDirectives: { n: config.limits.directives, ...refuseWith(ErrorCode.BadUserInput) },
    costLimit: { enabled: false },
    // Suggestions of every kind are cut in formatError instead (armor's mask covers fields only, and leaves "?").
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  // The schema Apollo serves, for the exports' filter (coerced against its EventFilter); set when Apollo starts.
  let servedSchema: GraphQLSchema | undefined;

  /** What each request's resolvers see (and each live message's): its own repositories and loaders over the executor. */
  const contextFor = (viewer: Viewer, caller: string, id: string): Context => {
    const stats: QueryStats = { roundTrips: 0 };
    const db = executor.withStats(stats);
    const repositories = createRepositories(db);
    return {
      requestId: id,
      repositories,
      loaders: createLoaders(repositories),
      stats,
      viewer,
      caller,
      imports: new ImportService(db, config.imports, changes),
    };
  };

  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    // Fields without a resolver of their own read a compiled object's keys as they are (graphql/compile/run.ts).
    fieldResolver: compiledFieldResolver,
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    // main.ts handles SIGTERM: readiness first, then this server's drain, then the driver.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatError({ suggestions: config.introspection }),
    parseOptions: { maxTokens: config.limits.tokens },
    documentStore: new LruCache<DocumentNode>(DOCUMENT_CACHE, documentSize),
    persistedQueries: { cache: new LruCache<string>(PERSISTED_QUERY_CACHE, persistedQuerySize) },
    validationRules: [...protection.validationRules, servedOperationTypes],
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same objects.
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      queryCostPlugin(config.limits.cost, estimates),
      admissionPlugin(admission, estimates),
      requestLoggingPlugin(logger, metrics),
      domainErrorStatus,
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: config.http.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set, and the default cache-control plugin wraps every field's resolver to compute them:
      // on a page of 20 nested events that is a thousand wrappers per request for nothing.
      ApolloServerPluginCacheControlDisabled(),
      {
        serverWillStart: ({ schema }) => {
          servedSchema = schema;
          return Promise.resolve();
        },
      },
    ],
  });
  await apollo.start();

  app.use(requestId);
  // Browser apps on the origins CORS_ORIGINS lists; before the budgets and authentication, which a preflight skips.
  app.use(["/graphql", "/export", "/health", "/ready"], crossOrigin(config.http.corsOrigins));

  app.get("/health", (_request, response) => {
    response.json({ status: "ok" });
  });

  app.get("/ready", async (_request, response) => {
    if (stopping) {
      response.status(503).json({ status: "shutting down" });
      return;
    }
    if (!prepared) {
      response.status(503).json({ status: "preparing the database" });
      return;
    }
    try {
      await driver.verifyConnectivity({ database: config.neo4j.database });
      response.json({ status: "ready" });
    } catch {
      response.status(503).json({ status: "database unavailable" });
    }
  });

  if (config.metrics.onApiPort) app.get("/metrics", serveMetrics(metrics, config.metrics.keys));
  else if (config.metrics.enabled && config.metrics.port === null) {
    logger.warn("/metrics is not served on the API's port in production: set METRICS_PORT, or METRICS_KEY to serve it behind a key");
  }
  const ownMetricsServer =
    config.metrics.enabled && config.metrics.port !== null ? metricsServer(metrics, logger, config.metrics.keys) : null;
  const authenticationFailures = authenticationFailureLimit(config.rateLimit, rateLimitStore?.("authFailures"));

  // Who may read, and how often: one set of handlers (one request budget per caller) for /graphql and /export.
  const readAccess = [
    authenticationFailures.check,
    authenticateRequests(config.auth, authenticationFailures.failed),
    anonymousRateLimit(config.rateLimit, rateLimitStore?.("anonymous")),
    keyedRateLimit(config.rateLimit, rateLimitStore?.("keyed")),
  ];

  // The playground for browsers at GET /graphql (and the explorer at /explore); API requests go on to Apollo.
  mountWeb(app);

  app.use(
    "/export",
    ...readAccess,
    exportRoutes({
      schema: () => servedSchema!,
      executor,
      admission,
      costLimits: config.limits.cost,
      suggestions: config.introspection,
      metrics,
      logger,
    }),
  );

  app.use(
    "/graphql",
    ...readAccess,
    jsonBody({ anonymous: config.http.bodyLimitAnonymous, editor: config.http.bodyLimitEditor }, isEditorRequest),
    bodyErrors,
    requestShape(config.limits.documentBytes),
    repeatedFieldLimit(config.limits.repeatedFields, config.limits.tokens),
    expressMiddleware(apollo, {
      context: ({ req, res }) => {
        const viewer = viewerOf(res);
        // Subscriptions get no plans: their payloads resolve through the resolvers.
        return Promise.resolve({
          ...contextFor(viewer, callerOf(viewer.id, req.ip), String(res.locals.requestId)),
          ...(plans ? { plans } : {}),
        });
      },
    }),
  );

  // Whatever fails outside GraphQL (unknown paths, malformed URLs) answers coded JSON too, never Express's HTML page.
  app.use(notFound);
  app.use(httpErrorHandler(logger));

  const live = serveLiveUpdates({
    server,
    schema: () => servedSchema!,
    validationRules: protection.validationRules,
    limits: {
      tokens: config.limits.tokens,
      documentBytes: config.limits.documentBytes,
      repeatedFields: config.limits.repeatedFields,
      cost: config.limits.cost,
    },
    settings: config.live,
    auth: config.auth,
    failures: authenticationFailures,
    addressOf: (request) => addressOf(app, request),
    contextFor: (viewer, caller) => contextFor(viewer, caller, `live:${randomUUID()}`),
    changes,
    allowedOrigins: config.http.corsOrigins,
    formatError: formatError({ suggestions: config.introspection }),
    logger,
  });

  return {
    server,
    metricsServer: ownMetricsServer,
    executor,
    metrics,
    admission,
    changes,
    estimates,
    plans,
    live,
    databasePrepared: () => {
      prepared = true;
    },
    beginShutdown: () => {
      stopping = true;
    },
    stop: async () => {
      stopping = true;
      ownMetricsServer?.closeAllConnections();
      ownMetricsServer?.close();
      // Upgraded sockets are not the HTTP server's to drain: live connections are closed first.
      await live.stop();
      await apollo.stop();
      await changes.close();
      if (rateLimitRedis !== null) await closeRedis(rateLimitRedis);
    },
  };
}

/** The client's address of a request Express did not route (a WebSocket upgrade), read as Express's `req.ip` reads it. */
function addressOf(app: express.Express, request: http.IncomingMessage): string | undefined {
  const view = Object.create(app.request as object, {
    headers: { value: request.headers },
    socket: { value: request.socket },
    connection: { value: request.socket },
  }) as express.Request;
  return view.ip;
}

/** How often, at most, the pool's exhaustion is logged: a burst is one warning, with the count of the others. */
const POOL_WARNING_INTERVAL_MS = 10_000;

/**
 * The warning for a connection pool that had nothing to give: once per burst, at warn, without a stack (the client
 * was answered SERVICE_UNAVAILABLE; nothing is broken), with the pool's counts and how many more timed out since.
 */
function poolExhaustedWarning(logger: Logger): (detail: string) => void {
  const warning = throttledWarning(POOL_WARNING_INTERVAL_MS, "moreSinceLastWarning", (fields) =>
    logger.warn(fields, "no database connection was free in time; answered SERVICE_UNAVAILABLE"),
  );
  return (detail) => warning.warn({ pool: detail });
}
