/**
 * Incidents across datasets through HTTP (issue 22, part 4): date spans (`Event.endDate`) that overlap by their
 * intervals, and categories that are compatible rather than equal (UCDP's kinds of violence beside ACLED's
 * categories; graph/incidentRules.ts COMPATIBLE_CATEGORIES). A UCDP-like report is a bundle of a publisher of its own
 * stating a kind of violence and a span; each test builds its own places in a fictional country named with its suffix.
 */
import { describe, expect, it } from "vitest";
import { acledCsv, acledRecord, type AcledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

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
const acledEvent = (s: string, id: string) => `event:acled-TST${s}${id}`;

const BATTLE: AcledRecord = { event_type: "Battles", sub_event_type: "Armed clash", civilian_targeting: "" };
const ATTACK_ON_CIVILIANS: AcledRecord = { event_type: "Violence against civilians", sub_event_type: "Attack" };

/** A report of one event by a dataset of its own (`publisher`), as a UCDP row would give it: a kind of violence, a span. */
function datasetReport(
  s: string,
  tag: string,
  event: { place: string; date: string; endDate?: string; datePrecision?: string; category: string; type?: string },
  publisher = "ucdp",
) {
  const text = `Event ${tag} ${s}: deaths in the town, by the dataset's account.`;
  return {
    source: { id: `source:ds-${s}-${tag}`, title: `Row ${tag} ${s}`, text, publisher: `actor:ds-${s}-${publisher}` },
    actors: [{ id: `actor:ds-${s}-${publisher}`, name: `Dataset ${publisher} ${s}`, kind: "OTHER" }],
    events: [
      {
        id: `event:ds-${s}-${tag}`,
        title: `Event ${tag} ${s}`,
        category: event.category,
        type: event.type ?? "AIR_DRONE_STRIKE",
        date: event.date,
        ...(event.endDate ? { endDate: event.endDate } : {}),
        datePrecision: event.datePrecision ?? "DAY",
        places: [event.place],
        quotes: [text],
      },
    ],
  };
}

const dsEvent = (s: string, tag: string) => `event:ds-${s}-${tag}`;

async function incidentOf(eventId: string): Promise<{ id: string; match: string; reports: string[]; candidates: string[] }> {
  const data = await server.read(`query ($id: ID!) { event(id: $id) { incident { id match reports { id } } incidentCandidates { id } } }`, {
    id: eventId,
  });
  return {
    id: data.event.incident.id,
    match: data.event.incident.match,
    reports: (data.event.incident.reports as { id: string }[]).map((report) => report.id).sort(),
    candidates: (data.event.incidentCandidates as { id: string }[]).map((candidate) => candidate.id),
  };
}

async function placesOf(eventId: string): Promise<{ town: string; district: string; province: string }> {
  const data = await server.read(`query ($id: ID!) { event(id: $id) { places { id ancestors { id kind } } } }`, { id: eventId });
  const place = data.event.places[0];
  const ancestors = place.ancestors as { id: string; kind: string }[];
  return {
    town: place.id,
    district: ancestors.find((ancestor) => ancestor.kind === "DISTRICT")!.id,
    province: ancestors.find((ancestor) => ancestor.kind === "PROVINCE")!.id,
  };
}

describe("Event.endDate", () => {
  it("is stored from a bundle, answers the interval's last day without one, and may not come before the date", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1")]);
    const { town } = await placesOf(acledEvent(s, "1"));
    await bundle(datasetReport(s, "span", { place: town, date: "2020-01-05", endDate: "2020-01-09", category: "STATE_BASED_VIOLENCE" }));
    for (const [tag, datePrecision] of [
      ["day", "DAY"],
      ["week", "WEEK"],
      ["month", "MONTH"],
      ["year", "YEAR"],
    ] as const) {
      await bundle(
        datasetReport(s, tag, { place: town, date: "2020-02-10", datePrecision, category: "PROTESTS", type: "PEACEFUL_PROTEST" }, tag),
      );
    }
    const endDates: string[] = [];
    for (const tag of ["span", "day", "week", "month", "year"]) {
      const data = await server.read(`query ($id: ID!) { event(id: $id) { endDate } }`, { id: dsEvent(s, tag) });
      endDates.push(data.event.endDate);
    }
    expect(endDates).toEqual([
      "2020-01-09",
      "2020-02-10",
      // A WEEK date is the middle of its week; a MONTH or YEAR date stands for its month or year.
      "2020-02-13",
      "2020-02-29",
      "2020-12-31",
    ]);

    const backwards = datasetReport(s, "bad", { place: town, date: "2020-01-05", endDate: "2020-01-04", category: "STATE_BASED_VIOLENCE" });
    const response = await importBundle(server, backwards);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "events.0.endDate", message: "must not be before date" }],
    });
    expect(await server.read(`query ($id: ID!) { event(id: $id) { id } }`, { id: dsEvent(s, "bad") })).toEqual({ event: null });
  });
});

