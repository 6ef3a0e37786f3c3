import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { ImportService } from "../../src/ingest/importService.js";
import { openTestDatabase } from "./database.js";

/** A short random suffix, so each test's ids are its own and tests can run in any order. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** Writes a bundle through the import service (the API's and the seed's path) into the test Neo4j. */
export async function writeTestBundle(bundle: unknown): Promise<void> {
  const database = openTestDatabase(inject("neo4jUri"), 30_000);
  try {
    await new ImportService(database.db, { timeoutMs: 30_000 }).importBundle(bundle, { dryRun: false, writtenBy: "test" });
  } finally {
    await database.close();
  }
}
