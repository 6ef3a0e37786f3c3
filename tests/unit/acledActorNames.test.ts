import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { acledDraft } from "../../src/ingest/acled/acledDraft.js";
import { readAcled } from "../../src/ingest/acled/acledRows.js";
import { actorPlans, parseAcledActorName } from "../../src/ingest/acled/actorNames.js";
import { targetNode } from "../../src/ingest/resolve/merge.js";
import { Pacer } from "../../src/pacer.js";
import { acledCsv, acledRecord } from "../helpers/acled.js";

describe("parseAcledActorName", () => {
  it.each([
    ["Military Forces of Russia (2000-)", { form: "STATE_BODY", kind: "ARMED_FORCE", state: "Russia", period: "2000-" }],
    ["Police Forces of Syria (2000-)", { form: "STATE_BODY", kind: "ARMED_FORCE", state: "Syria", period: "2000-" }],
    ["Government of Syria (2000-)", { form: "STATE_BODY", kind: "GOVERNMENT_BODY", state: "Syria", period: "2000-" }],
    ["Police Forces of Pakistan (2008-2013)", { form: "STATE_BODY", state: "Pakistan", period: "2008-2013" }],
    ["Military Forces of Turkey (1970-2000)", { form: "STATE_BODY", state: "Turkey", period: "1970-2000" }],
    ["Military Forces of United States", { form: "STATE_BODY", kind: "ARMED_FORCE", state: "United States", period: null }],
    [
      "Police Forces of the Democratic Republic of Congo (2001-2019)",
      { form: "STATE_BODY", state: "Democratic Republic of Congo", period: "2001-2019" },
    ],
    ["military forces of Iran (1979-)", { form: "STATE_BODY", kind: "ARMED_FORCE", state: "Iran", period: "1979-" }],
    ["HTS: Hayat Tahrir al Sham", { form: "ABBREVIATED", kind: null, abbreviation: "HTS", expansion: "Hayat Tahrir al Sham" }],
    ["QSD: Syrian Democratic Forces", { form: "ABBREVIATED", abbreviation: "QSD", expansion: "Syrian Democratic Forces" }],
    ["M23: March 23 Movement", { form: "ABBREVIATED", abbreviation: "M23" }],
    ["Civilians (Syria)", { form: "GENERIC", kind: "CIVILIANS", state: "Syria" }],
    ["Protesters (Syria)", { form: "GENERIC", kind: "OTHER", state: "Syria" }],
    ["Rioters (Syria)", { form: "GENERIC", kind: "OTHER", state: "Syria" }],
    ["Unidentified Armed Group (Syria)", { form: "GENERIC", kind: "ARMED_GROUP", state: "Syria" }],
    ["Islamist Militia (Syria)", { form: "GENERIC", kind: "ARMED_GROUP", state: "Syria" }],
    ["Opposition Rebels (Syria)", { form: "GENERIC", kind: "ARMED_GROUP", state: "Syria" }],
    ["Militia (Pro-Government)", { form: "GENERIC", kind: "ARMED_GROUP", state: null }],
  ])("reads %s", (name, expected) => {
    expect(parseAcledActorName(name)).toMatchObject({ name, parent: null, ...expected });
  });

  it.each([
    ["Military Forces of Russia (2000-) Special Forces", "Military Forces of Russia (2000-)", "Russia", "2000-"],
    ["Military Forces of Turkey (2016-) Gendarmerie", "Military Forces of Turkey (2016-)", "Turkey", "2016-"],
    ["Military Forces of Syria (2000-) Military Intelligence", "Military Forces of Syria (2000-)", "Syria", "2000-"],
    ["Police Forces of Syria (2000-) Prison Guards", "Police Forces of Syria (2000-)", "Syria", "2000-"],
  ])("reads the unit %s as part of %s", (name, body, state, period) => {
    expect(parseAcledActorName(name)).toMatchObject({
      form: "UNIT",
      kind: "ARMED_FORCE",
      name,
      state,
      period,
      parent: { form: "STATE_BODY", name: body, state, period, parent: null },
    });
  });

  it.each([
    "Operation Peace Spring",
    "Global Coalition Against Daesh",
    "Jaysh al-Izza",
    "Farmers (Syria)",
    "",
    "   ",
    "Military Forces of",
    "Military Forces of  (2000-)",
    "Military Forces of (2000-) Special Forces",
    "Military Forces of the (2000-)",
    "Military Forces of Russia (2010-2000)",
    "Military Forces of Russia (Syria) (2000-)",
    "Military Forces of Russia (2000-) (2010-)",
    "Military Forces of Russia (2000-))",
    "Civilians ()",
    "Civilians ((Syria))",
    "Civilians (Syria) (Turkey)",
    "Civilians (Syria",
    "(Syria)",
    "Civilians (Syria) and others",
    ": Hayat Tahrir al Sham",
    "HTS: ",
    "Update: something",
    "Note: this group",
    "A very long abbreviation that is not one: Name",
  ])("leaves %j as it was (no form, no kind)", (name) => {
    expect(parseAcledActorName(name)).toMatchObject({
      form: "OTHER",
      kind: null,
      state: null,
      period: null,
      parent: null,
      abbreviation: null,
    });
  });

  it("reads hostile names in linear time and never throws", () => {
    const hostile = [
      `Military Forces of ${"(".repeat(100_000)}`,
      `Military Forces of X ${"(2000-".repeat(20_000)}`,
      `Civilians ${"(".repeat(50_000)}${")".repeat(50_000)}`,
      `${"A".repeat(15)}: ${"x ".repeat(50_000)}`,
      `Military Forces of ${"a ".repeat(200)}(2000-) ${"b".repeat(200)}`,
      "\u0000\u200b(\u202e)",
    ];
    const started = performance.now();
    for (const name of hostile) for (let i = 0; i < 20; i++) expect(() => parseAcledActorName(name)).not.toThrow();
    // Names over 500 characters are not parsed at all; the longest accepted one parses quickly either way.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(parseAcledActorName(`Military Forces of ${"a".repeat(600)} (2000-)`).form).toBe("OTHER");
    expect(parseAcledActorName(`Military Forces of ${"a ".repeat(200)}(2000-) Unit`).form).toBe("UNIT");
  });
});

