/**
 * npm run db:repair -- --break-cycles
 *
 * Repairs what a graph written by an earlier version may hold and no write makes any more: `--break-cycles` removes,
 * from each cycle of PART_OF (actors) or WITHIN (places), the link out of the node whose id sorts last
 * (graph/cycles.ts), until none is left, and prints every link it removed with the cycle it closed. Runs behind the
 * import lock, in one transaction. Exit codes: 0 done (also when there was nothing to repair), 1 failed, 2 usage error.
 */
import { userInfo } from "node:os";
import { loadConfig } from "../config.js";
import { cycleText, hierarchyOf } from "../graph/cycles.js";
import { breakStoredCycles } from "../ingest/write/hierarchyCycles.js";
import { refreshContentHashes } from "../ingest/write/mergeNodes.js";
import { openDatabase } from "./database.js";
import { runCommand } from "./runCommand.js";

const USAGE = "usage: npm run db:repair -- --break-cycles";

async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0] !== "--break-cycles") {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { driver, db, uri } = await openDatabase(loadConfig());
  try {
    const removed = await breakStoredCycles(db, `cli:${userInfo().username}`, refreshContentHashes);
    const count = removed.reduce((sum, { breaks }) => sum + breaks.length, 0);
    if (count === 0) {
      process.stdout.write(`${uri}: no cycle of PART_OF or WITHIN; nothing removed\n`);
      return 0;
    }
    process.stdout.write(`${uri}: removed ${count === 1 ? "1 link" : `${count} links`} to break every cycle:\n`);
    for (const { label, breaks } of removed) {
      const { type } = hierarchyOf[label];
      for (const { removed: link, cycle } of breaks) {
        process.stdout.write(`  ${link.child} -[:${type}]-> ${link.parent}  (cycle: ${cycleText(cycle)})\n`);
      }
    }
    return 0;
  } finally {
    await driver.close();
  }
}

runCommand(() => main(process.argv.slice(2)));
