/**
 * Figures through HTTP: every input refuses a toll above MAX_TOLL where it gives it; the statistics read the largest
 * accepted figures in every grouping without error and answer sums GraphQL's Int can carry; each incident counts once
 * in every grouping; tolls keep whom they count (victim groups, best estimates); ACLED's demonstrators take part
 * rather than perpetrate. Every test builds its places in a fictional country named with its suffix.
 */
import { describe, expect, inject, it } from "vitest";
import { MAX_TOLL } from "../../src/graph/limits.js";
import { exportGraph } from "../../src/ingest/export/export.js";
import { openTestDatabase } from "../helpers/database.js";
import { acledCsv, acledRecord, type AcledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

const GRAPHQL_INT_MAX = 2_147_483_647;
const GROUPINGS = ["PERPETRATOR", "PLACE", "PROVINCE", "MONTH", "TYPE"] as const;
const ESTIMATE = "low high best qualifier";
const TOLLS = `tolls { victims estimate { ${ESTIMATE} } }`;
const BUCKET = `key events reports fatalitiesLow fatalitiesHigh ${TOLLS}`;

const server = useServer(keyEnvironment);

async function acled(records: readonly AcledRecord[]): Promise<void> {
  const response = await importAcled(server, acledCsv(records));
  expect(response.errors).toBeUndefined();
}

async function bundle(value: unknown): Promise<void> {
  const response = await importBundle(server, value);
  expect(response.errors).toBeUndefined();
}

const row = (s: string, id: string, overrides: AcledRecord = {}) => acledRecord(s, { event_id_cnty: `TST${s}${id}`, ...overrides });

interface Figure {
  low: number | null;
  high: number | null;
  qualifier: string;
  best?: number;
}

/** One report of its own publisher: an event at `place` with one fatality claim per figure given. */
function report(
  s: string,
  tag: string,
  event: { place: string; date: string; type?: string },
  figures: { estimate: Figure; victims?: string; victimsOf?: string }[],
) {
  const sentence = `Strikes hit the town, report ${tag} ${s} said.`;
  return {
    source: {
      id: `source:fig-${s}-${tag}`,
      title: `Report ${tag} ${s}`,
      publishedOn: event.date,
      text: sentence,
      publisher: `actor:fig-${s}-${tag}`,
    },
    actors: [
      { id: `actor:fig-${s}-${tag}`, name: `Agency ${tag} ${s}`, kind: "MEDIA" },
      { id: `actor:fig-${s}-${tag}-side`, name: `Side ${tag} ${s}`, kind: "ARMED_GROUP" },
    ],
    events: [
      {
        id: `event:fig-${s}-${tag}`,
        title: `Strike ${tag} ${s}`,
        category: "EXPLOSIONS_REMOTE_VIOLENCE",
        type: event.type ?? "AIR_DRONE_STRIKE",
        date: event.date,
        datePrecision: "DAY",
        places: [event.place],
        quotes: [sentence],
      },
    ],
    claims: figures.map((figure, i) => ({
      id: `claim:fig-${s}-${tag}-${i}`,
      kind: "FATALITIES",
      text: `Figure ${i}.`,
      event: `event:fig-${s}-${tag}`,
      estimate: figure.estimate,
      ...(figure.victims ? { victims: figure.victims } : {}),
      ...(figure.victimsOf ? { victimsOf: figure.victimsOf } : {}),
      assertedBy: `actor:fig-${s}-${tag}`,
      quotes: [sentence],
    })),
  };
}

/** The town and province ACLED made for an event of test `s`. */
async function placesOf(eventId: string): Promise<{ town: string; province: string }> {
  const data = await server.read(`query ($id: ID!) { event(id: $id) { places { id ancestors { id kind } } } }`, { id: eventId });
  const place = data.event.places[0];
  return { town: place.id, province: place.ancestors.find((ancestor: { kind: string }) => ancestor.kind === "PROVINCE").id };
}

describe("figures are bounded in every input", () => {
  it("refuses an ACLED toll above MAX_TOLL at its row and column, writing nothing, and accepts MAX_TOLL", async () => {
    const s = uniqueSuffix();
    const refused = await importAcled(
      server,
      acledCsv([
        row(s, "1", { fatalities: "2147483648" }),
        row(s, "2", { fatalities: String(MAX_TOLL + 1) }),
        row(s, "3", { fatalities: "9".repeat(40) }),
        row(s, "4", { fatalities: String(MAX_TOLL) }),
      ]),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.extensions?.problems).toEqual(
      ["rows.1.fatalities", "rows.2.fatalities", "rows.3.fatalities"].map((path) => ({
        path,
        message: expect.stringContaining(`at most ${MAX_TOLL}`),
      })),
    );
    expect((await server.read(`{ event(id: "event:acled-TST${s}4") { id } }`)).event).toBeNull();

    await acled([row(s, "4", { fatalities: String(MAX_TOLL) })]);
    const stored = await server.read(`{ event(id: "event:acled-TST${s}4") { fatalities { ${ESTIMATE} } } }`);
    expect(stored.event.fatalities).toEqual({ low: MAX_TOLL, high: null, best: null, qualifier: "AT_LEAST" });
  });

  it("refuses a bundle figure above MAX_TOLL, or a best estimate outside its range, at its path", async () => {
    const s = uniqueSuffix();
    const place = "place:maarat-al-numan";
    const tooMany = report(s, "a", { place, date: "2021-05-01" }, [
      { estimate: { low: MAX_TOLL + 1, high: null, qualifier: "AT_LEAST" } },
      { estimate: { low: 1, high: 2_000_000_000, qualifier: "RANGE" } },
      { estimate: { low: 6, high: 8, best: MAX_TOLL + 1, qualifier: "RANGE" } },
    ]);
    const response = await importBundle(server, tooMany);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.problems).toEqual(
      ["claims.0.estimate.low", "claims.1.estimate.high", "claims.2.estimate.best"].map((path) => ({
        path,
        message: expect.stringContaining(`at most ${MAX_TOLL}`),
      })),
    );
    // A best estimate outside its own range (the bundle's rules, once every value has its type).
    const outside = await importBundle(
      server,
      report(s, "a", { place, date: "2021-05-01" }, [{ estimate: { low: 6, high: 8, best: 5, qualifier: "RANGE" } }]),
    );
    expect(outside.errors?.[0]?.extensions?.problems).toEqual([
      { path: "claims.0.estimate.best", message: "must lie between low and high" },
    ]);
    // Beyond GraphQL's Int, the mutation's input type refuses it before the bundle's own rules.
    const huge = await importBundle(
      server,
      report(s, "b", { place, date: "2021-05-01" }, [{ estimate: { low: 2 ** 31, high: null, qualifier: "AT_LEAST" } }]),
    );
    expect(huge.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await server.read(`{ a: event(id: "event:fig-${s}-a") { id } b: event(id: "event:fig-${s}-b") { id } }`)).toEqual({
      a: null,
      b: null,
    });
  });
});

