/**
 * On a Neo4j of this file's own (the `bench` instance, on the test port + 11 unless NEO4J_BENCH_PORT says otherwise,
 * started here and stopped afterwards), because both need a database nobody else writes to:
 * - an ACLED file as large as the editors' body limit (20 MB), imported on the launcher's default memory settings
 *   (neo4j-local/): its time is printed, not asserted (machines differ); the counts and the no-op re-import are;
 * - export -> empty database -> import, through the command line, reproduces every node, relationship and property
 *   (only the audit stamps record the new import);
 * - the count of committed imports the export reads before and after the graph (nobody else may import meanwhile).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localInstance, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j, type LocalInstance } from "../../neo4j-local/localNeo4j.js";
import type { Executor } from "../../src/db/executor.js";
import { migrate } from "../../src/ingest/write/dataMigrations.js";
import { writeLabels } from "../../src/ingest/draft.js";
import { exportGraph } from "../../src/ingest/export/export.js";
import { importsCommitted } from "../../src/ingest/export/exportStore.js";
import { ImportService } from "../../src/ingest/importService.js";
import { seed } from "../../src/ingest/seed.js";
import { projectRoot } from "../../src/paths.js";
import { openTestDatabase, type TestDatabase } from "../helpers/database.js";
import { acledCsv, acledRecord, generatedAcled } from "../helpers/acled.js";
import { article } from "../helpers/article.js";
import { UCDP_FIXTURE } from "../helpers/ucdp.js";

/** Rows of `generatedAcled` (about 480 bytes each) making a file of at least the editors' body limit. */
const ROWS = 44_000;
const BODY_LIMIT_BYTES = 20 * 1024 * 1024;
/** A 20 MB import takes minutes on a busy machine; this test is about memory, so time is generous. */
const LARGE_IMPORT_MS = 900_000;
const run = promisify(execFile);

let instance: LocalInstance;
let startedHere = false;
let database: TestDatabase | undefined;
let db: Executor;
let imports: ImportService;
let directory: string;

beforeAll(async () => {
  process.env.NEO4J_BENCH_PORT ??= String(localInstance("test").port + 11);
  instance = localInstance("bench");
  // A bench instance someone left running is used but left running; one started here is stopped here.
  startedHere = !(await localNeo4jStatus(instance)).running;
  await startLocalNeo4j(instance);
  database = openTestDatabase(instance.uri, LARGE_IMPORT_MS);
  db = database.db;
  imports = new ImportService(db, { timeoutMs: LARGE_IMPORT_MS });
  directory = mkdtempSync(join(tmpdir(), "conflict-graph-roundtrip-"));
}, 240_000);

afterAll(async () => {
  await database?.close();
  if (instance && startedHere) await stopLocalNeo4j(instance);
  rmSync(directory, { recursive: true, force: true });
}, 60_000);

async function emptyDatabase(): Promise<void> {
  for (;;) {
    const [row] = await db.write((tx) =>
      tx.run("// wipeBenchBatch\nMATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted"),
    );
    if (Number(row?.deleted ?? 0) === 0) break;
  }
  await migrate(db);
}

