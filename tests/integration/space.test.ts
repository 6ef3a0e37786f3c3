/**
 * Where: `EventFilter.near` and `within` on events, incidents and eventStats, `Event.location` falling back up the
 * place hierarchy, the precision rule (REGION locations only when asked for), bad input refused before any database
 * work, and the statements' plans seeking the point index. Each test places its own events around a point of its own
 * on the globe (from its suffix), so that no other test's data, nor the article's, lies in its circles and boxes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Params } from "../../src/db/executor.js";
import type { PageRequest } from "../../src/model/pagination.js";
import { EventRepository, type EventConditions } from "../../src/repositories/eventRepository.js";
import { IncidentRepository } from "../../src/repositories/incidentRepository.js";
import { ResearchRepository } from "../../src/repositories/researchRepository.js";
import { openTestDatabase } from "../helpers/database.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { importUcdp, ucdpCsv, ucdpRecord, ucdpTestRecords } from "../helpers/ucdp.js";
import { asEditor, importBundle, keyEnvironment } from "../helpers/writing.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(keyEnvironment);
});
afterAll(async () => {
  await server.close();
});

/** A point of the test's own: latitude -50..50, longitude -170..170, from the suffix's hex digits. */
function baseOf(s: string): { latitude: number; longitude: number } {
  const digits = parseInt(s.slice(0, 8), 16);
  return { latitude: -50 + (digits % 10_000) / 100, longitude: -170 + (Math.floor(digits / 10_000) % 34_000) / 100 };
}

/** Degrees of latitude for `km` kilometres (a degree of latitude is about 111.2 km). */
const north = (km: number) => km / 111.2;

/**
 * Around the base point: a town with a point, a market in it without one, a province whose centroid is 3 km north of
 * the town, and a province without a point. Events: one with its own precise point 1 km from the town, one at the
 * market (located at the town), one with its own REGION point at the province centroid, one at the province only
 * (located at its centroid, REGION), one 50 km away, one nowhere. Dates a month apart, so that each is an incident
 * of its own.
 */
function spaceBundle(s: string) {
  const base = baseOf(s);
  const at = (km: number) => ({ latitude: base.latitude + north(km), longitude: base.longitude });
  const place = (key: string, name: string, kind: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: `place:sp-${s}-${key}`,
    name: `${name} ${s}`,
    kind,
    ...extra,
  });
  const event = (key: string, month: number, placeKey: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: `event:sp-${s}-${key}`,
    title: `Strike ${key} ${s}`,
    category: "EXPLOSIONS_REMOTE_VIOLENCE",
    type: "AIR_DRONE_STRIKE",
    date: `2021-${String(month).padStart(2, "0")}-10`,
    datePrecision: "DAY",
    places: [`place:sp-${s}-${placeKey}`],
    quotes: [`strike ${key}`],
    ...extra,
  });
  return {
    source: {
      id: `source:sp-${s}`,
      title: `Space report ${s}`,
      publishedOn: "2021-12-31",
      text: ["precise", "market", "centroid", "province", "far", "nowhere"].map((key) => `The strike ${key} happened.`).join(" "),
    },
    places: [
      place("province", "Spaceland Province", "PROVINCE", { location: at(3) }),
      place("town", "Spacetown", "TOWN", { parent: `place:sp-${s}-province`, location: at(0) }),
      place("market", "Spacetown market", "SITE", { parent: `place:sp-${s}-town` }),
      place("void", "Voidland Province", "PROVINCE"),
    ],
    events: [
      event("precise", 1, "town", { location: at(1), geoPrecision: "TOWN" }),
      event("market", 2, "market"),
      event("centroid", 3, "province", { location: at(3), geoPrecision: "REGION" }),
      event("province", 4, "province"),
      event("far", 5, "town", { location: at(50), geoPrecision: "TOWN" }),
      event("nowhere", 6, "void"),
    ],
  };
}

async function imported(s: string, bundle: unknown = spaceBundle(s)): Promise<void> {
  const response = await importBundle(server, bundle);
  expect(response.errors).toBeUndefined();
}

const idsOf = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id).sort();
const named = (s: string, ...keys: string[]) => keys.map((key) => `event:sp-${s}-${key}`).sort();

