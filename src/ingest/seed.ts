import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Executor } from "../db/executor.js";
import { InvalidImportError } from "../errors.js";
import type { ImportService } from "./importService.js";
import { seedDirectory } from "../paths.js";

/**
 * Imports every bundle in data/seed/ (the article's graph) through the import service, one bundle per import, as
 * `seed`. Idempotent: a second run finds every node as given and writes nothing.
 */
export async function seed(imports: ImportService): Promise<{ bundles: number }> {
  const files = readdirSync(seedDirectory)
    .filter((file) => file.endsWith(".bundle.json"))
    .sort();
  for (const file of files) {
    const bundle: unknown = JSON.parse(readFileSync(join(seedDirectory, file), "utf8"));
    try {
      await imports.importBundle(bundle, { dryRun: false, writtenBy: "seed" });
    } catch (error) {
      if (!(error instanceof InvalidImportError)) throw error;
      const problems = error.problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ");
      throw new Error(`Seed bundle ${file} is invalid: ${problems}`, { cause: error });
    }
  }
  return { bundles: files.length };
}

/** True when the database holds no source yet, i.e. nothing was ever imported. */
export async function isEmpty(db: Executor): Promise<boolean> {
  const rows = await db.read("// anySource\nMATCH (s:Source) RETURN count(s) > 0 AS any LIMIT 1");
  return rows[0]?.any !== true;
}
