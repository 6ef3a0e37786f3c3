import { createRequire } from "node:module";
import { defineConfig, type UserWorkspaceConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Four tiers, one project each (README, Tests):
 * - unit: pure logic, no Neo4j, no Maven, no browser (`npm run test:unit`, seconds);
 * - reads: tests that only read the article's graph; they run before anything writes, since writes add events,
 *   statements and actors that whole-graph questions (the recipes: "who denied…", "deaths per month") would count;
 * - writes: tests that write, each its own data under ids of its own;
 * - slow: writes that take minutes (a 20 MB import, the input sweep, faults, floods); `npm run test:fast` leaves them out.
 */
const unit = ["tests/unit/**/*.test.ts"];

const readsArticle = [
  "tests/contract/**/*.test.ts",
  "tests/browser/{explorer,playground}.test.ts",
  "tests/clients/**/*.test.ts",
  "tests/integration/{article,contract,errors,hardening,lookAhead,recipes,search,seed,statementsPerQuery}.test.ts",
];

/** Named in their file (`*.slow.test.ts`), or listed here. */
const slow = ["tests/**/*.slow.test.ts", "tests/integration/{exportRoundTrip,inputSweep,faults}.test.ts"];

const shared: UserWorkspaceConfig = {
  resolve: {
    // One graphql for everything. Vite would resolve our `import "graphql"` to its ESM build (index.mjs)
    // while Apollo, loaded by Node, gets the CommonJS one: two realms, and graphql's instanceof checks
    // then throw on schema types built by the other ("Cannot use GraphQLNonNull from another module").
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: { testTimeout: 30_000, hookTimeout: 180_000, pool: "forks" },
};

const project = (name: string, include: string[], exclude: string[], groupOrder: number): UserWorkspaceConfig => ({
  ...shared,
  test: { ...shared.test, name, include, exclude, sequence: { groupOrder } },
});

export default defineConfig({
  test: {
    // Once for all projects: starts the test Neo4j (its own port and data folder) and seeds the article, unless only
    // the unit tier runs; stops it afterwards.
    globalSetup: ["tests/helpers/globalSetup.ts"],
    hookTimeout: 300_000,
    projects: [
      project("unit", unit, [], 0),
      project("reads", readsArticle, [], 0),
      project("writes", ["tests/**/*.test.ts"], [...unit, ...readsArticle, ...slow], 1),
      project("slow", slow, [], 2),
    ],
  },
});
