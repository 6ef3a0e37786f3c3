/**
 * Incidents as stored, for the write path: every event reports exactly one `(:Incident)` (REPORT_OF), which carries
 * its date, how its reports came together (`match`) and its tolls combined over all its reports' claims. Here: the
 * ids of new incidents, an incident of a report's own, moves between incidents, the facts matching and editors'
 * decisions read of reports, and each incident's facts refreshed from its reports. Everything is found by id or by
 * walking from nodes found by id, never by scanning a label. The import passes `elements` (importStore.ts ElementIds,
 * events and incidents alike): its statements then find every event and incident by element id, as the importer's
 * own statements do after their first write, and learn the element ids of the events and incidents they come across.
 */
import { z } from "zod";
import type { WriteTransaction } from "../../db/executor.js";
import { rel } from "../../graph/catalogue.js";
import { incidentAccepts, mayShareIncident, publishersOf, type ReportParties } from "../../graph/incidentRules.js";
import { setTollAggregates, TOLL_AGGREGATES, tollAggregates } from "../../model/eventAggregates.js";
import type { DatePrecision } from "../../model/enums.js";
import { MAX_SLUG_LENGTH } from "../../model/ids.js";
import { elementRow, optionalNumber, optionalText, parseRows } from "../storedRows.js";
import { batches, type ElementIds, elementOf, inBatch, REUSE_PLAN } from "./importStore.js";

/**
 * A `MATCH` of `variable`, a node of `label`, by `key`: an element id when the caller knows them (`elements`), else an
 * id; `where` adds a condition.
 */
function nodeByKey(variable: string, label: "Event" | "Incident", key: string, elements: ElementIds | undefined, where?: string): string {
  if (elements) return `MATCH (${variable}:${label}) WHERE elementId(${variable}) = ${key}${where ? ` AND ${where}` : ""}`;
  return `MATCH (${variable}:${label} {id: ${key}})${where ? ` WHERE ${where}` : ""}`;
}

/** What a statement's rows name nodes by: their element ids, when the caller knows them (see nodeByKey), else their ids. */
function keyOf(id: string, elements: ElementIds | undefined): string {
  return elements ? elementOf(elements, id) : id;
}

/** The id an event's own incident takes: its own slug (`event:acled-SYR1` gives `incident:acled-SYR1`). */
export function incidentIdOf(eventId: string, attempt = 0): string {
  const slug = eventId.slice(eventId.indexOf(":") + 1);
  // A report that leaves an incident named after it needs another id; the slug keeps room for `.` and the attempt.
  return attempt === 0 ? `incident:${slug}` : `incident:${slug.slice(0, MAX_SLUG_LENGTH - 10)}.${attempt + 1}`;
}

/** Fresh incident ids for these events, one each, none taken by a stored incident. */
async function freshIncidentIds(tx: WriteTransaction, eventIds: readonly string[]): Promise<Map<string, string>> {
  const chosen = new Map<string, string>();
  let open = [...eventIds];
  for (let attempt = 0; open.length > 0; attempt++) {
    const proposed = open.map((id) => ({ event: id, incident: incidentIdOf(id, attempt) }));
    const rows = await tx.run(
      `// takenIncidentIds
      ${REUSE_PLAN}
      UNWIND $batch.ids AS id
      MATCH (i:Incident {id: id})
      RETURN i.id AS id`,
      inBatch({ ids: proposed.map((pair) => pair.incident) }),
    );
    const taken = new Set(rows.map((row) => String(row.id)));
    for (const pair of proposed) if (!taken.has(pair.incident)) chosen.set(pair.event, pair.incident);
    open = open.filter((id) => !chosen.has(id));
  }
  return chosen;
}

/**
 * Gives each event an incident of its own (its previous one, if any, is left for `refreshIncidents`): new reports
 * before matching, reports matched again, and reports an editor splits off (`curated`). An incident of one report has
 * that report's date and tolls (tollAggregates of its claims, as the event stores them), so it is complete as made.
 */
export async function ownIncidents(
  tx: WriteTransaction,
  eventIds: readonly string[],
  curated = false,
  elements?: ElementIds,
): Promise<string[]> {
  const ids = await freshIncidentIds(tx, eventIds);
  for (const batch of batches([...ids])) {
    const rows = await tx.run(
      `// ownIncidents
      ${REUSE_PLAN}
      UNWIND $batch.pairs AS pair
      ${nodeByKey("e", "Event", "pair[0]", elements)}
      OPTIONAL MATCH (e)-[previous:${rel("REPORT_OF")}]->(:Incident)
      DELETE previous
      CREATE (e)-[:${rel("REPORT_OF")}]->(i:Incident {id: pair[1], date: e.date, match: $batch.match,
        ${TOLL_AGGREGATES.map((name) => `${name}: e.${name}`).join(", ")}})
      RETURN i.id AS id, elementId(i) AS element`,
      inBatch({ pairs: batch.map(([event, incident]) => [keyOf(event, elements), incident]), match: curated ? "CURATED" : "SINGLE" }),
    );
    if (elements) for (const row of parseRows(elementRow, rows)) elements.set(row.id, row.element);
  }
  return [...ids.values()];
}

