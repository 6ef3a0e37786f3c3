import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql for everything. Vite would resolve our `import "graphql"` to its ESM build (index.mjs)
    // while Apollo, loaded by Node, gets the CommonJS one: two realms, and graphql's instanceof checks
    // then throw on schema types built by the other ("Cannot use GraphQLNonNull from another module").
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // Starts the test Neo4j (its own port and data folder), seeds the article, stops it afterwards.
    globalSetup: ["tests/helpers/globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
