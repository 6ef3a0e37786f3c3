/**
 * `importUcdp` through HTTP, and `npm run import` with a gzip-compressed UCDP file. The rows are real rows of the
 * shared UCDP GED Syria release (tests/fixtures/ucdp, CC BY 4.0), moved into a fictional country of each test's own
 * (tests/helpers/ucdp.ts) so that they neither touch the article's graph nor each other.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { ged20Csv, importUcdp, ucdpCsv, ucdpRecords, ucdpTestRecords } from "../helpers/ucdp.js";
import { keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "conflict-graph-ucdp-"));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

async function imported(csv: string, dryRun = false): Promise<Record<string, any>> {
  const response = await importUcdp(server, csv, { dryRun });
  expect(response.errors).toBeUndefined();
  return response.data!.importUcdp as Record<string, any>;
}

/** The test's copy of one fixture row, by its id in the shared file. */
const only = (s: string, ...ids: string[]) => {
  const records = ucdpRecords();
  const mine = ucdpTestRecords(s, records);
  return ids.map((id) => mine[records.findIndex((record) => record.id === id)]!);
};

const EVENT = `
  id title category type date datePrecision geoPrecision location { latitude longitude } identifiers { scheme value }
  places { name kind aliases location { latitude } ancestors { name kind } }
  participants { role actor { id name kind identifiers { scheme value } partOf { name } } }
  claims { id kind text estimate { low high qualifier } assertedBy { id } source { id title publisher { id name } text } evidence { quote } }
  evidence { quote source { id } }`;

