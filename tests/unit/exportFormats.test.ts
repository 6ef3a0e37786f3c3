/**
 * The exports' pure parts (src/http/exports/): records from rows (location fallback up the place hierarchy, admin
 * levels, tolls per victim group, identifiers), CSV (RFC 4180, formula injection) and GeoJSON text, and the filter's
 * coercion and checks against the served schema before any database work.
 */
import { parse } from "csv-parse/sync";
import { buildASTSchema, parse as parseGraphQL, GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { eventLocation, eventRecord, EVENT_COLUMNS, INCIDENT_COLUMNS, incidentRecord } from "../../src/http/exports/columns.js";
import { checkedExport, filterParameter } from "../../src/http/exports/exportRequest.js";
import { csvWriter, geoJsonWriter } from "../../src/http/exports/formats.js";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { DateScalar } from "../../src/graphql/scalars.js";
import { InvalidInputError } from "../../src/errors.js";
import { graphQLErrorOf } from "../../src/http/errors.js";
import { aheadKey } from "../../src/repositories/lookAhead.js";
import type { EventRow, PlaceRow, Related } from "../../src/model/rows.js";

const place = (id: string, kind: PlaceRow["kind"], point: [number, number] | null, ancestors: PlaceRow[] = []): PlaceRow => ({
  id,
  name: `Name of ${id}`,
  aliases: [],
  kind,
  latitude: point?.[0] ?? null,
  longitude: point?.[1] ?? null,
  wikidataId: null,
  mergedIds: [],
  identifiers: [],
  ahead: new Map([[aheadKey("Place.ancestors", {}), ancestors.map((node): Related => ({ node, datum: null }))]]),
});

const related = (nodes: object[]): Related[] => nodes.map((node) => ({ node: node as Related["node"], datum: null }));

function event(overrides: Partial<EventRow>, places: PlaceRow[]): EventRow {
  return {
    id: "event:e",
    title: "=cmd|' /C calc'!A0",
    category: "EXPLOSIONS_REMOTE_VIOLENCE",
    type: "AIR_DRONE_STRIKE",
    date: "2019-07-22",
    endDate: null,
    datePrecision: "DAY",
    summary: null,
    fatalities: { low: 25, high: 42, best: 38, qualifier: "RANGE" },
    injuries: null,
    tolls: [
      { victims: "CIVILIANS", estimate: { low: 25, high: 42, best: 38, qualifier: "RANGE" } },
      { victims: "ALL", estimate: { low: 25, high: 42, best: 38, qualifier: "RANGE" } },
    ],
    contested: false,
    location: null,
    locationPrecision: null,
    locationPlaceId: null,
    geoPrecision: null,
    identifiers: ["acled:SYR1", "ucdp:278595"],
    ucdpConflictId: "299",
    ucdpDyadId: "11973",
    ahead: new Map([
      [aheadKey("Event.places", {}), related(places)],
      [aheadKey("Event.perpetrators", {}), related([{ id: "actor:syria", name: "-Syria" }])],
      [aheadKey("Event.evidence", {}), related([{ id: "source:b", title: "@B" }])],
      [
        aheadKey("Event.claims", {}),
        related([
          { id: "claim:1", ahead: new Map([[aheadKey("Claim.source", {}), related([{ id: "source:a", title: 'A, quoted "here"' }])]]) },
        ]),
      ],
    ]),
    ...overrides,
  };
}

const syria = place("place:syria", "COUNTRY", [35, 38]);
const idlib = place("place:idlib", "PROVINCE", [35.9, 36.6], [syria]);
const maarat = place("place:maarat", "CITY", [35.64, 36.67], [idlib, syria]);
const market = place("place:market", "SITE", null, [maarat, idlib, syria]);

describe("records", () => {
  it("locate an event where the write path located it (Event.location): its own point, else its place's", () => {
    expect(eventLocation(event({ location: { latitude: 1, longitude: 2 }, locationPrecision: "NEAR_TOWN" }, [market]))).toEqual({
      latitude: 1,
      longitude: 2,
      from: "EVENT",
      precision: "NEAR_TOWN",
      placeId: null,
    });
    expect(
      eventLocation(
        event({ location: { latitude: 35.64, longitude: 36.67 }, locationPrecision: "TOWN", locationPlaceId: "place:maarat" }, [market]),
      ),
    ).toEqual({ latitude: 35.64, longitude: 36.67, from: "PLACE", precision: "TOWN", placeId: "place:maarat" });
    expect(eventLocation(event({}, [place("place:nowhere", "ZONE", null)]))).toBeNull();
  });

  it("name the admin levels, tolls per group, sources and identifiers", () => {
    const record = eventRecord(event({}, [market]));
    expect(Object.keys(record)).toEqual(EVENT_COLUMNS);
    expect(record).toMatchObject({
      place: "Name of place:market",
      province: "Name of place:idlib",
      country: "Name of place:syria",
      district: null,
      deaths_civilians_low: 25,
      deaths_civilians_best: 38,
      deaths_civilians_high: 42,
      deaths_combatants_low: null,
      source_ids: "source:a; source:b",
      acled_id: "SYR1",
      ucdp_id: "278595",
      perpetrators: "-Syria",
    });
    const incident = incidentRecord({
      incident: { id: "incident:i", date: "2019-07-22", match: "AUTOMATIC", fatalities: null, injuries: null, tolls: [] },
      reports: [
        event(
          { id: "event:a", location: { latitude: 35.64, longitude: 36.67 }, locationPrecision: "TOWN", locationPlaceId: "place:maarat" },
          [market],
        ),
        event({ id: "event:b", identifiers: ["acled:SYR2"] }, [maarat]),
      ],
    });
    expect(Object.keys(incident)).toEqual(INCIDENT_COLUMNS);
    expect(incident).toMatchObject({ reports_count: 2, report_ids: "event:a; event:b", acled_ids: "SYR1; SYR2", latitude: 35.64 });
  });
});

describe("CSV", () => {
  it("is RFC 4180 with CRLF, quotes where needed, formulas neutralised and numbers left alone", () => {
    const writer = csvWriter(["id", "title", "n", "lon", "flag", "empty"]);
    const text =
      writer.head() +
      writer.page(
        [
          { record: { id: "a", title: "=1+2", n: -3, lon: -70.66, flag: true, empty: null }, location: null },
          { record: { id: "b", title: 'say "hi",\r\nthen', n: 0, lon: 1.5, flag: false, empty: "" }, location: null },
          { record: { id: "c", title: "\tx", n: 1, lon: 2, flag: false, empty: "+1" }, location: null },
          { record: { id: "d", title: "-1", n: 1, lon: 2, flag: false, empty: "@x" }, location: null },
        ],
        true,
      );
    expect(text.startsWith("id,title,n,lon,flag,empty\r\n")).toBe(true);
    const rows = parse<Record<string, string>>(text, {
      columns: true,
      record_delimiter: "\r\n",
      relax_quotes: false,
      relax_column_count: false,
    });
    expect(rows).toEqual([
      { id: "a", title: "'=1+2", n: "-3", lon: "-70.66", flag: "true", empty: "" },
      { id: "b", title: 'say "hi",\r\nthen', n: "0", lon: "1.5", flag: "false", empty: "" },
      { id: "c", title: "'\tx", n: "1", lon: "2", flag: "false", empty: "'+1" },
      // Text that looks like a negative number is still text: neutralised.
      { id: "d", title: "'-1", n: "1", lon: "2", flag: "false", empty: "'@x" },
    ]);
  });
});

describe("GeoJSON", () => {
  it("writes [longitude, latitude] and null geometry, as one valid FeatureCollection across pages", () => {
    const writer = geoJsonWriter();
    const located = { latitude: 35.64, longitude: 36.67, from: "EVENT" as const, precision: "TOWN", placeId: null };
    const text =
      writer.head() +
      writer.page([], true) +
      writer.page([{ record: { id: "event:a" }, location: located }], true) +
      writer.page([{ record: { id: "event:b" }, location: null }], false) +
      writer.tail();
    expect(JSON.parse(text)).toEqual({
      type: "FeatureCollection",
      features: [
        { type: "Feature", id: "event:a", geometry: { type: "Point", coordinates: [36.67, 35.64] }, properties: { id: "event:a" } },
        { type: "Feature", id: "event:b", geometry: null, properties: { id: "event:b" } },
      ],
    });
  });
});

describe("the filter", () => {
  const schema = buildASTSchema(parseGraphQL(loadTypeDefs()));
  // The served schema's Date scalar checks calendar dates (resolvers attach it; buildASTSchema leaves a plain one).
  Object.assign(schema.getType("Date")!, { parseValue: DateScalar.parseValue.bind(DateScalar) });
  const limits = { ANONYMOUS: 10_000, READER: 50_000, EDITOR: 50_000 };
  const refusal = (filter: unknown): { code: unknown; message: string } => {
    try {
      checkedExport(schema, "events", filter, "ANONYMOUS", limits);
    } catch (error) {
      if (error instanceof GraphQLError) return { code: error.extensions.code, message: error.message };
      // A domain error, as the edge codes it for the client (http/errors.ts).
      if (error instanceof InvalidInputError) return { code: graphQLErrorOf(error).extensions.code, message: error.message };
      throw error;
    }
    throw new Error("not refused");
  };

  it("is coerced as a GraphQL EventFilter and checked as the resolvers check it", () => {
    expect(checkedExport(schema, "events", { from: "2019-07-20", categories: ["BATTLES"] }, "ANONYMOUS", limits).conditions).toEqual({
      from: "2019-07-20",
      categories: ["BATTLES"],
    });
    expect(checkedExport(schema, "incidents", null, "ANONYMOUS", limits).weight).toBeGreaterThanOrEqual(1);
    expect(refusal({ from: "2019-02-30" })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("calendar date") });
    expect(refusal({ from: 20190720 })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining('at "filter.from"') });
    expect(refusal({ nope: true }).code).toBe("BAD_USER_INPUT");
    expect(refusal({ from: "2019-07-21", to: "2019-07-20" }).code).toBe("BAD_USER_INPUT");
    expect(refusal({ placeId: "actor:x" }).code).toBe("BAD_USER_INPUT");
    expect(refusal("not an object").code).toBe("BAD_USER_INPUT");
  });

  it("is one JSON text in the query string", () => {
    expect(filterParameter(undefined)).toBeNull();
    expect(filterParameter('{"from":"2019-01-01"}')).toEqual({ from: "2019-01-01" });
    expect(() => filterParameter("{")).toThrow(/must be JSON/);
    expect(() => filterParameter(["{}", "{}"])).toThrow(/once/);
  });

  it("costs what the GraphQL page it stands for costs, refused over the caller's limit", () => {
    expect(() => checkedExport(schema, "events", null, "ANONYMOUS", { ANONYMOUS: 10, READER: 10, EDITOR: 10 })).toThrow(
      /Export too expensive/,
    );
  });
});