describe("matching across datasets", () => {
  it("joins an ACLED air strike and a state-based span that covers its day, and either way round", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1", { event_date: "2021-03-12" })]);
    const { town } = await placesOf(acledEvent(s, "1"));
    await bundle(datasetReport(s, "a", { place: town, date: "2021-03-10", endDate: "2021-03-14", category: "STATE_BASED_VIOLENCE" }));
    expect(await incidentOf(dsEvent(s, "a"))).toMatchObject({
      id: `incident:acled-TST${s}1`,
      match: "AUTOMATIC",
      reports: [acledEvent(s, "1"), dsEvent(s, "a")].sort(),
    });

    // The span first, then a shelling at its last day; and a clash of two groups (non-state) with ACLED's battle.
    await bundle(datasetReport(s, "b", { place: town, date: "2021-05-01", endDate: "2021-05-20", category: "STATE_BASED_VIOLENCE" }));
    await acled([row(s, "2", { event_date: "2021-05-20", sub_event_type: "Shelling/artillery/missile attack" })]);
    expect((await incidentOf(acledEvent(s, "2"))).id).toBe(`incident:ds-${s}-b`);
    await acled([row(s, "3", { event_date: "2021-07-01", ...BATTLE })]);
    await bundle(datasetReport(s, "c", { place: town, date: "2021-07-01", category: "NON_STATE_VIOLENCE", type: "ARMED_CLASH" }));
    expect((await incidentOf(dsEvent(s, "c"))).id).toBe(`incident:acled-TST${s}3`);
  });

  it("joins ACLED's violence against civilians with one-sided violence, and a MONTH row with a span inside its month", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1", { event_date: "2021-08-03", ...ATTACK_ON_CIVILIANS })]);
    const { town } = await placesOf(acledEvent(s, "1"));
    await bundle(datasetReport(s, "a", { place: town, date: "2021-08-03", category: "ONE_SIDED_VIOLENCE", type: "ATTACK" }));
    expect((await incidentOf(dsEvent(s, "a"))).id).toBe(`incident:acled-TST${s}1`);

    await acled([row(s, "2", { event_date: "2021-10-15", time_precision: "3" })]);
    await bundle(datasetReport(s, "b", { place: town, date: "2021-10-28", endDate: "2021-11-02", category: "STATE_BASED_VIOLENCE" }));
    expect((await incidentOf(dsEvent(s, "b"))).id).toBe(`incident:acled-TST${s}2`);
  });

  it("keeps apart the day before, a place known only to its district or province, and incompatible kinds of violence", async () => {
    const s = uniqueSuffix();
    await acled([row(s, "1", { event_date: "2021-03-12" })]);
    const places = await placesOf(acledEvent(s, "1"));
    const apart = [
      // A span that ends the day before the strike.
      datasetReport(s, "before", { place: places.town, date: "2021-03-08", endDate: "2021-03-11", category: "STATE_BASED_VIOLENCE" }, "p1"),
      // The right day and kind, but known only to the district, or to the province.
      datasetReport(s, "district", { place: places.district, date: "2021-03-12", category: "STATE_BASED_VIOLENCE" }, "p2"),
      datasetReport(s, "province", { place: places.province, date: "2021-03-12", category: "STATE_BASED_VIOLENCE" }, "p3"),
      // A span longer than a month is left to editors, like a date known only to the year.
      datasetReport(s, "long", { place: places.town, date: "2021-03-01", endDate: "2021-04-15", category: "STATE_BASED_VIOLENCE" }, "p4"),
    ];
    for (const report of apart) await bundle(report);
    for (const tag of ["before", "district", "province", "long"]) {
      expect(await incidentOf(dsEvent(s, tag)), tag).toMatchObject({ match: "SINGLE", candidates: [] });
    }
    expect(await incidentOf(acledEvent(s, "1"))).toMatchObject({ match: "SINGLE", candidates: [] });

    // A battle is never one-sided; violence against civilians is never a fight between two groups.
    await acled([row(s, "2", { event_date: "2021-06-01", ...BATTLE }), row(s, "3", { event_date: "2021-06-20", ...ATTACK_ON_CIVILIANS })]);
    await bundle(
      datasetReport(s, "battle", { place: places.town, date: "2021-06-01", category: "ONE_SIDED_VIOLENCE", type: "ATTACK" }, "p5"),
    );
    await bundle(datasetReport(s, "civilians", { place: places.town, date: "2021-06-20", category: "NON_STATE_VIOLENCE" }, "p6"));
    for (const tag of ["battle", "civilians"]) {
      expect(await incidentOf(dsEvent(s, tag)), tag).toMatchObject({ match: "SINGLE", candidates: [] });
    }
    for (const id of ["2", "3"]) expect((await incidentOf(acledEvent(s, id))).match).toBe("SINGLE");
  });

  it("shows an editor the same candidates that matching considers: compatible kinds and overlapping spans only", async () => {
    const s = uniqueSuffix();
    // Two strikes on one day in one town: matching cannot choose, an editor sees both, and only those.
    await acled([
      row(s, "1", { event_date: "2021-09-09" }),
      row(s, "2", { event_date: "2021-09-09" }),
      row(s, "3", { event_date: "2021-09-09", ...BATTLE }),
    ]);
    const { town } = await placesOf(acledEvent(s, "1"));
    await bundle(datasetReport(s, "a", { place: town, date: "2021-09-08", endDate: "2021-09-10", category: "ONE_SIDED_VIOLENCE" }));
    const incident = await incidentOf(dsEvent(s, "a"));
    expect(incident.match).toBe("SINGLE");
    expect(incident.candidates.sort()).toEqual([`incident:acled-TST${s}1`, `incident:acled-TST${s}2`].sort());
  });
});
