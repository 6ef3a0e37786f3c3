/** The pure parts of incidents: their ids, the shape of an export's incidents, and the rules between two reports. */
import { describe, expect, it } from "vitest";
import { COMPATIBLE_CATEGORIES, mayShareIncident, samePublisher } from "../../src/graph/incidentRules.js";
import { ACLED_CATEGORIES, EVENT_CATEGORIES, UCDP_CATEGORIES } from "../../src/model/enums.js";
import { incidentDecisionsSchema } from "../../src/ingest/write/incidentDecisions.js";
import { incidentIdOf } from "../../src/ingest/write/incidentStore.js";
import { parseId } from "../../src/model/ids.js";

describe("incident ids", () => {
  it("come from the first report's slug, and another report's leaving takes a numbered one", () => {
    expect(incidentIdOf("event:acled-SYR12345")).toBe("incident:acled-SYR12345");
    expect(incidentIdOf("event:acled-SYR12345", 1)).toBe("incident:acled-SYR12345.2");
    expect(incidentIdOf("event:acled-SYR12345", 2)).toBe("incident:acled-SYR12345.3");
  });

  it.each([1, 100, 200])("stay well-formed incident ids for a %i-character event slug", (length) => {
    const eventId = `event:${"a".repeat(length)}`;
    for (const attempt of [0, 1, 9]) expect(parseId(incidentIdOf(eventId, attempt))?.prefix).toBe("incident");
  });
});

describe("an export's incidents", () => {
  it("take incident and event ids, at least one report each, and pairs kept apart", () => {
    const valid = {
      incidents: [{ id: "incident:a", match: "CURATED", reports: ["event:a", "event:b"] }],
      keptApart: [["event:a", "event:c"]],
    };
    expect(incidentDecisionsSchema.safeParse(valid).success).toBe(true);
    const invalid = [
      { ...valid, incidents: [{ id: "event:a", match: "CURATED", reports: ["event:a"] }] },
      { ...valid, incidents: [{ id: "incident:a", match: "CURATED", reports: [] }] },
      { ...valid, incidents: [{ id: "incident:a", match: "MAYBE", reports: ["event:a"] }] },
      { ...valid, keptApart: [["event:a", "place:b"]] },
      { ...valid, keptApart: [["event:a"]] },
    ];
    for (const value of invalid) expect(incidentDecisionsSchema.safeParse(value).success).toBe(false);
  });
});

describe("compatible categories", () => {
  it("are symmetric, and every category joins itself", () => {
    for (const category of EVENT_CATEGORIES) {
      expect(COMPATIBLE_CATEGORIES[category], category).toContain(category);
      for (const other of COMPATIBLE_CATEGORIES[category])
        expect(COMPATIBLE_CATEGORIES[other], `${other} ~ ${category}`).toContain(category);
    }
  });

  it("join no two of ACLED's categories, nor two of UCDP's kinds", () => {
    for (const family of [ACLED_CATEGORIES, UCDP_CATEGORIES] as const) {
      for (const category of family) {
        expect(COMPATIBLE_CATEGORIES[category].filter((other) => (family as readonly string[]).includes(other))).toEqual([category]);
      }
    }
  });

  it("join each UCDP kind to the ACLED categories its events are coded as", () => {
    expect(COMPATIBLE_CATEGORIES.STATE_BASED_VIOLENCE).toEqual([
      "STATE_BASED_VIOLENCE",
      "BATTLES",
      "EXPLOSIONS_REMOTE_VIOLENCE",
      "VIOLENCE_AGAINST_CIVILIANS",
    ]);
    expect(COMPATIBLE_CATEGORIES.NON_STATE_VIOLENCE).toEqual(["NON_STATE_VIOLENCE", "BATTLES", "EXPLOSIONS_REMOTE_VIOLENCE"]);
    expect(COMPATIBLE_CATEGORIES.ONE_SIDED_VIOLENCE).toEqual([
      "ONE_SIDED_VIOLENCE",
      "EXPLOSIONS_REMOTE_VIOLENCE",
      "VIOLENCE_AGAINST_CIVILIANS",
    ]);
    expect(COMPATIBLE_CATEGORIES.BATTLES).toEqual(["BATTLES", "STATE_BASED_VIOLENCE", "NON_STATE_VIOLENCE"]);
    expect(COMPATIBLE_CATEGORIES.PROTESTS).toEqual(["PROTESTS"]);
  });
});

describe("two reports", () => {
  const report = (id: string, publishers: string[], keptApart: string[] = []) => ({ id, publishers, keptApart });

  it("of one publisher, or kept apart either way, are never one incident", () => {
    expect(samePublisher(report("event:a", ["actor:acled", "actor:x"]), report("event:b", ["actor:x"]))).toBe(true);
    expect(mayShareIncident(report("event:a", ["actor:acled"]), report("event:b", ["actor:acled"]))).toBe(false);
    expect(mayShareIncident(report("event:a", ["actor:acled"], ["event:b"]), report("event:b", ["actor:ucdp"]))).toBe(false);
    expect(mayShareIncident(report("event:a", ["actor:acled"]), report("event:b", ["actor:ucdp"], ["event:a"]))).toBe(false);
    expect(mayShareIncident(report("event:a", ["actor:acled"]), report("event:b", ["actor:ucdp"]))).toBe(true);
  });
});
