/**
 * The estimated cost of the queries people copy (README's examples, docs/recipes.md, a researcher's page of 100
 * events), computed here and compared with the table in SECURITY.md, so the table cannot drift from the code.
 */
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { checkRepeatedFields } from "../../src/http/repeatedFields.js";
import { ARGUMENT_WORK, queryCost } from "../../src/http/queryCost.js";
import { costTable, costedQueries, listBoundsText, read, readmeQueries, schema } from "../helpers/queryCosts.js";

describe("query cost", () => {
  it("finds README's five examples and the recipes", () => {
    expect(readmeQueries()).toHaveLength(5);
    expect(costedQueries().length).toBeGreaterThanOrEqual(17);
  });

  it.each(costedQueries())("$title fits the anonymous limit and the repeated-field limit", ({ query }) => {
    const limits = loadConfig({}).limits;
    expect(queryCost(schema, parse(query))).toBeLessThanOrEqual(limits.cost.ANONYMOUS);
    expect(() => checkRepeatedFields(parse(query), limits.repeatedFields)).not.toThrow();
  });

  it("counts nothing, and throws nothing, for an operationName that names no operation (graphql-js refuses it)", () => {
    for (const [query, name] of [
      ["{ viewer { role } }", "Nope"],
      ["{ viewer { role } }", ""],
      ["query A { viewer { role } }", "B"],
      ["query A { viewer { role } } query B { viewer { role } }", undefined],
    ] as const) {
      expect(queryCost(schema, parse(query), {}, name)).toBe(0);
    }
    expect(queryCost(schema, parse("query A { viewer { role } } query B { events { totalCount } }"), {}, "B")).toBeGreaterThan(0);
  });

  it("counts the work of the roll-ups, whether they are asked for directly or through a variable", () => {
    const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), variables);
    const events = (args: string) => cost(`{ actor(id: "actor:russia") { events${args} { totalCount } } }`);
    const plain = events("");
    expect(events("(includeMembers: false, credited: false)")).toBe(plain);
    expect(events("(includeMembers: true)") - plain).toBe(ARGUMENT_WORK.get("Actor.events.includeMembers"));
    expect(events("(credited: true)") - plain).toBe(ARGUMENT_WORK.get("Actor.events.credited"));
    const viaVariable = cost(
      `query ($all: Boolean!) { actor(id: "actor:russia") { events(includeMembers: $all, credited: $all) { totalCount } } }`,
      { all: true },
    );
    expect(viaVariable - plain).toBe(ARGUMENT_WORK.get("Actor.events.includeMembers")! + ARGUMENT_WORK.get("Actor.events.credited")!);
    const stats = (args: string) => cost(`{ eventStats(groupBy: PERPETRATOR${args}) { key } }`);
    expect(stats(", includeMembers: true") - stats("")).toBe(ARGUMENT_WORK.get("Query.eventStats.includeMembers"));
    // Every actor of a page rolling up its members' events is more than an anonymous caller may ask.
    const limits = loadConfig({}).limits;
    expect(cost("{ actors(first: 20) { edges { node { events(includeMembers: true) { totalCount } } } } }")).toBeGreaterThan(
      limits.cost.ANONYMOUS,
    );
    expect(cost("{ actors(first: 20) { edges { node { events { totalCount } } } } }")).toBeLessThanOrEqual(limits.cost.ANONYMOUS);
  });

  it("SECURITY.md shows each one's cost as the code computes it", () => {
    const security = read("SECURITY.md");
    const table = /<!-- query-costs -->\s*([\s\S]*?)\s*<!-- \/query-costs -->/.exec(security)?.[1];
    expect(table?.replace(/-{3,}/g, "---").replace(/ +/g, " ").replace(/---:/g, "--:")).toBe(costTable());
  });

  it("SECURITY.md shows the assumed length of each list", () => {
    const bounds = /<!-- list-bounds -->\s*([\s\S]*?)\s*<!-- \/list-bounds -->/.exec(read("SECURITY.md"))?.[1];
    expect(bounds?.replace(/\s+/g, " ")).toBe(listBoundsText());
  });
});
