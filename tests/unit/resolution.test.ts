import { describe, expect, it } from "vitest";
import type { DraftNode, EntityIntent } from "../../src/ingest/draft.js";
import { targetNode } from "../../src/ingest/resolve/merge.js";
import { applyResolution, type Candidate, resolveEntities } from "../../src/ingest/resolve/resolution.js";
import { matchKeysOf, nameKeysOf, transliterationKey } from "../../src/model/nameMatching.js";

describe("transliterationKey", () => {
  it.each([
    ["Maarat al-Numan", "Ma'arrat al-Nu'man"],
    ["Maarat al-Numan", "Maarrat an-Nu'man"],
    ["Saraqib", "Saraqeb"],
    ["Idlib", "Idleb"],
    ["Talmenes", "Tal Mannas"],
    ["Al-Kabina", "Kabana"],
    ["Deir ez-Zor", "Dayr az-Zawr"],
    ["Kafr Nubl", "Kafranbel"],
    ["Jisr al-Shughur", "Jisr ash-Shughour"],
    ["Raqqa Governorate", "Raqqah Governorate"],
  ])("folds %s and %s together (DOMAIN.md's transliterations)", (a, b) => {
    expect(transliterationKey(a)).not.toBeNull();
    expect(transliterationKey(a)).toBe(transliterationKey(b));
  });

  it.each([
    ["Idlib", "Aleppo"],
    ["Homs", "Hama"],
    ["Saraqib", "Sarmada"],
    ["Iraq", "Iran"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(transliterationKey(a)).not.toBe(transliterationKey(b));
  });

  it("says nothing about names too short to compare", () => {
    expect(transliterationKey("Al-Bab")).toBeNull();
    expect(transliterationKey("Hama")).toBeNull();
    expect(matchKeysOf(["Hama", "Al-Bab"])).toEqual([]);
    expect(nameKeysOf(["Al-Bab", "AL BAB", "Āl-Bāb"])).toEqual(["al bab"]);
  });

  it("works through a name of a million characters in one pass (no recursion or backtracking per repeat)", () => {
    expect(transliterationKey(`${"b".repeat(1_000_000)} ${"dk".repeat(500_000)}`)).toBe(`b${"dk".repeat(500_000)}`);
    expect(transliterationKey("Bbb Ddd Kkk")).toBe("bdk");
  });
});

const fill: EntityIntent = { authority: "fill", resolve: true, sameAs: null, removeAliases: [] };
const define: EntityIntent = { ...fill, authority: "define" };

function place(id: string, name: string, kind: string, parent?: string, intent: EntityIntent = define): DraftNode {
  return {
    label: "Place",
    id,
    properties: { name, aliases: [], kind },
    links: parent ? [{ type: "WITHIN", target: parent }] : [],
    evidence: new Map(),
    entity: intent,
    path: id,
  };
}

function candidate(id: string, name: string, kind: string, parent: string | null, ancestors: string[] = parent ? [parent] : []): Candidate {
  return { id, label: "Place", kind, nameKeys: nameKeysOf([name]), matchKeys: matchKeysOf([name]), parent, ancestors };
}

const syria = candidate("place:syria", "Syria", "COUNTRY", null);
const idlib = candidate("place:idlib", "Idlib", "PROVINCE", "place:syria");
const saraqib = candidate("place:saraqib", "Saraqib", "CITY", "place:idlib", ["place:idlib", "place:syria"]);
const saraqibDistrict = candidate("place:saraqib-district", "Saraqib", "DISTRICT", "place:idlib", ["place:idlib", "place:syria"]);
const otherSaraqib = candidate("place:saraqib-hama", "Saraqib", "VILLAGE", "place:hama", ["place:hama", "place:syria"]);

describe("resolveEntities", () => {
  const facts = {
    existing: new Set(["place:syria", "place:idlib", "place:saraqib", "place:saraqib-district", "place:saraqib-hama", "place:hama"]),
    candidates: [syria, idlib, saraqib, saraqibDistrict, otherSaraqib],
    ancestors: new Map([["place:idlib", ["place:syria"]]]),
    holders: new Map([
      ["pcode:SY0703", "place:saraqib-hama"],
      ["geonames:1", "place:idlib"],
      ["geonames:2", "place:saraqib"],
      ["acled:Saraqib", "actor:not-a-place"],
    ]),
  };

  it("links a chain of new spellings, parents first, within compatible hierarchies only", () => {
    const draft = {
      nodes: [
        place("place:new-town", "Saraqeb", "TOWN", "place:new-province", fill),
        place("place:new-province", "Idleb", "PROVINCE", "place:syria", fill),
      ],
    };
    const { rewrite, matches, problems } = resolveEntities(draft, facts);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(rewrite)).toEqual({ "place:new-province": "place:idlib", "place:new-town": "place:saraqib" });
    expect(matches.map((match) => match.by)).toEqual(["NAME", "NAME"]);
    const rewritten = applyResolution(draft, rewrite);
    expect(rewritten.nodes[0]).toMatchObject({ id: "place:saraqib", links: [{ type: "WITHIN", target: "place:idlib" }] });
  });

  it("never crosses kinds, and keeps a same-named place elsewhere apart", () => {
    const district = resolveEntities({ nodes: [place("place:d", "SARAQIB", "DISTRICT", "place:idlib")] }, facts);
    expect(district.matches.map((match) => match.matchedId)).toEqual(["place:saraqib-district"]);
    const inHama = resolveEntities({ nodes: [place("place:v", "Saraqib", "VILLAGE", "place:hama")] }, facts);
    expect(inHama.matches.map((match) => match.matchedId)).toEqual(["place:saraqib-hama"]);
    const zone = resolveEntities({ nodes: [place("place:z", "Saraqib", "ZONE")] }, facts);
    expect(zone.matches).toEqual([]);
  });

  it("asks instead of guessing when two are equally good, and obeys resolve: false and sameAs", () => {
    const ambiguous = resolveEntities({ nodes: [place("place:x", "Saraqib", "TOWN")] }, facts);
    expect(ambiguous.problems).toEqual([{ path: "place:x.name", message: expect.stringContaining("place:saraqib, place:saraqib-hama") }]);
    expect(
      resolveEntities({ nodes: [place("place:x", "Saraqib", "TOWN", undefined, { ...define, resolve: false })] }, facts).matches,
    ).toEqual([]);
    const same = resolveEntities({ nodes: [place("place:x", "Anything", "SITE", undefined, { ...define, sameAs: "place:idlib" })] }, facts);
    expect(same.matches).toEqual([{ id: "place:x", matchedId: "place:idlib", name: "Anything", by: "SAME_AS" }]);
    const unknown = resolveEntities(
      { nodes: [place("place:x", "Anything", "SITE", undefined, { ...define, sameAs: "place:nowhere" })] },
      facts,
    );
    expect(unknown.problems).toEqual([{ path: "place:x.sameAs", message: 'unknown place "place:nowhere"' }]);
  });

  it("links by an identifier an existing node of the label holds, before and above names", () => {
    const byPcode = place("place:x", "Saraqib", "TOWN", "place:idlib", fill);
    byPcode.properties.identifiers = ["pcode:SY0703"];
    expect(resolveEntities({ nodes: [byPcode] }, facts).matches).toEqual([
      { id: "place:x", matchedId: "place:saraqib-hama", name: "Saraqib", by: "IDENTIFIER" },
    ]);
    const twoHolders = place("place:x", "Elsewhere", "TOWN");
    twoHolders.properties.identifiers = ["geonames:1", "geonames:2"];
    expect(resolveEntities({ nodes: [twoHolders] }, facts).problems).toEqual([
      { path: "place:x.identifiers", message: expect.stringContaining("place:idlib, place:saraqib") },
    ]);
    // An actor's identifier does not make a place that actor; name matching goes on.
    const otherLabel = place("place:x", "Saraqib", "TOWN", "place:idlib");
    otherLabel.properties.identifiers = ["acled:Saraqib"];
    expect(resolveEntities({ nodes: [otherLabel] }, facts).matches.map((match) => match.by)).toEqual(["NAME"]);
    byPcode.entity = { ...define, resolve: false };
    expect(resolveEntities({ nodes: [byPcode] }, facts).matches).toEqual([]);
  });

  it("leaves an id that already exists alone: the curator's explicit id wins", () => {
    expect(resolveEntities({ nodes: [place("place:saraqib-district", "Saraqib", "CITY", "place:idlib")] }, facts).matches).toEqual([]);
  });

  it("matches people only on their normalised names, never on transliteration keys", () => {
    const person = (id: string, name: string): DraftNode => ({ ...place(id, name, "PERSON"), label: "Actor", links: [] });
    const hassan: Candidate = {
      id: "actor:ali-hassan",
      label: "Actor",
      kind: "PERSON",
      nameKeys: ["ali hassan"],
      matchKeys: matchKeysOf(["Ali Hassan"]),
      parent: null,
      ancestors: [],
    };
    const actorFacts = { existing: new Set(["actor:ali-hassan"]), candidates: [hassan], ancestors: new Map(), holders: new Map() };
    expect(resolveEntities({ nodes: [person("actor:x", "Ali Hussein")] }, actorFacts).matches).toEqual([]);
    expect(resolveEntities({ nodes: [person("actor:x", "ALI HASSAN")] }, actorFacts).matches).toHaveLength(1);
  });
});

