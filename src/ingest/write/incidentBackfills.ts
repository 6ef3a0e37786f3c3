/**
 * The incident migrations (db/migrations.ts), run at start-up in batches of their own transactions: an incident for
 * every event stored before incidents existed, and the matching keys of events stored before those existed. Each is a
 * no-op on a graph that needs neither.
 */
import type { Executor } from "../../db/executor.js";
import { int } from "../../db/values.js";
import { rel } from "../../graph/catalogue.js";
import { writeMatchingKeys } from "./incidentMatching.js";
import { everyEventInBatches } from "./importStore.js";
import { ownIncidents, refreshIncidents } from "./incidentStore.js";

/**
 * Writes the matching keys of every stored event, in batches of events in id order: the migration for graphs written
 * before the keys existed.
 */
export async function backfillMatchingKeys(db: Executor, batchSize = 5_000): Promise<number> {
  return everyEventInBatches(db, batchSize, (tx, batch) => writeMatchingKeys(tx, batch));
}

/**
 * Gives every stored event without an incident one of its own (SINGLE), in batches: the migration for graphs written
 * before incidents existed, and a no-op on every later start.
 */
export async function backfillIncidents(db: Executor, batchSize = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.write(async (tx) => {
      const rows = await tx.run(
        `// eventsWithoutIncident
        MATCH (e:Event)
        WHERE NOT EXISTS { (e)-[:${rel("REPORT_OF")}]->(:Incident) }
        RETURN e.id AS id
        LIMIT $limit`,
        { limit: int(batchSize) },
      );
      const ids = rows.map((row) => String(row.id));
      await refreshIncidents(tx, await ownIncidents(tx, ids));
      return ids.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}