describe("the largest accepted figures", () => {
  /** Enough incidents at MAX_TOLL that one bucket's sum passes GraphQL's Int. */
  const INCIDENTS = Math.ceil(GRAPHQL_INT_MAX / MAX_TOLL) + 6;

  it("are read in every grouping, every statistic and toll, and sums beyond GraphQL's Int answer its maximum", async () => {
    const s = uniqueSuffix();
    // One town, two days apart each (so no two are one incident), two types, two perpetrators, several months.
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + i * 2)).toISOString().slice(0, 10);
    await acled(
      Array.from({ length: INCIDENTS }, (_, i) =>
        row(s, `m${i}`, {
          event_date: day(i),
          sub_event_type: i % 2 === 0 ? "Air/drone strike" : "Shelling/artillery/missile attack",
          actor1: i % 3 === 0 ? `Military Forces of Testland ${s} (2000-)` : `Rebels ${s}`,
          inter1: i % 3 === 0 ? "1" : "2",
          fatalities: String(MAX_TOLL),
        }),
      ),
    );
    const places = await placesOf(`event:acled-TST${s}m0`);
    // A report of its own with every victim group at the cap, exact, with best estimates: closed sums too.
    await bundle(
      report(s, "cap", { place: places.town, date: "2019-01-01" }, [
        { estimate: { low: MAX_TOLL, high: MAX_TOLL, best: MAX_TOLL, qualifier: "EXACT" }, victims: "CIVILIANS" },
        {
          estimate: { low: MAX_TOLL, high: MAX_TOLL, best: MAX_TOLL, qualifier: "EXACT" },
          victims: "COMBATANTS",
          victimsOf: `actor:fig-${s}-cap-side`,
        },
        { estimate: { low: MAX_TOLL, high: MAX_TOLL, qualifier: "EXACT" }, victims: "UNKNOWN" },
        { estimate: { low: MAX_TOLL, high: MAX_TOLL, best: MAX_TOLL, qualifier: "EXACT" } },
      ]),
    );
    const filter = { placeId: places.province };
    for (const groupBy of GROUPINGS) {
      const response = await server.graphql(
        `query ($filter: EventFilter) { eventStats(groupBy: ${groupBy}, filter: $filter) { ${BUCKET} node { id } } }`,
        { filter },
      );
      expect(response.errors, groupBy).toBeUndefined();
      const buckets = response.data!.eventStats as {
        events: number;
        fatalitiesLow: number;
        tolls: { victims: string; estimate: Figure }[];
      }[];
      expect(
        buckets.reduce((sum, bucket) => sum + bucket.events, 0),
        groupBy,
      ).toBeGreaterThanOrEqual(INCIDENTS + 1);
      for (const bucket of buckets) {
        // Each bucket's sum is exact below the maximum, and answers the maximum above it.
        expect(bucket.fatalitiesLow, groupBy).toBe(Math.min(bucket.events * MAX_TOLL, GRAPHQL_INT_MAX));
        for (const toll of bucket.tolls) expect(toll.estimate.low, groupBy).toBeLessThanOrEqual(GRAPHQL_INT_MAX);
      }
      // Without tolls selected their sums are not computed: the other figures stay the same; selected through a
      // fragment, they are computed as when selected directly.
      const withoutTolls = await server.read(
        `query ($filter: EventFilter) { eventStats(groupBy: ${groupBy}, filter: $filter) { key events reports fatalitiesLow fatalitiesHigh node { id } } }`,
        { filter },
      );
      expect(withoutTolls.eventStats, groupBy).toEqual(buckets.map(({ tolls: _tolls, ...rest }) => rest));
      const throughFragment = await server.read(
        `query ($filter: EventFilter) { eventStats(groupBy: ${groupBy}, filter: $filter) { ...bucket } }
        fragment bucket on StatsBucket { ${BUCKET} node { id } }`,
        { filter },
      );
      expect(throughFragment.eventStats, groupBy).toEqual(buckets);
    }
    const province = await server.read(`query ($filter: EventFilter) { eventStats(groupBy: PROVINCE, filter: $filter) { ${BUCKET} } }`, {
      filter,
    });
    expect(province.eventStats).toEqual([
      {
        key: places.province,
        events: INCIDENTS + 1,
        reports: INCIDENTS + 1,
        fatalitiesLow: GRAPHQL_INT_MAX,
        fatalitiesHigh: null,
        tolls: [
          { victims: "CIVILIANS", estimate: { low: MAX_TOLL, high: MAX_TOLL, best: MAX_TOLL, qualifier: "EXACT" } },
          { victims: "COMBATANTS", estimate: { low: MAX_TOLL, high: MAX_TOLL, best: MAX_TOLL, qualifier: "EXACT" } },
          { victims: "UNKNOWN", estimate: { low: MAX_TOLL, high: MAX_TOLL, best: null, qualifier: "EXACT" } },
          // Every ACLED row's "at least MAX_TOLL" and the report's exact MAX_TOLL, each counting everyone.
          { victims: "ALL", estimate: { low: GRAPHQL_INT_MAX, high: null, best: null, qualifier: "AT_LEAST" } },
        ],
      },
    ]);
    const lists = await server.read(
      `query ($filter: EventFilter, $id: ID!) {
          events(filter: $filter, orderBy: FATALITIES_DESC, first: 5) { totalCount edges { node { id fatalities { ${ESTIMATE} } ${TOLLS} } } }
          incidents(filter: $filter, first: 5) { totalCount edges { node { id fatalities { ${ESTIMATE} } ${TOLLS} } } }
          event(id: $id) { fatalities { ${ESTIMATE} } ${TOLLS} incident { fatalities { ${ESTIMATE} } ${TOLLS} } }
        }`,
      { filter, id: `event:fig-${s}-cap` },
    );
    expect(lists.events.totalCount).toBe(INCIDENTS + 1);
    expect(lists.incidents.totalCount).toBe(INCIDENTS + 1);
    // The report's figure counting everyone is its toll; each group keeps its own.
    expect(lists.event.fatalities).toEqual({ low: MAX_TOLL, high: MAX_TOLL, best: MAX_TOLL, qualifier: "EXACT" });
    expect(lists.event.tolls.map((toll: { victims: string }) => toll.victims)).toEqual(["CIVILIANS", "COMBATANTS", "UNKNOWN", "ALL"]);
    expect(lists.event.incident.tolls).toEqual(lists.event.tolls);
  }, 300_000);
});

