import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { MAX_TOLL } from "../../src/graph/limits.js";
import { ucdpDraft } from "../../src/ingest/ucdp/ucdpDraft.js";
import { GED_19_COLUMNS, GED_20_COLUMNS, ucdpLayout } from "../../src/ingest/ucdp/ucdpLayouts.js";
import { parseUcdpSide, ucdpPlaceName } from "../../src/ingest/ucdp/ucdpNames.js";
import { readUcdp } from "../../src/ingest/ucdp/ucdpRows.js";
import { Pacer } from "../../src/pacer.js";
import { ged20Csv, ucdpCsv, ucdpRecord, ucdpRecords } from "../helpers/ucdp.js";

const read = (csv: string) => readUcdp(Readable.from([csv]), new Pacer());

describe("UCDP GED layouts", () => {
  it("tells 19.x's 41 columns from 20.1's 49 by the header, in any order, and says what is missing", () => {
    expect(GED_19_COLUMNS).toHaveLength(41);
    expect(GED_20_COLUMNS).toHaveLength(49);
    expect(ucdpLayout([...GED_19_COLUMNS])).toEqual({ layout: "GED_19" });
    expect(ucdpLayout([...GED_20_COLUMNS].reverse())).toEqual({ layout: "GED_20" });
    expect(ucdpLayout(GED_19_COLUMNS.filter((column) => column !== "best")).problem).toMatch(/missing column best$/);
    expect(ucdpLayout([...GED_19_COLUMNS, "relid"]).problem).toMatch(/49 columns.*missing columns code_status/);
    expect(ucdpLayout([...GED_19_COLUMNS, "notes"]).problem).toMatch(/unknown column notes/);
    expect(ucdpLayout([...GED_19_COLUMNS, "id"]).problem).toMatch(/repeats id/);
  });

  it("reads the same rows from both layouts", async () => {
    const records = ucdpRecords();
    const [old, current] = await Promise.all([read(ucdpCsv(records)), read(ged20Csv(records))]);
    expect(old.problems).toEqual([]);
    expect(current.problems).toEqual([]);
    expect([old.layout, current.layout]).toEqual(["GED_19", "GED_20"]);
    expect(old.rows).toHaveLength(30);
    const comparable = (rows: typeof old.rows) => rows.map(({ columns: _columns, layout: _layout, ...row }) => row);
    expect(comparable(current.rows)).toEqual(comparable(old.rows));
  });
});