async function eventsIn(filter: Record<string, unknown>): Promise<string[]> {
  const { events } = await server.read(`query ($filter: EventFilter) { events(filter: $filter, first: 100) { edges { node { id } } } }`, {
    filter,
  });
  return idsOf(events);
}

describe("Event.location", () => {
  it("is the event's own point, else the nearest located place's up the hierarchy, with its precision and place", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const base = baseOf(s);
    const data = await server.read(
      `{ ${named(s, "precise", "market", "province", "nowhere")
        .map(
          (id, i) => `e${i}: event(id: "${id}") { id location { latitude longitude } geoPrecision locationPrecision locationPlace { id } }`,
        )
        .join(" ")} }`,
    );
    const events = Object.values(data) as { id: string }[];
    const byId = new Map(events.map((event) => [event.id, event]));
    expect(byId.get(`event:sp-${s}-market`)).toEqual({
      id: `event:sp-${s}-market`,
      location: base,
      geoPrecision: null,
      locationPrecision: "TOWN",
      locationPlace: { id: `place:sp-${s}-town` },
    });
    expect(byId.get(`event:sp-${s}-precise`)).toMatchObject({
      location: { latitude: base.latitude + north(1), longitude: base.longitude },
      geoPrecision: "TOWN",
      locationPrecision: "TOWN",
      locationPlace: null,
    });
    expect(byId.get(`event:sp-${s}-province`)).toMatchObject({
      location: { latitude: base.latitude + north(3), longitude: base.longitude },
      locationPrecision: "REGION",
      locationPlace: { id: `place:sp-${s}-province` },
    });
    expect(byId.get(`event:sp-${s}-nowhere`)).toMatchObject({ location: null, locationPrecision: null, locationPlace: null });
  });

  it("follows its place when the place moves (the write path derives it again)", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const base = baseOf(s);
    const near = { latitude: base.latitude, longitude: base.longitude, km: 5 };
    expect(await eventsIn({ near })).toEqual(named(s, "market", "precise"));

    // The town moves 100 km north: the market's event goes with it; the precise one keeps its own point.
    const bundle = spaceBundle(s);
    const moved = { latitude: base.latitude + north(100), longitude: base.longitude };
    bundle.places[1] = { ...bundle.places[1]!, location: moved };
    await imported(s, bundle);
    expect(await eventsIn({ near })).toEqual(named(s, "precise"));
    expect(await eventsIn({ near: { ...moved, km: 1 } })).toEqual(named(s, "market"));
  });

  it("follows a merge of places: events of the place merged away are located at the kept place", async () => {
    const s = uniqueSuffix();
    const bundle = spaceBundle(s);
    // A second node for the market's town (another name, no point), holding an event; merged into the town.
    bundle.places.push({ id: `place:sp-${s}-spelling`, name: `Ainville ${s}`, kind: "TOWN", parent: `place:sp-${s}-province` });
    bundle.events.push({ ...bundle.events[1]!, id: `event:sp-${s}-spelled`, date: "2021-07-10", places: [`place:sp-${s}-spelling`] });
    await imported(s, bundle);
    const base = baseOf(s);
    const located = async (): Promise<unknown> => {
      const { event } = await server.read(`query ($id: ID!) { event(id: $id) { locationPrecision locationPlace { id } } }`, {
        id: `event:sp-${s}-spelled`,
      });
      return event;
    };
    expect(await located()).toEqual({ locationPrecision: "REGION", locationPlace: { id: `place:sp-${s}-province` } });
    const merged = await server.graphql(
      `mutation ($from: ID!, $into: ID!) { mergeNodes(from: $from, into: $into) { updated } }`,
      { from: `place:sp-${s}-spelling`, into: `place:sp-${s}-town` },
      asEditor,
    );
    expect(merged.errors).toBeUndefined();
    expect(await located()).toEqual({ locationPrecision: "TOWN", locationPlace: { id: `place:sp-${s}-town` } });
    expect(await eventsIn({ near: { ...base, km: 1 } })).toEqual(named(s, "market", "spelled"));
  });
});

