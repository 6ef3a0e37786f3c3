/**
 * Brings the toll aggregates of a graph written before victim groups and best estimates existed up to what the write
 * path now keeps (model/eventAggregates.ts): every event's, then every incident's, recomputed from their claims, a
 * batch of events per transaction. Idempotent, so a start interrupted half-way simply runs it again.
 */
import type { Executor } from "../../db/executor.js";
import { int } from "../../db/values.js";
import { rel } from "../../graph/catalogue.js";
import { refreshEventAggregates } from "./importStore.js";
import { refreshIncidents } from "./incidentStore.js";

export async function refreshAllTolls(db: Executor, batchSize = 2_000): Promise<number> {
  let after = "";
  let total = 0;
  for (;;) {
    const ids = await db.write(async (tx) => {
      const rows = await tx.run(
        `// eventsByIdFrom
        MATCH (e:Event) WHERE e.id > $after
        RETURN e.id AS id, elementId(e) AS element
        ORDER BY e.id
        LIMIT $limit`,
        { after, limit: int(batchSize) },
      );
      const elements = new Map(rows.map((row) => [String(row.id), String(row.element)]));
      const events = [...elements.keys()];
      await refreshEventAggregates(tx, events, elements);
      const incidents = await tx.run(
        `// incidentsOfEvents
        UNWIND $ids AS id
        MATCH (:Event {id: id})-[:${rel("REPORT_OF")}]->(i:Incident)
        RETURN DISTINCT i.id AS id`,
        { ids: events },
      );
      await refreshIncidents(
        tx,
        incidents.map((row) => String(row.id)),
      );
      return events;
    });
    total += ids.length;
    if (ids.length < batchSize) return total;
    after = ids.at(-1)!;
  }
}
