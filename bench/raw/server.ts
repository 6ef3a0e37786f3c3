/**
 * The floor of the benchmark: the workload's answers fetched by hand-written Cypher through neo4j-driver, one
 * statement per query, each the best formulation found for that query on its own merits and checked with PROFILE
 * (bench/profile.ts; the database hits are in docs/benchmarks.md), behind the thinnest HTTP server Node has (no
 * GraphQL, no validation). Same driver options as the GraphQL servers (src/db/driver.ts) and the same log
 * destination: one JSON line per request to stdout. `POST /Q1` … `/Q6` with the query's parameters as JSON
 * answers with the canonical answer itself; `GET /ready` answers 200 once Neo4j answered.
 *
 *   node dist/bench/raw.mjs --port 4102 --neo4j bolt://127.0.0.1:7689   (bundled by bench/build.ts)
 *   npx tsx bench/raw/server.ts …                                     (the same, from source)
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import neo4j, { type Driver } from "neo4j-driver";
import { loadConfig } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { createLogger } from "../../src/logger.js";
import { type Answers, type Params, type QueryName, SEARCH_CANDIDATES, SEARCH_PAGE } from "../workload.js";
import { type ReadRows, SEARCH_STATEMENT, searchParameters, searchPlaceIds } from "./search.js";

/**
 * An incident counts once, in the month of its defining report (src/graph/statsRules.ts, as ours counts): among the
 * year's reports of it, the most precisely dated, then the earliest, then the smallest id. Before, an incident whose
 * reports fell in two months counted in both (the 100k dataset has some: the bench stopped on Q5's answers).
 */
export const DEFINING_REPORT_ORDER =
  "CASE e.datePrecision WHEN 'DAY' THEN 0 WHEN 'WEEK' THEN 1 WHEN 'MONTH' THEN 2 WHEN 'YEAR' THEN 3 ELSE 4 END, e.date, e.id";

/** One statement per query and the parameters it is run with. */
export const statements: Record<QueryName, { cypher: string; parameters(params: Params): Record<string, unknown> }> = {
  // The date index walked from its end (`IS NOT NULL` lets the planner use it for the order), stopping after 20.
  // Nested lists ordered as ours orders them (workload.ts): places by name, ancestors and part-of chains nearest
  // first (the generated hierarchies have one parent each, so a path's length is the depth), participants by role,
  // name and id.
  Q1: {
    cypher: `MATCH (e:Event) WHERE e.date IS NOT NULL
      WITH e ORDER BY e.date DESC, e.id DESC LIMIT 20
      RETURN e.id AS id, e.title AS title, toString(e.date) AS date,
        COLLECT { MATCH (e)-[:OCCURRED_IN]->(p:Place) WITH p ORDER BY p.name, p.id
          RETURN {id: p.id, name: p.name,
            ancestors: COLLECT { MATCH path = (p)-[:WITHIN*1..]->(a:Place) WITH a ORDER BY length(path) RETURN a.id }} } AS places,
        COLLECT { MATCH (a:Actor)-[r:PARTICIPATED_IN]->(e) WITH a, r ORDER BY r.role, a.name, a.id
          RETURN {role: r.role, actorId: a.id, actorName: a.name,
            partOf: COLLECT { MATCH path = (a)-[:PART_OF*1..]->(b:Actor) WITH b ORDER BY length(path), b.name RETURN b.id }} } AS participants`,
    parameters: () => ({}),
  },
  // Statements by date, then id; claims by kind, then id; evidence by source, then offset (as ours).
  Q2: {
    cypher: `MATCH (e:Event {id: $id})
      RETURN e.id AS id, e.title AS title,
        COLLECT { MATCH (s:Statement)-[:ABOUT]->(e) WITH s ORDER BY s.sortDate, s.id
          RETURN {id: s.id, stance: s.stance, text: s.text, speakerId: head([(s)-[:SPOKEN_BY]->(a:Actor) | a.id])} } AS statements,
        COLLECT { MATCH (c:Claim)-[:ABOUT]->(e) WITH c ORDER BY c.kind, c.id RETURN {
          id: c.id, kind: c.kind, text: c.text,
          estimate: CASE WHEN c.qualifier IS NULL THEN null ELSE {low: c.low, high: c.high, qualifier: c.qualifier} END,
          assertedById: head([(c)-[:ASSERTED_BY]->(a:Actor) | a.id]),
          evidence: COLLECT { MATCH (c)-[r:EVIDENCED_BY]->(s:Source) WITH r, s ORDER BY s.id, r.start
            RETURN {sourceId: s.id, quote: r.quote, start: r.start, end: r.end} }
        } } AS claims`,
    parameters: (params) => ({ id: params.eventId }),
  },
  // The places inside the province collected once, then the range's events walked by date from its end, each kept
  // when one of its places is inside: the work stops after 21 hits, whatever the province's size.
  Q3: {
    cypher: `MATCH (:Place {id: $place})<-[:WITHIN*0..]-(inside:Place)
      WITH collect(inside) AS inside
      MATCH (e:Event) WHERE e.date >= date($from) AND e.date <= date($to)
        AND EXISTS { MATCH (e)-[:OCCURRED_IN]->(at:Place) WHERE at IN inside }
      WITH e ORDER BY e.date DESC, e.id DESC LIMIT 21
      RETURN e.id AS id`,
    parameters: (params) => ({ place: params.provinceId, from: params.from, to: params.to }),
  },
  // The same search as our server's: the best 100 hits of the shared index for the same Lucene query, places only,
  // then ranked in JavaScript as our server ranks them (bench/raw/search.ts, src/model/search.ts); the first 10.
  Q4: {
    cypher: SEARCH_STATEMENT,
    parameters: (params) => searchParameters(params.placeName, SEARCH_CANDIDATES),
  },
  // Incidents per month, as eventStats counts them since reports of one incident are linked (issue 13): a month's
  // reports, the incidents they are reports of, each counted once with its own toll. Bucketed as the year's index
  // range is read; collecting each month's incidents lets `any(… IS NULL)` stop at the first unknown high estimate.
  Q5: {
    cypher: `MATCH (e:Event) WHERE e.date >= date($from) AND e.date <= date($to)
      MATCH (e)-[:REPORT_OF]->(i:Incident)
      WITH i, e ORDER BY ${DEFINING_REPORT_ORDER}
      WITH i, head(collect(e)) AS defining
      WITH left(toString(defining.date), 7) AS key, collect(i) AS incidents
      RETURN key, size(incidents) AS events,
        reduce(total = 0, i IN incidents | total + coalesce(i.fatalitiesLow, 0)) AS fatalitiesLow,
        CASE WHEN any(i IN incidents WHERE i.fatalitiesHigh IS NULL) THEN null
             ELSE reduce(total = 0, i IN incidents | total + i.fatalitiesHigh) END AS fatalitiesHigh
      ORDER BY key`,
    parameters: (params) => ({ from: `${params.year}-01-01`, to: `${params.year}-12-31` }),
  },
  // A count needs no order, but PROFILE still preferred Q3's match (the range's events from the date index, each
  // kept when one of its places is in the province's set, built once): 646 db hits per request at 1k, against 718
  // with a list comprehension instead of EXISTS and 798 expanding from the province's places with DISTINCT.
  Q6: {
    cypher: `MATCH (:Place {id: $place})<-[:WITHIN*0..]-(inside:Place)
      WITH collect(inside) AS inside
      MATCH (e:Event) WHERE e.date >= date($from) AND e.date <= date($to)
        AND EXISTS { MATCH (e)-[:OCCURRED_IN]->(at:Place) WHERE at IN inside }
      RETURN count(e) AS totalCount`,
    parameters: (params) => ({ place: params.provinceId, from: params.from, to: params.to }),
  },
};

