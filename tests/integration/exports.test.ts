/**
 * The exports over HTTP (src/http/exports/): GET /export/events.csv|.geojson and incidents, against the real Neo4j,
 * with data of this file's own (a bundle with formula-like names and a negative longitude; UCDP's rows moved into a
 * country of the test's own). Headers, a strict CSV parse with types, formula injection, GeoJSON's [lon, lat] order at
 * Maarat al-Numan, a bad filter, the same authentication, budgets and admission as GraphQL reads, and a client that
 * goes away stopping the database work. The pandas recipe of docs/recipes.md runs when pandas is importable.
 */
import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Release } from "../../src/http/admission.js";
import { EXPORT_PAGE_SIZE } from "../../src/http/exports/exportRoutes.js";
import { generatedAcled } from "../helpers/acled.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { importUcdp, ucdpCsv, ucdpRecords, ucdpTestRecords } from "../helpers/ucdp.js";
import { asEditor, asReader, importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

const s = `ex${Date.now().toString(36)}`;
/** The fixture's rows, moved into a country of the test's own. */
const ucdp = ucdpTestRecords(Date.now().toString(16).slice(-5), ucdpRecords());
/** The conflict of the Maarat al-Numaan market strike (299, Syria: Government, offset into the test's own ids). */
const ucdpConflictId = ucdp.find((record) => record.where_coordinates === "Maarat al-Numaan town")!.conflict_new_id!;

/** A bundle whose names and titles begin like spreadsheet formulas, with a place west of Greenwich. */
function formulaBundle() {
  const text = `On 5 May 2021 shells hit the square of Puerto ${s}, killing 2 civilians and 1 fighter, witnesses said.`;
  return {
    source: { id: `source:${s}`, title: `=HYPERLINK("http://evil.example/${s}")`, publishedOn: "2021-05-06", text },
    actors: [{ id: `actor:${s}-gunners`, name: `@Gunners ${s}`, kind: "ARMED_GROUP" }],
    places: [
      { id: `place:${s}-country`, name: `Westland ${s}`, kind: "COUNTRY" },
      { id: `place:${s}-province`, name: `+Province ${s}`, kind: "PROVINCE", parent: `place:${s}-country` },
      {
        id: `place:${s}-town`,
        name: `-Puerto ${s}`,
        kind: "TOWN",
        parent: `place:${s}-province`,
        location: { latitude: -33.45, longitude: -70.66 },
      },
      { id: `place:${s}-square`, name: `Square of Puerto ${s}`, kind: "SITE", parent: `place:${s}-town` },
    ],
    events: [
      {
        id: `event:${s}-shelling`,
        title: `=1+2 shelling of Puerto ${s}`,
        category: "EXPLOSIONS_REMOTE_VIOLENCE",
        type: "SHELLING_ARTILLERY_MISSILE_ATTACK",
        date: "2021-05-05",
        datePrecision: "DAY",
        places: [`place:${s}-square`],
        participants: [{ actor: `actor:${s}-gunners`, role: "PERPETRATOR" }],
        quotes: [`shells hit the square of Puerto ${s}`],
      },
      {
        id: `event:${s}-clash`,
        title: `Clash, "quoted", near Puerto ${s}\nsecond line`,
        category: "BATTLES",
        type: "ARMED_CLASH",
        date: "2021-05-07",
        datePrecision: "WEEK",
        places: [`place:${s}-town`],
        location: { latitude: -33.5, longitude: -70.7 },
        geoPrecision: "NEAR_TOWN",
        participants: [{ actor: `actor:${s}-gunners`, role: "PERPETRATOR" }],
        quotes: [`witnesses said`],
      },
    ],
    claims: [
      {
        id: `claim:${s}-civilians`,
        kind: "FATALITIES",
        text: "Witnesses: 2 civilians killed.",
        event: `event:${s}-shelling`,
        victims: "CIVILIANS",
        estimate: { low: 2, high: 2, qualifier: "EXACT" },
        quotes: ["killing 2 civilians"],
      },
      {
        id: `claim:${s}-fighter`,
        kind: "FATALITIES",
        text: "Witnesses: 1 fighter killed.",
        event: `event:${s}-shelling`,
        victims: "COMBATANTS",
        estimate: { low: 1, high: 1, qualifier: "EXACT" },
        quotes: ["1 fighter"],
      },
    ],
  };
}

let server: TestServer;
const run = promisify(execFile);

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { response, text: await response.text() };
}

