/**
 * The benchmark's reference ("peer") servers: the Neo4j GraphQL Library (@neo4j/graphql 7) generating schema,
 * resolvers and Cypher from typeDefs.graphql ("library, out of the box"), or from typeDefs.graphql plus the
 * @cypher fields of tuned.graphql ("library, tuned", `--tuned`), read-only.
 *
 * Set up under the same conditions as our server (src/app.ts), so that the comparison is of the GraphQL layers:
 * Express 5 with Apollo's express integration, the same Apollo plugins (graphql-armor with our limits, the
 * query-cost plugin, one JSON log line per request to stdout, the drain plugin, no landing page, Apollo's
 * cache-control plugin off), the same error formatting and the same driver options (src/db/driver.ts).
 * The query-cost plugin computes every request's cost as ours does, with no maximum: the library's schema has
 * no variable-length paths, so the out-of-the-box peer nests lists four deep, which our estimator prices beyond
 * our limit; the work of estimating is what is compared, not the limit.
 *
 * How the library runs its statement (`--auto-commit`):
 *   - by default, the documented way: the driver passed to `new Neo4jGraphQL({ driver })`, with which the library runs
 *     every request in a managed read transaction (`session.executeRead`: `BEGIN`, `RUN`, `PULL`, `COMMIT`). Its
 *     documentation ("Driver configuration") offers a driver, a session or a transaction as `context.executionContext`,
 *     and each of them means an explicit transaction;
 *   - `--auto-commit`: an `executionContext` object with only a `run` function, which opens a read session and runs
 *     the statement auto-committed (`RUN` and `PULL`), as ours and raw run a single read. Not a documented form: the
 *     library types executionContext as `Driver | Session | Transaction` and treats anything that has neither
 *     `session` nor `beginTransaction` as a transaction, calling its `run(query, parameters)`
 *     (dist/classes/Executor.js in @neo4j/graphql 7.6.3).
 *
 *   node dist/bench/peer.mjs --port 4101 --neo4j bolt://127.0.0.1:7689 [--tuned] [--auto-commit]   (bench/build.ts)
 *   npx tsx bench/peer/server.ts …                                                              (from source)
 *
 * `GET /ready` answers 200 once the schema is built and Neo4j answered. GraphQL is served at `/graphql`.
 */
import http from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { Neo4jGraphQL } from "@neo4j/graphql";
import express from "express";
import neo4j, { type Driver, type Transaction } from "neo4j-driver";
import { loadConfig } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { bodyErrors, jsonBody } from "../../src/http/body.js";
import { formatError } from "../../src/http/errors.js";
import { requestId, requestLoggingPlugin } from "../../src/http/logging.js";
import { queryCostPlugin } from "../../src/http/queryCost.js";
import { createLogger } from "../../src/logger.js";
import { createMetrics } from "../../src/metrics.js";
import { projectRoot } from "../../src/paths.js";
import { executeQueryRows, type ReadRows, searchPlaceIds } from "../raw/search.js";

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

const typeDefsFile = (name: string) => readFileSync(join(projectRoot, "bench", "peer", name), "utf8");

/** `Query.searchPlaces`: the search as raw runs it (its statement and our ranking), as places with their ids. */
const tunedSearchPlaces =
  (readRows: ReadRows) =>
  async (_root: unknown, args: { text: string; first: number; candidates: number }): Promise<{ id: string }[]> =>
    (await searchPlaceIds(readRows, args.text, args.first, args.candidates)).map((id) => ({ id }));

/**
 * A read session per statement, run auto-committed (`RUN` and `PULL`, no `BEGIN`/`COMMIT`), with the session options
 * the library itself uses for a driver (its `driverRun`: the database, the driver's bookmark manager).
 */
