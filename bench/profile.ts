/**
 * `npx tsx bench/profile.ts [--uri bolt://…] [--events 10000] [--out bench/profile.json]`: the database hits of each
 * query for each contender, from Neo4j's PROFILE. Every contender runs in this process against the loaded bench
 * database (load it first: `npx tsx bench/loadDataset.ts --events 10000`); each is asked every workload query once
 * per parameter set, every Cypher statement its driver sends is recorded, and each recorded statement is run
 * again with PROFILE. Prints a table and writes the figures (per query and contender: statements per request, db
 * hits per request, and bytes of Cypher text sent per request, averaged over the parameter sets) to `--out`.
 */
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import neo4j, { Session, Transaction, type Driver } from "neo4j-driver";
import pino from "pino";
import { localInstance } from "../neo4j-local/localNeo4j.js";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createDriver } from "../src/db/driver.js";
import { generateDataset } from "./dataset.js";
import { ours } from "./ours.js";
import { peer } from "./peer/queries.js";
import { startPeerServer } from "./peer/server.js";
import { tunedPeer } from "./peer/tunedQueries.js";
import { raw } from "./raw/contender.js";
import { startRawServer } from "./raw/server.js";
import type { ContenderName } from "./servers.js";
import { type Contender, type Params, queryNames, type QueryName } from "./workload.js";

const { values } = parseArgs({
  options: {
    uri: { type: "string" },
    events: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "bench/profile.json" },
  },
});
const uri = values.uri ?? localInstance("bench").uri;
// The servers' request logs would drown the table.
process.env.LOG_LEVEL = "silent";

interface Recorded {
  query: string;
  parameters: Record<string, unknown>;
}

// Every statement any driver in this process sends (auto-commit and in transactions) is recorded while `recording`.
let recording: Recorded[] | null = null;
const record = (query: unknown, parameters: unknown) => {
  if (recording && typeof query === "string") recording.push({ query, parameters: (parameters ?? {}) as Record<string, unknown> });
};
for (const prototype of [Session.prototype, Transaction.prototype] as unknown as { run: (...args: unknown[]) => unknown }[]) {
  const run = prototype.run;
  prototype.run = function (this: unknown, ...args: unknown[]) {
    record(args[0], args[1]);
    return run.apply(this, args);
  };
}

interface ProfileNode {
  dbHits: number;
  children: ProfileNode[];
}
const dbHits = (node: ProfileNode): number => node.dbHits + node.children.reduce((sum, child) => sum + dbHits(child), 0);

/** PROFILE goes after any `CYPHER …` options line the statement starts with. */
function profiled(query: string): string {
  const options = /^(\s*(?:\/\/[^\n]*\n\s*)*)(CYPHER\b[^\n]*\n)?/.exec(query);
  const head = (options?.[1] ?? "") + (options?.[2] ?? "");
  return `${head}PROFILE ${query.slice(head.length)}`;
}

async function profileStatements(driver: Driver, statements: readonly Recorded[]): Promise<number> {
  let hits = 0;
  for (const statement of statements) {
    const result = await driver.executeQuery(profiled(statement.query), statement.parameters, { routing: neo4j.routing.READ });
    if (result.summary.profile) hits += dbHits(result.summary.profile);
  }
  return hits;
}

const facts = generateDataset({ events: Number(values.events), seed: Number(values.seed) }).facts;
const paramSets: Params[] = [0, 1, 2, 3].map((i) => {
  const year = facts.years[i % facts.years.length]!;
  return {
    eventId: facts.eventIds[(i * 13) % facts.eventIds.length]!,
    provinceId: facts.provinces[i % facts.provinces.length]!.id,
    from: `${year}-01-01`,
    to: `${year}-06-30`,
    placeName: facts.localities[(i * 97) % facts.localities.length]!.name,
    year,
  };
});

const config = loadConfig({ ...process.env, NODE_ENV: "production", NEO4J_URI: uri, LOG_LEVEL: "silent" });
const driver = createDriver({ ...config.neo4j, uri });
const app = await createApp(config, driver, pino({ level: "silent" }));
await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
// The tuned peer auto-committed sends the same statements as the tuned peer: not profiled apart.
const servers: Partial<Record<ContenderName, { url: string; contender: Contender }>> = {
  ours: { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, contender: ours },
  tuned: { url: (await startPeerServer({ neo4jUri: uri, port: 0, tuned: true })).url, contender: tunedPeer },
  peer: { url: (await startPeerServer({ neo4jUri: uri, port: 0, tuned: false })).url, contender: peer },
  raw: { url: (await startRawServer({ neo4jUri: uri, port: 0 })).url, contender: raw },
};

const results: Partial<Record<QueryName, Partial<Record<ContenderName, { statements: number; dbHits: number; cypherBytes: number }>>>> = {};
for (const query of queryNames) {
  results[query] = {};
  for (const [name, { url, contender }] of Object.entries(servers) as [ContenderName, { url: string; contender: Contender }][]) {
    const asked = contender[query];
    if (!asked) continue;
    let statements = 0;
    let hits = 0;
    let bytes = 0;
    const sets = query === "Q1" ? paramSets.slice(0, 1) : paramSets;
    for (const params of sets) {
      const request = asked.request(params);
      // Once unrecorded: a server's first request may run one-time statements (the library checks the database).
      await (
        await fetch(`${url}${request.path}`, { method: "POST", headers: { "content-type": "application/json" }, body: request.body })
      ).text();
      recording = [];
      const response = await fetch(`${url}${request.path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: request.body,
      });
      await response.text();
      const sent = recording;
      recording = null;
      statements += sent.length;
      bytes += sent.reduce((sum, statement) => sum + Buffer.byteLength(statement.query), 0);
      hits += await profileStatements(driver, sent);
    }
    results[query][name] = {
      statements: statements / sets.length,
      dbHits: Math.round(hits / sets.length),
      cypherBytes: Math.round(bytes / sets.length),
    };
  }
}

const lines = ["| query | ours | library, tuned | library, out of the box | raw Cypher |", "|---|---:|---:|---:|---:|"];
for (const query of queryNames) {
  const cell = (name: ContenderName) => {
    const figure = results[query]?.[name];
    return figure ? `${figure.dbHits.toLocaleString("en")}${figure.statements === 1 ? "" : ` (${figure.statements} statements)`}` : "-";
  };
  lines.push(`| ${query} | ${cell("ours")} | ${cell("tuned")} | ${cell("peer")} | ${cell("raw")} |`);
}
lines.push(
  "",
  "Bytes of Cypher text per request:",
  "| query | ours | library, tuned | library, out of the box | raw Cypher |",
  "|---|---:|---:|---:|---:|",
);
for (const query of queryNames) {
  const bytes = (name: ContenderName) => results[query]?.[name]?.cypherBytes.toLocaleString("en") ?? "-";
  lines.push(`| ${query} | ${bytes("ours")} | ${bytes("tuned")} | ${bytes("peer")} | ${bytes("raw")} |`);
}
console.log(lines.join("\n"));
writeFileSync(
  values.out,
  `${JSON.stringify({ events: facts.events, seed: facts.seed, parameterSets: paramSets.length, dbHitsPerRequest: results }, null, 2)}\n`,
);
console.error(`written to ${values.out}`);
process.exit(0);
