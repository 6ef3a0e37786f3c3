/** The queries people copy (README's examples, docs/recipes.md, a researcher's page of 100 events) and their estimated cost. */
import { readFileSync } from "node:fs";
import { buildASTSchema, parse } from "graphql";
import { loadConfig } from "../../src/config.js";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { LIST_BOUNDS, queryCost } from "../../src/http/queryCost.js";
import { parseRecipes } from "../../web/build/recipes.js";
import { RESEARCH_PAGE } from "./pages.js";

export const schema = buildASTSchema(parse(loadTypeDefs()));
export const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** README's examples: each ```graphql block under a bold "**N. Question**" line. */
export function readmeQueries(): { title: string; query: string }[] {
  return [...read("README.md").matchAll(/^\*\*(\d+)\. .*\*\*\n+```graphql\n([\s\S]*?)```/gm)].map((match) => ({
    title: `README ${match[1]}`,
    query: match[2] ?? "",
  }));
}

export function costedQueries(): { title: string; query: string }[] {
  return [
    ...readmeQueries(),
    ...parseRecipes(read("docs/recipes.md")).map((recipe) => ({ title: `Recipe ${recipe.number}`, query: recipe.query })),
    { title: "100 events with places, perpetrators, claims, evidence and source text", query: RESEARCH_PAGE },
  ];
}

/** The table SECURITY.md shows between its `query-costs` markers. */
export function costTable(): string {
  const limit = loadConfig({}).limits.cost.ANONYMOUS;
  const rows = costedQueries().map(({ title, query }) => `| ${title} | ${queryCost(schema, parse(query)).toLocaleString("en")} |`);
  return [`| Query | Estimated cost (anonymous limit ${limit.toLocaleString("en")}) |`, "| --- | --: |", ...rows].join("\n");
}

/** The assumed lengths of plain lists, as SECURITY.md shows them between its `list-bounds` markers. */
export function listBoundsText(): string {
  return [...LIST_BOUNDS].map(([coordinate, bound]) => `\`${coordinate}\` ${bound}`).join(", ") + ".";
}
