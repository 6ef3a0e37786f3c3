import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Starts the test Neo4j (its own port and data folder), seeds the article, stops it afterwards.
    globalSetup: ["tests/helpers/globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
