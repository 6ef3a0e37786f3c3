/**
 * Settings from the project's `.env` file, so that a developer sets ports and keys once for every command (npm
 * start, db:*, seed, import, export, load, bench). Each entry point calls `loadEnvFile()` first thing, before any
 * setting is read. A variable already in the environment wins over the file, so `PORT=4100 npm start` still
 * overrides it; a missing file is no error. The format is Node's own (`KEY=value` lines, `#` comments, quotes).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { projectRoot } from "./paths.js";

export const envFilePath = join(projectRoot, ".env");

/**
 * Copies the file's variables that the environment lacks into it; returns their names (empty without a file).
 * Node's own `process.loadEnvFile` reads the same format; the precedence is spelt out here rather than left to it.
 */
export function loadEnvFile(file = envFilePath, environment: NodeJS.ProcessEnv = process.env): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const loaded: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (Object.hasOwn(environment, name)) continue;
    environment[name] = value;
    loaded.push(name);
  }
  return loaded;
}
