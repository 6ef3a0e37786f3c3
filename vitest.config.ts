import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { defineConfig, type UserWorkspaceConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Four tiers, one project each (README, Tests), run in three steps; files of one step run side by side:
 * 1. unit: pure logic, no Neo4j, no Maven, no browser (`npm run test:unit`, seconds); and reads: tests that only read
 *    the article's graph. Reads run before anything writes, since writes add events, statements and actors that
 *    whole-graph questions (the recipes: "who denied…", "deaths per month") would count;
 * 2. writes: tests that write, each its own data under ids of its own; and slow: writes that take minutes (a 20 MB
 *    import, the input sweep, faults, floods), started first since they are the longest; `--project '!slow'` (or
 *    `npm run test:fast`) leaves them out;
 * 3. alone: a test that disturbs every other user of the test database while it runs (it fills Neo4j's
 *    transaction memory pool), so it runs by itself, last.
 */
const unit = ["tests/unit/**/*.test.ts"];

const readsArticle = [
  "tests/contract/**/*.test.ts",
  "tests/browser/{crossOrigin,explorer,playground}.test.ts",
  "tests/clients/**/*.test.ts",
  "tests/integration/{article,contract,crossOrigin,errors,hardening,lookAhead,recipes,search,seed,statementsPerQuery}.test.ts",
];

/** Named in their file (`*.slow.test.ts`), or listed here. */
const slow = ["tests/**/*.slow.test.ts", "tests/integration/{exportRoundTrip,inputSweep,faults}.test.ts"];

const alone = ["tests/integration/databaseErrors.test.ts"];

/**
 * Files at once. Most of an integration file's time is spent waiting on Neo4j, HTTP or a child process, so one more
 * file than there are cores keeps two cores busy (vitest's default, one fewer than the cores, is one file at a time
 * on two); at most 4, since every file runs servers of its own on the one test Neo4j. `--maxWorkers` overrides it.
 */
const workers = Math.min(Math.max(availableParallelism() + 1, 2), 4);

const shared: UserWorkspaceConfig = {
  resolve: {
    // One graphql for everything. Vite would resolve our `import "graphql"` to its ESM build (index.mjs)
    // while Apollo, loaded by Node, gets the CommonJS one: two realms, and graphql's instanceof checks
    // then throw on schema types built by the other ("Cannot use GraphQLNonNull from another module").
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: { testTimeout: 30_000, hookTimeout: 180_000, pool: "forks" },
};

const project = (
  name: string,
  include: string[],
  exclude: string[],
  groupOrder: number,
  options: { maxWorkers?: number; isolate?: boolean } = {},
): UserWorkspaceConfig => ({
  ...shared,
  test: { ...shared.test, name, include, exclude, sequence: { groupOrder }, maxWorkers: workers, ...options },
});

export default defineConfig({
  test: {
    // Once for all projects: starts the test Neo4j (its own port and data folder) and seeds the article, unless only
    // the unit tier runs; stops it afterwards.
    globalSetup: ["tests/helpers/globalSetup.ts"],
    hookTimeout: 300_000,
    projects: [
      // Unit files share their worker's modules (half the CPU: the modules load once per worker, not per file); they
      // hold pure logic, mock no module and keep no state between files.
      project("unit", unit, [], 0, { isolate: false }),
      project("reads", readsArticle, [], 0),
      // In one step, vitest starts the projects' files in the order of the projects' names: slow's before writes'.
      project("writes", ["tests/**/*.test.ts"], [...unit, ...readsArticle, ...slow, ...alone], 1),
      project("slow", slow, [], 1),
      project("alone", alone, [], 2, { maxWorkers: 1 }),
    ],
  },
});
