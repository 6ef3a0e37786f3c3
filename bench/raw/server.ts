/**
 * The floor of the benchmark: the workload's answers fetched by hand-written Cypher through neo4j-driver (the best
 * formulation we know of each; Q3 and Q6 walk the date index and check the place, as our server does), behind
 * the thinnest HTTP server Node has (no GraphQL, no validation, no logging). `POST /Q1` … `/Q6` with the query's
 * parameters as JSON answers with the canonical answer itself.
 *
 *   npx tsx bench/raw/server.ts --port 4102 --neo4j bolt://127.0.0.1:7689   (prints `ready <url>`)
 */
import { createServer, type Server } from "node:http";
import { parseArgs } from "node:util";
import neo4j, { type Driver } from "neo4j-driver";
import { normalizeName } from "../../src/model/text.js";
import { type Answers, canonicalQ1, canonicalQ2, type Params, type Q1Event, type Q2Event, type QueryName } from "../workload.js";

type Handler = (driver: Driver, params: Params) => Promise<unknown>;

const read = async (driver: Driver, cypher: string, params: Record<string, unknown>) =>
  (await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ })).records.map((record) => record.toObject());

/** Q3's and Q6's match: the places inside the province, collected once, then the range's events by date. */
const EVENTS_IN_PLACE_AND_RANGE = `MATCH (:Place {id: $place})<-[:WITHIN*0..8]-(inside:Place)
      WITH collect(inside) AS inside
      MATCH (e:Event) WHERE e.date >= date($from) AND e.date <= date($to)
        AND EXISTS { MATCH (e)-[:OCCURRED_IN]->(at:Place) WHERE at IN inside }`;

const handlers: Record<QueryName, Handler> = {
  async Q1(driver) {
    const rows = await read(
      driver,
      `MATCH (e:Event) WHERE e.date IS NOT NULL
      WITH e ORDER BY e.date DESC, e.id DESC LIMIT 20
      RETURN e.id AS id, e.title AS title, toString(e.date) AS date,
        [(e)-[:OCCURRED_IN]->(p:Place) | {id: p.id, name: p.name, ancestors: [(p)-[:WITHIN*1..8]->(a:Place) | a.id]}] AS places,
        [(a:Actor)-[r:PARTICIPATED_IN]->(e) |
          {role: r.role, actorId: a.id, actorName: a.name, partOf: [(a)-[:PART_OF*1..8]->(b:Actor) | b.id]}] AS participants`,
      {},
    );
    return canonicalQ1(rows as unknown as Q1Event[]);
  },
  async Q2(driver, params) {
    const rows = await read(
      driver,
      `MATCH (e:Event {id: $id})
      RETURN e.id AS id, e.title AS title,
        [(s:Statement)-[:ABOUT]->(e) |
          {id: s.id, stance: s.stance, text: s.text, speakerId: head([(s)-[:SPOKEN_BY]->(a:Actor) | a.id])}] AS statements,
        [(c:Claim)-[:ABOUT]->(e) | {
          id: c.id, kind: c.kind, text: c.text,
          estimate: CASE WHEN c.qualifier IS NULL THEN null ELSE {low: c.low, high: c.high, qualifier: c.qualifier} END,
          assertedById: head([(c)-[:ASSERTED_BY]->(a:Actor) | a.id]),
          evidence: [(c)-[r:EVIDENCED_BY]->(s:Source) | {sourceId: s.id, quote: r.quote, start: r.start, end: r.end}]
        }] AS claims`,
      { id: params.eventId },
    );
    return canonicalQ2((rows[0] as unknown as Q2Event | undefined) ?? null);
  },
  async Q3(driver, params) {
    const rows = await read(
      driver,
      `${EVENTS_IN_PLACE_AND_RANGE}
      WITH e ORDER BY e.date DESC, e.id DESC LIMIT 21
      RETURN e.id AS id`,
      { place: params.provinceId, from: params.from, to: params.to },
    );
    const ids = rows.map((row) => String(row.id));
    return { ids: ids.slice(0, 20), hasNextPage: ids.length > 20 } satisfies Answers["Q3"];
  },
  async Q4(driver, params) {
    const name = normalizeName(params.placeName);
    const rows = await read(
      driver,
      `CALL db.index.fulltext.queryNodes('nodeSearch', $phrase, {limit: 50}) YIELD node, score
      WHERE node:Place
      RETURN node.id AS id ORDER BY ($name IN coalesce(node.nameKeys, [])) DESC, score DESC, node.id LIMIT 1`,
      { phrase: `"${name.replace(/["\\]/g, "")}"`, name },
    );
    return { top: rows[0] ? String(rows[0].id) : null } satisfies Answers["Q4"];
  },
  async Q5(driver, params) {
    const rows = await read(
      driver,
      `MATCH (e:Event) WHERE e.date >= date($from) AND e.date <= date($to)
      WITH substring(toString(e.date), 0, 7) AS key, collect(e) AS events
      RETURN key, size(events) AS events,
        reduce(total = 0, e IN events | total + coalesce(e.fatalitiesLow, 0)) AS fatalitiesLow,
        CASE WHEN any(e IN events WHERE e.fatalitiesHigh IS NULL) THEN null
             ELSE reduce(total = 0, e IN events | total + e.fatalitiesHigh) END AS fatalitiesHigh
      ORDER BY key`,
      { from: `${params.year}-01-01`, to: `${params.year}-12-31` },
    );
    return rows;
  },
  async Q6(driver, params) {
    const rows = await read(
      driver,
      `${EVENTS_IN_PLACE_AND_RANGE}
      RETURN count(e) AS totalCount`,
      { place: params.provinceId, from: params.from, to: params.to },
    );
    return { totalCount: Number(rows[0]?.totalCount ?? 0) } satisfies Answers["Q6"];
  },
};

export async function startRawServer(options: { neo4jUri: string; port: number }): Promise<{ url: string; close(): Promise<void> }> {
  const driver = neo4j.driver(options.neo4jUri, undefined, { disableLosslessIntegers: true });
  await driver.verifyConnectivity();
  const server: Server = createServer((request, response) => {
    const name = request.url?.slice(1) as QueryName;
    const handler = handlers[name];
    if (request.method !== "POST" || !handler) {
      response.writeHead(404).end();
      return;
    }
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      handler(driver, JSON.parse(body || "{}") as Params).then(
        (answer) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer)),
        (error: unknown) => response.writeHead(500, { "content-type": "text/plain" }).end(String(error)),
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "4102" }, neo4j: { type: "string" } } });
  const server = await startRawServer({ neo4jUri: values.neo4j ?? "bolt://127.0.0.1:7689", port: Number(values.port) });
  process.stdout.write(`ready ${server.url}\n`);
  process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
}
