/**
 * The Cypher the look-ahead builds from the catalogue's read patterns: its exact text for a typical plan (a snapshot,
 * so that a change to it is seen and reviewed), and its structure: every use of a pattern has variables of its own,
 * and property names are never touched, even where they are spelled like the pattern's variables.
 */
import { describe, expect, it } from "vitest";
import { type LookAheadField, lookAheadCypher } from "../../src/repositories/lookAhead.js";
import { likeItsVariables, readOf } from "../helpers/lookAhead.js";

const participantsWithTheirBodies: LookAheadField[] = [
  {
    read: "Event.participants",
    args: { role: "PERPETRATOR" },
    children: [{ read: "Actor.partOf", args: {}, children: [] }],
  },
  { read: "Event.evidence", args: {}, children: [] },
];

describe("lookAheadCypher", () => {
  it("nests one CALL per field, each pattern in variables of its own, its arguments as a parameter", () => {
    const params: Record<string, unknown> = {};
    const cypher = lookAheadCypher("e", "Event", participantsWithTheirBodies, params);
    expect(params).toEqual({ ahead0: { role: "PERPETRATOR" }, ahead1: {}, ahead2: {} });
    expect(cypher.projection).toMatchInlineSnapshot(
      `"{node: e {.id, .title, .category, .type, .date, .endDate, .datePrecision, .summary, .fatalitiesLow, .fatalitiesHigh, .fatalitiesQualifier, .injuriesLow, .injuriesHigh, .injuriesQualifier, .fatalitiesBest, .injuriesBest, .deathsCiviliansLow, .deathsCiviliansHigh, .deathsCiviliansBest, .deathsCombatantsLow, .deathsCombatantsHigh, .deathsCombatantsBest, .deathsUnknownLow, .deathsUnknownHigh, .deathsUnknownBest, .deathsAllLow, .deathsAllHigh, .deathsAllBest, .deathsCiviliansQualifier, .deathsCombatantsQualifier, .deathsUnknownQualifier, .deathsAllQualifier, .contested, .latitude, .longitude, .geoPrecision, .point, .pointPrecision, .pointPlaceId, .identifiers, .ucdpConflictId, .ucdpDyadId}, ahead: {f0: list_0, f1: list_2}}"`,
    );
    expect(cypher.clauses).toMatchInlineSnapshot(`
      "CALL (e) {
        CALL (e) {
          MATCH (e)<-[r_0:PARTICIPATED_IN]-(m_0:Actor) WHERE $ahead0.role IS NULL OR r_0.role = $ahead0.role
            RETURN m_0, r_0.role AS datum_0 ORDER BY r_0.role, m_0.name, m_0.id
        }
        CALL (m_0) {
        CALL (m_0) {
          MATCH path_1 = (m_0)-[:PART_OF*1..8]->(m_1:Actor) WHERE m_1 <> m_0
            WITH m_1, length(path_1) AS hops_1
            WITH m_1, min(hops_1) AS depth_1 ORDER BY depth_1, m_1.name RETURN m_1
        }
        
        RETURN collect({node: m_1 {.id, .name, .aliases, .kind, .description, .wikidataId, .period, .mergedIds, .identifiers}, datum: null, ahead: {}}) AS list_1
      }
        RETURN collect({node: m_0 {.id, .name, .aliases, .kind, .description, .wikidataId, .period, .mergedIds, .identifiers}, datum: datum_0, ahead: {f0: list_1}}) AS list_0
      }
      CALL (e) {
        CALL (e) {
          MATCH (e)-[r_2:EVIDENCED_BY]->(m_2:Source)
            RETURN m_2, {quote: r_2.quote, start: r_2.start, end: r_2.end} AS datum_2 ORDER BY m_2.id, r_2.start
        }
        
        RETURN collect({node: m_2 {.id, .title, .publishedOn, .url, .text}, datum: datum_2, ahead: {}}) AS list_2
      }"
    `);
  });

  it("leaves property names alone, even those spelled like the pattern's variables", () => {
    const nested: LookAheadField[] = [
      { read: likeItsVariables.field, args: {}, children: [{ read: likeItsVariables.field, args: {}, children: [] }] },
    ];
    const { clauses } = lookAheadCypher("a", "Actor", nested, {}, { readOf });
    // Each use binds its own path and depth…
    expect(clauses).toContain("MATCH path_0 = (a)-[:PART_OF*1..2]->(m_0:Actor) WHERE m_0.depth IS NULL AND a.path IS NULL");
    expect(clauses).toContain("MATCH path_1 = (m_0)-[:PART_OF*1..2]->(m_1:Actor) WHERE m_1.depth IS NULL AND m_0.path IS NULL");
    expect(clauses).toContain("ORDER BY depth_1, m_1.depth, m_1.path RETURN m_1");
    // …and no property was renamed.
    expect(clauses).not.toMatch(/\.(depth|path)_\d/);
  });

  it("binds each variable in one place only, however deep and wide the plan", () => {
    const wide: LookAheadField[] = [
      { read: "Event.places", args: {}, children: [{ read: "Place.ancestors", args: {}, children: [] }] },
      ...participantsWithTheirBodies,
      { read: "Event.claims", args: {}, children: [{ read: "Claim.assertedBy", args: {}, children: [] }] },
    ];
    const { clauses } = lookAheadCypher("e", "Event", wide, {});
    const bound = [...clauses.matchAll(/\((m_\d+):/g), ...clauses.matchAll(/ AS (\w+)/g)].map((match) => match[1]);
    const lists = bound.filter((name) => name!.startsWith("list_"));
    expect(lists).toHaveLength(7);
    expect(new Set(bound.filter((name) => name!.startsWith("m_"))).size).toBe(7);
    expect(new Set(lists).size).toBe(lists.length);
  });
});
