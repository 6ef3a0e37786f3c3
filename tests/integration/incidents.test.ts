/**
 * Incidents through HTTP: automatic matching of reports on import (ACLED rows and bundles alike), editors' decisions
 * with `linkIncident`, and statistics that count one incident once. Every test builds its own places in a fictional
 * country named with its suffix (ACLED rows create them), so no two tests, and not the article, share a place.
 */
import { describe, expect, it } from "vitest";
import { article } from "../helpers/article.js";
import { acledCsv, acledRecord, type AcledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { asEditor, asReader, importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);

async function acled(records: readonly AcledRecord[]): Promise<void> {
  const response = await importAcled(server, acledCsv(records));
  expect(response.errors).toBeUndefined();
}

async function bundle(value: unknown): Promise<void> {
  const response = await importBundle(server, value);
  expect(response.errors).toBeUndefined();
}

/** An ACLED row of test `s` in town `town` (inside the test's own district and province). */
function row(s: string, id: string, overrides: AcledRecord = {}): AcledRecord {
  return acledRecord(s, { event_id_cnty: `TST${s}${id}`, ...overrides });
}

const town = (s: string, name: string) => `${name} ${s}`;

/**
 * An article of its own publisher reporting one event: a strike at `place` on `date`, with a fatality figure.
 * Publishers differ by `publisher`, so two calls with the same one are two reports of one source.
 */
function articleReport(
  s: string,
  tag: string,
  event: {
    place: string;
    date: string;
    datePrecision?: string;
    category?: string;
    type?: string;
    killed?: { low: number; high: number | null; qualifier: string };
  },
  publisher = "agency",
) {
  const killed = event.killed ?? { low: 3, high: 3, qualifier: "EXACT" };
  const text = `An air strike hit the town, report ${tag} ${s} said. ${killed.low} civilians were killed, according to local medics.`;
  return {
    source: {
      id: `source:inc-${s}-${tag}`,
      title: `Report ${tag} ${s}`,
      publishedOn: event.date,
      text,
      publisher: `actor:inc-${s}-${publisher}`,
    },
    actors: [{ id: `actor:inc-${s}-${publisher}`, name: `Agency ${publisher} ${s}`, kind: "MEDIA" }],
    events: [
      {
        id: `event:inc-${s}-${tag}`,
        title: `Strike ${tag} ${s}`,
        category: event.category ?? "EXPLOSIONS_REMOTE_VIOLENCE",
        type: event.type ?? "AIR_DRONE_STRIKE",
        date: event.date,
        datePrecision: event.datePrecision ?? "DAY",
        places: [event.place],
        quotes: [`An air strike hit the town, report ${tag} ${s} said.`],
      },
    ],
    claims: [
      {
        id: `claim:inc-${s}-${tag}-killed`,
        kind: "FATALITIES",
        text: `Local medics: ${killed.low} killed.`,
        event: `event:inc-${s}-${tag}`,
        estimate: killed,
        assertedBy: `actor:inc-${s}-${publisher}`,
        quotes: [`${killed.low} civilians were killed, according to local medics.`],
      },
    ],
  };
}

const INCIDENT = "id date match fatalities { low high qualifier } injuries { low high qualifier } reports { id }";

async function incidentOf(eventId: string): Promise<Record<string, any>> {
  const data = await server.read(`query ($id: ID!) { event(id: $id) { incident { ${INCIDENT} } incidentCandidates { id } } }`, {
    id: eventId,
  });
  const incident = data.event.incident as Record<string, unknown>;
  return { ...incident, candidates: (data.event.incidentCandidates as { id: string }[]).map((candidate) => candidate.id) };
}

/** The id of the place an ACLED row's event happened at, and of its province. */
async function placesOf(eventId: string): Promise<{ town: string; province: string; district: string }> {
  const data = await server.read(`query ($id: ID!) { event(id: $id) { places { id ancestors { id kind } } } }`, { id: eventId });
  const place = data.event.places[0];
  const ancestors = place.ancestors as { id: string; kind: string }[];
  return {
    town: place.id,
    province: ancestors.find((ancestor) => ancestor.kind === "PROVINCE")!.id,
    district: ancestors.find((ancestor) => ancestor.kind === "DISTRICT")!.id,
  };
}

const acledEvent = (s: string, id: string) => `event:acled-TST${s}${id}`;

describe("automatic matching", () => {
  it("joins an article's report and an ACLED row of the same strike, whichever comes first, with both tolls", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1", { fatalities: "2" })]);
    const places = await placesOf(acledEvent(s, "1"));
    // Same town, same day, a shelling by the article's account: the same category of event.
    await bundle(
      articleReport(s, "a", {
        place: places.town,
        date: "2021-03-12",
        type: "SHELLING_ARTILLERY_MISSILE_ATTACK",
        killed: { low: 4, high: 4, qualifier: "EXACT" },
      }),
    );
    const incident = await incidentOf(`event:inc-${s}-a`);
    expect(incident).toMatchObject({
      id: `incident:acled-TST${s}1`,
      date: "2021-03-12",
      match: "AUTOMATIC",
      // ACLED: at least 2; the article: exactly 4. The lowest figure, open above because ACLED's is a floor.
      fatalities: { low: 2, high: null, qualifier: "AT_LEAST" },
      candidates: [],
    });
    expect(incident.reports.map((report: { id: string }) => report.id).sort()).toEqual([acledEvent(s, "1"), `event:inc-${s}-a`].sort());
    expect((await incidentOf(acledEvent(s, "1"))).id).toBe(incident.id);

    // The incident answers by id, as a Node too, and its toll follows a report's changed claim.
    const byId = await server.read(
      `query ($id: ID!) { incident(id: $id) { id reports { id } } node(id: $id) { id ... on Incident { match } } }`,
      {
        id: incident.id,
      },
    );
    expect(byId.incident.reports).toHaveLength(2);
    expect(byId.node).toEqual({ id: incident.id, match: "AUTOMATIC" });
    await acled([row(s, "1", { fatalities: "0" })]);
    expect((await incidentOf(acledEvent(s, "1"))).fatalities).toEqual({ low: 0, high: 4, qualifier: "RANGE" });

    // The other way round: the article first, then ACLED's row for it.
    await bundle(articleReport(s, "b", { place: places.town, date: "2021-04-02" }));
    await acled([row(s, "2", { event_date: "2021-04-02", location: town(s, "Kafr Latah") })]);
    expect((await incidentOf(acledEvent(s, "2"))).id).toBe(`incident:inc-${s}-b`);
  });

  it("joins within the reports' date precision: a WEEK row three days off, not a DAY row one day off", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1", { event_date: "2021-05-10" })]);
    const places = await placesOf(acledEvent(s, "1"));
    await bundle(articleReport(s, "a", { place: places.town, date: "2021-05-11" }));
    expect((await incidentOf(`event:inc-${s}-a`)).match).toBe("SINGLE");

    await acled([row(s, "2", { event_date: "2021-06-13", time_precision: "2" })]);
    await bundle(articleReport(s, "b", { place: places.town, date: "2021-06-10" }));
    expect((await incidentOf(`event:inc-${s}-b`)).id).toBe(`incident:acled-TST${s}2`);
  });

  it("keeps apart the same day in another town, and the same town three days apart", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1"), row(s, "2", { location: town(s, "Ihsim") })]);
    const first = await placesOf(acledEvent(s, "1"));
    const second = await placesOf(acledEvent(s, "2"));
    expect(second.town).not.toBe(first.town);
    await bundle(articleReport(s, "a", { place: second.town, date: "2021-03-12" }));
    const other = await incidentOf(`event:inc-${s}-a`);
    expect(other.reports.map((report: { id: string }) => report.id).sort()).toEqual([acledEvent(s, "2"), `event:inc-${s}-a`].sort());

    await bundle(articleReport(s, "b", { place: first.town, date: "2021-03-15" }));
    expect(await incidentOf(`event:inc-${s}-b`)).toMatchObject({ match: "SINGLE", candidates: [] });
    expect((await incidentOf(acledEvent(s, "1"))).match).toBe("SINGLE");
  });

  it("never joins a different kind of event, or a report at a province or district", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1")]);
    const places = await placesOf(acledEvent(s, "1"));
    await bundle(articleReport(s, "a", { place: places.town, date: "2021-03-12", category: "BATTLES", type: "ARMED_CLASH" }));
    await bundle(articleReport(s, "b", { place: places.province, date: "2021-03-12" }, "other"));
    await bundle(articleReport(s, "c", { place: places.district, date: "2021-03-12" }, "third"));
    for (const tag of ["a", "b", "c"]) expect(await incidentOf(`event:inc-${s}-${tag}`)).toMatchObject({ match: "SINGLE", candidates: [] });
    expect((await incidentOf(acledEvent(s, "1"))).reports).toHaveLength(1);
  });

  it("leaves two strikes in one town on one day apart, and shows each as a candidate of a third report", async () => {
    const s = uniqueSuffix();
    // One ACLED export's two rows are two events by ACLED's own reckoning: never one incident.
    await acled([row(s, "1"), row(s, "2")]);
    expect((await incidentOf(acledEvent(s, "1"))).match).toBe("SINGLE");
    const places = await placesOf(acledEvent(s, "1"));
    await bundle(articleReport(s, "a", { place: places.town, date: "2021-03-12" }));
    const incident = await incidentOf(`event:inc-${s}-a`);
    expect(incident).toMatchObject({ id: `incident:inc-${s}-a`, match: "SINGLE" });
    expect(incident.candidates.sort()).toEqual([`incident:acled-TST${s}1`, `incident:acled-TST${s}2`].sort());
    expect((await incidentOf(acledEvent(s, "1"))).candidates).toEqual([incident.id]);
  });

  it("does not guess when an article's two reports fit one ACLED row", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1")]);
    const places = await placesOf(acledEvent(s, "1"));
    const one = articleReport(s, "a", { place: places.town, date: "2021-03-12" });
    const two = articleReport(s, "b", { place: places.town, date: "2021-03-12" });
    // Both reports come from one article: same source, same publisher.
    await bundle({
      ...one,
      source: { ...one.source, text: `${one.source.text} ${two.source.text}` },
      events: [...one.events, ...two.events],
    });
    for (const tag of ["a", "b"]) expect((await incidentOf(`event:inc-${s}-${tag}`)).match).toBe("SINGLE");
    expect((await incidentOf(acledEvent(s, "1"))).candidates.sort()).toEqual([`incident:inc-${s}-a`, `incident:inc-${s}-b`].sort());
  });

  it("matches an updated report again unless an editor decided", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1")]);
    const places = await placesOf(acledEvent(s, "1"));
    await bundle(articleReport(s, "a", { place: places.town, date: "2021-03-12" }));
    expect((await incidentOf(`event:inc-${s}-a`)).match).toBe("AUTOMATIC");
    // ACLED corrects the row's date: the reports part. The incident keeps its id; the row that left gets another.
    await acled([row(s, "1", { event_date: "2021-03-20" })]);
    expect(await incidentOf(acledEvent(s, "1"))).toMatchObject({ id: `incident:acled-TST${s}1.2`, match: "SINGLE", date: "2021-03-20" });
    expect(await incidentOf(`event:inc-${s}-a`)).toMatchObject({
      id: `incident:acled-TST${s}1`,
      match: "SINGLE",
      reports: [{ id: `event:inc-${s}-a` }],
    });
    // And back: they meet again, in the incident that kept its id.
    await acled([row(s, "1")]);
    expect(await incidentOf(acledEvent(s, "1"))).toMatchObject({ id: `incident:acled-TST${s}1`, match: "AUTOMATIC" });
    expect(await server.read(`{ incident(id: "incident:acled-TST${s}1.2") { id } }`)).toEqual({ incident: null });
  });
});