describe("actorPlans", () => {
  it("gives a unit's state, body and unit, outermost first; a body's state and body; anything else alone", () => {
    expect(actorPlans("Military Forces of Russia (2000-) Special Forces", "OTHER")).toEqual([
      { name: "Russia", kind: "STATE", state: true, period: null, aliases: [] },
      { name: "Military Forces of Russia (2000-)", kind: "ARMED_FORCE", state: false, period: "2000-", aliases: [] },
      { name: "Military Forces of Russia (2000-) Special Forces", kind: "ARMED_FORCE", state: false, period: "2000-", aliases: [] },
    ]);
    expect(actorPlans("Government of Syria (2000-)", "ARMED_FORCE").map((plan) => [plan.name, plan.kind])).toEqual([
      ["Syria", "STATE"],
      ["Government of Syria (2000-)", "GOVERNMENT_BODY"],
    ]);
    expect(actorPlans("HTS: Hayat Tahrir al Sham", "ARMED_GROUP")).toEqual([
      { name: "HTS: Hayat Tahrir al Sham", kind: "ARMED_GROUP", state: false, period: null, aliases: ["HTS", "Hayat Tahrir al Sham"] },
    ]);
    // Civilians of a country are not part of its state.
    expect(actorPlans("Civilians (Syria)", "ARMED_GROUP")).toEqual([
      { name: "Civilians (Syria)", kind: "CIVILIANS", state: false, period: null, aliases: [] },
    ]);
    expect(actorPlans("Jaysh al-Izza", "ARMED_GROUP")).toEqual([
      { name: "Jaysh al-Izza", kind: "ARMED_GROUP", state: false, period: null, aliases: [] },
    ]);
  });
});