const incidentFactsRow = z.object({
  id: z.string(),
  key: z.string(),
  match: z.string(),
  reports: z.array(z.object({ date: z.string(), precision: z.string() })),
  claims: z.array(
    z.object({
      kind: z.string(),
      low: optionalNumber,
      high: optionalNumber,
      qualifier: optionalText,
      best: optionalNumber,
      victims: optionalText,
    }),
  ),
});

const precisionRank: Record<DatePrecision, number> = { DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3 };

/**
 * Sets each incident's date, match and tolls from its reports as they now are, and deletes incidents left without
 * any. Tolls combine every report's claims by the rule of one event's claims (model/eventAggregates.ts).
 */
export async function refreshIncidents(tx: WriteTransaction, incidentIds: Iterable<string>, elements?: ElementIds): Promise<void> {
  for (const batch of batches([...new Set(incidentIds)])) {
    const rows = parseRows(
      incidentFactsRow,
      await tx.run(
        `// incidentFacts
        ${REUSE_PLAN}
        UNWIND $batch.keys AS key
        ${nodeByKey("i", "Incident", "key", elements)}
        RETURN i.id AS id, key, i.match AS match,
          COLLECT { MATCH (i)<-[:${rel("REPORT_OF")}]-(e:Event) RETURN {date: toString(e.date), precision: e.datePrecision} } AS reports,
          COLLECT {
            MATCH (i)<-[:${rel("REPORT_OF")}]-(:Event)<-[:${rel("ABOUT")}]-(c:Claim) WHERE c.kind IN ['FATALITIES', 'INJURIES']
            RETURN c {.kind, .low, .high, .qualifier, .best, .victims}
          } AS claims`,
        inBatch({ keys: batch.map((id) => keyOf(id, elements)) }),
      ),
    );
    const updates = rows
      .filter((row) => row.reports.length > 0)
      .map((row) => {
        const first = [...row.reports].sort(
          (a, b) =>
            precisionRank[a.precision as DatePrecision] - precisionRank[b.precision as DatePrecision] || a.date.localeCompare(b.date),
        )[0]!;
        return {
          key: row.key,
          date: first.date,
          match: row.match === "CURATED" ? "CURATED" : row.reports.length > 1 ? "AUTOMATIC" : "SINGLE",
          ...tollAggregates(row.claims.map((claim) => ({ ...claim, disputed: false }))),
        };
      });
    await tx.run(
      `// setIncidentFacts
      ${REUSE_PLAN}
      UNWIND $batch.updates AS update
      ${nodeByKey("i", "Incident", "update.key", elements)}
      SET i.date = date(update.date), i.match = update.match, ${setTollAggregates("i", "update")}`,
      inBatch({ updates }),
    );
    const empty = rows.filter((row) => row.reports.length === 0).map((row) => row.key);
    if (empty.length > 0) {
      await tx.run(
        `// deleteEmptyIncidents
        ${REUSE_PLAN}
        UNWIND $batch.keys AS key
        ${nodeByKey("i", "Incident", "key", elements, `NOT EXISTS { (i)<-[:${rel("REPORT_OF")}]-(:Event) }`)}
        DELETE i`,
        inBatch({ keys: empty }),
      );
    }
  }
}

/** The incidents of these events (learning their element ids into `elements`, when given). */
export async function incidentsOf(tx: WriteTransaction, eventIds: readonly string[], elements?: ElementIds): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const batch of batches(eventIds)) {
    const rows = await tx.run(
      `// incidentsOfEventsForWrite
      ${REUSE_PLAN}
      UNWIND $batch.keys AS key
      ${nodeByKey("e", "Event", "key", elements)}
      MATCH (e)-[:${rel("REPORT_OF")}]->(i:Incident)
      RETURN e.id AS id, i.id AS incident, elementId(i) AS element`,
      inBatch({ keys: batch.map((id) => keyOf(id, elements)) }),
    );
    for (const row of rows) {
      found.set(String(row.id), String(row.incident));
      elements?.set(String(row.incident), String(row.element));
    }
  }
  return found;
}

/** What matching needs to know of one report. */
export interface ReportFacts extends ReportParties {
  incident: string;
  curated: boolean;
  publishers: string[];
  keptApart: string[];
}