describe("an ACLED file of the body limit's size (20 MB)", () => {
  it(
    "imports in one transaction on the local Neo4j's defaults, and again as a no-op",
    async () => {
      await emptyDatabase();
      const csv = generatedAcled(ROWS, "bench");
      expect(Buffer.byteLength(csv)).toBeGreaterThanOrEqual(BODY_LIMIT_BYTES);
      // How long the import held this process's event loop at most (a server's other clients would wait as long).
      const eventLoop = monitorEventLoopDelay({ resolution: 10 });
      eventLoop.enable();
      const startedAt = performance.now();
      const report = await imports.importAcled(csv, { dryRun: false, writtenBy: "bench" });
      const seconds = (performance.now() - startedAt) / 1000;
      const againAt = performance.now();
      const again = await imports.importAcled(csv, { dryRun: false, writtenBy: "bench" });
      const againSeconds = (performance.now() - againAt) / 1000;
      eventLoop.disable();
      console.log(
        `[benchmark] ACLED import of ${ROWS} rows (${(csv.length / 1e6).toFixed(1)} MB): ${seconds.toFixed(1)} s, ` +
          `${Math.round(ROWS / seconds)} rows/s, ${report.created} nodes created; re-import ${againSeconds.toFixed(1)} s ` +
          `(${Math.round(ROWS / againSeconds)} rows/s), ${again.unchanged} unchanged; ` +
          `event loop held at most ${Math.round(eventLoop.max / 1e6)} ms (p99 ${Math.round(eventLoop.percentile(99) / 1e6)} ms)`,
      );
      expect(report).toMatchObject({ rows: ROWS, updated: 0, unchanged: 0 });
      // Per row a source, an event and a claim; plus ACLED, the actors and the place chain of the generated country.
      const [counts] = await db.read(
        "// benchCounts\nMATCH (n) WHERE n:Event OR n:Claim OR n:Source OR n:Actor OR n:Place RETURN count(n) AS nodes, count{ (:Event) } AS events",
      );
      expect(counts).toEqual({ nodes: report.created, events: ROWS });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: report.created, touched: [] });
    },
    2 * LARGE_IMPORT_MS,
  );
});