const filterQuery = (filter: unknown) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
const ownEvents = filterQuery({ placeId: `place:${s}-country` });

/** CSV parsed strictly: RFC 4180 quoting, every record as long as the header, CRLF only. */
function strictCsv(text: string): Record<string, string>[] {
  return parse<Record<string, string>>(text, {
    columns: true,
    record_delimiter: "\r\n",
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    bom: false,
  });
}

beforeAll(async () => {
  // A statement's budget of a minute: on a machine shared with other Neo4j instances, planning the export's first
  // statement alone took longer than the default 10 s.
  server = await startServer({ ...keyEnvironment, NEO4J_QUERY_TIMEOUT_MS: "60000" });
  expect((await importBundle(server, formulaBundle())).errors).toBeUndefined();
  expect((await importUcdp(server, ucdpCsv(ucdp))).errors).toBeUndefined();
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe("events.csv", () => {
  it("is RFC 4180 CSV in UTF-8 with a header, typed cells and formulas neutralised", async () => {
    const { response, text } = await download(`/export/events.csv?${ownEvents}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="events.csv"');
    // Every line ends in CRLF: no bare LF outside the one quoted title that holds a line break.
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "").split("\n")).toHaveLength(2);
    const rows = strictCsv(text);
    expect(rows.map((row) => row.id).sort()).toEqual([`event:${s}-clash`, `event:${s}-shelling`]);
    const shelling = rows.find((row) => row.id === `event:${s}-shelling`)!;
    const clash = rows.find((row) => row.id === `event:${s}-clash`)!;

    // Formula injection: text beginning with = + - @ is prefixed with ', numbers are not.
    expect(shelling.title).toBe(`'=1+2 shelling of Puerto ${s}`);
    expect(shelling.perpetrators).toBe(`'@Gunners ${s}`);
    expect(shelling.province).toBe(`'+Province ${s}`);
    expect(shelling.source_titles).toBe(`'=HYPERLINK("http://evil.example/${s}")`);
    expect(clash.place).toBe(`'-Puerto ${s}`);
    expect(clash.title).toBe(`Clash, "quoted", near Puerto ${s}\nsecond line`);

    // Coordinates: the clash's own point (NEAR_TOWN); the shelling's square has none, so the town's, as numbers.
    expect([clash.latitude, clash.longitude, clash.location_from, clash.location_precision]).toEqual([
      "-33.5",
      "-70.7",
      "EVENT",
      "NEAR_TOWN",
    ]);
    expect([
      shelling.latitude,
      shelling.longitude,
      shelling.location_from,
      shelling.location_precision,
      shelling.location_place_id,
    ]).toEqual(["-33.45", "-70.66", "PLACE", "TOWN", `place:${s}-town`]);
    expect([shelling.place, shelling.country, shelling.date, shelling.date_precision, clash.date_precision]).toEqual([
      `Square of Puerto ${s}`,
      `Westland ${s}`,
      "2021-05-05",
      "DAY",
      "WEEK",
    ]);
    // Tolls per victim group, with low / best / high, as numbers.
    expect([shelling.deaths_civilians_low, shelling.deaths_civilians_high, shelling.deaths_combatants_low]).toEqual(["2", "2", "1"]);
    expect(shelling.fatalities_low).toMatch(/^\d+$/);
    expect(shelling.source_ids).toBe(`source:${s}`);
    expect(shelling.perpetrator_ids).toBe(`actor:${s}-gunners`);
    expect(shelling.responsibility_contested).toBe("false");
  });

  it("carries UCDP's identifiers, conflict and dyad, and filters as `events` does", async () => {
    const { text } = await download(`/export/events.csv?${filterQuery({ ucdpConflictId })}`);
    const rows = strictCsv(text);
    const graph = await server.read(
      `query ($filter: EventFilter) { events(filter: $filter, first: 100) { totalCount edges { node { id } } } }`,
      {
        filter: { ucdpConflictId },
      },
    );
    expect(rows.map((row) => row.id).sort()).toEqual(graph.events.edges.map((edge: { node: { id: string } }) => edge.node.id).sort());
    expect(rows).toHaveLength(ucdp.filter((record) => record.conflict_new_id === ucdpConflictId).length);
    for (const row of rows) {
      expect(row.ucdp_id).toBe(row.id!.replace("event:ucdp-", ""));
      expect(row.ucdp_conflict_id).toBe(ucdpConflictId);
      expect(row.ucdp_dyad_id).not.toBe("");
      expect(row.source_ids).toContain(`source:ucdp-${row.ucdp_id}`);
      // Oldest first.
    }
    expect(rows.map((row) => row.date)).toEqual(rows.map((row) => row.date).sort());
  });

  it("opens in pandas with the right types (the recipe of docs/recipes.md), when pandas is installed", async () => {
    if (spawnSync("python3", ["-c", "import pandas"]).status !== 0) {
      // Without pandas the strict parse above is the check; say so in the output rather than pass silently.
      console.warn("pandas is not importable: the pandas recipe was not run");
      return;
    }
    const script = `
import json, sys
import pandas as pd
events = pd.read_csv(sys.argv[1], parse_dates=["date", "end_date"])
print(json.dumps({
  "rows": len(events),
  "dtypes": {c: str(t) for c, t in events.dtypes.items()},
  "title": events.loc[events["id"] == sys.argv[2], "title"].iloc[0],
  "civilians": float(events.loc[events["id"] == sys.argv[2], "deaths_civilians_low"].iloc[0]),
}))`;
    // Asynchronously: the server answering Python runs in this process.
    const { stdout: output } = await run("python3", ["-c", script, `${server.url}/export/events.csv?${ownEvents}`, `event:${s}-shelling`], {
      encoding: "utf8",
    });
    const result = JSON.parse(output) as { rows: number; dtypes: Record<string, string>; title: string; civilians: number };
    expect(result.rows).toBe(2);
    expect(result.dtypes.date).toMatch(/^datetime64/);
    expect(result.dtypes.latitude).toBe("float64");
    expect(result.dtypes.longitude).toBe("float64");
    expect(result.dtypes.deaths_civilians_low).toMatch(/^(int64|float64)$/);
    expect(result.dtypes.responsibility_contested).toBe("bool");
    expect(result.title).toBe(`'=1+2 shelling of Puerto ${s}`);
    expect(result.civilians).toBe(2);

    // The recipe itself, as docs/recipes.md gives it, against this server (the article's events in Idlib).
    const recipes = readFileSync(new URL("../../docs/recipes.md", import.meta.url), "utf8");
    const section = recipes.slice(recipes.indexOf("## Download the events as CSV or GeoJSON"));
    const recipe = /```python\n([\s\S]*?)```/.exec(section)![1]!.replace('BASE = "http://localhost:4000"', `BASE = "${server.url}"`);
    const { stdout: printed } = await run("python3", ["-c", recipe], { encoding: "utf8" });
    expect(printed).toMatch(/^date\s+datetime64/m);
    expect(printed).toMatch(/^latitude\s+float64/m);
    expect(printed).toMatch(/^fatalities_low\s+(int64|float64)/m);
    expect(printed).toContain("event:2019-07-22-maarat-al-numan-market-airstrike");
  }, 180_000);
});

describe("events.geojson", () => {
  it("is an RFC 7946 FeatureCollection with [longitude, latitude]: Maarat al-Numan lies at 36.6 E, 35.6 N", async () => {
    const { response, text } = await download(`/export/events.geojson?${filterQuery({ ucdpConflictId })}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    const collection = JSON.parse(text) as {
      type: string;
      features: {
        type: string;
        id: string;
        geometry: { type: string; coordinates: [number, number] } | null;
        properties: Record<string, unknown>;
      }[];
    };
    expect(collection.type).toBe("FeatureCollection");
    const town = ucdp.filter(
      (record) => record.conflict_new_id === ucdpConflictId && /Maarat al-Numaan town/.test(record.where_coordinates!),
    );
    expect(town.length).toBeGreaterThan(0);
    for (const record of town) {
      const feature = collection.features.find((candidate) => candidate.id === `event:ucdp-${record.id}`)!;
      expect(feature.type).toBe("Feature");
      expect(feature.geometry!.type).toBe("Point");
      const [longitude, latitude] = feature.geometry!.coordinates;
      // Maarat al-Numan: about 35.64 N, 36.67 E.
      expect(longitude).toBeCloseTo(36.67, 1);
      expect(latitude).toBeCloseTo(35.64, 1);
      expect(feature.properties.id).toBe(feature.id);
      expect(feature.properties.ucdp_id).toBe(record.id);
    }
  });

  it("gives a feature without any located place a null geometry", async () => {
    const lone = `event:${s}-nowhere`;
    const bundle = {
      source: { id: `source:${s}-nowhere`, title: `Nowhere ${s}`, text: `A clash happened somewhere ${s}.` },
      places: [{ id: `place:${s}-nowhere`, name: `Nowhere ${s}`, kind: "ZONE" }],
      events: [
        {
          id: lone,
          title: `Clash somewhere ${s}`,
          category: "BATTLES",
          type: "ARMED_CLASH",
          date: "2021-06-01",
          datePrecision: "MONTH",
          places: [`place:${s}-nowhere`],
          quotes: [`A clash happened somewhere ${s}.`],
        },
      ],
    };
    expect((await importBundle(server, bundle)).errors).toBeUndefined();
    const { text } = await download(`/export/events.geojson?${filterQuery({ placeId: `place:${s}-nowhere` })}`);
    const collection = JSON.parse(text) as { features: { id: string; geometry: unknown }[] };
    expect(collection.features).toEqual([expect.objectContaining({ id: lone, geometry: null })]);
  });
});

describe("incidents", () => {
  it("lists each incident once with its reports, tolls and a point", async () => {
    const { response, text } = await download(`/export/incidents.csv?${ownEvents}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = strictCsv(text);
    const graph = await server.read(
      `query ($filter: EventFilter) { incidents(filter: $filter, first: 100) { edges { node { id reports { id } } } } }`,
      { filter: { placeId: `place:${s}-country` } },
    );
    const expected = graph.incidents.edges.map((edge: { node: { id: string; reports: { id: string }[] } }) => edge.node);
    expect(rows.map((row) => row.id).sort()).toEqual(expected.map((incident: { id: string }) => incident.id).sort());
    for (const incident of expected as { id: string; reports: { id: string }[] }[]) {
      const row = rows.find((candidate) => candidate.id === incident.id)!;
      expect(row.reports_count).toBe(String(incident.reports.length));
      expect(row.report_ids!.split("; ").sort()).toEqual(incident.reports.map((report) => report.id).sort());
    }
    const shelling = rows.find((row) => row.report_ids!.includes(`event:${s}-shelling`))!;
    expect([shelling.deaths_civilians_low, shelling.latitude, shelling.longitude]).toEqual(["2", "-33.45", "-70.66"]);

    const geo = JSON.parse((await download(`/export/incidents.geojson?${ownEvents}`)).text) as {
      features: { id: string; geometry: { coordinates: number[] } | null }[];
    };
    expect(geo.features.find((feature) => feature.id === shelling.id)?.geometry?.coordinates).toEqual([-70.66, -33.45]);
  });
});

describe("refusals", () => {
  it("answers a bad filter 400 in the GraphQL error shape, with a code and the argument, before any Cypher", async () => {
    const cases: [string, string | undefined][] = [
      [filterQuery({ from: "2019-02-30" }), "filter.from"],
      [filterQuery({ placeId: "actor:russia" }), "filter.placeId"],
      [filterQuery({ categories: ["NOT_A_CATEGORY"] }), "filter.categories[0]"],
      [filterQuery({ from: "2020-01-02", to: "2020-01-01" }), "filter.from"],
      [filterQuery({ unknownField: 1 }), "filter"],
      ["filter=%7Bnot%20json", "filter"],
      ["filter=%7B%7D&filter=%7B%7D", "filter"],
    ];
    for (const [query, argument] of cases) {
      const before = await server.queriesSent();
      const { response, text } = await download(`/export/events.csv?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string; argument?: string } }[] };
      expect(body.errors[0]!.extensions.code, query).toBe("BAD_USER_INPUT");
      expect(body.errors[0]!.extensions.argument, query).toBe(argument);
      expect(body.errors[0]!.message).not.toMatch(/MATCH|at .*\.ts/);
      expect(await server.queriesSent()).toBe(before);
    }
  });

  it("refuses credentials that are not valid, as /graphql does", async () => {
    const bad = { authorization: "Bearer not-a-key-0123456789abcdef" };
    const exported = await download(`/export/events.csv`, bad);
    const graphql = await server.graphql(`{ viewer { role } }`, {}, bad);
    expect(exported.response.status).toBe(401);
    expect(graphql.status).toBe(401);
    expect(JSON.parse(exported.text)).toEqual({ errors: graphql.errors });
    expect((await download(`/export/events.csv?${ownEvents}`, asReader)).response.status).toBe(200);
    expect((await download(`/export/events.csv?${ownEvents}`, asEditor)).response.status).toBe(200);
  });

  it("counts exports in the same request budget as GraphQL reads", async () => {
    const limited = await startServer({ ...keyEnvironment, RATE_LIMIT_READER: "3" });
    try {
      const statuses = [
        (await limited.graphql(`{ viewer { role } }`, {}, asReader)).status,
        (await fetch(`${limited.url}/export/events.csv?${ownEvents}`, { headers: asReader })).status,
        (await limited.graphql(`{ viewer { role } }`, {}, asReader)).status,
      ];
      expect(statuses).toEqual([200, 200, 200]);
      const over = await fetch(`${limited.url}/export/events.geojson?${ownEvents}`, { headers: asReader });
      expect(over.status).toBe(429);
      expect(over.headers.get("retry-after")).not.toBeNull();
      expect(((await over.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("RATE_LIMITED");
      expect((await limited.graphql(`{ viewer { role } }`, {}, asReader)).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("takes a heavy slot of admission control: refused 503 with Retry-After when others hold them all", async () => {
    const busy = await startServer({ ...keyEnvironment, NEO4J_MAX_POOL_SIZE: "8", ADMISSION_WAIT_MS: "200" });
    try {
      const { slots } = busy.app.admission.limits;
      const held: Release[] = await Promise.all(Array.from({ length: slots }, (_, i) => busy.app.admission.acquire(`test:${s}-${i}`, 1)));
      const before = await busy.queriesSent();
      const refused = await fetch(`${busy.url}/export/events.csv?${ownEvents}`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).not.toBeNull();
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
        "SERVICE_UNAVAILABLE",
      );
      expect(await busy.queriesSent()).toBe(before);
      held.forEach((release) => release());
      expect((await fetch(`${busy.url}/export/events.csv?${ownEvents}`)).status).toBe(200);
      expect(busy.app.admission.load).toEqual({ running: 0, queued: 0 });
    } finally {
      await busy.close();
    }
  });
});

describe("a client that goes away", () => {
  const pagesRead = async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return text
      .split("\n")
      .filter((line) => line.startsWith('neo4j_queries_total{query="eventsPage"'))
      .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
  };
  const inProgress = async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const line = text.split("\n").find((candidate) => candidate.startsWith('exports_in_progress{export="events"}'));
    return Number(line?.split(" ").at(-1) ?? 0);
  };

  it("stops the database work: the export ends, its slot is given back, no further page is read", async () => {
    // 2,000 events of a country of their own: 10 pages (EXPORT_PAGE_SIZE), a few megabytes of CSV.
    const rows = 2_000;
    expect((await importAcled(server, generatedAcled(rows, s.toUpperCase()))).errors).toBeUndefined();
    const before = await pagesRead();
    await new Promise<void>((resolve, reject) => {
      const request = http.get(`${server.url}/export/events.csv`, (response) => {
        expect(response.statusCode).toBe(200);
        // Read the first chunk, then stop reading and hang up.
        response.once("data", () => {
          request.destroy();
          resolve();
        });
      });
      request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
    });
    // waitFor-style: the export ends once the server has noticed.
    await expect.poll(inProgress, { timeout: 30_000, interval: 100 }).toBe(0);
    const read = (await pagesRead()) - before;
    expect(read).toBeGreaterThanOrEqual(1);
    expect(read).toBeLessThan(Math.ceil(rows / EXPORT_PAGE_SIZE));
    expect(server.app.admission.load).toEqual({ running: 0, queued: 0 });
    // Nothing more is read afterwards.
    const after = await pagesRead();
    await fetch(`${server.url}/health`);
    expect(await pagesRead()).toBe(after);
  }, 300_000);
});
