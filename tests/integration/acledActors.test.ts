/**
 * ACLED's actor conventions and date forms through `importAcled`, against the real Neo4j: forces part of their states
 * (the article's, found by name, or new ones), units part of their forces, periods, abbreviations, a curator's actors
 * left as written, and the date forms people have. Each test's rows name its own fictional countries and units; the
 * forces of the article's states are shared by design, so tests only check what holds whoever imported them first.
 */
import { describe, expect, it } from "vitest";
import { acledCsv, acledRecord, type AcledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);

async function imported(csv: string): Promise<Record<string, any>> {
  const response = await importAcled(server, csv);
  expect(response.errors).toBeUndefined();
  return response.data!.importAcled as Record<string, any>;
}

/** One row per actor name (as actor1, with its inter code), each its own event. */
function rowsNaming(s: string, actors: readonly [name: string, inter: string][], overrides: AcledRecord = {}): string {
  return acledCsv(
    actors.map(([actor1, inter1], i) =>
      acledRecord(s, { event_id_cnty: `ACT${s}${i + 1}`, actor1, inter1, actor2: "", assoc_actor_2: "", inter2: "", ...overrides }),
    ),
  );
}

const ACTOR = "id name aliases kind period partOf { id name kind } members { id name }";

async function actorNamed(name: string): Promise<Record<string, any>> {
  const data = await server.read(
    `query ($name: String!) { actors(filter: { nameContains: $name }, first: 20) { edges { node { ${ACTOR} } } } }`,
    {
      name,
    },
  );
  const found = (data.actors.edges as { node: Record<string, any> }[]).map((edge) => edge.node).filter((actor) => actor.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

async function actor(id: string): Promise<Record<string, any>> {
  const data = await server.read(`query ($id: ID!) { actor(id: $id) { ${ACTOR} } }`, { id });
  return data.actor as Record<string, any>;
}

describe("ACLED actor names", () => {
  it("read each form: state bodies with their period, a unit, an abbreviation, generic actors", async () => {
    const s = uniqueSuffix();
    const land = `Testland ${s}`;
    const abbreviation = `H${s.toUpperCase()}`;
    const report = await imported(
      rowsNaming(s, [
        [`Military Forces of ${land} (2000-)`, "1"],
        [`Police Forces of ${land} (1991-2018)`, "1"],
        [`Government of ${land} (2000-)`, "1"],
        [`Military Forces of ${land} (2000-) Gendarmerie`, "1"],
        [`${abbreviation}: Hayat Tahrir ${s}`, "2"],
        [`Civilians (${land})`, "7"],
        [`Protesters (${land})`, "6"],
        [`Rioters (${land})`, "5"],
        [`Islamist Militia (${land})`, "4"],
        [`Militia (Pro-Government ${s})`, "3"],
        [`Unidentified Armed Group (${land})`, "8"],
        [`Operation Spring ${s}`, "8"],
      ]),
    );
    expect(report.rows).toBe(12);

    const state = await actorNamed(land);
    expect(state).toMatchObject({ id: `actor:state~testland-${s}`, kind: "STATE", period: null, partOf: [] });
    const stateRef = { id: state.id, name: land, kind: "STATE" };
    const military = await actorNamed(`Military Forces of ${land} (2000-)`);
    expect(military).toMatchObject({ kind: "ARMED_FORCE", period: "2000-", partOf: [stateRef] });
    expect(await actorNamed(`Police Forces of ${land} (1991-2018)`)).toMatchObject({
      kind: "ARMED_FORCE",
      period: "1991-2018",
      partOf: [stateRef],
    });
    expect(await actorNamed(`Government of ${land} (2000-)`)).toMatchObject({
      kind: "GOVERNMENT_BODY",
      period: "2000-",
      partOf: [stateRef],
    });
    // partOf is the whole chain, nearest first.
    expect(await actorNamed(`Military Forces of ${land} (2000-) Gendarmerie`)).toMatchObject({
      kind: "ARMED_FORCE",
      partOf: [{ id: military.id, name: military.name, kind: "ARMED_FORCE" }, stateRef],
    });
    expect(new Set(state.members.map((member: { name: string }) => member.name))).toEqual(
      new Set([`Military Forces of ${land} (2000-)`, `Police Forces of ${land} (1991-2018)`, `Government of ${land} (2000-)`]),
    );

    expect(await actorNamed(`${abbreviation}: Hayat Tahrir ${s}`)).toMatchObject({
      kind: "ARMED_GROUP",
      aliases: [abbreviation, `Hayat Tahrir ${s}`],
      partOf: [],
    });
    // Found by its abbreviation alone, as users search.
    const search = await server.read(`query ($name: String!) { actors(filter: { nameContains: $name }) { edges { node { name } } } }`, {
      name: abbreviation,
    });
    expect(search.actors.edges).toEqual([{ node: { name: `${abbreviation}: Hayat Tahrir ${s}` } }]);

    // Generic actors take their kind from the name (inter 8 says only "external/other"); none is part of the state.
    for (const [name, kind] of [
      [`Civilians (${land})`, "CIVILIANS"],
      [`Protesters (${land})`, "OTHER"],
      [`Rioters (${land})`, "OTHER"],
      [`Islamist Militia (${land})`, "ARMED_GROUP"],
      [`Militia (Pro-Government ${s})`, "ARMED_GROUP"],
      [`Unidentified Armed Group (${land})`, "ARMED_GROUP"],
      [`Operation Spring ${s}`, "OTHER"],
    ]) {
      expect(await actorNamed(name!), name).toMatchObject({ kind, period: null, partOf: [] });
    }
  });

  it("rolls forces and units up into the article's Russia, Syria, Turkey and United States, found by name", async () => {
    const s = uniqueSuffix();
    const report = await imported(
      rowsNaming(s, [
        [`Military Forces of Russia (2000-) Special Forces ${s}`, "8"],
        [`Military Forces of Syria (2000-) Military Intelligence ${s}`, "1"],
        [`Military Forces of Turkey (2016-) Gendarmerie ${s}`, "8"],
        ["Military Forces of United States", "8"],
        ["Government of Syria (2000-)", "1"],
      ]),
    );
    // The states are the seed's, never new ones (whichever test imported the shared forces first).
    const matched = new Map(report.resolved.map((match: { id: string; matchedId: string }) => [match.id, match.matchedId]));
    expect(matched.get("actor:state~russia")).toBe("actor:russia");
    expect(matched.get("actor:state~syria")).toBe("actor:syria");
    expect(matched.get("actor:state~turkey")).toBe("actor:turkey");
    expect(matched.get("actor:state~united-states")).toBe("actor:united-states");

    // A force is ACLED's own actor unless a node carries its ACLED name: the article gives its Syrian government forces
    // `acled:Military Forces of Syria (2000-)`, so the Syrian unit hangs from them.
    const acledForce = (force: string) => [
      force,
      `actor:acled-${force
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/-+$/, "")}`,
    ];
    for (const [unit, force, state] of [
      [`Military Forces of Russia (2000-) Special Forces ${s}`, acledForce("Military Forces of Russia (2000-)"), "actor:russia"],
      [
        `Military Forces of Syria (2000-) Military Intelligence ${s}`,
        ["Syrian government forces", "actor:syrian-government-forces"],
        "actor:syria",
      ],
      [`Military Forces of Turkey (2016-) Gendarmerie ${s}`, acledForce("Military Forces of Turkey (2016-)"), "actor:turkey"],
    ] as const) {
      const found = await actorNamed(unit);
      expect(found.partOf.map((parent: { id: string; name: string }) => [parent.name, parent.id])).toEqual([
        force,
        [(await actor(state)).name, state],
      ]);
    }
    expect((await actorNamed("Military Forces of United States")).partOf).toEqual([
      { id: "actor:united-states", name: "United States", kind: "STATE" },
    ]);
    expect((await actorNamed("Government of Syria (2000-)")).partOf).toEqual([{ id: "actor:syria", name: "Syria", kind: "STATE" }]);

    // "Which of ACLED's actors are Russia's forces?": Russia's members include ACLED's force; its members, the unit.
    const russia = await server.read(`{ actor(id: "actor:russia") { kind members { name members { name } } } }`);
    expect(russia.actor.kind).toBe("STATE");
    const force = russia.actor.members.find((member: { name: string }) => member.name === "Military Forces of Russia (2000-)");
    expect(force.members).toContainEqual({ name: `Military Forces of Russia (2000-) Special Forces ${s}` });
    // The article's state keeps its curated name, kind and aliases.
    expect(await actor("actor:syria")).toMatchObject({ name: "Syria", kind: "STATE", period: null, partOf: [] });
  });

  it("creates a state that no actor names yet, and never takes a place, a non-state actor or a near spelling for it", async () => {
    const s = uniqueSuffix();
    // A place and an armed group named like the state, and a state named nearly like it (Niger / Nigeria).
    const bundle = {
      source: { id: `source:aa-${s}`, title: `Curated ${s}`, text: `Eastland ${s}; Nigeria ${s}.` },
      actors: [
        { id: `actor:aa-${s}-group`, name: `Eastland ${s}`, kind: "ARMED_GROUP" },
        { id: `actor:aa-${s}-nigeria`, name: `Nigeria ${s}`, kind: "STATE" },
      ],
      places: [{ id: `place:aa-${s}-country`, name: `Eastland ${s}`, kind: "COUNTRY" }],
    };
    expect((await importBundle(server, bundle)).errors).toBeUndefined();
    const report = await imported(
      rowsNaming(s, [
        [`Military Forces of Eastland ${s} (2000-)`, "1"],
        [`Police Forces of Niger ${s} (2010-)`, "1"],
        ["Military Forces of Iran (1979-)", "8"],
      ]),
    );
    expect(report.resolved.filter((match: { id: string }) => match.id.startsWith("actor:state~"))).toEqual([]);
    expect((await actorNamed(`Military Forces of Eastland ${s} (2000-)`)).partOf).toEqual([
      { id: `actor:state~eastland-${s}`, name: `Eastland ${s}`, kind: "STATE" },
    ]);
    expect((await actorNamed(`Police Forces of Niger ${s} (2010-)`)).partOf).toEqual([
      { id: `actor:state~niger-${s}`, name: `Niger ${s}`, kind: "STATE" },
    ]);
    expect(report.created).toBeGreaterThanOrEqual(2);
    // Iran is absent from the article: the first import that names it creates it, the next ones find it.
    expect((await actorNamed("Military Forces of Iran (1979-)")).partOf).toEqual([{ id: "actor:state~iran", name: "Iran", kind: "STATE" }]);
    expect((await actor(`actor:aa-${s}-group`)).members).toEqual([]);
    expect((await actor(`actor:aa-${s}-nigeria`)).members).toEqual([]);
  });

  it("leaves a curator's actors as written: name, kind, description, period and placement", async () => {
    const s = uniqueSuffix();
    const land = `Curland ${s}`;
    const bundle = {
      source: { id: `source:ab-${s}`, title: `Curated ${s}`, text: `The army of ${land}.` },
      actors: [
        { id: `actor:ab-${s}-state`, name: land, kind: "STATE" },
        { id: `actor:ab-${s}-ministry`, name: `Ministry of Defence of ${land}`, kind: "GOVERNMENT_BODY", partOf: [`actor:ab-${s}-state`] },
        {
          id: `actor:ab-${s}-army`,
          name: `Army of ${land}`,
          aliases: [`Military Forces of ${land} (2000-)`],
          kind: "ARMED_FORCE",
          description: "Curated.",
          period: "1999-",
          partOf: [`actor:ab-${s}-ministry`],
        },
        { id: `actor:ab-${s}-police`, name: `Police of ${land}`, aliases: [`Police Forces of ${land} (2000-)`], kind: "ARMED_FORCE" },
        // One actor for what ACLED names as a force and as its unit.
        {
          id: `actor:ab-${s}-navy`,
          name: `Navy of ${land}`,
          aliases: [`Military Forces of ${land} (2010-)`, `Military Forces of ${land} (2010-) Navy`],
          kind: "ARMED_FORCE",
        },
      ],
    };
    expect((await importBundle(server, bundle)).errors).toBeUndefined();
    const before = await actor(`actor:ab-${s}-army`);

    const csv = rowsNaming(s, [
      [`Military Forces of ${land} (2000-)`, "1"],
      [`Military Forces of ${land} (2000-) Air Force`, "1"],
      [`Police Forces of ${land} (2000-)`, "1"],
      [`Military Forces of ${land} (2010-) Navy`, "1"],
    ]);
    const report = await imported(csv);
    const matched = new Map(report.resolved.map((match: { id: string; matchedId: string }) => [match.id, match.matchedId]));
    expect(matched.get(`actor:acled-military-forces-of-curland-${s}-2000`)).toBe(`actor:ab-${s}-army`);
    expect(matched.get(`actor:state~curland-${s}`)).toBe(`actor:ab-${s}-state`);
    expect(matched.get(`actor:acled-military-forces-of-curland-${s}-2010-navy`)).toBe(`actor:ab-${s}-navy`);

    // Nothing the curator wrote changed; the army stays under its ministry (no second parent).
    const { members, ...after } = await actor(`actor:ab-${s}-army`);
    expect({ ...after, members: before.members }).toEqual(before);
    expect(members).toEqual([
      { id: `actor:acled-military-forces-of-curland-${s}-2000-air-force`, name: `Military Forces of ${land} (2000-) Air Force` },
    ]);
    expect(before).toMatchObject({ name: `Army of ${land}`, period: "1999-", kind: "ARMED_FORCE" });
    // The unit hangs from the curated army; the police, which had no parent, is filled in: part of the state, with
    // ACLED's period.
    expect((await actorNamed(`Military Forces of ${land} (2000-) Air Force`)).partOf.map((parent: { id: string }) => parent.id)).toEqual([
      `actor:ab-${s}-army`,
      `actor:ab-${s}-ministry`,
      `actor:ab-${s}-state`,
    ]);
    expect(await actor(`actor:ab-${s}-police`)).toMatchObject({
      name: `Police of ${land}`,
      period: "2000-",
      partOf: [{ id: `actor:ab-${s}-state` }],
    });
    // Never part of itself: the force's link to the state fills in, the unit's to the force is the actor itself.
    expect((await actor(`actor:ab-${s}-navy`)).partOf).toEqual([{ id: `actor:ab-${s}-state`, name: land, kind: "STATE" }]);
    const description = await server.read(`query ($id: ID!) { actor(id: $id) { description } }`, { id: `actor:ab-${s}-army` });
    expect(description.actor.description).toBe("Curated.");
  });

  it("re-importing the same file changes nothing", async () => {
    const s = uniqueSuffix();
    const csv = acledCsv([
      acledRecord(s, {
        actor1: `Military Forces of Replay ${s} (2000-) Special Forces`,
        assoc_actor_1: `H${s.toUpperCase()}: Hayat ${s}; Military Forces of Russia (2000-)`,
        actor2: `Civilians (Replay ${s})`,
      }),
      acledRecord(s, {
        event_id_cnty: `TST${s}2`,
        actor1: `Government of Replay ${s} (2000-)`,
        actor2: "Military Forces of Syria (2000-)",
        inter2: "1",
      }),
    ]);
    const first = await imported(csv);
    expect(first.created).toBeGreaterThan(0);
    const again = await imported(csv);
    expect(again).toMatchObject({ created: 0, updated: 0, touched: [], unchanged: first.created + first.unchanged });
  });
});

describe("ACLED dates", () => {
  it("reads 2019-07-22, 22 July 2019 and 22-Jul-19 as one day", async () => {
    const s = uniqueSuffix();
    const forms = ["2019-07-22", "22 July 2019", "22-Jul-19", "22 Jul 2019", "22-Jul-2019"];
    const csv = acledCsv(forms.map((event_date, i) => acledRecord(s, { event_id_cnty: `DAT${s}${i + 1}`, event_date, year: "2019" })));
    expect((await imported(csv)).rows).toBe(forms.length);
    for (const [i] of forms.entries()) {
      const data = await server.read(`query ($id: ID!) { event(id: $id) { date } }`, { id: `event:acled-DAT${s}${i + 1}` });
      expect(data.event.date, forms[i]).toBe("2019-07-22");
    }
  });

  it("refuses ambiguous and impossible dates, naming row and column, and writes nothing", async () => {
    const s = uniqueSuffix();
    const dates = ["2019-07-22", "07/08/2019", "31-Feb-19", "22 Jul 19", "22-Jul-19", "someday"];
    const csv = acledCsv(
      dates.map((event_date, i) => acledRecord(s, { event_id_cnty: `BAD${s}${i + 1}`, event_date, year: i === 4 ? "2018" : "2019" })),
    );
    const response = await importAcled(server, csv);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      { path: "rows.2.event_date", message: expect.stringContaining("ambiguous") },
      { path: "rows.3.event_date", message: expect.stringContaining("not a day of the calendar") },
      { path: "rows.4.event_date", message: expect.stringContaining("two-digit year") },
      { path: "rows.5.event_date", message: expect.stringContaining("year column says 2018") },
      { path: "rows.6.event_date", message: expect.stringContaining("not a date") },
    ]);
    expect((await server.read(`query ($id: ID!) { event(id: $id) { id } }`, { id: `event:acled-BAD${s}1` })).event).toBeNull();
  });
});