describe("export and import", () => {
  it("reproduce the graph in an empty database: same nodes, relationships and properties", async () => {
    await emptyDatabase();
    await seed(imports);
    const writer = { dryRun: false, writtenBy: "roundtrip" };
    // ACLED rows, one of them in the article's Syria (resolved onto its places), with hostile strings.
    await imports.importAcled(
      acledCsv([
        acledRecord("rt", {
          country: "Syria",
          admin1: "Idleb",
          admin2: "Maarrat An Nu'man",
          location: "Maarrat An Nu'man",
          geo_precision: "1",
        }),
        acledRecord("rt", { event_id_cnty: "TSTrt2", actor1: `Robert'); MATCH (n) DETACH DELETE n; //`, notes: 'A "quoted" \\ note' }),
      ]),
      writer,
    );
    await imports.importAcled(generatedAcled(150, "rt"), writer);
    // UCDP GED rows of the shared release (tests/fixtures/ucdp, CC BY 4.0): date spans, victim groups, best
    // estimates, coalitions, states and places resolved onto the article's, and rows read with warnings.
    const ucdp = await imports.importUcdp(readFileSync(UCDP_FIXTURE, "utf8"), writer);
    expect(ucdp).toMatchObject({ rows: 30, warnings: [expect.anything(), expect.anything(), expect.anything()] });
    // A second document: another spelling of the article's places, a claim the article's denial disputes, the
    // article's event evidenced in a second source, an agreement with an end date, an event with coordinates.
    const text = "Saraqeb was bombed again on 24 July 2019, activists said, days after the market strike in Maarrat al-Numan.";
    await imports.importBundle(
      {
        source: {
          id: "source:rt-second-report",
          title: "Second report",
          publishedOn: "2019-07-25",
          url: "https://example.org/r?a=1&b='2'",
          text,
        },
        // An actor that the article's Russia turns out to be: merged into it below, so the export carries the merge.
        actors: [{ id: "actor:rt-russian-federation", name: "Russian Federation", kind: "STATE", resolve: false }],
        places: [
          {
            id: "place:rt-saraqeb",
            name: "Saraqeb",
            kind: "TOWN",
            parent: "place:idlib-governorate",
            identifiers: [
              { scheme: "pcode", value: "C-rt" },
              { scheme: "geonames", value: "rt:1" },
            ],
          },
        ],
        agreements: [
          { id: "agreement:rt-truce", name: "Local truce", signedOn: "2019-07-01", endsOn: "2019-08-01", covers: ["place:rt-saraqeb"] },
        ],
        events: [
          {
            id: "event:rt-saraqeb-bombing",
            title: "Saraqeb bombed again",
            category: "EXPLOSIONS_REMOTE_VIOLENCE",
            type: "AIR_DRONE_STRIKE",
            date: "2019-07-24",
            // Known only to lie between two days (a span, as UCDP gives): endDate survives the round trip.
            endDate: "2019-07-25",
            datePrecision: "DAY",
            places: ["place:rt-saraqeb"],
            location: { latitude: 35.8617, longitude: 36.8006 },
            geoPrecision: "TOWN",
            quotes: ["Saraqeb was bombed again"],
          },
          {
            ...article.events!.find((event) => event.id === "event:2019-07-22-maarat-al-numan-market-airstrike")!,
            quotes: ["the market strike in Maarrat al-Numan"],
          },
        ],
        claims: [
          {
            id: "claim:rt-russia-blamed",
            kind: "PERPETRATOR",
            text: "Activists blame Russia.",
            event: "event:2019-07-22-maarat-al-numan-market-airstrike",
            actors: ["actor:russia", "actor:rt-russian-federation"],
            disputedBy: ["statement:russian-mod-denies-marketplace-strike"],
            quotes: ["activists said"],
          },
        ],
      },
      writer,
    );
    await imports.mergeNodes("actor:rt-russian-federation", "actor:russia", writer);

    // Incidents: ACLED's row for the article's Saraqib strike joins it automatically; an editor joins the second
    // document's later Saraqeb bombing to it as well, and keeps an ACLED row apart from the Maarat al-Numan strike.
    await imports.importAcled(
      acledCsv([
        acledRecord("rt", {
          event_id_cnty: "TSTrt3",
          event_date: "2019-07-22",
          country: "Syria",
          admin1: "Idleb",
          admin2: "",
          location: "Saraqib",
          fatalities: "7",
        }),
      ]),
      writer,
    );
    await imports.linkIncident(["event:2019-07-22-saraqib-market-airstrike", "event:rt-saraqeb-bombing"], true, "roundtrip");
    await imports.linkIncident(["event:acled-TSTrt1", "event:2019-07-22-maarat-al-numan-market-airstrike"], false, "roundtrip");
    const saraqib = await db.read(
      "// roundTripSaraqib\nMATCH (:Event {id: 'event:2019-07-22-saraqib-market-airstrike'})-[:REPORT_OF]->(i) MATCH (i)<-[:REPORT_OF]-(e) RETURN i.match AS match, collect(e.id) AS reports",
    );
    expect(saraqib[0]?.match).toBe("CURATED");
    // UCDP's row of the same strike (319344, Saraqib, 2019-07-22, state-based) joined it on import, across datasets.
    expect([...(saraqib[0]?.reports as string[])].sort()).toEqual([
      "event:2019-07-22-saraqib-market-airstrike",
      "event:acled-TSTrt3",
      "event:rt-saraqeb-bombing",
      "event:ucdp-319344",
    ]);

    const before = await snapshot();
    const stored = (id: string) => before.nodes.find((node) => node.properties.id === id)?.properties ?? {};
    expect({
      ...stored("event:ucdp-276102"),
      date: String(stored("event:ucdp-276102").date),
      endDate: String(stored("event:ucdp-276102").endDate),
    }).toMatchObject({
      category: "NON_STATE_VIOLENCE",
      date: "2019-01-01",
      endDate: "2019-01-02",
      ucdpConflictId: "14474",
      ucdpDyadId: "15738",
    });
    expect(stored("event:ucdp-276102").type).toBeUndefined();
    expect(stored("claim:ucdp-303399-civilians")).toMatchObject({ low: 25, best: 38, high: 42, victims: "CIVILIANS" });
    expect(stored("claim:ucdp-276102-side-a")).toMatchObject({
      best: 18,
      victims: "COMBATANTS",
      victimsOf: "actor:ucdp-national-front-for-liberation",
    });
    expect(stored("claim:ucdp-303399-side-a")).toEqual({});
    expect(before.relationships).toContainEqual({
      from: "actor:rt-russian-federation",
      type: "MERGED_INTO",
      to: "actor:russia",
      properties: {},
    });
    const file = join(directory, "export.json");
    const exported = await cli("export", file);
    expect(exported.code, exported.stderr).toBe(0);
    await emptyDatabase();
    const restored = await cli("import", file);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("(export)");
    const after = await snapshot();

    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.relationships.length).toBe(before.relationships.length);
    // The seed's and ACLED's identifiers, and those the second document adds to the article's Saraqib (by name).
    expect(before.identifiers).toContainEqual({
      lookup: { key: "geonames:rt:1", scheme: "geonames", value: "rt:1" },
      type: "IDENTIFIES",
      node: "place:saraqib",
    });
    expect(before.identifiers.length).toBeGreaterThan(150);
    expect(after).toEqual(before);

    // Exporting the restored graph gives the same bundles again.
    const second = join(directory, "export-again.json");
    expect((await cli("export", second)).code).toBe(0);
    const bundles = (path: string) => (JSON.parse(readFileSync(path, "utf8")) as { bundles: unknown[] }).bundles;
    expect(bundles(second)).toEqual(bundles(file));
  }, 600_000);
});

