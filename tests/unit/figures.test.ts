import { describe, expect, it } from "vitest";
import { combineEstimates } from "../../src/model/estimates.js";
import { eventAggregates, storedTolls, victimTolls } from "../../src/model/eventAggregates.js";
import { graphqlInt, GRAPHQL_INT_MAX } from "../../src/graphql/resolvers/Estimate.js";

const figure = (low: number | null, high: number | null, qualifier: string, victims: string | null = null, best: number | null = null) => ({
  kind: "FATALITIES",
  low,
  high,
  qualifier,
  victims,
  best,
  disputed: false,
});

describe("victim groups", () => {
  it("combine each group's figures apart, in a fixed order, and never show a figure counting everyone as civilians", () => {
    const claims = [
      figure(38, 38, "EXACT", "CIVILIANS"),
      figure(39, 39, "EXACT", "CIVILIANS"),
      figure(25, 42, "RANGE", "ALL", 38),
      figure(40, null, "AT_LEAST"),
      figure(3, 3, "EXACT", "COMBATANTS"),
    ];
    expect(victimTolls(claims)).toEqual(
      [
        { victims: "CIVILIANS", estimate: { low: 38, high: 39, qualifier: "RANGE" } },
        { victims: "COMBATANTS", estimate: { low: 3, high: 3, qualifier: "EXACT", best: undefined } },
        { victims: "ALL", estimate: { low: 25, high: null, qualifier: "AT_LEAST", best: 38 } },
      ].map((toll) => ({
        ...toll,
        estimate: Object.fromEntries(Object.entries(toll.estimate).filter(([, value]) => value !== undefined)),
      })),
    );
    expect(victimTolls([figure(7, null, "AT_LEAST")]).map((toll) => toll.victims)).toEqual(["ALL"]);
  });

  it("give the event's toll from the figures counting everyone when there are any, else from every group's", () => {
    const withAll = eventAggregates({ claims: [figure(39, 39, "EXACT", "CIVILIANS"), figure(38, null, "AT_LEAST", "ALL")], stances: [] });
    expect(withAll).toMatchObject({ fatalitiesLow: 38, fatalitiesHigh: null, fatalitiesQualifier: "AT_LEAST" });
    const civiliansOnly = eventAggregates({ claims: [figure(39, 39, "EXACT", "CIVILIANS")], stances: [] });
    expect(civiliansOnly).toMatchObject({ fatalitiesLow: 39, fatalitiesHigh: 39, deathsCiviliansLow: 39, deathsAllQualifier: null });
    // Stored and read back, the groups come out as they went in.
    expect(storedTolls(withAll)).toEqual(victimTolls([figure(39, 39, "EXACT", "CIVILIANS"), figure(38, null, "AT_LEAST", "ALL")]));
  });

  it("combine best estimates as the lowest any source gives, always within the combined range", () => {
    const combined = combineEstimates([
      { low: 25, high: 42, qualifier: "RANGE", best: 38 },
      { low: 30, high: 40, qualifier: "RANGE", best: 35 },
      { low: 39, high: 39, qualifier: "EXACT" },
    ]);
    expect(combined).toEqual({ low: 25, high: 42, qualifier: "RANGE", best: 35 });
    expect(
      combineEstimates([
        { low: 2, high: 3, qualifier: "RANGE" },
        { low: 4, high: 4, qualifier: "EXACT" },
      ]),
    ).not.toHaveProperty("best");
  });
});

describe("graphqlInt", () => {
  it("answers counts GraphQL's Int can carry: beyond it, its maximum", () => {
    expect(graphqlInt(null)).toBeNull();
    expect(graphqlInt(10_000_000)).toBe(10_000_000);
    expect(graphqlInt(2 * 2_000_000_000)).toBe(GRAPHQL_INT_MAX);
    expect(graphqlInt(GRAPHQL_INT_MAX)).toBe(GRAPHQL_INT_MAX);
  });
});
