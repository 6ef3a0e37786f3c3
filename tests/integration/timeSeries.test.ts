/**
 * Query.timeSeries through HTTP, against eventStats over the same filter: every interval present with zeros, ISO weeks,
 * incidents counted once in the interval of their defining report, splits, the refusals before any database work, and
 * the UCDP fixture's Idlib 2019. Every test writes events of its own (ACLED rows and UCDP rows in a country named
 * with its suffix) and filters on their province, dyad or conflict, so tests share nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors.js";
import { intervalStart } from "../../src/model/timeSeries.js";
import { acledCsv, acledRecord, type AcledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { importUcdp, ucdpCsv, ucdpRecord, ucdpRecords, ucdpTestRecords } from "../helpers/ucdp.js";
import { asEditor, importAcled, keyEnvironment } from "../helpers/writing.js";

let server: TestServer;

beforeAll(async () => {
  server = await startServer(keyEnvironment);
});

afterAll(async () => {
  await server.close();
});

interface Point {
  start: string;
  key: string | null;
  node: { id: string } | null;
  events: number;
  reports: number;
  tolls: { victims: string; estimate: { low: number | null; high: number | null } }[];
}

interface Bucket {
  key: string;
  events: number;
  reports: number;
  tolls: Point["tolls"];
}

const TOLLS = "tolls { victims estimate { low high } }";

/** A series with every field; `selection` narrows it (an anonymous caller's cost limit allows 53 weeks × 100 groups of a few scalars). */
async function series(
  interval: string,
  filter: Record<string, unknown>,
  by: string | null = null,
  selection = `start key node { id } events reports ${TOLLS}`,
): Promise<Point[]> {
  const data = await server.read(
    `query ($interval: TimeInterval!, $by: StatsGroupBy, $filter: EventFilter) {
      timeSeries(interval: $interval, by: $by, filter: $filter) { ${selection} }
    }`,
    { interval, by, filter },
  );
  return data.timeSeries as Point[];
}

async function stats(groupBy: string, filter: Record<string, unknown>): Promise<Bucket[]> {
  const data = await server.read(
    `query ($groupBy: StatsGroupBy!, $filter: EventFilter) { eventStats(groupBy: $groupBy, filter: $filter) { key events reports ${TOLLS} } }`,
    { groupBy, filter },
  );
  return data.eventStats as Bucket[];
}

const total = (rows: readonly { events: number; reports: number }[]) => ({
  events: rows.reduce((sum, row) => sum + row.events, 0),
  reports: rows.reduce((sum, row) => sum + row.reports, 0),
});

/** ACLED rows of test `s`, one per date (`TST<s><i>`), at the test's own town; overrides per row. */
async function acledRows(s: string, rows: readonly AcledRecord[]): Promise<string> {
  const records = rows.map((row, i) =>
    acledRecord(s, { event_id_cnty: `TST${s}${i}`, year: row.event_date!.slice(0, 4), fatalities: String(i + 1), ...row }),
  );
  const response = await importAcled(server, acledCsv(records));
  expect(response.errors).toBeUndefined();
  return provinceOf(`event:acled-TST${s}0`);
}

async function provinceOf(eventId: string): Promise<string> {
  const data = await server.read(`query ($id: ID!) { event(id: $id) { places { ancestors { id kind } } } }`, { id: eventId });
  const ancestors = data.event.places[0].ancestors as { id: string; kind: string }[];
  return ancestors.find((ancestor) => ancestor.kind === "PROVINCE")!.id;
}

