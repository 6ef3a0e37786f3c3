/**
 * npx tsx scripts/settingsTable.ts   rewrites the README's table of settings from their declarations in src/config.ts
 * (name, default, meaning), between its two markers, formatted as prettier formats the README.
 * tests/unit/config.test.ts fails when the two differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import { settings } from "../src/config.js";
import { projectRoot } from "../src/paths.js";

export const TABLE_START = "<!-- settings: generated from src/config.ts by npx tsx scripts/settingsTable.ts -->";
export const TABLE_END = "<!-- end of settings -->";

/** The table's rows, one per setting: name, default, meaning. */
export function settingsRows(): [string, string, string][] {
  return Object.entries(settings).map(([name, setting]) => [`\`${name}\``, setting.shownDefault, setting.description]);
}

function settingsTable(): string {
  const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [row(["Variable", "Default", "Meaning"]), row(["---", "---", "---"]), ...settingsRows().map(row)].join("\n");
}

/** The README with its table of settings written anew. */
export async function readmeWithSettings(readme: string): Promise<string> {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} section`);
  const file = join(projectRoot, "README.md");
  const written = `${readme.slice(0, start)}${TABLE_START}\n\n${settingsTable()}\n\n${readme.slice(end)}`;
  return format(written, { ...(await resolveConfig(file)), filepath: file });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const file = join(projectRoot, "README.md");
  writeFileSync(file, await readmeWithSettings(readFileSync(file, "utf8")));
}