describe("each incident counts once in every grouping", () => {
  it("puts an incident of two months and two types in one bucket of each, and adds its tolls once", async () => {
    const s = uniqueSuffix();
    // ACLED: a week-precise air strike around 1 August and a strike on 10 August, by one force, in one town.
    await acled([
      row(s, "1", { event_date: "2019-08-01", time_precision: "2", fatalities: "5" }),
      row(s, "2", { event_date: "2019-08-10", fatalities: "3" }),
    ]);
    const places = await placesOf(`event:acled-TST${s}1`);
    // An article's shelling on 30 July at the same town: the same incident as ACLED's week (its defining report, being
    // dated to the day), and one on 5 July alone.
    await bundle(
      report(s, "a", { place: places.town, date: "2019-07-30", type: "SHELLING_ARTILLERY_MISSILE_ATTACK" }, [
        { estimate: { low: 4, high: 4, qualifier: "EXACT" }, victims: "CIVILIANS" },
      ]),
    );
    await bundle(
      report(s, "b", { place: places.town, date: "2019-07-05", type: "SHELLING_ARTILLERY_MISSILE_ATTACK" }, [
        { estimate: { low: 2, high: 2, qualifier: "EXACT" } },
      ]),
    );
    const filter = { placeId: places.province };
    const truth = await server.read(
      `query ($filter: EventFilter, $id: ID!) {
        incidents(filter: $filter, first: 100) { totalCount edges { node { id fatalities { low } ${TOLLS} } } }
        event(id: $id) { incident { id reports { id } } }
      }`,
      { filter, id: `event:fig-${s}-a` },
    );
    // The week-precise row and the article's day are one incident.
    expect(truth.event.incident.reports.map((report: { id: string }) => report.id).sort()).toEqual(
      [`event:acled-TST${s}1`, `event:fig-${s}-a`].sort(),
    );
    const incidents = truth.incidents.edges.map((edge: { node: unknown }) => edge.node) as {
      fatalities: { low: number } | null;
      tolls: { victims: string; estimate: Figure }[];
    }[];
    expect(truth.incidents.totalCount).toBe(3);
    const tollSums = (lists: { victims: string; estimate: Figure }[][]) => {
      const sums = new Map<string, number>();
      for (const toll of lists.flat()) sums.set(toll.victims, (sums.get(toll.victims) ?? 0) + (toll.estimate.low ?? 0));
      return Object.fromEntries([...sums].sort());
    };

    for (const groupBy of GROUPINGS) {
      const data = await server.read(`query ($filter: EventFilter) { eventStats(groupBy: ${groupBy}, filter: $filter) { ${BUCKET} } }`, {
        filter,
      });
      const buckets = data.eventStats as {
        key: string;
        events: number;
        reports: number;
        fatalitiesLow: number;
        tolls: { victims: string; estimate: Figure }[];
      }[];
      // Each incident here has one place, province and perpetrator (or none), so every grouping adds up to them.
      expect(
        buckets.reduce((sum, bucket) => sum + bucket.events, 0),
        groupBy,
      ).toBe(3);
      expect(
        buckets.reduce((sum, bucket) => sum + bucket.reports, 0),
        groupBy,
      ).toBe(4);
      expect(
        buckets.reduce((sum, bucket) => sum + bucket.fatalitiesLow, 0),
        groupBy,
      ).toBe(incidents.reduce((sum, incident) => sum + (incident.fatalities?.low ?? 0), 0));
      expect(tollSums(buckets.map((bucket) => bucket.tolls)), groupBy).toEqual(tollSums(incidents.map((incident) => incident.tolls)));
    }
    const byMonth = await server.read(
      `query ($filter: EventFilter) { eventStats(groupBy: MONTH, filter: $filter) { key events reports } }`,
      {
        filter,
      },
    );
    expect(byMonth.eventStats).toEqual([
      { key: "2019-07", events: 2, reports: 3 },
      { key: "2019-08", events: 1, reports: 1 },
    ]);
    const byType = await server.read(`query ($filter: EventFilter) { eventStats(groupBy: TYPE, filter: $filter) { key events } }`, {
      filter,
    });
    expect(byType.eventStats).toEqual([
      { key: "SHELLING_ARTILLERY_MISSILE_ATTACK", events: 2 },
      { key: "AIR_DRONE_STRIKE", events: 1 },
    ]);
    // The 30 July incident: the article's 4 civilians and ACLED's "at least 5" of everyone, apart.
    const joined = await server.read(`query ($id: ID!) { event(id: $id) { incident { fatalities { low high qualifier } ${TOLLS} } } }`, {
      id: `event:fig-${s}-a`,
    });
    expect(joined.event.incident.tolls).toEqual([
      { victims: "CIVILIANS", estimate: { low: 4, high: 4, best: null, qualifier: "EXACT" } },
      { victims: "ALL", estimate: { low: 5, high: null, best: null, qualifier: "AT_LEAST" } },
    ]);
    // People killed, whoever they were: ACLED's figure counting everyone, not the article's civilians.
    expect(joined.event.incident.fatalities).toEqual({ low: 5, high: null, qualifier: "AT_LEAST" });
  });
});