describe("importUcdp", () => {
  it("maps the Maarat al-Numan market strike's row onto an event, its sides, its place chain, its source and its tolls", async () => {
    const s = uniqueSuffix();
    const [row] = only(s, "303399");
    const report = await imported(ucdpCsv([row!]));
    expect(report).toMatchObject({ rows: 1, updated: 0, warnings: [] });

    const { event } = await server.read(`query ($id: ID!) { event(id: $id) { ${EVENT} } }`, { id: `event:ucdp-${row!.id}` });
    expect(event).toMatchObject({
      title: `State-based violence in Maarat al-Numaan: Government of Syria - Syrian insurgents`,
      category: "STATE_BASED_VIOLENCE",
      // UCDP gives no ACLED type: none is stored, and the non-null field answers OTHER.
      type: "OTHER",
      date: "2019-07-22",
      datePrecision: "DAY",
      geoPrecision: "TOWN",
      location: { latitude: 35.648379, longitude: 36.676019 },
      identifiers: [{ scheme: "ucdp", value: row!.id }],
      places: [
        {
          name: "Maarat al-Numaan",
          kind: "TOWN",
          aliases: ["Maarat al-Numaan town"],
          location: { latitude: 35.648379 },
          ancestors: [
            { name: "Maarat al-Numaan", kind: "DISTRICT" },
            { name: "Idlib", kind: "PROVINCE" },
            { name: `Testland ${s}`, kind: "COUNTRY" },
          ],
        },
      ],
    });
    expect(event.participants).toEqual(
      expect.arrayContaining([
        {
          role: "PERPETRATOR",
          actor: {
            // `Government of Syria <s>` in this test's copy: the state `Syria <s>`.
            id: `actor:state~syria-${s}`,
            name: `Syria ${s}`,
            kind: "STATE",
            identifiers: [{ scheme: "ucdp-actor", value: row!.side_a_new_id }],
            partOf: [],
          },
        },
        {
          role: "TARGET",
          actor: expect.objectContaining({
            name: `Syrian insurgents ${s}`,
            kind: "ARMED_GROUP",
            identifiers: [{ scheme: "ucdp-actor", value: row!.side_b_new_id }],
          }),
        },
      ]),
    );
    const claims = new Map((event.claims as { id: string }[]).map((claim) => [claim.id, claim]));
    expect([...claims.keys()].sort()).toEqual([`claim:ucdp-${row!.id}-civilians`, `claim:ucdp-${row!.id}-fatalities`]);
    expect(claims.get(`claim:ucdp-${row!.id}-fatalities`)).toMatchObject({
      kind: "FATALITIES",
      text: expect.stringContaining("UCDP: low 25, best 38, high 42 killed"),
      estimate: { low: 25, high: 42, qualifier: "RANGE" },
      assertedBy: { id: "actor:ucdp" },
      source: {
        id: `source:ucdp-${row!.id}`,
        title: `UCDP GED event ${row!.id} (SOHR; Airwars)`,
        publisher: { id: "actor:ucdp", name: "UCDP" },
      },
      evidence: [{ quote: "low: 25" }, { quote: "best: 38" }, { quote: "high: 42" }],
    });
    expect(claims.get(`claim:ucdp-${row!.id}-civilians`)).toMatchObject({
      text: expect.stringContaining("all killed were civilians"),
      estimate: { low: 25, high: 42, qualifier: "RANGE" },
    });
    // The row, every column, is the source text; UCDP's citation among them.
    const source = (claims.get(`claim:ucdp-${row!.id}-fatalities`) as unknown as { source: { text: string } }).source.text;
    expect(source).toContain('source_article: "SOHR,2019-07-22,By the end of the 84th day');
    expect(source).toContain("source_office: SOHR;Airwars\n");
    expect(event.evidence).toContainEqual({ quote: "where_coordinates: Maarat al-Numaan town", source: { id: `source:ucdp-${row!.id}` } });
  });

  it("imports rows whose figures are out of order, with a warning at the row and column saying what was kept", async () => {
    const s = uniqueSuffix();
    const rows = only(s, "303600", "303601");
    const report = await imported(ucdpCsv(rows));
    expect(report.warnings).toEqual([
      { path: "rows.2.high", message: "low 2, best 2, high 1 break low <= best <= high: kept best 2 and the range 1 to 2" },
    ]);
    const { event } = await server.read(`query ($id: ID!) { event(id: $id) { claims { id estimate { low high qualifier } } } }`, {
      id: `event:ucdp-${rows[1]!.id}`,
    });
    expect(event.claims).toEqual(
      expect.arrayContaining([
        { id: `claim:ucdp-${rows[1]!.id}-fatalities`, estimate: { low: 1, high: 2, qualifier: "RANGE" } },
        // All of its best are side B's fighters: side B's claim has the row's range.
        { id: `claim:ucdp-${rows[1]!.id}-side-b`, estimate: { low: 1, high: 2, qualifier: "RANGE" } },
      ]),
    );
  });

  it("keeps date spans, places known only to a district, province or the country, coalitions and one-sided violence", async () => {
    const s = uniqueSuffix();
    const rows = only(s, "276102", "278560", "278595", "278579", "279229", "278691");
    await imported(ucdpCsv(rows));
    const read = async (row: (typeof rows)[number]) =>
      (
        await server.read(
          `query ($id: ID!) { event(id: $id) { date datePrecision geoPrecision category places { name kind } participants { role actor { id name kind partOf { id } } }
            claims { id estimate { low high qualifier } } } }`,
          { id: `event:ucdp-${row.id}` },
        )
      ).event as Record<string, any>;
    // 276102: 1 to 2 January 2019; 18 and 24 fighters of sides A and B and 4 civilians, of 46.
    const span = await read(rows[0]!);
    expect(span).toMatchObject({
      date: "2019-01-01",
      datePrecision: "DAY",
      category: "NON_STATE_VIOLENCE",
      places: [{ name: "Darat Izzah", kind: "TOWN" }],
    });
    expect(span.claims).toEqual(
      expect.arrayContaining([
        { id: `claim:ucdp-${rows[0]!.id}-fatalities`, estimate: { low: 46, high: 46, qualifier: "EXACT" } },
        { id: `claim:ucdp-${rows[0]!.id}-side-a`, estimate: { low: 18, high: 18, qualifier: "EXACT" } },
        { id: `claim:ucdp-${rows[0]!.id}-side-b`, estimate: { low: 24, high: 24, qualifier: "EXACT" } },
        { id: `claim:ucdp-${rows[0]!.id}-civilians`, estimate: { low: 4, high: 4, qualifier: "EXACT" } },
      ]),
    );
    expect((await read(rows[1]!)).places).toEqual([{ name: "Maarat al-Numaan", kind: "DISTRICT" }]);
    expect(await read(rows[2]!)).toMatchObject({ geoPrecision: "REGION", places: [{ name: "Idlib", kind: "PROVINCE" }] });
    expect((await read(rows[3]!)).places).toEqual([{ name: "Southern Idlib Governorate", kind: "ZONE" }]);
    const oneSided = await read(rows[4]!);
    expect(oneSided).toMatchObject({ category: "ONE_SIDED_VIOLENCE", places: [{ name: `Testland ${s}`, kind: "COUNTRY" }] });
    expect(
      oneSided.participants.map((p: { role: string; actor: { name: string; kind: string } }) => [p.role, p.actor.name, p.actor.kind]),
    ).toEqual([
      ["PERPETRATOR", `IS ${s}`, "ARMED_GROUP"],
      ["VICTIM", `Civilians (Testland ${s})`, "CIVILIANS"],
    ]);
    // 278691: the coalition `National Front for Liberation, SNA` against HTS; its members take part, PART_OF it.
    const coalition = await read(rows[5]!);
    const coalitionId = `actor:ucdp-national-front-for-liberation-${s}-sna-${s}`;
    expect(coalition.participants).toEqual(
      expect.arrayContaining([
        {
          role: "PERPETRATOR",
          actor: expect.objectContaining({ name: `National Front for Liberation ${s}`, partOf: [{ id: coalitionId }] }),
        },
        { role: "PERPETRATOR", actor: expect.objectContaining({ name: `SNA ${s}`, partOf: [{ id: coalitionId }] }) },
        { role: "TARGET", actor: expect.objectContaining({ name: `HTS ${s}` }) },
      ]),
    );
    const { actor } = await server.read(`query ($id: ID!) { actor(id: $id) { name kind identifiers { scheme value } members { name } } }`, {
      id: coalitionId,
    });
    expect(actor).toEqual({
      name: `National Front for Liberation ${s}, SNA ${s}`,
      kind: "ARMED_GROUP",
      identifiers: [{ scheme: "ucdp-actor", value: rows[5]!.side_a_new_id }],
      members: [{ name: `National Front for Liberation ${s}` }, { name: `SNA ${s}` }],
    });
  });

  it("is idempotent, and the 49-column layout of 20.1 imports the same graph as the 41 columns of 19.x", async () => {
    const s = uniqueSuffix();
    const rows = ucdpTestRecords(s);
    const first = await imported(ucdpCsv(rows));
    expect(first).toMatchObject({ rows: 30, updated: 0 });
    expect(first.warnings).toHaveLength(3);
    expect(await imported(ucdpCsv(rows))).toMatchObject({
      rows: 30,
      created: 0,
      updated: 0,
      unchanged: first.created + first.unchanged,
      touched: [],
    });
    // The same rows written as GED 20.1 writes them: only each row's source text changes, by the one added column
    // that holds something (code_status); every event, claim, actor and place, and all evidence, stays as it was.
    const later = await imported(ged20Csv(rows));
    expect(later).toMatchObject({ rows: 30, created: 0, updated: 30 });
    expect([...later.touched].sort()).toEqual(rows.map((row) => `source:ucdp-${row.id}`).sort());
    expect(await imported(ged20Csv(rows))).toMatchObject({ created: 0, updated: 0, touched: [] });
  });

  it("keeps UCDP's conflicts and dyads, so that one dyad's or one conflict's events can be listed", async () => {
    const s = uniqueSuffix();
    const rows = ucdpTestRecords(s);
    await imported(ucdpCsv(rows));
    const market = rows.find((row) => row.where_coordinates === "Maarat al-Numaan town" && row.date_start === "2019-07-22")!;
    const { event } = await server.read(`query ($id: ID!) { event(id: $id) { ucdpConflictId ucdpDyadId } }`, {
      id: `event:ucdp-${market.id}`,
    });
    expect(event).toEqual({ ucdpConflictId: market.conflict_new_id, ucdpDyadId: market.dyad_new_id });
    const count = async (filter: Record<string, string>) =>
      (await server.read(`query ($filter: EventFilter) { events(filter: $filter, first: 1) { totalCount } }`, { filter })).events
        .totalCount as number;
    const expected = (column: "dyad_new_id" | "conflict_new_id") => rows.filter((row) => row[column] === market[column]).length;
    expect(expected("dyad_new_id")).toBeGreaterThan(18);
    expect(await count({ ucdpDyadId: market.dyad_new_id! })).toBe(expected("dyad_new_id"));
    expect(await count({ ucdpConflictId: market.conflict_new_id! })).toBe(expected("conflict_new_id"));
    expect(await count({ ucdpDyadId: market.dyad_new_id!, from: "2019-07-22", to: "2019-07-22" })).toBe(5);
  });

  it("refuses a file with any bad row, naming each problem by row and column, and writes nothing", async () => {
    const s = uniqueSuffix();
    const [good, other] = only(s, "303399", "303400");
    const response = await importUcdp(
      server,
      ucdpCsv([good!, { ...other!, best: "many", date_start: "2019-07-32" }, { ...other!, id: good!.id!, where_prec: "0" }]),
    );
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      { path: "rows.2.date_start", message: "is not a day of the calendar" },
      { path: "rows.2.best", message: expect.stringContaining("whole number of deaths") },
      { path: "rows.3.where_prec", message: "must be 1 (the exact place) to 6 (the country)" },
    ]);
    expect((await server.read(`query ($id: ID!) { event(id: $id) { id } }`, { id: `event:ucdp-${good!.id}` })).event).toBeNull();
    const notUcdp = await importUcdp(server, "id,name\n1,x\n");
    expect(notUcdp.errors?.[0]?.extensions?.problems).toEqual([{ path: "header", message: expect.stringContaining("missing columns") }]);
  });

  it("is for editors only, and counts without writing on a dry run", async () => {
    const s = uniqueSuffix();
    const [row] = only(s, "303403");
    const anonymous = await importUcdp(server, ucdpCsv([row!]), { headers: {} });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const report = await imported(ucdpCsv([row!]), true);
    expect(report).toMatchObject({ dryRun: true, rows: 1, updated: 0 });
    expect((await server.read(`query ($id: ID!) { event(id: $id) { id } }`, { id: `event:ucdp-${row!.id}` })).event).toBeNull();
  });
});

describe("npm run import with a UCDP file", () => {
  it("recognises UCDP GED by its header, reads it gzip-compressed, and reports its warnings", async () => {
    const s = uniqueSuffix();
    const rows = only(s, "303399", "303601");
    const file = join(directory, `ged-${s}.csv.gz`);
    writeFileSync(file, gzipSync(ged20Csv(rows)));
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/import.ts", file], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: inject("neo4jUri"), LOG_LEVEL: "silent" },
      timeout: 120_000,
    });
    expect(stdout).toContain(`(ucdp)`);
    expect(stdout).toContain("2 rows");
    expect(stdout).toContain("1 warning:\n  rows.2.high: low 2, best 2, high 1");
    expect((await server.read(`query ($id: ID!) { event(id: $id) { id } }`, { id: `event:ucdp-${rows[0]!.id}` })).event).not.toBeNull();
  }, 120_000);
});
