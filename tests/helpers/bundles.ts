import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { validateBundle } from "../../src/ingest/bundle/validation.js";
import { writeBundle } from "../../src/ingest/write/bundleWriter.js";
import { openTestDatabase } from "./database.js";

/** A short random suffix, so each test's ids are its own and tests can run in any order. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** Writes a bundle through the real write path (validation, then the idempotent writer) into the test Neo4j. */
export async function writeTestBundle(bundle: unknown): Promise<void> {
  const result = await validateBundle(bundle);
  if (!result.ok) throw new Error(`Test bundle is invalid: ${JSON.stringify(result.problems)}`);
  const database = openTestDatabase(inject("neo4jUri"), 30_000);
  try {
    await writeBundle(database.db, result.value, "test");
  } finally {
    await database.close();
  }
}
