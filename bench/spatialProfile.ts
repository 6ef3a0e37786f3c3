/**
 * `npx tsx bench/spatialProfile.ts [--events 100000] [--uri bolt://127.0.0.1:7689] [--keep]`: the plans of the spatial
 * filters at scale. Adds `--events` synthetic events (label Event, ids `event:spatial-bench-<n>`, each reporting an
 * incident of its own) spread over Syria's box (32–37.5 N, 35.5–42.5 E), a tenth located only to a REGION, dated over
 * 2015–2024, with the derived point the write path stores (graph/eventLocation.ts); then PROFILEs the statements the
 * repositories build for `near` (10 km around Maarat al-Numan) and `within` (a 0.2° box around it), over events,
 * incidents and eventStats, and prints each one's operators that read nodes, its database hits and its time. The
 * synthetic nodes are deleted afterwards unless --keep. Written straight in Cypher, not through the import path: this
 * measures reads, not imports. The default database is the local bench instance.
 */
import { parseArgs } from "node:util";
import { loadEnvFile } from "../src/envFile.js";
import { localInstance } from "../neo4j-local/localNeo4j.js";
import { migrate } from "../src/ingest/write/dataMigrations.js";
import type { Params } from "../src/db/executor.js";
import { int } from "../src/db/values.js";
import type { PageRequest } from "../src/model/pagination.js";
import { type EventConditions, EventRepository } from "../src/repositories/eventRepository.js";
import { IncidentRepository } from "../src/repositories/incidentRepository.js";
import { ResearchRepository } from "../src/repositories/researchRepository.js";
import { openBench } from "./dataset.js";

loadEnvFile();
const { values } = parseArgs({
  options: { events: { type: "string", default: "100000" }, uri: { type: "string" }, keep: { type: "boolean", default: false } },
});
const events = Number(values.events);
const uri = values.uri ?? localInstance("bench").uri;
const { driver, db } = openBench(uri, 600_000);
const say = (line: string) => process.stdout.write(`${line}\n`);

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  dbHits: number;
  rows: number;
  children: PlanNode[];
}

try {
  await migrate(db);
  const started = performance.now();
  for (let from = 0; from < events; from += 10_000) {
    await db.write((tx) =>
      tx.run(
        `// spatialBenchEvents
        UNWIND range($from, $to - 1) AS n
        WITH n, 32 + rand() * 5.5 AS latitude, 35.5 + rand() * 7 AS longitude
        CREATE (e:Event {id: 'event:spatial-bench-' + n, title: 'Synthetic ' + n, category: 'EXPLOSIONS_REMOTE_VIOLENCE',
          type: 'AIR_DRONE_STRIKE', date: date('2015-01-01') + duration({days: toInteger(rand() * 3650)}), datePrecision: 'DAY',
          latitude: latitude, longitude: longitude, point: point({latitude: latitude, longitude: longitude}),
          pointPrecision: CASE WHEN n % 10 = 0 THEN 'REGION' ELSE 'TOWN' END})
        CREATE (e)-[:REPORT_OF]->(:Incident {id: 'incident:spatial-bench-' + n, date: e.date, match: 'SINGLE'})`,
        { from: int(from), to: int(Math.min(events, from + 10_000)) },
      ),
    );
  }
  say(`created ${events} synthetic events in ${Math.round(performance.now() - started)} ms`);
  await db.write((tx) => tx.run("// awaitIndexes\nCALL db.awaitIndexes(300)"));

  const captured: { cypher: string; params: Params }[] = [];
  const capturing = {
    read: (cypher: string, params: Params = {}) => {
      captured.push({ cypher, params });
      return Promise.resolve([]);
    },
  } as unknown as ConstructorParameters<typeof EventRepository>[0];
  const request: PageRequest = { size: 20, direction: "forward", cursor: null, parts: { total: true, items: true } };
  const filters: [string, EventConditions][] = [
    ["near 10 km", { near: { latitude: 35.6441, longitude: 36.6711, km: 10 } }],
    ["within 0.2° box", { within: { south: 35.54, west: 36.57, north: 35.74, east: 36.77 } }],
    ["near 10 km, 2019", { near: { latitude: 35.6441, longitude: 36.6711, km: 10 }, from: "2019-01-01", to: "2019-12-31" }],
  ];
  for (const [title, filter] of filters) {
    captured.length = 0;
    await new EventRepository(capturing).pages({ anchor: { kind: "all" }, filter, order: "DATE_DESC", request }, []);
    await new IncidentRepository(capturing).page(filter, request);
    await new ResearchRepository(capturing).eventStats("MONTH", filter);
    for (const { cypher, params } of captured) {
      const session = driver.session({ defaultAccessMode: "READ" });
      try {
        await session.run(cypher, params); // warm the plan cache
        const before = performance.now();
        const result = await session.run(`PROFILE ${cypher}`, params);
        const ms = Math.round(performance.now() - before);
        const operators: PlanNode[] = [];
        const walk = (plan: PlanNode) => {
          operators.push(plan);
          plan.children.forEach(walk);
        };
        walk(result.summary.profile as unknown as PlanNode);
        const hits = operators.reduce((sum, op) => sum + Number(op.dbHits), 0);
        const reads = operators
          .filter((op) => /Scan|Seek/.test(op.operatorType))
          .map(
            (op) =>
              `${op.operatorType.split("@")[0]} (${(typeof op.arguments.Details === "string" ? op.arguments.Details : "").slice(0, 40)}…, ${op.rows} rows)`,
          );
        say(`${title} | ${cypher.split("\n")[0]} | ${hits} db hits | ${ms} ms | ${reads.join("; ")}`);
      } finally {
        await session.close();
      }
    }
  }
} finally {
  if (!values.keep) {
    for (;;) {
      const rows = await db.write((tx) =>
        tx.run(
          `// spatialBenchDelete
          MATCH (e:Event) WHERE e.id STARTS WITH 'event:spatial-bench-'
          WITH e LIMIT 10000
          OPTIONAL MATCH (e)-[:REPORT_OF]->(i:Incident)
          DETACH DELETE e, i
          RETURN count(*) AS deleted`,
        ),
      );
      if (Number(rows[0]?.deleted ?? 0) === 0) break;
    }
  }
  await driver.close();
}