function autoCommitRead(driver: Driver, database: string | undefined) {
  return async (query: string, parameters: Record<string, unknown>) => {
    const session = driver.session({
      database: database ?? "neo4j",
      bookmarkManager: driver.executeQueryBookmarkManager,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      return await session.run(query, parameters);
    } finally {
      await session.close();
    }
  };
}

export async function startPeerServer(options: {
  neo4jUri: string;
  port: number;
  tuned: boolean;
  autoCommit?: boolean;
}): Promise<PeerServer> {
  const config = loadConfig({ ...process.env, NODE_ENV: "production", NEO4J_URI: options.neo4jUri });
  const logger = createLogger(config.logLevel);
  const driver = createDriver({ ...config.neo4j, uri: options.neo4jUri });
  const run = autoCommitRead(driver, config.neo4j.database);
  // What the library takes for a transaction (above): an object with `run` alone.
  const autoCommitContext = { run } as unknown as Transaction;
  const searchRows: ReadRows = options.autoCommit
    ? async (cypher, parameters) => (await run(cypher, parameters)).records.map((record) => record.toObject())
    : executeQueryRows(driver);
  try {
    const library = new Neo4jGraphQL({
      typeDefs: options.tuned ? [typeDefsFile("typeDefs.graphql"), typeDefsFile("tuned.graphql")] : typeDefsFile("typeDefs.graphql"),
      driver,
      // The tuned peer's one custom resolver (tuned.graphql says why): it runs its statement with the same driver.
      // Auto-committed, it reads as raw does; otherwise with the driver's `executeQuery`, as the documentation shows.
      ...(options.tuned ? { resolvers: { Query: { searchPlaces: tunedSearchPlaces(searchRows) } } } : {}),
      // The library keeps its pre-7 filter and aggregation spellings unless told not to; dropping them halves
      // the schema and its build time, and nothing here uses them.
      features: {
        excludeDeprecatedFields: {
          mutationOperations: true,
          aggregationFilters: true,
          aggregationFiltersOutsideConnection: true,
          relationshipFilters: true,
          attributeFilters: true,
        },
      },
    });
    // Fails fast on a Neo4j that is too old or lacks the APOC functions the generated Cypher may call.
    await library.checkNeo4jCompat();

    const app = express();
    app.disable("x-powered-by");
    const server = http.createServer(app);
    // As src/app.ts configures graphql-armor.
    const armor = new ApolloArmor({
      maxDepth: { n: config.limits.depth, flattenFragments: true },
      maxAliases: { n: config.limits.aliases },
      maxTokens: { enabled: false },
      maxDirectives: { n: config.limits.directives },
      costLimit: { enabled: false },
      blockFieldSuggestion: { enabled: false },
    });
    const protection = armor.protect();
    const apollo = new ApolloServer({
      schema: await library.getSchema(),
      introspection: config.introspection,
      allowBatchedHttpRequests: false,
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      formatError: formatError({ suggestions: config.introspection }),
      parseOptions: { maxTokens: config.limits.tokens },
      validationRules: protection.validationRules,
      plugins: [
        ...(protection.plugins as unknown as ApolloServerPlugin[]),
        queryCostPlugin({ ANONYMOUS: Infinity, READER: Infinity, EDITOR: Infinity }) as unknown as ApolloServerPlugin,
        requestLoggingPlugin(logger, createMetrics()) as unknown as ApolloServerPlugin,
        ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: config.http.shutdownGraceMs }),
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginCacheControlDisabled(),
      ],
    });
    await apollo.start();
    app.use(requestId);
    app.get("/ready", (_request, response) => {
      response.json({ status: "ready" });
    });
    app.use(
      "/graphql",
      jsonBody({ anonymous: config.http.bodyLimitAnonymous, editor: config.http.bodyLimitEditor }, () => false),
      bodyErrors,
      expressMiddleware(apollo, {
        // What requestLoggingPlugin logs; the library answers every request with one Cypher statement.
        context: ({ res }) =>
          Promise.resolve({
            requestId: String(res.locals.requestId),
            stats: { roundTrips: 1 },
            viewer: { role: "ANONYMOUS" },
            ...(options.autoCommit ? { executionContext: autoCommitContext } : {}),
          }),
      }),
    );
    await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : options.port;
    return {
      url: `http://127.0.0.1:${port}`,
      async close() {
        // stop() drains in-flight requests and closes the HTTP server (the drain plugin).
        await apollo.stop();
        await driver.close();
      },
    };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

// Run as a program (from source or from its bundle), not imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4101" },
      neo4j: { type: "string" },
      tuned: { type: "boolean", default: false },
      "auto-commit": { type: "boolean", default: false },
    },
  });
  const server = await startPeerServer({
    neo4jUri: values.neo4j ?? "bolt://127.0.0.1:7689",
    port: Number(values.port),
    tuned: values.tuned ?? false,
    autoCommit: values["auto-commit"] ?? false,
  });
  process.stderr.write(`ready ${server.url}\n`);
  const stop = () =>
    void server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
