import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { schemaDirectory } from "../paths.js";

/** The SDL in schema/, the single source of truth for the API (codegen reads the same files). */
export function loadTypeDefs(): string {
  return readdirSync(schemaDirectory)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => readFileSync(join(schemaDirectory, file), "utf8"))
    .join("\n");
}
