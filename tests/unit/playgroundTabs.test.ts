import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode, type SelectionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { queryCost } from "../../src/http/queryCost.js";
import { checkRepeatedFields } from "../../src/http/repeatedFields.js";
import { projectRoot } from "../../src/paths.js";
import {
  MAP_EVENTS_QUERY,
  NEIGHBORHOOD_QUERY,
  NODE_DETAILS_QUERY,
  SEARCH_QUERY,
  SHORTEST_PATH_QUERY,
  TIMELINE_QUERY,
} from "../../web/client/explorer/queries.js";
import { commentLines, operationName, parseRecipes, playgroundTabs, recipeTab } from "../../web/build/recipes.js";

const schema = buildSchema(loadTypeDefs());
const recipesMarkdown = readFileSync(join(projectRoot, "docs", "recipes.md"), "utf8");

describe("the playground's tabs from docs/recipes.md", () => {
  it("has one tab per recipe (each `## ` section with a graphql block, as the recipes test runs them), each a valid named query", () => {
    const sections = recipesMarkdown
      .split(/^## /m)
      .slice(1)
      .filter((section) => section.includes("```graphql"));
    const tabs = playgroundTabs(recipesMarkdown);
    expect(tabs).toHaveLength(sections.length);
    const names = new Set<string>();
    for (const tab of tabs) {
      const document = parse(tab.query);
      expect(validate(schema, document)).toEqual([]);
      const [operation] = document.definitions;
      expect(operation?.kind).toBe(Kind.OPERATION_DEFINITION);
      const name = operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
      expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      names.add(name ?? "");
    }
    // Tab titles come from the operation names; no two alike.
    expect(names.size).toBe(tabs.length);
  });

  it("opens on recipe 1, saying where an editor key goes", () => {
    const [first] = playgroundTabs(recipesMarkdown);
    expect(first?.query).toContain("# 1. What happened inside Idlib province");
    expect(first?.query).toContain('{"Authorization": "Bearer <your key>"}');
    expect(first?.query).toContain('events(filter: { placeId: "place:idlib-governorate" }, orderBy: FATALITIES_DESC)');
  });

  it("takes the first graphql block under each heading and the prose before it, not the expected answer", () => {
    const recipes = parseRecipes(
      [
        "# Title",
        "",
        "## 1. First question?",
        "",
        "Some context",
        "on two lines.",
        "",
        "```graphql",
        "{ a }",
        "```",
        "",
        "```json",
        '{ "a": 1 }',
        "```",
        "",
        "Why: because.",
        "",
        "## 2. Prose only",
        "",
        "No query here.",
        "",
        "## 3. Third",
        "",
        "```graphql",
        "query Named { b }",
        "```",
        "```graphql",
        "{ ignored }",
        "```",
      ].join("\n"),
    );
    expect(recipes).toEqual([
      { number: 1, title: "First question?", notes: ["Some context on two lines."], query: "{ a }" },
      { number: 3, title: "Third", notes: [], query: "query Named { b }" },
    ]);
  });

  it("takes every recipe however its heading is written, and names every operation, each name once", () => {
    const markdown = [
      "## 13. Which node is ACLED's `Military Forces of Syria (2000-)`?",
      "```graphql",
      "{ a }",
      "```",
      "## Two spellings of one town: merge them",
      "```graphql",
      "# Editors only.",
      "mutation {",
      "  b",
      "}",
      "```",
      "## 14) Which node is ACLED's Military Forces of Syria?",
      "```graphql",
      "query { c }",
      "```",
      "## 15. Named",
      "```graphql",
      "query Own($x: Int) { d }",
      "```",
    ].join("\n");
    const recipes = parseRecipes(markdown);
    expect(recipes.map(({ number, title }) => ({ number, title }))).toEqual([
      { number: 13, title: "Which node is ACLED's Military Forces of Syria (2000-)?" },
      { number: 2, title: "Two spellings of one town: merge them" },
      { number: 14, title: "Which node is ACLED's Military Forces of Syria?" },
      { number: 15, title: "Named" },
    ]);
    const tabs = playgroundTabs(markdown);
    expect(tabs.map((tab) => tab.operationName)).toEqual([
      "NodeACLEDMilitaryForcesSyria",
      "TwoSpellingsOneTownMerge",
      "NodeACLEDMilitaryForcesSyria14",
      "Own",
    ]);
    for (const tab of tabs) {
      const [operation] = parse(tab.query).definitions;
      expect(operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined).toBe(tab.operationName);
    }
    expect(tabs[1]?.query).toContain("# Editors only.\nmutation TwoSpellingsOneTownMerge {\n  b\n}");
    expect(tabs[2]?.query).toContain("query NodeACLEDMilitaryForcesSyria14 { c }");
  });

  it("names operations after the question's significant words", () => {
    expect(operationName("Who else was involved wherever Russia struck?")).toBe("InvolvedWhereverRussiaStruck");
    expect(operationName("Which events broke the Turkey–Russia agreement on Idlib?")).toBe("EventsBrokeTurkeyRussiaAgreement");
    expect(operationName("2019 in review")).toBe("Recipe2019Review");
    expect(operationName("What?")).toBe("What");
  });

  it("titles each tab with its question and puts the query right below it, the notes after", () => {
    const tabs = playgroundTabs(recipesMarkdown);
    expect(tabs.map((tab) => tab.title)).toEqual(parseRecipes(recipesMarkdown).map((recipe) => recipe.title));
    const tab = recipeTab({ number: 3, title: "Who struck?", notes: ["First note.", "Second note."], query: "{ a }" });
    expect(tab).toEqual({
      title: "Who struck?",
      operationName: "Struck",
      query: ["# 3. Who struck?", "query Struck { a }", "", "# First note.", "#", "# Second note.", ""].join("\n"),
    });
    expect(recipeTab({ number: 1, title: "Named", notes: [], query: "query Own { b }" }).operationName).toBe("Own");
  });

  it("wraps notes into comment lines that fit the editor", () => {
    const lines = commentLines("word ".repeat(40), 30);
    expect(lines.every((line) => line.startsWith("# ") && line.length <= 30)).toBe(true);
    expect(lines.join(" ").replace(/# /g, "").split(" ")).toHaveLength(40);
  });
});

/** Aliases as the server's limit counts them (graphql-armor's maxAliases): once per spread of the fragment that holds them. */
function aliasesPerSpread(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const count = (selections: readonly SelectionNode[]): number =>
    selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (selection.alias ? 1 : 0) + count(selection.selectionSet?.selections ?? []);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet.selections);
      return total + count(fragments.get(selection.name.value)?.selectionSet.selections ?? []);
    }, 0);
  return document.definitions.reduce(
    (total, definition) => total + (definition.kind === Kind.OPERATION_DEFINITION ? count(definition.selectionSet.selections) : 0),
    0,
  );
}

describe("the explorer's queries", () => {
  it.each([
    ["search", SEARCH_QUERY],
    ["neighborhood", NEIGHBORHOOD_QUERY],
    ["shortestPath", SHORTEST_PATH_QUERY],
    ["node details", NODE_DETAILS_QUERY],
    ["map events", MAP_EVENTS_QUERY],
    ["timeline", TIMELINE_QUERY],
  ])("%s is valid against the schema and within an anonymous caller's limits", (_name, query) => {
    expect(validate(schema, parse(query))).toEqual([]);
    // The explorer sends no key: what it asks must fit the anonymous budget at the variables' largest values.
    const limits = loadConfig({}).limits;
    expect(
      queryCost(schema, parse(query), {
        id: "x",
        query: "x",
        depth: 3,
        limit: 150,
        from: "x",
        to: "x",
        maxHops: 6,
        after: null,
        interval: "WEEK",
        filter: { from: "2019-01-01", to: "2019-12-31" },
      }),
    ).toBeLessThanOrEqual(limits.cost.ANONYMOUS);
    expect(() => checkRepeatedFields(parse(query), limits.repeatedFields)).not.toThrow();
    expect(aliasesPerSpread(parse(query))).toBeLessThanOrEqual(limits.aliases);
  });
});
