/**
 * npm run export -- <file>
 *
 * Writes the whole graph of the configured database as bundles, one per source (see src/ingest/export/export.ts), to
 * `file`; `npm run import -- <file>` into an empty database reproduces it. Exit codes: 0 written, 1 failed, 2 usage.
 */
import { writeFile } from "node:fs/promises";
import { loadConfig } from "../config.js";
import { exportGraph } from "../ingest/export/export.js";
import { counted } from "../model/text.js";
import { openDatabase } from "./database.js";
import { runCommand } from "./runCommand.js";

async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0]!.startsWith("-")) {
    process.stderr.write("usage: npm run export -- <file.json>\n");
    return 2;
  }
  const path = argv[0]!;
  const { driver, db, uri } = await openDatabase(loadConfig());
  try {
    const startedAt = performance.now();
    const file = await exportGraph(db, { onCycleBroken: (message) => process.stderr.write(`${message}\n`) });
    await writeFile(path, `${JSON.stringify(file, null, 1)}\n`);
    process.stdout.write(
      `${uri} -> ${path}: ${counted(file.bundles.length, "bundle")} in ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } finally {
    await driver.close();
  }
}

runCommand(() => main(process.argv.slice(2)));
