/**
 * The estimated cost of the queries people copy (README's examples, docs/recipes.md, a researcher's page of 100
 * events), computed here and compared with the table in SECURITY.md, so the table cannot drift from the code.
 */
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { checkRepeatedFields } from "../../src/http/repeatedFields.js";
import { queryCost } from "../../src/http/queryCost.js";
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