describe("tolls that keep their meaning", () => {
  it("shows the article's civil defence figure as civilians and ACLED's as everyone, never as civilians", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1", { fatalities: "7" })]);
    const data = await server.read(
      `query ($acled: ID!) {
        maarat: event(id: "event:2019-07-22-maarat-al-numan-market-airstrike") {
          fatalities { ${ESTIMATE} } ${TOLLS}
          claims { kind victims estimate { low } }
        }
        acled: event(id: $acled) { fatalities { ${ESTIMATE} } ${TOLLS} claims { kind victims } }
      }`,
      { acled: `event:acled-TST${s}1` },
    );
    expect(data.maarat.tolls).toEqual([{ victims: "CIVILIANS", estimate: { low: 39, high: 39, best: null, qualifier: "EXACT" } }]);
    expect(data.maarat.fatalities).toEqual({ low: 39, high: 39, best: null, qualifier: "EXACT" });
    expect(data.maarat.claims.filter((claim: { kind: string }) => claim.kind === "FATALITIES")).toEqual([
      { kind: "FATALITIES", victims: "CIVILIANS", estimate: { low: 39 } },
    ]);
    expect(data.maarat.claims.filter((claim: { kind: string }) => claim.kind !== "FATALITIES" && claim.kind !== "INJURIES")).toEqual(
      expect.arrayContaining([expect.objectContaining({ victims: null })]),
    );
    expect(data.acled.tolls).toEqual([{ victims: "ALL", estimate: { low: 7, high: null, best: null, qualifier: "AT_LEAST" } }]);
    expect(data.acled.claims).toEqual([{ kind: "FATALITIES", victims: "ALL" }]);
    const province = (await placesOf(`event:acled-TST${s}1`)).province;
    const stats = await server.read(`query ($p: ID!) { eventStats(groupBy: PROVINCE, filter: { placeId: $p }) { ${TOLLS} } }`, {
      p: province,
    });
    expect(stats.eventStats).toEqual([
      { tolls: [{ victims: "ALL", estimate: { low: 7, high: null, best: null, qualifier: "AT_LEAST" } }] },
    ]);
  });

  it("keeps a bundle's victim groups, the side whose fighters are counted, and best estimates, and combines each group apart", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1")]);
    const { town } = await placesOf(`event:acled-TST${s}1`);
    await bundle(
      report(s, "a", { place: town, date: "2020-02-02" }, [
        { estimate: { low: 25, high: 42, best: 38, qualifier: "RANGE" } },
        { estimate: { low: 38, high: 38, qualifier: "EXACT" }, victims: "CIVILIANS" },
        { estimate: { low: 3, high: 3, qualifier: "EXACT" }, victims: "COMBATANTS", victimsOf: `actor:fig-${s}-a-side` },
        { estimate: { low: 0, high: 0, qualifier: "EXACT" }, victims: "UNKNOWN" },
      ]),
    );
    await bundle(
      report(s, "b", { place: town, date: "2020-02-02" }, [
        { estimate: { low: 30, high: 40, best: 35, qualifier: "RANGE" }, victims: "ALL" },
      ]),
    );
    const data = await server.read(
      `query ($a: ID!, $b: ID!) {
        a: event(id: $a) { fatalities { ${ESTIMATE} } ${TOLLS} claims { id victims victimsOf { id } estimate { ${ESTIMATE} } } }
        b: event(id: $b) { ${TOLLS} }
      }`,
      { a: `event:fig-${s}-a`, b: `event:fig-${s}-b` },
    );
    const claims = new Map(data.a.claims.map((claim: { id: string }) => [claim.id, claim]));
    expect(claims.get(`claim:fig-${s}-a-0`)).toEqual({
      id: `claim:fig-${s}-a-0`,
      victims: "ALL",
      victimsOf: null,
      estimate: { low: 25, high: 42, best: 38, qualifier: "RANGE" },
    });
    expect(claims.get(`claim:fig-${s}-a-2`)).toMatchObject({ victims: "COMBATANTS", victimsOf: { id: `actor:fig-${s}-a-side` } });
    // The figure counting everyone is the event's toll; the civilians' 38 is not folded into it.
    expect(data.a.fatalities).toEqual({ low: 25, high: 42, best: 38, qualifier: "RANGE" });
    expect(data.a.tolls).toEqual([
      { victims: "CIVILIANS", estimate: { low: 38, high: 38, best: null, qualifier: "EXACT" } },
      { victims: "COMBATANTS", estimate: { low: 3, high: 3, best: null, qualifier: "EXACT" } },
      { victims: "UNKNOWN", estimate: { low: 0, high: 0, best: null, qualifier: "EXACT" } },
      { victims: "ALL", estimate: { low: 25, high: 42, best: 38, qualifier: "RANGE" } },
    ]);
    expect(data.b.tolls).toEqual([{ victims: "ALL", estimate: { low: 30, high: 40, best: 35, qualifier: "RANGE" } }]);
    // Both reports are one incident: its everyone-toll combines 25–42 (best 38) and 30–40 (best 35), never adding them.
    const incident = await server.read(
      `query ($a: ID!) { event(id: $a) { incident { reports { id } fatalities { ${ESTIMATE} } ${TOLLS} } } }`,
      {
        a: `event:fig-${s}-a`,
      },
    );
    expect(incident.event.incident.reports).toHaveLength(2);
    expect(incident.event.incident.fatalities).toEqual({ low: 25, high: 42, best: 35, qualifier: "RANGE" });
    expect(incident.event.incident.tolls.at(-1)).toEqual({ victims: "ALL", estimate: { low: 25, high: 42, best: 35, qualifier: "RANGE" } });
  });
});

