/**
 * Incidents as stored: each event reports one (`REPORT_OF`), and the incident node carries its date, how its reports
 * came together and its combined tolls (written by ingest/write/incidentStore.ts). Always for a batch of keys at once.
 */
import type { Executor } from "../db/executor.js";
import { z } from "zod";
import { rel } from "../graph/catalogue.js";
import { incidentAccepts, matchingReports, publishersOf } from "../graph/incidentRules.js";
import type { PageRequest } from "../model/pagination.js";
import type { EventRow, IncidentRow, Page } from "../model/rows.js";
import { type EventConditions, eventWhere } from "./eventRepository.js";
import { hasArea, pointIndexHint } from "../graph/eventLocation.js";
import { type Ordering, pagedListCypher, pagesByKey } from "./keyset.js";
import { isoDateKey } from "./orderings.js";
import { checkedCursor } from "./orderings.js";
import { eventRow, incidentRow, rowProperties } from "./records.js";

/** Newest first, ties broken by id; walks the incident date index in order. */
export const incidentOrdering: Ordering<IncidentRow> = {
  name: "INCIDENT_DATE_DESC",
  key: "i.date",
  cursorKey: "date($cursorKey)",
  descending: true,
  keyOf: (row) => row.date,
  validKey: isoDateKey,
  // Every incident has a date (ingest/write/incidentStore.ts sets it from its reports).
  indexed: "i.date IS NOT NULL",
};

const candidateRow = z.object({
  id: z.string(),
  publishers: z.array(z.string()),
  keptApart: z.array(z.string()),
  candidates: z.array(z.object({ incident: z.unknown(), members: z.array(z.object({ id: z.string(), publishers: z.array(z.string()) })) })),
});

export class IncidentRepository {
  constructor(private readonly db: Executor) {}

  /** The incident each event reports. */
  async incidentsOfEvents(eventIds: readonly string[]): Promise<Map<string, IncidentRow>> {
    const rows = await this.db.read(
      `// incidentsOfEvents
      UNWIND $ids AS id
      MATCH (:Event {id: id})-[:${rel("REPORT_OF")}]->(i:Incident)
      RETURN id, ${rowProperties("Incident", "i")} AS incident`,
      { ids: eventIds },
    );
    return new Map(rows.map((row) => [String(row.id), incidentRow(row.incident)]));
  }

  /** The reports of each incident, oldest first. */
  async reportsOfIncidents(incidentIds: readonly string[]): Promise<Map<string, EventRow[]>> {
    const rows = await this.db.read(
      `// reportsOfIncidents
      UNWIND $ids AS id
      MATCH (:Incident {id: id})<-[:${rel("REPORT_OF")}]-(e:Event)
      WITH id, e ORDER BY e.date, e.id
      RETURN id, collect(${rowProperties("Event", "e")}) AS reports`,
      { ids: incidentIds },
    );
    const byId = new Map<string, EventRow[]>(incidentIds.map((id) => [id, []]));
    for (const row of rows) byId.set(String(row.id), (row.reports as unknown[]).map(eventRow));
    return byId;
  }

  /**
   * The incidents each event could be besides its own: a report of theirs matches it on date, place and kind, and the
   * incident accepts it (graph/incidentRules.ts `incidentAccepts`: none of its reports shares a publisher with it or
   * was kept apart from it), as automatic matching decides.
   */
  async candidatesOfEvents(eventIds: readonly string[]): Promise<Map<string, IncidentRow[]>> {
    const rows = (
      await this.db.read(
        `// incidentCandidatesOfEvents
      UNWIND $ids AS id
      MATCH (e:Event {id: id})-[:${rel("REPORT_OF")}]->(own:Incident)
      CALL (e, own) {
        ${matchingReports("e", "o")}
        // From the report to its incident; written as a subquery so that the planner expands from it.
        CALL (o) {
          MATCH (o)-[:${rel("REPORT_OF")}]->(i:Incident)
          RETURN i
        }
        WITH DISTINCT own, i WHERE i <> own
        WITH i ORDER BY i.date, i.id
        RETURN collect({
          incident: ${rowProperties("Incident", "i")},
          members: COLLECT { MATCH (i)<-[:${rel("REPORT_OF")}]-(m:Event) RETURN {id: m.id, publishers: ${publishersOf("m")}} }
        }) AS candidates
      }
      RETURN id, ${publishersOf("e")} AS publishers, COLLECT { MATCH (e)-[:${rel("NOT_SAME_INCIDENT")}]-(x:Event) RETURN x.id } AS keptApart,
        candidates`,
        { ids: eventIds },
      )
    ).map((row) => candidateRow.parse(row));
    const byId = new Map<string, IncidentRow[]>(eventIds.map((id) => [id, []]));
    for (const row of rows) {
      const report = { id: row.id, publishers: row.publishers, keptApart: row.keptApart };
      byId.set(
        row.id,
        row.candidates
          .filter((candidate) =>
            incidentAccepts(
              report,
              candidate.members.map((member) => ({ ...member, keptApart: [] })),
            ),
          )
          .map((candidate) => incidentRow(candidate.incident)),
      );
    }
    return byId;
  }

  /** A page of the incidents that have a report matching the filter, each once, newest first. */
  async page(filter: EventConditions, request: PageRequest): Promise<Page<IncidentRow>> {
    checkedCursor(request, incidentOrdering);
    const conditions = eventWhere(filter);
    // A spatial filter starts from the reports the point index finds, then their incidents (each once: the list is
    // DISTINCT); any other filter checks each incident, newest first, for a report that matches.
    const list = hasArea(filter)
      ? {
          name: "incidentsInAreaPage",
          match: `MATCH (e:Event)-[:${rel("REPORT_OF")}]->(i:Incident) ${pointIndexHint("e", filter)}`,
          where: conditions.where,
        }
      : {
          name: "incidentsPage",
          match: "MATCH (i:Incident)",
          where:
            conditions.where.length > 0
              ? [`EXISTS { MATCH (e:Event)-[:${rel("REPORT_OF")}]->(i) WHERE ${conditions.where.join(" AND ")} }`]
              : [],
        };
    const { cypher, params } = pagedListCypher(
      {
        ...list,
        variable: "i",
        projection: rowProperties("Incident", "i"),
      },
      incidentOrdering,
      request,
    );
    const rows = await this.db.read(cypher, { ...params, ...conditions.params });
    return pagesByKey(rows, null, { request, ordering: incidentOrdering, toRow: incidentRow }).get("")!;
  }
}
