import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root (where package.json is), whether running from src/ with tsx or from dist/. */
function findRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, "package.json"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error("Cannot find the project root (package.json) above " + fileURLToPath(import.meta.url));
    directory = parent;
  }
  return directory;
}

export const projectRoot = findRoot();
export const schemaDirectory = join(projectRoot, "schema");
export const seedDirectory = join(projectRoot, "data", "seed");