describe("export", () => {
  it("keeps victim groups, the counted side and best estimates: its bundle re-imports as unchanged", async () => {
    const s = uniqueSuffix();
    // A town of its own: whole-graph counts elsewhere (research, routing) read the article's province.
    const town = { id: `place:fig-${s}-x-town`, name: `Town x ${s}`, kind: "TOWN" };
    const written = report(s, "x", { place: town.id, date: "2021-06-06" }, [
      { estimate: { low: 25, high: 42, best: 38, qualifier: "RANGE" } },
      { estimate: { low: 3, high: 3, qualifier: "EXACT" }, victims: "COMBATANTS", victimsOf: `actor:fig-${s}-x-side` },
      { estimate: { low: 9, high: 9, qualifier: "EXACT" }, victims: "ALL" },
    ]);
    await bundle({ ...written, places: [town] });
    const database = openTestDatabase(inject("neo4jUri"));
    try {
      // exportGraph reads one state of the graph while other files import (readGraph alone could see a claim
      // committed after its source was read).
      const { bundles } = await exportGraph(database.db);
      const exported = bundles.find((file) => (file.source as { id: string }).id === `source:fig-${s}-x`)!;
      const claims = new Map((exported.claims as { id: string }[]).map((claim) => [claim.id, claim]));
      expect(claims.get(`claim:fig-${s}-x-0`)).toMatchObject({ estimate: { low: 25, high: 42, best: 38, qualifier: "RANGE" } });
      expect(claims.get(`claim:fig-${s}-x-0`)).not.toHaveProperty("victims");
      expect(claims.get(`claim:fig-${s}-x-1`)).toMatchObject({ victims: "COMBATANTS", victimsOf: `actor:fig-${s}-x-side` });
      expect(claims.get(`claim:fig-${s}-x-2`)).toMatchObject({ victims: "ALL" });
      const again = await importBundle(server, exported);
      expect(again.errors).toBeUndefined();
      expect(again.data!.importBundle).toMatchObject({ created: 0, updated: 0 });
    } finally {
      await database.close();
    }
  });
});