describe("UCDP GED rows", () => {
  it("reads the Maarat al-Numan market strike as UCDP codes it", async () => {
    const { rows, warnings } = await read(ucdpCsv([ucdpRecord("303399")]));
    expect(warnings).toEqual([]);
    expect(rows[0]).toMatchObject({
      id: "303399",
      violence: "STATE_BASED_VIOLENCE",
      sideA: { id: "118", name: "Government of Syria" },
      sideB: { id: "4456", name: "Syrian insurgents" },
      offices: ["SOHR", "Airwars"],
      whereCoordinates: "Maarat al-Numaan town",
      dateStart: "2019-07-22",
      dateEnd: "2019-07-22",
      deaths: { a: 0, b: 0, civilians: 38, unknown: 0 },
      low: 25,
      best: 38,
      high: 42,
    });
  });

  it("keeps rows whose figures are out of order, with a warning at the row and column saying what was kept", async () => {
    const { rows, problems, warnings } = await read(ucdpCsv(["303601", "219459", "313666", "278932"].map(ucdpRecord)));
    expect(problems).toEqual([]);
    expect(rows.map(({ low, best, high }) => [low, best, high])).toEqual([
      [1, 2, 2],
      [142, 142, 177],
      [0, 0, 2],
      [2, 2, 2],
    ]);
    expect(warnings).toEqual([
      { path: "rows.1.high", message: "low 2, best 2, high 1 break low <= best <= high: kept best 2 and the range 1 to 2" },
      { path: "rows.2.low", message: "low 177, best 142, high 177 break low <= best <= high: kept best 142 and the range 142 to 177" },
      { path: "rows.3.low", message: "low 1, best 0, high 2 break low <= best <= high: kept best 0 and the range 0 to 2" },
    ]);
    // source_office `SOHR;Airwars;Airwars` once each
    expect(rows[3]!.offices).toEqual(["SOHR", "Airwars"]);
  });

  const bad: [string, string, RegExp][] = [
    ["id", "x1", /UCDP's id/],
    ["id", "", /UCDP's id/],
    ["year", "19", /year/],
    ["active_year", "yes", /0 or 1/],
    ["type_of_violence", "4", /1 \(state-based\), 2 \(non-state\) or 3 \(one-sided\)/],
    ["conflict_new_id", "-3", /whole number/],
    ["conflict_name", "", /is empty/],
    ["dyad_new_id", "1.5", /whole number/],
    ["dyad_name", " ", /is empty/],
    ["side_a_new_id", "a", /whole number/],
    ["side_a", "", /is empty/],
    ["side_a", "IS,, SDF", /single commas/],
    ["side_b_new_id", "", /whole number/],
    ["side_b", "Civil\u0000ians", /control characters/],
    ["gwnob", "Syria", /Gleditsch-Ward/],
    ["number_of_sources", "two", /whole number/],
    ["where_prec", "7", /1 \(the exact place\) to 6/],
    ["where_prec", "", /1 \(the exact place\) to 6/],
    ["where_coordinates", "", /is empty/],
    ["adm_1", "x".repeat(501), /at most 500/],
    ["adm_2", "x".repeat(501), /at most 500/],
    ["latitude", "95", /-90 to 90/],
    ["latitude", "north", /-90 to 90/],
    ["longitude", "-181", /-180 to 180/],
    ["priogrid_gid", "cell", /PRIO-GRID/],
    ["country", "", /is empty/],
    ["country_id", "SYR", /Gleditsch-Ward/],
    ["event_clarity", "3", /1 \(clear\) or 2 \(unclear\)/],
    ["date_prec", "0", /1 \(the day\) to 5/],
    ["date_start", "22/07/2019", /must be a date/],
    ["date_start", "2019-02-30", /not a day of the calendar/],
    ["date_end", "2019-07-22 13:00:00.000", /must be a date/],
    ["date_end", "2019-07-21", /before date_start 2019-07-22/],
    ["deaths_a", "-1", /whole number of deaths/],
    ["deaths_b", "1e3", /whole number of deaths/],
    ["deaths_civilians", String(MAX_TOLL + 1), /from 0 to 10,000,000/],
    ["deaths_unknown", "", /whole number of deaths/],
    ["low", "many", /whole number of deaths/],
    ["best", "99999999999", /from 0 to 10,000,000/],
    ["high", "4.5", /whole number of deaths/],
  ];
  it.each(bad)("refuses %s = %j with a clear message at rows.1.<column>", async (column, value, message) => {
    const { rows, problems } = await read(ucdpCsv([{ ...ucdpRecord("303399"), [column]: value }]));
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe(`rows.1.${column}`);
    expect(problems[0]!.message).toMatch(message);
  });

  it("checks 20.1's added columns, and numbers rows from 1 after the header", async () => {
    const records = [ucdpRecord("303399"), ucdpRecord("303400")];
    const csv = ged20Csv(records).replace("Government of Syria - Syrian insurgents,118", "Government of Syria - Syrian insurgents,118");
    const { problems } = await read(
      csv.replace(/,Clear,/g, (match, offset: number) => (offset > csv.indexOf("\n303400") ? `,${"c".repeat(201)},` : match)),
    );
    expect(problems).toEqual([{ path: "rows.2.code_status", message: "must be at most 200 characters" }]);
  });

  it("reports a repeated id, a broken header and a file without rows", async () => {
    const record = ucdpRecord("303399");
    expect((await read(ucdpCsv([record, record]))).problems).toEqual([{ path: "rows.2.id", message: "303399 repeats row 1" }]);
    const noBest = await read(
      ucdpCsv(
        [record],
        GED_19_COLUMNS.filter((column) => column !== "best"),
      ),
    );
    expect(noBest).toMatchObject({
      unreadable: true,
      problems: [{ path: "header", message: expect.stringMatching(/missing column best/) }],
    });
    expect((await read(ucdpCsv([]))).problems).toEqual([{ path: "header", message: "the file has no data rows" }]);
  });
});

describe("UCDP names", () => {
  it("reads sides: a government is its state, a comma-separated side a coalition", () => {
    expect(parseUcdpSide("Government of Syria")).toEqual({ form: "STATE", name: "Government of Syria", members: ["Syria"] });
    expect(parseUcdpSide("Civilians").form).toBe("CIVILIANS");
    expect(parseUcdpSide("HTS")).toEqual({ form: "GROUP", name: "HTS", members: ["HTS"] });
    expect(parseUcdpSide("National Front for Liberation, SNA")).toEqual({
      form: "COALITION",
      name: "National Front for Liberation, SNA",
      members: ["National Front for Liberation", "SNA"],
    });
  });

  it("takes UCDP's kind words off place names", () => {
    expect(ucdpPlaceName("Maarat al-Numaan town")).toEqual({ name: "Maarat al-Numaan", written: "Maarat al-Numaan town", kind: "TOWN" });
    expect(ucdpPlaceName("Jibala village").kind).toBe("VILLAGE");
    expect(ucdpPlaceName("Idlib Governorate")).toMatchObject({ name: "Idlib", kind: "PROVINCE" });
    expect(ucdpPlaceName("Ariha district")).toMatchObject({ name: "Ariha", kind: "DISTRICT" });
    expect(ucdpPlaceName("Khuwayn al Kabir village (Tell al-Khuwaiyn)")).toMatchObject({ name: "Khuwayn al Kabir", kind: "VILLAGE" });
    expect(ucdpPlaceName("Idlib Central Prison")).toEqual({ name: "Idlib Central Prison", written: "Idlib Central Prison", kind: null });
    expect(ucdpPlaceName("town")).toMatchObject({ name: "town", kind: null });
  });
});

describe("UCDP draft", () => {
  it("drafts the market strike: event, span, place chain, sides, source and claims by victim group", async () => {
    const { rows } = await read(ucdpCsv([ucdpRecord("303399"), ucdpRecord("276102"), ucdpRecord("278691")]));
    const draft = await ucdpDraft(rows, new Pacer());
    const byId = new Map(draft.nodes.map((node) => [node.id, node]));
    const event = byId.get("event:ucdp-303399")!;
    expect(event.properties).toMatchObject({
      category: "STATE_BASED_VIOLENCE",
      type: null,
      date: "2019-07-22",
      endDate: null,
      datePrecision: "DAY",
      geoPrecision: "TOWN",
      identifiers: ["ucdp:303399"],
      ucdpConflictId: "299",
      ucdpDyadId: "11973",
    });
    expect(event.links).toEqual(
      expect.arrayContaining([
        { type: "OCCURRED_IN", target: "place:syria.idlib.maarat-al-numaan~maarat-al-numaan", path: "rows.1.where_coordinates" },
        { type: "PARTICIPATED_IN", target: "actor:state~syria", role: "PERPETRATOR", path: "rows.1.side_a" },
        { type: "PARTICIPATED_IN", target: "actor:ucdp-syrian-insurgents", role: "TARGET", path: "rows.1.side_b" },
      ]),
    );
    expect(byId.get("place:syria.idlib.maarat-al-numaan~maarat-al-numaan")!.properties).toMatchObject({
      name: "Maarat al-Numaan",
      kind: "TOWN",
      aliases: ["Maarat al-Numaan town"],
      latitude: 35.648379,
    });
    expect(byId.get("place:syria.idlib")!.properties).toMatchObject({ name: "Idlib", kind: "PROVINCE", aliases: ["Idlib Governorate"] });
    expect(byId.get("actor:state~syria")!.properties).toMatchObject({ name: "Syria", kind: "STATE", identifiers: ["ucdp-actor:118"] });
    expect(byId.get("claim:ucdp-303399-fatalities")!.properties).toMatchObject({
      low: 25,
      best: 38,
      high: 42,
      qualifier: "RANGE",
      victims: "ALL",
    });
    expect(byId.get("claim:ucdp-303399-civilians")!.properties).toMatchObject({ low: 25, best: 38, high: 42, victims: "CIVILIANS" });
    expect(byId.has("claim:ucdp-303399-side-a")).toBe(false);
    expect(byId.get("source:ucdp-303399")!.properties.title).toBe("UCDP GED event 303399 (SOHR; Airwars)");

    // 276102: two days, 18 + 24 fighters and 4 civilians of 46; no group is the whole.
    expect(byId.get("event:ucdp-276102")!.properties).toMatchObject({ date: "2019-01-01", endDate: "2019-01-02", datePrecision: "DAY" });
    expect(byId.get("claim:ucdp-276102-side-a")!.properties).toMatchObject({
      low: 18,
      best: 18,
      high: 18,
      qualifier: "EXACT",
      victims: "COMBATANTS",
      victimsOf: "actor:ucdp-national-front-for-liberation",
    });
    expect(byId.get("claim:ucdp-276102-civilians")!.properties).toMatchObject({ best: 4, victims: "CIVILIANS", victimsOf: null });

    // 278691: the coalition is an actor of its own, its members PART_OF it and taking part.
    const coalition = byId.get("actor:ucdp-national-front-for-liberation-sna")!;
    expect(coalition.properties).toMatchObject({ kind: "ARMED_GROUP", identifiers: [expect.stringMatching(/^ucdp-actor:/)] });
    expect(byId.get("actor:ucdp-sna")!.links).toEqual([
      { type: "PART_OF", target: "actor:ucdp-national-front-for-liberation-sna", path: "rows.3.side_a" },
    ]);
    expect(
      byId
        .get("event:ucdp-278691")!
        .links.filter((link) => link.type === "PARTICIPATED_IN")
        .map((link) => [link.target, link.role]),
    ).toEqual([
      ["actor:ucdp-national-front-for-liberation", "PERPETRATOR"],
      ["actor:ucdp-sna", "PERPETRATOR"],
      ["actor:ucdp-hts", "TARGET"],
    ]);
  });
});