describe("near and within", () => {
  it("select events by distance and by box, leaving REGION locations out unless includeImprecise", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const base = baseOf(s);
    const near = { ...base, km: 10 };
    expect(await eventsIn({ near })).toEqual(named(s, "market", "precise"));
    expect(await eventsIn({ near: { ...near, includeImprecise: true } })).toEqual(named(s, "centroid", "market", "precise", "province"));
    // 2.5 km: the province centroid (3 km) is outside even when imprecise locations count.
    expect(await eventsIn({ near: { ...near, km: 2.5, includeImprecise: true } })).toEqual(named(s, "market", "precise"));
    const box = { south: base.latitude - 0.05, north: base.latitude + 0.05, west: base.longitude - 0.05, east: base.longitude + 0.05 };
    expect(await eventsIn({ within: box })).toEqual(named(s, "market", "precise"));
    expect(await eventsIn({ within: { ...box, includeImprecise: true } })).toEqual(named(s, "centroid", "market", "precise", "province"));
    // A box to the south of the base holds none of them; near and within together must both hold.
    expect(await eventsIn({ within: { ...box, north: base.latitude - 0.01 } })).toEqual([]);
    expect(await eventsIn({ near, within: { ...box, south: base.latitude + north(0.5) } })).toEqual(named(s, "precise"));
    // With the other filters: the date.
    expect(await eventsIn({ near, from: "2021-02-01" })).toEqual(named(s, "market"));
  });

  it("take a box across the antimeridian (west east of east)", async () => {
    const s = uniqueSuffix();
    const lat = -20 + (parseInt(s.slice(0, 4), 16) % 1000) / 100;
    const bundle = {
      source: {
        id: `source:sp-${s}`,
        title: `Pacific report ${s}`,
        publishedOn: "2021-12-31",
        text: "West of the line. East of the line.",
      },
      places: [{ id: `place:sp-${s}-ocean`, name: `Ocean ${s}`, kind: "ZONE" }],
      events: [
        ["west", 179.95, "West of the line."],
        ["east", -179.95, "East of the line."],
        ["away", 170, "West of the line."],
      ].map(([key, longitude, quote], i) => ({
        id: `event:sp-${s}-${key}`,
        title: `Strike ${key} ${s}`,
        category: "EXPLOSIONS_REMOTE_VIOLENCE",
        type: "AIR_DRONE_STRIKE",
        date: `2021-0${i + 1}-10`,
        datePrecision: "DAY",
        places: [`place:sp-${s}-ocean`],
        location: { latitude: lat, longitude },
        geoPrecision: "TOWN",
        quotes: [quote],
      })),
    };
    await imported(s, bundle);
    expect(await eventsIn({ within: { south: lat - 0.1, north: lat + 0.1, west: 179.9, east: -179.9 } })).toEqual(named(s, "east", "west"));
    expect(await eventsIn({ near: { latitude: lat, longitude: 180, km: 10 } })).toEqual(named(s, "east", "west"));
  });

  it("serve incidents and eventStats the same way", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const near = { ...baseOf(s), km: 10 };
    const incidents = async (filter: Record<string, unknown>) => {
      const { incidents } = await server.read(
        `query ($filter: EventFilter) { incidents(filter: $filter, first: 100) { totalCount edges { node { reports { id } } } } }`,
        { filter },
      );
      return {
        total: incidents.totalCount as number,
        reports: (incidents.edges as { node: { reports: { id: string }[] } }[])
          .flatMap((edge) => edge.node.reports.map((r) => r.id))
          .sort(),
      };
    };
    expect(await incidents({ near })).toEqual({ total: 2, reports: named(s, "market", "precise") });
    expect(await incidents({ near: { ...near, includeImprecise: true } })).toEqual({
      total: 4,
      reports: named(s, "centroid", "market", "precise", "province"),
    });
    const stats = async (filter: Record<string, unknown>) => {
      const { eventStats } = await server.read(
        `query ($filter: EventFilter) { eventStats(groupBy: PLACE, filter: $filter) { key events reports } }`,
        { filter },
      );
      return (eventStats as { key: string; events: number }[]).map((bucket) => [bucket.key, bucket.events]).sort();
    };
    expect(await stats({ near })).toEqual([
      [`place:sp-${s}-market`, 1],
      [`place:sp-${s}-town`, 1],
    ]);
    expect(await stats({ near: { ...near, includeImprecise: true } })).toEqual([
      [`place:sp-${s}-market`, 1],
      [`place:sp-${s}-province`, 2],
      [`place:sp-${s}-town`, 1],
    ]);
  });

  it("answer Actor.events and Place.events too (the shared filter)", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const { place } = await server.read(
      `query ($id: ID!, $filter: EventFilter) { place(id: $id) { events(filter: $filter, includeSubPlaces: true, first: 100) { edges { node { id } } } } }`,
      { id: `place:sp-${s}-province`, filter: { near: { ...baseOf(s), km: 10 } } },
    );
    expect(idsOf(place.events)).toEqual(named(s, "market", "precise"));
  });
});