type Handler = (driver: Driver, params: Params) => Promise<unknown>;

// Auto-committed in a read session, as our server runs a single read: no BEGIN and COMMIT round trip.
const readRows =
  (driver: Driver): ReadRows =>
  async (cypher, parameters) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return (await session.run(cypher, parameters)).records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  };

const read = (driver: Driver, query: QueryName, params: Params) =>
  readRows(driver)(statements[query].cypher, statements[query].parameters(params));

const handlers: Record<QueryName, Handler> = {
  // Rows in the answer's shape (Q1Event, Q2Event), lists in order.
  Q1: (driver, params) => read(driver, "Q1", params),
  Q2: async (driver, params) => (await read(driver, "Q2", params))[0] ?? null,
  async Q3(driver, params) {
    const ids = (await read(driver, "Q3", params)).map((row) => String(row.id));
    return { ids: ids.slice(0, 20), hasNextPage: ids.length > 20 } satisfies Answers["Q3"];
  },
  Q4: async (driver, params) =>
    ({ ids: await searchPlaceIds(readRows(driver), params.placeName, SEARCH_PAGE, SEARCH_CANDIDATES) }) satisfies Answers["Q4"],
  Q5: (driver, params) => read(driver, "Q5", params),
  Q6: async (driver, params) => ({ totalCount: Number((await read(driver, "Q6", params))[0]?.totalCount ?? 0) }) satisfies Answers["Q6"],
};

export async function startRawServer(options: { neo4jUri: string; port: number }): Promise<{ url: string; close(): Promise<void> }> {
  const config = loadConfig({ ...process.env, NODE_ENV: "production", NEO4J_URI: options.neo4jUri });
  const logger = createLogger(config.logLevel);
  const driver = createDriver({ ...config.neo4j, uri: options.neo4jUri });
  await driver.verifyConnectivity();
  const server: Server = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/ready") {
      response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ready"}');
      return;
    }
    const name = request.url?.slice(1) as QueryName;
    const handler = handlers[name];
    if (request.method !== "POST" || !handler) {
      response.writeHead(404).end();
      return;
    }
    const startedAt = performance.now();
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      // The same log line as the GraphQL servers' (src/http/logging.ts), to the same destination.
      const done = (status: number) =>
        logger.info(
          {
            requestId: randomUUID(),
            operationName: name,
            durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
            dbRoundTrips: 1,
            status,
          },
          "raw request",
        );
      handler(driver, JSON.parse(body || "{}") as Params).then(
        (answer) => {
          response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
          done(200);
        },
        (error: unknown) => {
          response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
          done(500);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await driver.close();
    },
  };
}

// Run as a program (from source or from its bundle), not imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "4102" }, neo4j: { type: "string" } } });
  const server = await startRawServer({ neo4jUri: values.neo4j ?? "bolt://127.0.0.1:7689", port: Number(values.port) });
  process.stderr.write(`ready ${server.url}\n`);
  process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
}
