/**
 * The reports of a batch of incidents, each with relationship fields fetched ahead in the same statement
 * (lookAhead.ts): the incidents' exports read their reports' places, perpetrators and sources this way, one statement
 * per page of incidents.
 */
import type { Executor, Params } from "../db/executor.js";
import { rel } from "../graph/catalogue.js";
import type { EventRow } from "../model/rows.js";
import { type LookAheadField, lookAheadCypher, rowWithAhead } from "./lookAhead.js";
import { eventRow } from "./records.js";

/** The reports of each incident, oldest first (as `Incident.reports`), with `ahead` below each. */
export async function incidentReportsAhead(
  db: Executor,
  incidentIds: readonly string[],
  ahead: readonly LookAheadField[],
  selected?: readonly string[],
): Promise<Map<string, EventRow[]>> {
  const params: Params = { ids: incidentIds };
  const expanded = lookAheadCypher("e", "Event", ahead, params, { selected });
  const rows = await db.read(
    `// incidentReportsAhead
    UNWIND $ids AS id
    MATCH (:Incident {id: id})<-[:${rel("REPORT_OF")}]-(e:Event)
    WITH id, e ORDER BY e.date, e.id
    ${expanded.clauses}
    RETURN id, collect(${expanded.projection}) AS reports`,
    params,
  );
  const byId = new Map<string, EventRow[]>(incidentIds.map((id) => [id, []]));
  for (const row of rows) {
    byId.set(
      String(row.id),
      (row.reports as unknown[]).map((value) => rowWithAhead(value, eventRow, ahead)),
    );
  }
  return byId;
}