describe("acledDraft's actor structure", () => {
  async function draftOf(records: Parameters<typeof acledCsv>[0]) {
    const { rows, problems } = await readAcled(Readable.from([acledCsv(records)]), new Pacer());
    expect(problems).toEqual([]);
    return (await acledDraft(rows, new Pacer())).nodes.filter((node) => node.label === "Actor");
  }

  it("drafts a unit PART_OF its body PART_OF its state, the body once although the file never names it alone", async () => {
    const actors = await draftOf([
      acledRecord("d1", {
        actor1: "Military Forces of Russia (2000-) Special Forces",
        inter1: "8",
        assoc_actor_1: "HTS: Hayat Tahrir al Sham",
      }),
      acledRecord("d1", { event_id_cnty: "TSTd12", actor1: "Military Forces of Russia (2000-) Special Forces", inter1: "8" }),
    ]);
    const byId = new Map(actors.map((node) => [node.id, node]));
    const unit = byId.get("actor:acled-military-forces-of-russia-2000-special-forces")!;
    const body = byId.get("actor:acled-military-forces-of-russia-2000")!;
    const state = byId.get("actor:state~russia")!;
    expect(unit.properties).toMatchObject({ kind: "ARMED_FORCE", period: "2000-" });
    expect(unit.links).toEqual([expect.objectContaining({ type: "PART_OF", target: body.id, fillOnly: true })]);
    expect(body.properties).toMatchObject({ name: "Military Forces of Russia (2000-)", kind: "ARMED_FORCE", period: "2000-" });
    expect(body.links).toEqual([expect.objectContaining({ type: "PART_OF", target: state.id, fillOnly: true })]);
    expect(state.properties).toMatchObject({ name: "Russia", kind: "STATE", aliases: [] });
    expect(state.links).toEqual([]);
    expect(state.entity).toMatchObject({ authority: "fill", resolve: true });
    expect(byId.get("actor:acled-hts-hayat-tahrir-al-sham")!.properties.aliases).toEqual(["HTS", "Hayat Tahrir al Sham"]);
    expect(actors.filter((node) => node.id === body.id)).toHaveLength(1);
  });

  it("adds a derived PART_OF only to an actor without one, so a curator's placement stands", () => {
    const drafted = {
      label: "Actor" as const,
      id: "actor:x",
      properties: { name: "Military Forces of X (2000-)", aliases: [], kind: "ARMED_FORCE", period: "2000-" },
      links: [{ type: "PART_OF" as const, target: "actor:state~x", fillOnly: true }],
      evidence: new Map(),
      entity: { authority: "fill" as const, resolve: true, sameAs: null, removeAliases: [] },
      path: "rows.1",
    };
    const curated = {
      hash: null,
      properties: { name: "X's army", aliases: [], kind: "ARMED_FORCE" },
      links: [{ type: "PART_OF" as const, target: "actor:ministry" }],
    };
    const kept = targetNode("Actor", "actor:x", curated, [drafted]);
    expect(kept.links).toEqual([{ type: "PART_OF", target: "actor:ministry" }]);
    expect(kept.properties).toMatchObject({ name: "X's army", period: "2000-" });
    const filled = targetNode("Actor", "actor:x", { ...curated, links: [] }, [drafted]);
    expect(filled.links).toEqual([{ type: "PART_OF", target: "actor:state~x" }]);
    // A unit resolved onto the same actor as its force is not part of itself.
    const itself = targetNode("Actor", "actor:x", { ...curated, links: [] }, [
      { ...drafted, links: [{ ...drafted.links[0]!, target: "actor:x" }] },
    ]);
    expect(itself.links).toEqual([]);
  });
});