describe("bad areas", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["latitude above 90", { near: { latitude: 90.5, longitude: 0, km: 1 } }, "filter.near.latitude"],
    ["latitude below -90", { near: { latitude: -91, longitude: 0, km: 1 } }, "filter.near.latitude"],
    ["longitude above 180", { near: { latitude: 0, longitude: 180.01, km: 1 } }, "filter.near.longitude"],
    ["a negative radius", { near: { latitude: 0, longitude: 0, km: -1 } }, "filter.near.km"],
    ["a zero radius", { near: { latitude: 0, longitude: 0, km: 0 } }, "filter.near.km"],
    ["a radius over 2,000 km", { near: { latitude: 0, longitude: 0, km: 2000.5 } }, "filter.near.km"],
    ["a box whose south is north of its north", { within: { south: 36, north: 35, west: 36, east: 37 } }, "filter.within.south"],
    ["a box edge off the globe", { within: { south: 35, north: 36, west: -181, east: 37 } }, "filter.within.west"],
  ];
  for (const field of ["events", "incidents", "eventStats"]) {
    it.each(cases)(`${field}: %s is BAD_USER_INPUT naming the argument, with no Cypher sent`, async (_, filter, argument) => {
      const query =
        field === "eventStats"
          ? `query ($filter: EventFilter) { eventStats(groupBy: MONTH, filter: $filter) { key } }`
          : `query ($filter: EventFilter) { ${field}(filter: $filter) { totalCount } }`;
      const before = await server.queriesSent();
      const response = await server.graphql(query, { filter });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
      expect(response.errors?.[0]?.message).not.toMatch(/point\.|MATCH|at .*\.ts/);
      expect((await server.queriesSent()) - before).toBe(0);
    });
  }

  it("refuses Infinity written as a literal (JSON cannot carry NaN or Infinity; GraphQL's Float refuses them in variables)", async () => {
    const before = await server.queriesSent();
    const literal = await server.graphql(`{ events(filter: {near: {latitude: 1e400, longitude: 0, km: 1}}) { totalCount } }`);
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.near.latitude" });
    const radius = await server.graphql(`{ events(filter: {near: {latitude: 0, longitude: 0, km: 1e400}}) { totalCount } }`);
    expect(radius.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.near.km" });
    expect((await server.queriesSent()) - before).toBe(0);
  });
});

