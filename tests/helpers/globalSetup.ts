import type { TestProject } from "vitest/node";
import { localInstance, startLocalNeo4j, stopLocalNeo4j } from "../../neo4j-local/localNeo4j.js";
import { migrate } from "../../src/ingest/write/dataMigrations.js";
import { loadEnvFile } from "../../src/envFile.js";
import { ImportService } from "../../src/ingest/importService.js";
import { seed } from "../../src/ingest/seed.js";
import { ensureWebAssets } from "../../web/build/assets.js";
import { openTestDatabase } from "./database.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * The tests' own Neo4j: never the development database. It is emptied and seeded with the article
 * once per run; tests that write use ids of their own, so files can run in any order.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The unit tier needs neither a database nor the built web assets (`npm run test:unit` runs without Java).
  if (project.vitest.projects.every((selected) => selected.name === "unit")) return () => Promise.resolve();
  // The test instance's port may come from .env, like every command's settings; the workers inherit it.
  loadEnvFile();
  // The browser tests need the playground and explorer built; build them (when stale) while Neo4j starts.
  const webAssets = ensureWebAssets((message) => console.log(message));
  webAssets.catch(() => undefined);
  const external = process.env.TEST_NEO4J_URI;
  const instance = localInstance("test");
  const uri = external ?? (await startLocalNeo4j(instance)).uri;
  const database = openTestDatabase(uri, 120_000);
  try {
    await database.db.write((tx) => tx.run("// wipeTestDatabase\nMATCH (n) DETACH DELETE n"));
    await migrate(database.db);
    await seed(new ImportService(database.db, { timeoutMs: 120_000 }));
  } finally {
    await database.close();
  }
  try {
    await webAssets;
  } catch (error) {
    if (!external) await stopLocalNeo4j(instance);
    throw error;
  }
  project.provide("neo4jUri", uri);
  return async () => {
    if (!external) await stopLocalNeo4j(instance);
  };
}
