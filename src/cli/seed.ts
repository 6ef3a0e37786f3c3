/** `npm run seed`: applies the schema and writes the article's graph into the configured database. */
import { loadConfig } from "../config.js";
import { ImportService } from "../ingest/importService.js";
import { seed } from "../ingest/seed.js";
import { counted } from "../model/text.js";
import { openDatabase } from "./database.js";
import { runCommand } from "./runCommand.js";

runCommand(async () => {
  const config = loadConfig();
  const { driver, db, uri } = await openDatabase(config);
  try {
    const { bundles } = await seed(new ImportService(db, config.imports));
    process.stdout.write(`Seeded ${counted(bundles, "bundle")} into ${uri}.\n`);
    return 0;
  } finally {
    await driver.close();
  }
});