describe("the export's one state of the graph", () => {
  const writer = { dryRun: false, writtenBy: "snapshot" };
  const committed = () => db.readTransaction((tx) => importsCommitted(tx));

  it("counts the imports that changed the graph, and no dry run or import that changed nothing", async () => {
    const csv = generatedAcled(5, `count${Date.now()}`);
    const start = await committed();
    expect((await imports.importAcled(csv, { ...writer, dryRun: true })).created).toBeGreaterThan(0);
    expect(await committed()).toBe(start);
    await imports.importAcled(csv, writer);
    expect(await committed()).toBe(start + 1);
    expect((await imports.importAcled(csv, writer)).touched).toEqual([]);
    expect(await committed()).toBe(start + 1);
  }, 120_000);

  it("needs the count: a read transaction sees an import that commits while it is open", async () => {
    const s = `open${Date.now()}`;
    const events = (tx: { run: (cypher: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]> }) =>
      tx.run("// eventsOfRun\nMATCH (e:Event) WHERE e.id STARTS WITH $prefix RETURN count(e) AS count", {
        prefix: `event:acled-GEN${s}`,
      });
    const seen = await db.readTransaction(async (tx) => {
      const before = { committed: await importsCommitted(tx), events: Number((await events(tx))[0]?.count) };
      await imports.importAcled(generatedAcled(3, s), writer);
      return { before, after: { committed: await importsCommitted(tx), events: Number((await events(tx))[0]?.count) } };
    });
    expect(seen.before).toEqual({ committed: seen.after.committed - 1, events: 0 });
    expect(seen.after.events).toBe(3);
    // With no import meanwhile, the export holds them.
    const file = await exportGraph(db);
    const exported = file.bundles.flatMap((bundle) => (bundle.events as { id: string }[]).map((event) => event.id));
    expect(exported.filter((id) => id.startsWith(`event:acled-GEN${s}`))).toHaveLength(3);
  }, 120_000);
});

/** Every node the write path writes (redirects of merged ids included) and every relationship between them, without the audit stamps. */
async function snapshot() {
  const audit = new Set(["createdAt", "createdBy", "updatedAt", "updatedBy"]);
  const strip = (properties: Record<string, unknown>) => Object.fromEntries(Object.entries(properties).filter(([key]) => !audit.has(key)));
  const labels = [...writeLabels, "Redirect", "Incident"];
  const nodes = await db.read(
    "// snapshotNodes\nMATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels) RETURN labels(n) AS labels, n {.*} AS properties ORDER BY n.id",
    { labels },
  );
  const relationships = await db.read(
    `// snapshotRelationships
    MATCH (a)-[r]->(b)
    WHERE any(label IN labels(a) WHERE label IN $labels) AND any(label IN labels(b) WHERE label IN $labels)
    RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS properties
    ORDER BY from, type, to, r.role, r.start, r.end`,
    { labels },
  );
  // The identifiers' lookup nodes, which the import derives from the nodes' `identifiers` and `wikidataId`.
  const identifiers = await db.read(
    "// snapshotIdentifiers\nMATCH (x:ExternalId)-[r]->(n) RETURN x {.*} AS lookup, type(r) AS type, n.id AS node ORDER BY x.key",
  );
  return {
    nodes: nodes.map((row) => ({ labels: row.labels, properties: strip(row.properties as Record<string, unknown>) })),
    relationships: relationships.map((row) => ({ ...row, properties: strip(row.properties as Record<string, unknown>) })),
    identifiers,
  };
}

async function cli(script: "import" | "export", ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", `src/cli/${script}.ts`, ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: instance.uri, LOG_LEVEL: "silent" },
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
