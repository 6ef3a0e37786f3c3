/**
 * The benchmark's reference ("peer") server: the Neo4j GraphQL Library (@neo4j/graphql 7) generating schema,
 * resolvers and Cypher from typeDefs.graphql, served by Apollo Server 5 as its documentation shows, set up the
 * way it would run in production: no introspection, no landing page, no stack traces, a read-only schema.
 *
 *   npx tsx bench/peer/server.ts --port 4101 --neo4j bolt://127.0.0.1:7689   (prints `ready <url>`)
 *
 * The database needs APOC (the library checks for it at start) and the full-text index of preparePeer (queries.ts).
 * GraphQL is answered on any path, so `<url>/graphql` works as it does for our server.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("typeDefs.graphql", import.meta.url), "utf8");

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

export async function startPeerServer(options: { neo4jUri: string; port: number }): Promise<PeerServer> {
  // No auth token: the local Neo4j runs without auth (neo4j.auth.none() is missing from the typings).
  const driver = neo4j.driver(options.neo4jUri);
  try {
    const library = new Neo4jGraphQL({
      typeDefs,
      driver,
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
    const apollo = new ApolloServer({
      schema: await library.getSchema(),
      introspection: false,
      includeStacktraceInErrorResponses: false,
      allowBatchedHttpRequests: false,
      // Signals are handled below (close() also closes the driver).
      stopOnTerminationSignals: false,
      plugins: [ApolloServerPluginLandingPageDisabled()],
    });
    const { url } = await startStandaloneServer(apollo, { listen: { host: "127.0.0.1", port: options.port } });
    return {
      url: url.replace(/\/$/, ""), // like the other contenders' urls: requests add their path
      async close() {
        // stop() drains in-flight requests and closes the HTTP server (standalone adds the drain plugin).
        await apollo.stop();
        await driver.close();
      },
    };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "4101" }, neo4j: { type: "string" } } });
  const server = await startPeerServer({ neo4jUri: values.neo4j ?? "bolt://127.0.0.1:7689", port: Number(values.port) });
  process.stdout.write(`ready ${server.url}\n`);
  const stop = () =>
    void server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
