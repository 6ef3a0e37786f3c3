import { createRequire } from "node:module";
import { defineConfig, type UserWorkspaceConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Tests that only read the article's graph run first; tests that write (each its own data, under ids of
 * its own) run after them. Writes never touch the article's nodes, but they add events, statements and
 * actors that whole-graph questions (the recipes: "who denied…", "deaths per month") would then count.
 */
const readsArticle = [
  "tests/unit/**/*.test.ts",
  "tests/contract/**/*.test.ts",
  "tests/browser/{explorer,playground}.test.ts",
  "tests/clients/**/*.test.ts",
  "tests/integration/{article,contract,errors,hardening,lookAhead,recipes,search,seed,statementsPerQuery}.test.ts",
];

const shared: UserWorkspaceConfig = {
  resolve: {
    // One graphql for everything. Vite would resolve our `import "graphql"` to its ESM build (index.mjs)
    // while Apollo, loaded by Node, gets the CommonJS one: two realms, and graphql's instanceof checks
    // then throw on schema types built by the other ("Cannot use GraphQLNonNull from another module").
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: { testTimeout: 30_000, hookTimeout: 180_000, pool: "forks" },
};

export default defineConfig({
  test: {
    // Once for all projects: starts the test Neo4j (its own port and data folder), seeds the article, stops it afterwards.
    globalSetup: ["tests/helpers/globalSetup.ts"],
    hookTimeout: 300_000,
    projects: [
      { ...shared, test: { ...shared.test, name: "reads", include: readsArticle, sequence: { groupOrder: 0 } } },
      {
        ...shared,
        test: { ...shared.test, name: "writes", include: ["tests/**/*.test.ts"], exclude: readsArticle, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
