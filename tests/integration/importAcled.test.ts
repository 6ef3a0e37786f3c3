/**
 * `importAcled` through HTTP, and `npm run import` through the command line. The rows belong to fictional countries
 * named with each test's suffix, so they neither touch the article's graph nor each other.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { acledCsv, acledRecord, generatedAcled } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { documentBundle, importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "conflict-graph-acled-"));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

async function imported(csv: string, dryRun = false): Promise<Record<string, any>> {
  const response = await importAcled(server, csv, { dryRun });
  expect(response.errors).toBeUndefined();
  return response.data!.importAcled as Record<string, any>;
}

describe("importAcled", () => {
  it("maps a row onto an event, its actors and roles, its place chain, a fatalities claim and the row as its source", async () => {
    const s = uniqueSuffix();
    const report = await imported(acledCsv([acledRecord(s, { time_precision: "2", geo_precision: "2" })]));
    // ACLED (the publisher, shared by every ACLED import), 3 actors and the state the military forces are part of
    // (Testland), country > admin1 > admin2 > location, source, event, claim.
    expect(report).toMatchObject({ rows: 1, updated: 0, resolved: [] });
    expect(report.created + report.unchanged).toBe(12);
    expect(report.created).toBeGreaterThanOrEqual(11);

    const data = await server.read(
      `query ($id: ID!) { event(id: $id) {
        id title category type date datePrecision summary location { latitude longitude } geoPrecision
        places { name kind ancestors { name kind } }
        participants { role actor { name kind } }
        fatalities { low high qualifier }
        claims { kind text estimate { low high qualifier } assertedBy { id } source { id title publisher { id } text } evidence { quote } }
        evidence { quote start end source { id } }
      } }`,
      { id: `event:acled-TST${s}1` },
    );
    const event = data.event;
    expect(event).toMatchObject({
      title: `Air/drone strike in Kafr Latah ${s}`,
      category: "EXPLOSIONS_REMOTE_VIOLENCE",
      type: "AIR_DRONE_STRIKE",
      date: "2021-03-12",
      datePrecision: "WEEK",
      summary: acledRecord(s).notes,
      location: { latitude: 35.8123, longitude: 36.6012 },
      geoPrecision: "NEAR_TOWN",
      places: [
        {
          name: `Kafr Latah ${s}`,
          kind: "TOWN",
          ancestors: [
            { name: `Ariha ${s}`, kind: "DISTRICT" },
            { name: `Idleb ${s}`, kind: "PROVINCE" },
            { name: `Testland ${s}`, kind: "COUNTRY" },
          ],
        },
      ],
      fatalities: { low: 2, high: null, qualifier: "AT_LEAST" },
    });
    expect(event.participants).toEqual(
      expect.arrayContaining([
        { role: "PERPETRATOR", actor: { name: `Military Forces of Testland ${s} (2000-)`, kind: "ARMED_FORCE" } },
        { role: "VICTIM", actor: { name: `Civilians (Testland ${s})`, kind: "CIVILIANS" } },
        { role: "VICTIM", actor: { name: `Farmers (Testland ${s})`, kind: "CIVILIANS" } },
      ]),
    );
    const [claim] = event.claims;
    expect(claim).toMatchObject({
      kind: "FATALITIES",
      estimate: { low: 2, high: null, qualifier: "AT_LEAST" },
      assertedBy: { id: "actor:acled" },
      source: { id: `source:acled-TST${s}1`, publisher: { id: "actor:acled" } },
      evidence: [{ quote: "fatalities: 2" }],
    });
    expect(claim.text).toContain("Syrian Observatory for Human Rights; Step News Agency");
    // The row, every column, is the source text; the notes are the event's evidence in it.
    expect(claim.source.text).toContain("geo_precision: 2\n");
    expect(claim.source.text).toContain("timestamp: 1616025600");
    const [evidence] = event.evidence;
    expect(claim.source.text.slice(evidence.start, evidence.end)).toBe(`notes: ${acledRecord(s).notes}`);

    const stored = await server.read(`query ($id: ID!) { place(id: $id) { location { latitude longitude } } }`, {
      id: `place:testland-${s}.idleb-${s}.ariha-${s}~kafr-latah-${s}`,
    });
    // geo_precision 2: the coordinates are the event's, not the town's.
    expect(stored.place.location).toBeNull();
  });

  it("is idempotent: the same file again creates and updates nothing; a changed row updates only what changed", async () => {
    const s = uniqueSuffix();
    const csv = acledCsv([acledRecord(s), acledRecord(s, { event_id_cnty: `TST${s}2`, fatalities: "0", notes: "" })]);
    const first = await imported(csv);
    expect(first.created + first.unchanged).toBe(15);
    expect(await imported(csv)).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 15, touched: [] });
    const changed = acledCsv([
      acledRecord(s, { fatalities: "3", timestamp: "1616112000" }),
      acledRecord(s, { event_id_cnty: `TST${s}2`, fatalities: "0", notes: "" }),
    ]);
    const report = await imported(changed);
    expect(report).toMatchObject({ created: 0, updated: 2 });
    expect(new Set(report.touched)).toEqual(new Set([`source:acled-TST${s}1`, `claim:acled-TST${s}1-fatalities`]));
    const data = await server.read(`query ($id: ID!) { event(id: $id) { fatalities { low qualifier } } }`, { id: `event:acled-TST${s}1` });
    expect(data.event.fatalities).toEqual({ low: 3, qualifier: "AT_LEAST" });
    const quiet = await server.read(`query ($id: ID!) { event(id: $id) { summary fatalities { low high qualifier } } }`, {
      id: `event:acled-TST${s}2`,
    });
    expect(quiet.event).toEqual({ summary: null, fatalities: { low: 0, high: 0, qualifier: "EXACT" } });
  });

  it("resolves its place chain against existing places, across transliterations", async () => {
    const s = uniqueSuffix();
    // A curated document first: a country, a province "Idlib <s>" and a city in it, with their own ids.
    const bundle = documentBundle(s);
    bundle.places = [
      { id: `place:w-${s}-country`, name: `Testland ${s}`, kind: "COUNTRY" },
      { id: `place:w-${s}-province`, name: `Idlib ${s}`, kind: "PROVINCE", parent: `place:w-${s}-country` },
      { id: `place:w-${s}-market`, name: `Saraqib ${s}`, kind: "CITY", parent: `place:w-${s}-province` },
    ];
    bundle.events[0]!.places = [`place:w-${s}-market`];
    expect((await importBundle(server, bundle)).errors).toBeUndefined();

    const csv = acledCsv([acledRecord(s, { admin1: `Idleb ${s}`, admin2: `Saraqeb District ${s}`, location: `Saraqeb ${s}` })]);
    const report = await imported(csv);
    expect(report.resolved.map((match: { matchedId: string }) => match.matchedId)).toEqual([
      `place:w-${s}-country`,
      `place:w-${s}-province`,
      `place:w-${s}-market`,
    ]);
    const data = await server.read(`query ($id: ID!) { event(id: $id) { places { id name aliases kind } } }`, {
      id: `event:acled-TST${s}1`,
    });
    expect(data.event.places).toEqual([{ id: `place:w-${s}-market`, name: `Saraqib ${s}`, aliases: [`Saraqeb ${s}`], kind: "CITY" }]);
    // The district is new, under the curated province; the city keeps its curated parent.
    const district = await server.read(
      `query ($id: ID!) { places(filter: { withinId: $id, kinds: [DISTRICT] }) { edges { node { name } } } }`,
      {
        id: `place:w-${s}-province`,
      },
    );
    expect(district.places.edges).toEqual([{ node: { name: `Saraqeb District ${s}` } }]);
    expect(await imported(csv)).toMatchObject({ created: 0, updated: 0 });
  });

  it("refuses a file with any bad row, naming each problem by row and column, and writes nothing", async () => {
    const s = uniqueSuffix();
    const csv = acledCsv([
      acledRecord(s),
      acledRecord(s, { event_id_cnty: `TST${s}2`, event_date: "2021-02-30", sub_event_type: "Picnic", inter1: "9" }),
      acledRecord(s, { event_id_cnty: `TST${s}1`, latitude: "north", fatalities: "dozens" }),
    ]);
    const response = await importAcled(server, csv);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      { path: "rows.2.event_date", message: expect.any(String) },
      { path: "rows.2.sub_event_type", message: expect.stringContaining("Picnic") },
      { path: "rows.2.inter1", message: expect.any(String) },
      { path: "rows.3.latitude", message: expect.any(String) },
      { path: "rows.3.fatalities", message: expect.any(String) },
    ]);
    expect((await server.read(`query ($id: ID!) { event(id: $id) { id } }`, { id: `event:acled-TST${s}1` })).event).toBeNull();

    const duplicate = await importAcled(server, acledCsv([acledRecord(s), acledRecord(s)]));
    expect(duplicate.errors?.[0]?.extensions?.problems).toEqual([
      { path: "rows.2.event_id_cnty", message: expect.stringContaining("repeats row 1") },
    ]);

    const notAcled = await importAcled(server, "id,name\n1,x\n");
    expect(notAcled.errors?.[0]?.extensions?.problems).toEqual([{ path: "header", message: expect.stringContaining("event_id_cnty") }]);

    const broken = await importAcled(server, `${acledCsv([acledRecord(s)])}"unterminated,quote\n`);
    // Numbered like every other problem: by data row (the second), not by the file's line (the third).
    expect(broken.errors?.[0]?.extensions?.problems).toEqual([{ path: "rows.2", message: expect.stringContaining("not valid CSV") }]);
  });

  it("with dryRun counts without writing", async () => {
    const s = uniqueSuffix();
    const report = await imported(acledCsv([acledRecord(s)]), true);
    expect(report).toMatchObject({ dryRun: true, rows: 1, updated: 0 });
    expect(report.created + report.unchanged).toBe(12);
    expect((await server.read(`query ($id: ID!) { event(id: $id) { id } }`, { id: `event:acled-TST${s}1` })).event).toBeNull();
  });

  it("stores hostile actor names and notes literally, under ids that stay ids", async () => {
    const s = uniqueSuffix();
    const actor = `"}) MATCH (n) DETACH DELETE n // \\ ${s} جيش`;
    const notes = `It's "quoted", back\\slashed, and {curly} ${s}; MERGE (x:Owned)`;
    const report = await imported(acledCsv([acledRecord(s, { actor1: actor, notes })]));
    expect(report.created).toBeGreaterThanOrEqual(10);
    const data = await server.read(
      `query ($id: ID!) { event(id: $id) { summary participants(role: PERPETRATOR) { actor { id name } } } }`,
      {
        id: `event:acled-TST${s}1`,
      },
    );
    expect(data.event.summary).toBe(notes);
    expect(data.event.participants[0].actor.name).toBe(actor);
    expect(data.event.participants[0].actor.id).toMatch(/^actor:acled-[a-z0-9-]+$/);
  });
});

const run = promisify(execFile);

/** `npm run import -- …` as a user runs it, against the test database. */
async function cli(script: "import" | "export", ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", `src/cli/${script}.ts`, ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: inject("neo4jUri"), LOG_LEVEL: "silent" },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run import", () => {
  it("imports an ACLED file and a bundle, chosen by content, and says what it did", async () => {
    const s = uniqueSuffix();
    const csvPath = join(directory, `acled-${s}.data`);
    writeFileSync(csvPath, generatedAcled(200, s));
    const first = await cli("import", csvPath);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\(acled\).*200 rows, [\d,]+ rows\/s; created [\d,]+, updated 0, unchanged [01]/);
    const again = await cli("import", csvPath);
    expect(again.stdout).toMatch(/created 0, updated 0, unchanged [\d,]+/);

    const bundlePath = join(directory, `bundle-${s}.txt`);
    writeFileSync(bundlePath, JSON.stringify(documentBundle(s)));
    const dry = await cli("import", bundlePath, "--dry-run");
    expect(dry.stdout).toContain("(bundle)");
    expect(dry.stdout).toContain("Dry run, nothing written: would create 7");
    expect((await server.read(`query ($id: ID!) { source(id: $id) { id } }`, { id: `source:w-${s}` })).source).toBeNull();
    expect((await cli("import", bundlePath)).stdout).toContain("created 7");
    expect((await server.read(`query ($id: ID!) { source(id: $id) { id } }`, { id: `source:w-${s}` })).source).toEqual({
      id: `source:w-${s}`,
    });
  });

  it("refuses a bad file with exit code 1 and lists the problems, writing nothing", async () => {
    const s = uniqueSuffix();
    const path = join(directory, `bad-${s}.json`);
    const bundle = documentBundle(s);
    bundle.claims[0]!.quotes = ["never said"];
    bundle.events[0]!.places = [`place:nowhere-${s}`];
    writeFileSync(path, JSON.stringify(bundle));
    const result = await cli("import", path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("claims.0.quotes.0: quote not found");
    expect(result.stderr).toContain(`events.0.places.0: unknown place "place:nowhere-${s}"`);
    expect((await server.read(`query ($id: ID!) { source(id: $id) { id } }`, { id: `source:w-${s}` })).source).toBeNull();

    const neither = join(directory, `neither-${s}.txt`);
    writeFileSync(neither, "just some words\n");
    expect((await cli("import", neither)).code).toBe(1);
    expect((await cli("import")).code).toBe(2);
  });
});