const reportFactsRow = z.object({
  id: z.string(),
  incident: z.string(),
  incidentElement: z.string(),
  curated: z.boolean(),
  publishers: z.array(z.string()),
  keptApart: z.array(z.string()),
  members: z.array(z.tuple([z.string(), z.string()])),
});

/** The facts of these reports, and the members of their incidents (learning their element ids into `elements`, when given). */
export async function reportFacts(
  tx: WriteTransaction,
  eventIds: readonly string[],
  elements?: ElementIds,
): Promise<{ facts: Map<string, ReportFacts>; members: Map<string, string[]> }> {
  const facts = new Map<string, ReportFacts>();
  const members = new Map<string, string[]>();
  for (const batch of batches(eventIds)) {
    const rows = parseRows(
      reportFactsRow,
      await tx.run(
        `// incidentReportFacts
        ${REUSE_PLAN}
        UNWIND $batch.keys AS key
        ${nodeByKey("e", "Event", "key", elements)}
        MATCH (e)-[:${rel("REPORT_OF")}]->(i:Incident)
        RETURN e.id AS id, i.id AS incident, elementId(i) AS incidentElement, i.match = 'CURATED' AS curated,
          ${publishersOf("e")} AS publishers,
          COLLECT { MATCH (e)-[:${rel("NOT_SAME_INCIDENT")}]-(x:Event) RETURN x.id } AS keptApart,
          COLLECT { MATCH (i)<-[:${rel("REPORT_OF")}]-(m:Event) RETURN [m.id, elementId(m)] } AS members`,
        inBatch({ keys: batch.map((id) => keyOf(id, elements)) }),
      ),
    );
    for (const row of rows) {
      facts.set(row.id, { id: row.id, incident: row.incident, curated: row.curated, publishers: row.publishers, keptApart: row.keptApart });
      members.set(
        row.incident,
        row.members.map(([id]) => id),
      );
      if (elements) {
        elements.set(row.incident, row.incidentElement);
        for (const [id, element] of row.members) elements.set(id, element);
      }
    }
  }
  return { facts, members };
}

/**
 * Reports in memory while matching: their incidents change as the reports of one import are matched in turn. With
 * `elements` (the import's), reports and incidents are found by element id (see nodeByKey).
 */
export class Reports {
  readonly facts = new Map<string, ReportFacts>();
  readonly members = new Map<string, Set<string>>();

  constructor(
    private readonly tx: WriteTransaction,
    private readonly elements?: ElementIds,
  ) {}

  /** Reads the facts of reports not known yet, and of the members of their incidents. */
  async know(eventIds: Iterable<string>): Promise<void> {
    let open = [...new Set(eventIds)].filter((id) => !this.facts.has(id));
    while (open.length > 0) {
      const { facts, members } = await reportFacts(this.tx, open, this.elements);
      for (const [id, fact] of facts) this.facts.set(id, fact);
      for (const [incident, ids] of members) if (!this.members.has(incident)) this.members.set(incident, new Set(ids));
      open = [...members.values()].flat().filter((id) => !this.facts.has(id));
    }
  }

  get(id: string): ReportFacts {
    return this.facts.get(id)!;
  }

  /** Two reports may be one incident as far as editors and publishers go (graph/incidentRules.ts). */
  compatible(a: string, b: string): boolean {
    return mayShareIncident(this.get(a), this.get(b));
  }

  /** The incident would accept the report: every one of its reports may share an incident with it. */
  accepts(incident: string, id: string): boolean {
    return incidentAccepts(
      this.get(id),
      [...this.members.get(incident)!].map((member) => this.get(member)),
    );
  }

  move(id: string, incident: string): void {
    const fact = this.get(id);
    this.members.get(fact.incident)?.delete(id);
    this.members.get(incident)!.add(id);
    fact.incident = incident;
  }
}

/** Moves reports into other incidents (the incidents they leave are refreshed by the caller). */
export async function moveReports(tx: WriteTransaction, moves: readonly [string, string][], elements?: ElementIds): Promise<void> {
  for (const batch of batches(moves)) {
    await tx.run(
      `// moveReports
      ${REUSE_PLAN}
      UNWIND $batch.moves AS move
      ${nodeByKey("e", "Event", "move[0]", elements)}
      MATCH (e)-[previous:${rel("REPORT_OF")}]->(:Incident)
      ${nodeByKey("i", "Incident", "move[1]", elements)}
      DELETE previous
      CREATE (e)-[:${rel("REPORT_OF")}]->(i)`,
      inBatch({ moves: batch.map(([event, incident]) => [keyOf(event, elements), keyOf(incident, elements)]) }),
    );
  }
}