describe("the plans", () => {
  /** The statements the repositories build for a filter, captured instead of run. */
  async function statementsFor(filter: EventConditions): Promise<{ cypher: string; params: Params }[]> {
    const captured: { cypher: string; params: Params }[] = [];
    const capturing = {
      read: (cypher: string, params: Params = {}) => {
        captured.push({ cypher, params });
        return Promise.resolve([]);
      },
    } as unknown as ConstructorParameters<typeof EventRepository>[0];
    const request: PageRequest = { size: 20, direction: "forward", cursor: null, parts: { total: true, items: true } };
    await new EventRepository(capturing).pages({ anchor: { kind: "all" }, filter, order: "DATE_DESC", request }, []);
    await new IncidentRepository(capturing).page(filter, request);
    for (const dimension of ["MONTH", "PERPETRATOR"] as const) await new ResearchRepository(capturing).eventStats(dimension, filter);
    return captured;
  }

  it("seek the point index for near and within on events, incidents and eventStats, and scan no label", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const base = baseOf(s);
    const database = openTestDatabase(inject("neo4jUri"));
    try {
      for (const filter of [
        { near: { ...base, km: 10 }, from: "2021-01-01", to: "2021-12-31" },
        { within: { south: base.latitude - 0.1, north: base.latitude + 0.1, west: base.longitude - 0.1, east: base.longitude + 0.1 } },
      ]) {
        const statements = await statementsFor(filter);
        expect(statements.map(({ cypher }) => cypher.split("\n")[0])).toEqual([
          "// eventsInAreaPage",
          "// incidentsInAreaPage",
          "// eventStatsMONTH",
          "// eventStatsPERPETRATOR",
        ]);
        for (const { cypher, params } of statements) {
          const session = database.driver.session({ defaultAccessMode: "READ" });
          try {
            const result = await session.run(`PROFILE ${cypher}`, params);
            const operators: { operatorType: string; arguments: Record<string, unknown>; rows?: number }[] = [];
            const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
              operators.push(plan);
              for (const child of plan.children) walk(child as typeof plan);
            };
            walk(result.summary.profile as unknown as Parameters<typeof walk>[0]);
            const name = cypher.split("\n")[0];
            const seeks = operators.filter(
              (op) => /NodeIndexSeek/.test(op.operatorType) && /POINT INDEX e:Event\(point\)/.test(String(op.arguments.Details)),
            );
            expect(seeks.length, `${name}: a point-index seek`).toBeGreaterThan(0);
            expect(
              operators.filter((op) => /NodeByLabelScan|AllNodesScan/.test(op.operatorType)).map((op) => String(op.arguments.Details)),
              `${name}: no label scan`,
            ).toEqual([]);
          } finally {
            await session.close();
          }
        }
      }
    } finally {
      await database.close();
    }
  }, 300_000);
});

describe("the UCDP file around Maarat al-Numan", () => {
  it("a 10 km circle for 20–24 July 2019 holds the strikes in the town and the villages around it, and no centroid", async () => {
    const s = uniqueSuffix();
    // The fixture's rows, and its province-level row (where_prec 4, Idlib Governorate's centroid, 13.6 km north of
    // the town) and district-level row (where_prec 3) dated into the window.
    const moved = (id: string) => ({ ...ucdpRecord(id), date_start: "2019-07-22", date_end: "2019-07-22", year: "2019" });
    const records = ucdpTestRecords(s, [
      ...["303282", "303399", "303418", "303419", "303600", "303284", "303599", "303631"].map(ucdpRecord),
      moved("278595"),
      moved("278560"),
    ]);
    const response = await importUcdp(server, ucdpCsv(records));
    expect(response.errors).toBeUndefined();
    const conflict = records.find((record) => record.id!.endsWith("303399"))!.conflict_new_id!;
    const idOf = (row: string) => `event:ucdp-${records.find((record) => record.id!.endsWith(row))!.id}`;
    const around = { latitude: 35.6441, longitude: 36.6711 };
    const window = { from: "2019-07-20", to: "2019-07-24", ucdpConflictId: conflict };
    // Kafr Ruma (3.5 km, 21 and 22 July), the town itself (22 and 23 July); Kafr Nabl (10.5 km), Jibala (13 km) and
    // Tabaysh (17 km) are outside.
    expect(await eventsIn({ ...window, near: { ...around, km: 10 } })).toEqual(["303282", "303399", "303418", "303600"].map(idOf).sort());
    // 15 km reaches Kafr Nabl and Jibala; the province's centroid (13.6 km) counts only when asked for.
    const wider = { ...window, near: { ...around, km: 15 } };
    expect(await eventsIn(wider)).not.toContain(idOf("278595"));
    expect(await eventsIn(wider)).toEqual(expect.arrayContaining([idOf("303419"), idOf("303284")]));
    expect(await eventsIn({ ...wider, near: { ...wider.near, includeImprecise: true } })).toContain(idOf("278595"));
    const { event } = await server.read(`query ($id: ID!) { event(id: $id) { geoPrecision locationPrecision locationPlace { id } } }`, {
      id: idOf("278595"),
    });
    expect(event).toEqual({ geoPrecision: "REGION", locationPrecision: "REGION", locationPlace: null });
  });
});