const LINK = `mutation ($ids: [ID!]!, $same: Boolean) { linkIncident(eventIds: $ids, same: $same) { ${INCIDENT} } }`;

async function link(ids: string[], same: boolean): Promise<Record<string, any>[]> {
  const response = await server.graphql(LINK, { ids, same }, asEditor);
  expect(response.errors).toBeUndefined();
  return response.data!.linkIncident as Record<string, any>[];
}

describe("linkIncident", () => {
  it("splits an automatic match for good and joins reports matching did not, surviving re-imports", async () => {
    const s = uniqueSuffix();
    const rows = [row(s, "1"), row(s, "2", { location: town(s, "Ihsim"), event_date: "2021-03-14" })];
    await acled(rows);
    const places = await placesOf(acledEvent(s, "1"));
    const report = articleReport(s, "a", { place: places.town, date: "2021-03-12" });
    await bundle(report);
    expect((await incidentOf(`event:inc-${s}-a`)).id).toBe(`incident:acled-TST${s}1`);

    const split = await link([acledEvent(s, "1"), `event:inc-${s}-a`], false);
    expect(split.map((incident) => incident.match as string)).toEqual(["CURATED", "CURATED"]);
    expect(split[0]!.id).toBe(`incident:acled-TST${s}1`);
    expect(split[1]!.reports).toEqual([{ id: `event:inc-${s}-a` }]);

    // An editor's join across towns and days that matching would never make.
    const joined = await link([acledEvent(s, "2"), `event:inc-${s}-a`], true);
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ id: `incident:acled-TST${s}2`, match: "CURATED" });

    // Re-imports, unchanged and changed, leave both decisions standing.
    await acled(rows);
    await bundle(report);
    await acled(rows.map((record) => ({ ...record, notes: `${record.notes} Updated.` })));
    await bundle({ ...report, events: report.events.map((event) => ({ ...event, title: `${event.title} (updated)` })) });
    expect(await incidentOf(`event:inc-${s}-a`)).toMatchObject({ id: `incident:acled-TST${s}2`, match: "CURATED" });
    expect((await incidentOf(acledEvent(s, "1"))).reports).toEqual([{ id: acledEvent(s, "1") }]);
    // The kept-apart incident is not even a candidate.
    expect((await incidentOf(acledEvent(s, "1"))).candidates).toEqual([]);
  });

  it("refuses anonymous callers and readers, and bad input with BAD_USER_INPUT naming the reason, changing nothing", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1")]);
    const places = await placesOf(acledEvent(s, "1"));
    await bundle(articleReport(s, "a", { place: places.town, date: "2021-03-12" }));
    const before = await incidentOf(acledEvent(s, "1"));
    const ids = [acledEvent(s, "1"), `event:inc-${s}-a`];

    const anonymous = await server.graphql(LINK, { ids, same: false });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const reader = await server.graphql(LINK, { ids, same: false }, asReader);
    expect(reader.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const refusals: [string[], RegExp][] = [
      [[acledEvent(s, "1")], /at least two distinct event ids/],
      [[acledEvent(s, "1"), acledEvent(s, "1")], /at least two distinct event ids/],
      [Array.from({ length: 21 }, (_, i) => `event:inc-${s}-${i}`), /at most 20 event ids/],
      [[acledEvent(s, "1"), `event:inc-${s}-nothing`], /Unknown event "event:inc-.*-nothing"/],
      [[acledEvent(s, "1"), `place:inc-${s}`], /eventIds\.1 must be an event id/],
    ];
    for (const [eventIds, message] of refusals) {
      for (const same of [true, false]) {
        const response = await server.graphql(LINK, { ids: eventIds, same }, asEditor);
        expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
        expect(response.errors?.[0]?.message).toMatch(message);
      }
    }
    expect(await incidentOf(acledEvent(s, "1"))).toEqual(before);

    // Joining a report into an incident that holds one an editor kept apart from it is refused too.
    await bundle(articleReport(s, "b", { place: places.town, date: "2021-03-30" }, "other"));
    await link([`event:inc-${s}-b`, `event:inc-${s}-a`], false);
    const conflict = await server.graphql(LINK, { ids: [acledEvent(s, "1"), `event:inc-${s}-b`], same: true }, asEditor);
    expect(conflict.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(conflict.errors?.[0]?.message).toMatch(/kept apart/);
    expect(await incidentOf(acledEvent(s, "1"))).toEqual(before);
  });
});