describe("targetNode", () => {
  const stored = {
    hash: null,
    properties: {
      name: "Saraqib",
      aliases: ["Saraqeb"],
      kind: "CITY",
      latitude: 35.86,
      longitude: 36.8,
      wikidataId: null,
      createdBy: "seed",
    },
    links: [{ type: "WITHIN" as const, target: "place:idlib" }],
  };

  it("adds a match's new spellings and missing values, never overwriting stored ones", () => {
    const incoming = place("place:saraqib", "SARAKIB", "TOWN", "place:elsewhere", fill);
    incoming.properties.latitude = 1;
    incoming.properties.wikidataId = "Q1";
    const target = targetNode("Place", "place:saraqib", stored, [incoming]);
    expect(target.properties).toMatchObject({
      name: "Saraqib",
      aliases: ["Saraqeb", "SARAKIB"],
      kind: "CITY",
      latitude: 35.86,
      wikidataId: "Q1",
    });
    expect(target.links).toEqual([{ type: "WITHIN", target: "place:idlib" }]);
  });

  it("adds identifiers when filling, replaces them when defining, and keeps them when a definition leaves them out", () => {
    const withIds = { ...stored, properties: { ...stored.properties, identifiers: ["geonames:1", "pcode:A"] } };
    const filling = place("place:saraqib", "Saraqib", "CITY", undefined, fill);
    filling.properties.identifiers = ["acled:Saraqib"];
    expect(targetNode("Place", "place:saraqib", withIds, [filling]).properties.identifiers).toEqual([
      "acled:Saraqib",
      "geonames:1",
      "pcode:A",
    ]);
    const defining = place("place:saraqib", "Saraqib", "CITY");
    defining.properties.identifiers = ["pcode:B"];
    expect(targetNode("Place", "place:saraqib", withIds, [defining]).properties.identifiers).toEqual(["pcode:B"]);
    const silent = place("place:saraqib", "Saraqib", "CITY");
    silent.properties.identifiers = null;
    expect(targetNode("Place", "place:saraqib", withIds, [silent]).properties.identifiers).toEqual(["geonames:1", "pcode:A"]);
  });

  it("lets a definition rename (keeping the old name as an alias), move and remove aliases", () => {
    const renamed = place("place:saraqib", "Saraqib City", "CITY", "place:other");
    renamed.entity = { ...define, removeAliases: ["SARAQEB"] };
    const target = targetNode("Place", "place:saraqib", stored, [renamed]);
    expect(target.properties).toMatchObject({ name: "Saraqib City", aliases: ["Saraqib"] });
    expect(target.links).toEqual([{ type: "WITHIN", target: "place:other" }]);
  });

  it("only adds to the ids merged into a node, whoever defines it", () => {
    const merged = { ...stored, properties: { ...stored.properties, mergedIds: ["place:b", "place:a"] } };
    const redefined = place("place:saraqib", "Saraqib", "CITY", "place:idlib");
    redefined.properties.mergedIds = ["place:c"];
    expect(targetNode("Place", "place:saraqib", merged, [redefined]).properties.mergedIds).toEqual(["place:a", "place:b", "place:c"]);
    expect(targetNode("Place", "place:saraqib", merged, [place("place:saraqib", "Saraqib", "CITY")]).properties.mergedIds).toEqual([
      "place:a",
      "place:b",
    ]);
  });

  it("hashes content only: the same content gives the same hash, whatever its order or input paths", () => {
    const a = targetNode("Place", "place:p", null, [
      { ...place("place:p", "P", "SITE"), links: [{ type: "WITHIN", target: "place:q", path: "x" }] },
    ]);
    const b = targetNode("Place", "place:p", null, [
      { ...place("place:p", "P", "SITE"), links: [{ type: "WITHIN", target: "place:q", path: "y" }] },
    ]);
    expect(a.hash).toBe(b.hash);
    expect(targetNode("Place", "place:p", null, [place("place:p", "P2", "SITE")]).hash).not.toBe(a.hash);
  });
});