describe("ACLED roles", () => {
  it("makes a protest's protesters participants, not perpetrators, and a riot's victims victims", async () => {
    const s = uniqueSuffix();
    await acled([
      row(s, "p", {
        event_type: "Protests",
        sub_event_type: "Peaceful protest",
        actor1: `Protesters (Testland ${s})`,
        inter1: "6",
        actor2: "",
        assoc_actor_2: "",
        inter2: "",
        fatalities: "0",
      }),
      row(s, "r", {
        event_type: "Riots",
        sub_event_type: "Mob violence",
        actor1: `Rioters (Testland ${s})`,
        inter1: "5",
        actor2: `Civilians (Testland ${s})`,
        assoc_actor_2: "",
        inter2: "7",
        fatalities: "1",
      }),
    ]);
    const data = await server.read(
      `query ($p: ID!, $r: ID!) {
        p: event(id: $p) { perpetrators { id } participants { role actor { name } } }
        r: event(id: $r) { perpetrators { id } participants { role actor { name } } }
      }`,
      { p: `event:acled-TST${s}p`, r: `event:acled-TST${s}r` },
    );
    expect(data.p).toEqual({ perpetrators: [], participants: [{ role: "PARTICIPANT", actor: { name: `Protesters (Testland ${s})` } }] });
    expect(data.r.perpetrators).toEqual([]);
    expect(data.r.participants).toEqual(
      expect.arrayContaining([
        { role: "PARTICIPANT", actor: { name: `Rioters (Testland ${s})` } },
        { role: "VICTIM", actor: { name: `Civilians (Testland ${s})` } },
      ]),
    );
  });
});