// Each test imports and reads several times; on a loaded machine that takes longer than the default.
describe("timeSeries", { timeout: 120_000 }, () => {
  it("has every interval from `from` to `to`, zeros included, with ISO weeks from Monday to Sunday", async () => {
    const s = uniqueSuffix();
    // Sunday 14 March 2021 and Monday the 15th, in two weeks; Monday the 29th; nothing in the weeks of the 1st and 22nd.
    const placeId = await acledRows(s, [{ event_date: "2021-03-14" }, { event_date: "2021-03-15" }, { event_date: "2021-03-29" }]);
    const weekly = await series("WEEK", { placeId, from: "2021-03-01", to: "2021-04-04" });
    expect(weekly.map(({ start, key, events, reports }) => ({ start, key, events, reports }))).toEqual([
      { start: "2021-03-01", key: null, events: 0, reports: 0 },
      { start: "2021-03-08", key: null, events: 1, reports: 1 },
      { start: "2021-03-15", key: null, events: 1, reports: 1 },
      { start: "2021-03-22", key: null, events: 0, reports: 0 },
      { start: "2021-03-29", key: null, events: 1, reports: 1 },
    ]);
    expect(weekly[0]!.tolls).toEqual([]);
    // ACLED's count of everyone killed is a floor: at least 1.
    expect(weekly[1]!.tolls).toEqual([{ victims: "ALL", estimate: { low: 1, high: null } }]);
    // eventStats' weeks are the same, keyed by their Monday.
    expect(await stats("WEEK", { placeId, from: "2021-03-01", to: "2021-04-04" })).toEqual(
      weekly.filter((point) => point.events > 0).map(({ start, events, reports, tolls }) => ({ key: start, events, reports, tolls })),
    );
    const daily = await series("DAY", { placeId, from: "2021-03-13", to: "2021-03-16" });
    expect(daily.map((point) => [point.start, point.events])).toEqual([
      ["2021-03-13", 0],
      ["2021-03-14", 1],
      ["2021-03-15", 1],
      ["2021-03-16", 0],
    ]);
  });

  it("starts the first week of a year that starts mid-week in the year before, counting only the events from `from`", async () => {
    const s = uniqueSuffix();
    // 1 January 2021 is a Friday: its week starts on Monday 28 December 2020, whose own events lie outside the range.
    const placeId = await acledRows(s, [{ event_date: "2020-12-29" }, { event_date: "2021-01-02" }, { event_date: "2021-01-04" }]);
    const filter = { placeId, from: "2021-01-01", to: "2021-01-10" };
    const weekly = await series("WEEK", filter);
    expect(weekly.map((point) => [point.start, point.events])).toEqual([
      ["2020-12-28", 1],
      ["2021-01-04", 1],
    ]);
    expect((await series("YEAR", filter)).map((point) => [point.start, point.events])).toEqual([["2021-01-01", 2]]);
    expect((await series("QUARTER", { ...filter, from: "2020-12-01" })).map((point) => [point.start, point.events])).toEqual([
      ["2020-10-01", 1],
      ["2021-01-01", 2],
    ]);
    expect(await stats("YEAR", { ...filter, from: "2020-12-01" })).toMatchObject([
      { key: "2020", events: 1 },
      { key: "2021", events: 2 },
    ]);
  });

  it("sums to eventStats over the same filter, at every interval", async () => {
    const s = uniqueSuffix();
    const dates = ["2020-11-30", "2020-12-06", "2020-12-07", "2021-01-01", "2021-02-28", "2021-03-01", "2021-03-01", "2021-06-30"];
    const placeId = await acledRows(
      s,
      dates.map((event_date) => ({ event_date })),
    );
    const filter = { placeId, from: "2020-11-01", to: "2021-06-30" };
    const everything = total(await stats("MONTH", filter));
    expect(everything).toEqual({ events: dates.length, reports: dates.length });
    for (const interval of ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"]) {
      expect(total(await series(interval, filter))).toEqual(everything);
    }
    // Each month's point is its eventStats bucket, tolls included.
    const monthly = await series("MONTH", filter);
    expect(monthly).toHaveLength(8);
    expect(
      monthly
        .filter((point) => point.events > 0)
        .map(({ start, events, reports, tolls }) => ({ key: start.slice(0, 7), events, reports, tolls })),
    ).toEqual(await stats("MONTH", filter));
  });

  it("splits by perpetrator: every group has every interval, and each group's sums are its eventStats bucket", async () => {
    const s = uniqueSuffix();
    const placeId = await acledRows(s, [
      { event_date: "2021-05-03" },
      { event_date: "2021-05-04" },
      { event_date: "2021-05-18", actor1: `Hayat Tahrir al-Sham ${s}`, inter1: "2" },
      { event_date: "2021-05-19" },
    ]);
    const filter = { placeId, from: "2021-05-01", to: "2021-05-31" };
    const split = await series("WEEK", filter, "PERPETRATOR");
    const buckets = await stats("PERPETRATOR", filter);
    expect(buckets.map((bucket) => bucket.key)).toHaveLength(2);
    const weeks = ["2021-04-26", "2021-05-03", "2021-05-10", "2021-05-17", "2021-05-24", "2021-05-31"];
    // Each week lists the groups in eventStats' order: the most incidents first.
    expect(split.map((point) => [point.start, point.key])).toEqual(weeks.flatMap((week) => buckets.map((bucket) => [week, bucket.key])));
    for (const bucket of buckets) {
      const points = split.filter((point) => point.key === bucket.key);
      expect(total(points)).toEqual({ events: bucket.events, reports: bucket.reports });
      expect(points.every((point) => point.node?.id === bucket.key)).toBe(true);
    }
    expect(split.filter((point) => point.key === buckets[0]!.key).map((point) => point.events)).toEqual([0, 2, 0, 1, 0, 0]);
    expect(split.filter((point) => point.key === buckets[1]!.key).map((point) => point.events)).toEqual([0, 0, 0, 1, 0, 0]);
    // Split by province: one group, the test's own, whose node is the province.
    expect((await series("MONTH", filter, "PROVINCE")).map((point) => [point.key, point.node?.id, point.events])).toEqual([
      [placeId, placeId, 4],
    ]);
  });

  it("counts an incident of two reports once, in the interval of its defining report, with both reports", async () => {
    const s = uniqueSuffix();
    // Two rows of one strike a day apart, across a week's end, joined by an editor: the earlier day defines it.
    const placeId = await acledRows(s, [{ event_date: "2021-03-14" }, { event_date: "2021-03-15" }]);
    const linked = await server.graphql(
      `mutation ($ids: [ID!]!) { linkIncident(eventIds: $ids) { id } }`,
      { ids: [`event:acled-TST${s}0`, `event:acled-TST${s}1`] },
      asEditor,
    );
    expect(linked.errors).toBeUndefined();
    const filter = { placeId, from: "2021-03-08", to: "2021-03-21" };
    expect((await series("WEEK", filter)).map(({ start, events, reports }) => ({ start, events, reports }))).toEqual([
      { start: "2021-03-08", events: 1, reports: 2 },
      { start: "2021-03-15", events: 0, reports: 0 },
    ]);
    // With only the second report selected, the incident counts in its week, from that report alone.
    expect(
      (await series("WEEK", { ...filter, from: "2021-03-15" })).map(({ start, events, reports }) => ({ start, events, reports })),
    ).toEqual([{ start: "2021-03-15", events: 1, reports: 1 }]);
  });

  it("counts an event known only within several days once, in the interval of its first day", async () => {
    const s = uniqueSuffix();
    // A UCDP row of 31 March (a Sunday) to 2 April 2019: its week and month are those of the 31st.
    const [row] = ucdpTestRecords(s, [{ ...ucdpRecord("278595"), date_start: "2019-03-31", date_end: "2019-04-02" }]);
    const imported = await importUcdp(server, ucdpCsv([row!]));
    expect(imported.errors).toBeUndefined();
    const filter = { ucdpConflictId: row!.conflict_new_id, from: "2019-03-25", to: "2019-04-07" };
    expect((await series("WEEK", filter)).map((point) => [point.start, point.events])).toEqual([
      ["2019-03-25", 1],
      ["2019-04-01", 0],
    ]);
    expect((await series("MONTH", filter)).map((point) => [point.start, point.events])).toEqual([
      ["2019-03-01", 1],
      ["2019-04-01", 0],
    ]);
    expect((await series("DAY", filter)).filter((point) => point.events > 0).map((point) => point.start)).toEqual(["2019-03-31"]);
    expect(await stats("DAY", filter)).toMatchObject([{ key: "2019-03-31", events: 1 }]);
    // From its second day on, the filter does not select it: the filter reads the first day too.
    expect(total(await series("WEEK", { ...filter, from: "2019-04-01" }))).toEqual({ events: 0, reports: 0 });
  });

  it("refuses a ten-year daily series by perpetrator, and one without both ends, before any database work", async () => {
    const before = await server.queriesSent();
    const tooLong = await server.graphql(
      `{ timeSeries(interval: DAY, by: PERPETRATOR, filter: { from: "2010-01-01", to: "2019-12-31" }) { start events } }`,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.data ?? null).toBeNull();
    expect(tooLong.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^timeSeries would return 365,200 points \(3,652 days × 100 PERPETRATOR groups \(assumed\)\), more than the 10,000/,
        ),
        extensions: expect.objectContaining({ code: ErrorCode.QueryTooComplex, points: 365_200, maximumPoints: 10_000 }),
      }),
    ]);
    for (const [filter, missing] of [
      [`{ to: "2019-12-31" }`, "filter.from"],
      [`{ from: "2019-01-01" }`, "filter.to"],
    ] as const) {
      const unbounded = await server.graphql(`{ timeSeries(interval: WEEK, filter: ${filter}) { start events } }`);
      expect(unbounded.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining("timeSeries needs filter.from and filter.to"),
          extensions: expect.objectContaining({ code: ErrorCode.BadUserInput, argument: missing }),
        }),
      ]);
    }
    const reversed = await server.graphql(`{ timeSeries(interval: WEEK, filter: { from: "2019-12-31", to: "2019-01-01" }) { start } }`);
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.BadUserInput });
    expect(await server.queriesSent()).toBe(before);
  });

  it("gives the UCDP fixture's Idlib 2019 week by week: 53 points, Sunday and Monday apart, summing to eventStats", async () => {
    const s = uniqueSuffix();
    const records = ucdpRecords();
    const mine = ucdpTestRecords(s, records);
    const imported = await importUcdp(server, ucdpCsv(mine));
    expect(imported.errors).toBeUndefined();
    const placeId = await provinceOf(`event:ucdp-${mine[records.findIndex((record) => record.id === "303399")]!.id}`);
    const filter = { placeId, from: "2019-01-01", to: "2019-12-31" };
    const weekly = await series("WEEK", filter);
    expect(weekly).toHaveLength(53);
    expect(weekly[0]!.start).toBe("2018-12-31");
    expect(weekly.at(-1)!.start).toBe("2019-12-30");
    const everything = total(await stats("MONTH", filter));
    expect(everything.events).toBeGreaterThan(0);
    expect(total(weekly)).toEqual(everything);
    // Each week is the days of eventStats that fall in it, Monday to Sunday: Sunday 21 July in the week of the 15th.
    const days = await stats("DAY", filter);
    expect(days.map((day) => day.key)).toContain("2019-07-21");
    expect(days.map((day) => day.key)).toContain("2019-07-22");
    const fromDays = new Map<string, number>();
    for (const day of days) fromDays.set(intervalStart(day.key, "WEEK"), (fromDays.get(intervalStart(day.key, "WEEK")) ?? 0) + day.events);
    expect(weekly.filter((point) => point.events > 0).map((point) => [point.start, point.events])).toEqual([...fromDays].sort());
    expect(fromDays.get("2019-07-15")).toBe(days.find((day) => day.key === "2019-07-21")!.events);
    // By perpetrator (the recipe's question on the real rows): each group's sums are its eventStats bucket.
    const split = await series("WEEK", filter, "PERPETRATOR", "start key events reports");
    for (const bucket of await stats("PERPETRATOR", filter)) {
      const points = split.filter((point) => point.key === bucket.key);
      expect(points).toHaveLength(53);
      expect(total(points)).toEqual({ events: bucket.events, reports: bucket.reports });
    }
  });
});
