import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Executor } from "../db/executor.js";
import { validateBundle } from "./bundle/validation.js";
import { writeBundle } from "./write/bundleWriter.js";
import { seedDirectory } from "../paths.js";

/** Writes every bundle in data/seed/ (the article's graph). Idempotent: a second run finds every node as given and writes nothing. */
export async function seed(db: Executor): Promise<{ bundles: number }> {
  const files = readdirSync(seedDirectory)
    .filter((file) => file.endsWith(".bundle.json"))
    .sort();
  for (const file of files) {
    const result = await validateBundle(JSON.parse(readFileSync(join(seedDirectory, file), "utf8")));
    if (!result.ok) {
      const problems = result.problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ");
      throw new Error(`Seed bundle ${file} is invalid: ${problems}`);
    }
    if (result.external.size > 0) {
      throw new Error(`Seed bundle ${file} refers to ids it does not define: ${[...result.external.keys()].join(", ")}`);
    }
    await writeBundle(db, result.value, "seed");
  }
  return { bundles: files.length };
}

/** True when the database holds no source yet, i.e. nothing was ever imported. */
export async function isEmpty(db: Executor): Promise<boolean> {
  const rows = await db.read("// anySource\nMATCH (s:Source) RETURN count(s) > 0 AS any LIMIT 1");
  return rows[0]?.any !== true;
}
