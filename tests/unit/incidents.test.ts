/** The pure parts of incidents: their ids, and the shape of an export's incidents. */
import { describe, expect, it } from "vitest";
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
