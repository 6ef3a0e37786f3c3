import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { createLogger } from "../../src/logger.js";
import { openTestDatabase, type TestDatabase } from "./database.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  app: App;
  /** Posts a GraphQL request; `headers` are added (e.g. `authorization`). */
  graphql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Posts a GraphQL request that must succeed, and gives its data. */
  read(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  /** Sum of `neo4j_queries_total` over all labels: Cypher statements sent so far by this server. */
  queriesSent(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A real server on an ephemeral port, over the test Neo4j (or `uri`), spoken to over HTTP. An `undefined` setting is left
 * unset. The anonymous
 * request budget is off (every test's requests come from 127.0.0.1), and the budgets per key are far above what a
 * sweep sends; queryLimits.test.ts sets them low.
 */
export async function startServer(environment: Record<string, string | undefined> = {}, uri = inject("neo4jUri")): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    PORT: "0",
    NEO4J_URI: uri,
    RATE_LIMIT_ANONYMOUS: "0",
    RATE_LIMIT_READER: "1000000",
    RATE_LIMIT_EDITOR: "1000000",
    ...environment,
  });
  const driver = createDriver({ ...config.neo4j, uri });
  const app = await createApp(config, driver, createLogger(config.logLevel));
  // The global setup applied the schema and seeded the test database.
  app.databasePrepared();
  await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const server: TestServer = {
    url,
    app,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async read(query, variables) {
      const response = await server.graphql(query, variables);
      expect(response.errors).toBeUndefined();
      return response.data!;
    },
    async queriesSent() {
      const text = await (await fetch(`${url}/metrics`)).text();
      return text
        .split("\n")
        .filter((line) => line.startsWith("neo4j_queries_total{"))
        .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
    },
    async close() {
      await app.stop();
      await driver.close();
    },
  };
  return server;
}

/**
 * The server of a test file, or of the `describe` block it is called in: started (by `startServer`, with the same
 * arguments) before the block's tests and closed after them. Call it where the block declares its hooks; its hooks
 * run in the order they are declared among the block's own. The handle is the server itself inside tests and hooks;
 * used outside them, it throws.
 */
export function useServer(environment: Record<string, string | undefined> = {}, uri?: string): TestServer {
  let current: TestServer | undefined;
  beforeAll(async () => {
    current = await startServer(environment, uri ?? inject("neo4jUri"));
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const started = (): TestServer => {
    if (!current) throw new Error("useServer(): the server runs only inside its block's tests and hooks");
    return current;
  };
  return {
    get url() {
      return started().url;
    },
    get app() {
      return started().app;
    },
    graphql: (query, variables, headers) => started().graphql(query, variables, headers),
    read: (query, variables) => started().read(query, variables),
    queriesSent: () => started().queriesSent(),
    async close() {
      await current?.close();
      current = undefined;
    },
  };
}

/**
 * The project's executor straight on the test Neo4j, for setting up data and checking what was stored: opened before
 * the block's tests, closed after them, like `useServer`.
 */
export function useTestDatabase(): TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(() => {
    current = openTestDatabase(inject("neo4jUri"));
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const opened = (): TestDatabase => {
    if (!current) throw new Error("useTestDatabase(): the database is open only inside its block's tests and hooks");
    return current;
  };
  return {
    get driver() {
      return opened().driver;
    },
    get db() {
      return opened().db;
    },
    close: async () => {
      await current?.close();
      current = undefined;
    },
  };
}