describe("counting once", () => {
  const STATS = `query ($place: ID!) {
    eventStats(groupBy: TYPE, filter: { placeId: $place }) { key events reports fatalitiesLow fatalitiesHigh }
    incidents(filter: { placeId: $place }) { totalCount }
    events(filter: { placeId: $place }) { totalCount }
  }`;

  it("counts incidents once and their combined tolls once: a second source adds a report, not an incident", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1", { fatalities: "5" }), row(s, "2", { location: town(s, "Ihsim"), fatalities: "1" })]);
    const places = await placesOf(acledEvent(s, "1"));
    const before = await server.read(STATS, { place: places.province });
    expect(before.eventStats).toEqual([{ key: "AIR_DRONE_STRIKE", events: 2, reports: 2, fatalitiesLow: 6, fatalitiesHigh: null }]);
    expect(before.incidents.totalCount).toBe(2);

    // The article's report of the first strike: at least 7, which neither lowers nor closes ACLED's "at least 5".
    await bundle(articleReport(s, "a", { place: places.town, date: "2021-03-12", killed: { low: 7, high: null, qualifier: "AT_LEAST" } }));
    const after = await server.read(STATS, { place: places.province });
    expect(after.eventStats).toEqual([{ key: "AIR_DRONE_STRIKE", events: 2, reports: 3, fatalitiesLow: 6, fatalitiesHigh: null }]);
    expect(after.incidents.totalCount).toBe(2);
    expect(after.events.totalCount).toBe(3);
  });

  it("pages incidents newest first with keyset cursors, each once", async () => {
    const s = uniqueSuffix();
    const dates = ["2021-01-05", "2021-02-05", "2021-03-05", "2021-04-05", "2021-05-05"];
    await acled(dates.map((date, i) => row(s, String(i), { event_date: date })));
    const places = await placesOf(acledEvent(s, "0"));
    // A second report of the March strike: still five incidents.
    await bundle(articleReport(s, "a", { place: places.town, date: "2021-03-05" }));
    const PAGE = `query ($place: ID!, $after: String, $before: String, $first: Int, $last: Int) {
      incidents(filter: { placeId: $place }, first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { id date reports { id } } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
      }
    }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Record<string, any> = (await server.read(PAGE, { place: places.province, first: 2, after })).incidents;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((edge: { node: { date: string } }) => edge.node.date));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...dates].reverse());
    const last = (await server.read(PAGE, { place: places.province, last: 2 })).incidents;
    expect(last.edges.map((edge: { node: { date: string } }) => edge.node.date)).toEqual(["2021-02-05", "2021-01-05"]);
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    const march = (await server.read(PAGE, { place: places.province, first: 5 })).incidents.edges[2].node;
    expect(march.reports).toHaveLength(2);
  });
});

/**
 * The article's Maarat al-Numan market strike, copied with ids and names of the test's own (so that the seeded article
 * is left as it is), and ACLED's row for it: the date, place and type of the seed.
 */
function articleCopy(s: string): unknown {
  const rename = (value: unknown, key: string | null): unknown => {
    if (typeof value === "string") {
      if (/^[a-z]+:[A-Za-z0-9]/.test(value) && key !== "text" && key !== "title" && key !== "quotes") return `${value}-${s}`;
      if (key === "name" || key === "aliases") return `${value} ${s}`;
      return value;
    }
    if (Array.isArray(value)) return value.map((item) => rename(item, key));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([inner]) => inner !== "wikidataId" && inner !== "identifiers")
          .map(([inner, innerValue]) => [inner, rename(innerValue, inner)]),
      );
    }
    return value;
  };
  return rename(article, null);
}

describe("the article and ACLED", () => {
  it("make the Maarat al-Numan market strike one incident with both tolls", async () => {
    const s = uniqueSuffix();
    await bundle(articleCopy(s));
    const strike = `event:2019-07-22-maarat-al-numan-market-airstrike-${s}`;
    const seeded = article.events!.find((event) => event.id === "event:2019-07-22-maarat-al-numan-market-airstrike")!;
    await acled([
      acledRecord(s, {
        event_id_cnty: `TST${s}MAARAT`,
        event_date: seeded.date,
        country: `Syria ${s}`,
        admin1: `Idleb ${s}`,
        admin2: "",
        location: `Maarat al-Numan ${s}`,
        sub_event_type: "Air/drone strike",
        fatalities: "38",
        notes: `On 22 July 2019, Russian warplanes struck the market of Maarat al-Numan ${s}, killing 38 civilians.`,
      }),
    ]);
    const row = `event:acled-TST${s}MAARAT`;
    const data = await server.read(
      `query ($id: ID!) { event(id: $id) { places { id } incident { id match fatalities { low high qualifier }
        reports { id claims { estimate { low high qualifier } assertedBy { id } } } } } }`,
      { id: row },
    );
    expect(data.event.places).toEqual([{ id: `place:maarat-al-numan-${s}` }]);
    const incident = data.event.incident;
    expect(incident).toMatchObject({ id: `incident:2019-07-22-maarat-al-numan-market-airstrike-${s}`, match: "AUTOMATIC" });
    expect(incident.reports.map((report: { id: string }) => report.id).sort()).toEqual([row, strike].sort());
    // The civil defence's 39 and ACLED's "at least 38": the lowest, and open above.
    expect(incident.fatalities).toEqual({ low: 38, high: null, qualifier: "AT_LEAST" });
    const figures = incident.reports.flatMap((report: { claims: { estimate: { low: number } | null; assertedBy: { id: string } }[] }) =>
      report.claims.filter((claim) => claim.estimate).map((claim) => [claim.assertedBy.id, claim.estimate!.low]),
    );
    expect(figures).toEqual(
      expect.arrayContaining([
        [`actor:syria-civil-defence-${s}`, 39],
        ["actor:acled", 38],
      ]),
    );
  });
});
