/**
 * Writes one validated bundle through the import path (see importer.ts): one transaction under the import lock,
 * nodes found by id and created where missing, entity resolution, and nothing written for nodes already as given. Used by the seed and by tests.
 */
import type { Executor } from "../../db/executor.js";
import type { ValidBundle } from "../bundle/validation.js";
import { bundleDraft } from "../bundle/bundleDraft.js";
import { type ImportReport, runImport } from "./importer.js";

export async function writeBundle(db: Executor, valid: ValidBundle, writtenBy: string): Promise<ImportReport> {
  return runImport(db, bundleDraft(valid), { dryRun: false, writtenBy });
}
