/**
 * Incidents on the write path: every event reports exactly one `(:Incident)`, which carries its date, how its reports
 * came together (`match`) and its tolls combined over all its reports' claims. Inside the import's transaction, new
 * and updated reports are matched against the graph (the rule is documented on `Event.incident` and written once in
 * graph/incidentRules.ts); editors join and keep apart with `linkIncident`. Everything here is found by id or by
 * walking from nodes found by id, never by scanning a label.
 */
import { z } from "zod";
import type { Executor, ReadTransaction, WriteTransaction } from "../../db/executor.js";
import { int } from "../../db/values.js";
import { BadUserInputError, type ImportProblem, InvalidImportError } from "../../errors.js";
import {
  incidentAccepts,
  matchingReports,
  mayShareIncident,
  NOT_SAME_INCIDENT,
  publishersOf,
  REPORT_OF,
  type ReportParties,
  setMatchingKeys,
} from "../../graph/incidentRules.js";
import { setTollAggregates, TOLL_AGGREGATES, tollAggregates } from "../../model/eventAggregates.js";
import { MAX_SLUG_LENGTH, parseId } from "../../model/ids.js";
import type { DatePrecision } from "../../model/enums.js";
import { optionalNumber, optionalText, parseRows } from "../storedRows.js";
import { batches } from "./importStore.js";

/** The most event ids one `linkIncident` decides on: a decision names the reports of one incident, not a data set. */
export const MAX_LINKED_EVENTS = 20;

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
      UNWIND $ids AS id
      MATCH (i:Incident {id: id})
      RETURN i.id AS id`,
      { ids: proposed.map((pair) => pair.incident) },
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
async function ownIncidents(tx: WriteTransaction, eventIds: readonly string[], curated = false): Promise<string[]> {
  const ids = await freshIncidentIds(tx, eventIds);
  for (const batch of batches([...ids])) {
    await tx.run(
      `// ownIncidents
      UNWIND $pairs AS pair
      MATCH (e:Event {id: pair[0]})
      OPTIONAL MATCH (e)-[previous:${REPORT_OF}]->(:Incident)
      DELETE previous
      CREATE (e)-[:${REPORT_OF}]->(:Incident {id: pair[1], date: e.date, match: $match,
        ${TOLL_AGGREGATES.map((name) => `${name}: e.${name}`).join(", ")}})`,
      { pairs: batch, match: curated ? "CURATED" : "SINGLE" },
    );
  }
  return [...ids.values()];
}

const incidentFactsRow = z.object({
  id: z.string(),
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
export async function refreshIncidents(tx: WriteTransaction, incidentIds: Iterable<string>): Promise<void> {
  for (const batch of batches([...new Set(incidentIds)])) {
    const rows = parseRows(
      incidentFactsRow,
      await tx.run(
        `// incidentFacts
        UNWIND $ids AS id
        MATCH (i:Incident {id: id})
        RETURN id, i.match AS match,
          COLLECT { MATCH (i)<-[:${REPORT_OF}]-(e:Event) RETURN {date: toString(e.date), precision: e.datePrecision} } AS reports,
          COLLECT {
            MATCH (i)<-[:${REPORT_OF}]-(:Event)<-[:ABOUT]-(c:Claim) WHERE c.kind IN ['FATALITIES', 'INJURIES']
            RETURN c {.kind, .low, .high, .qualifier, .best, .victims}
          } AS claims`,
        { ids: batch },
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
          id: row.id,
          date: first.date,
          match: row.match === "CURATED" ? "CURATED" : row.reports.length > 1 ? "AUTOMATIC" : "SINGLE",
          ...tollAggregates(row.claims.map((claim) => ({ ...claim, disputed: false }))),
        };
      });
    await tx.run(
      `// setIncidentFacts
      UNWIND $updates AS update
      MATCH (i:Incident {id: update.id})
      SET i.date = date(update.date), i.match = update.match, ${setTollAggregates("i", "update")}`,
      { updates },
    );
    const empty = rows.filter((row) => row.reports.length === 0).map((row) => row.id);
    if (empty.length > 0) {
      await tx.run(
        `// deleteEmptyIncidents
        UNWIND $ids AS id
        MATCH (i:Incident {id: id})
        WHERE NOT EXISTS { (i)<-[:${REPORT_OF}]-(:Event) }
        DELETE i`,
        { ids: empty },
      );
    }
  }
}

/** The incidents of these events. */
async function incidentsOf(tx: WriteTransaction, eventIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const batch of batches(eventIds)) {
    const rows = await tx.run(
      `// incidentsOfEventsForWrite
      UNWIND $ids AS id
      MATCH (:Event {id: id})-[:${REPORT_OF}]->(i:Incident)
      RETURN id, i.id AS incident`,
      { ids: batch },
    );
    for (const row of rows) found.set(String(row.id), String(row.incident));
  }
  return found;
}

/** What matching needs to know of one report. */
interface ReportFacts extends ReportParties {
  incident: string;
  curated: boolean;
  publishers: string[];
  keptApart: string[];
}

const reportFactsRow = z.object({
  id: z.string(),
  incident: z.string(),
  curated: z.boolean(),
  publishers: z.array(z.string()),
  keptApart: z.array(z.string()),
  members: z.array(z.string()),
});

/** The facts of these reports, and the members of their incidents. */
async function reportFacts(
  tx: WriteTransaction,
  eventIds: readonly string[],
): Promise<{ facts: Map<string, ReportFacts>; members: Map<string, string[]> }> {
  const facts = new Map<string, ReportFacts>();
  const members = new Map<string, string[]>();
  for (const batch of batches(eventIds)) {
    const rows = parseRows(
      reportFactsRow,
      await tx.run(
        `// incidentReportFacts
        UNWIND $ids AS id
        MATCH (e:Event {id: id})-[:${REPORT_OF}]->(i:Incident)
        RETURN id, i.id AS incident, i.match = 'CURATED' AS curated, ${publishersOf("e")} AS publishers,
          COLLECT { MATCH (e)-[:${NOT_SAME_INCIDENT}]-(x:Event) RETURN x.id } AS keptApart,
          COLLECT { MATCH (i)<-[:${REPORT_OF}]-(m:Event) RETURN m.id } AS members`,
        { ids: batch },
      ),
    );
    for (const row of rows) {
      facts.set(row.id, { id: row.id, incident: row.incident, curated: row.curated, publishers: row.publishers, keptApart: row.keptApart });
      members.set(row.incident, row.members);
    }
  }
  return { facts, members };
}

/**
 * The reports matching each of `$ids` on date, place and kind (graph/incidentRules.ts): the statement the import runs,
 * exported so that tests and bench/concentratedTowns.ts can PROFILE what it reads.
 */
export const matchingReportsStatement = `// matchingReportsOfEvents
      UNWIND $ids AS id
      MATCH (e:Event {id: id})
      CALL (e) {
        ${matchingReports("e", "o")}
        RETURN collect(o.id) AS matches
      }
      RETURN id, matches`;

/** The reports matching each event on date, place and kind (graph/incidentRules.ts). */
async function matchesOf(tx: WriteTransaction, eventIds: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const batch of batches(eventIds)) {
    const rows = await tx.run(matchingReportsStatement, { ids: batch });
    for (const row of rows) found.set(String(row.id), row.matches as string[]);
  }
  return found;
}

/** Reports in memory while matching: their incidents change as the reports of one import are matched in turn. */
class Reports {
  readonly facts = new Map<string, ReportFacts>();
  readonly members = new Map<string, Set<string>>();

  constructor(private readonly tx: WriteTransaction) {}

  /** Reads the facts of reports not known yet, and of the members of their incidents. */
  async know(eventIds: Iterable<string>): Promise<void> {
    let open = [...new Set(eventIds)].filter((id) => !this.facts.has(id));
    while (open.length > 0) {
      const { facts, members } = await reportFacts(this.tx, open);
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

/**
 * Matches reports against the graph, in order of date and id, each joining another incident only when exactly one
 * qualifies (see `Event.incident`). Returns the moves made and every incident they touched.
 */
async function matchReports(
  tx: WriteTransaction,
  eventIds: readonly string[],
): Promise<{ moves: [string, string][]; touched: Set<string> }> {
  const reports = new Reports(tx);
  const matches = await matchesOf(tx, eventIds);
  await reports.know([...eventIds, ...[...matches.values()].flat()]);
  const order = [...eventIds];
  // The reports a report could join, whose own matches decide whether another report of its publisher fits as well.
  const relevant = new Map(order.map((id) => [id, (matches.get(id) ?? []).filter((other) => reports.compatible(id, other))]));
  const rivalsWanted = [...new Set([...relevant.values()].flat())].filter((id) => !matches.has(id));
  for (const [id, found] of await matchesOf(tx, rivalsWanted)) matches.set(id, found);
  await reports.know([...matches.values()].flat());

  const moves: [string, string][] = [];
  const touched = new Set<string>();
  for (const id of order) {
    const own = reports.get(id);
    if (own.curated || (reports.members.get(own.incident)?.size ?? 0) > 1) continue;
    const candidates = new Set(
      relevant
        .get(id)!
        .map((other) => reports.get(other).incident)
        .filter((incident) => incident !== own.incident),
    );
    const qualifying = [...candidates].filter((incident) => reports.accepts(incident, id));
    if (qualifying.length !== 1) continue;
    const incident = qualifying[0]!;
    const rival = relevant
      .get(id)!
      .filter((other) => reports.get(other).incident === incident)
      .some((other) =>
        (matches.get(other) ?? []).some(
          (candidate) =>
            candidate !== id &&
            reports.get(candidate).incident !== incident &&
            reports.get(candidate).publishers.some((publisher) => own.publishers.includes(publisher)),
        ),
      );
    if (rival) continue;
    touched.add(own.incident).add(incident);
    reports.move(id, incident);
    moves.push([id, incident]);
  }
  return { moves, touched };
}

/** Moves reports into other incidents (the incidents they leave are refreshed by the caller). */
async function moveReports(tx: WriteTransaction, moves: readonly [string, string][]): Promise<void> {
  for (const batch of batches(moves)) {
    await tx.run(
      `// moveReports
      UNWIND $moves AS move
      MATCH (e:Event {id: move[0]})-[previous:${REPORT_OF}]->(:Incident)
      MATCH (i:Incident {id: move[1]})
      DELETE previous
      CREATE (e)-[:${REPORT_OF}]->(i)`,
      { moves: batch },
    );
  }
}

/**
 * The import's hook, after its nodes, links and event aggregates are written: new reports get an incident and are
 * matched; updated reports are matched again unless an editor decided their incident; and the incidents of every
 * report whose claims changed get their tolls again.
 */
export async function matchIncidents(
  tx: WriteTransaction,
  changes: { created: readonly string[]; updated: readonly string[]; claimsChanged: readonly string[]; restored?: IncidentDecisions },
): Promise<void> {
  // An updated event's places were written again (its owned relationships), and its date or category may have changed.
  await writeMatchingKeys(tx, [...changes.created, ...changes.updated]);
  if (changes.restored) {
    await restoreIncidents(tx, changes.restored, changes.created, changes.claimsChanged);
    return;
  }
  // New reports' own incidents are complete as made (ownIncidents): only those that matching changes are refreshed.
  await ownIncidents(tx, changes.created);
  const created = new Set(changes.created);
  const touched = new Set<string>();
  const before = await incidentsOf(
    tx,
    [...new Set([...changes.updated, ...changes.claimsChanged])].filter((id) => !created.has(id)),
  );
  for (const incident of before.values()) touched.add(incident);
  const updated = await reportFacts(
    tx,
    changes.updated.filter((id) => before.has(id)),
  );
  const rematched = changes.updated.filter((id) => {
    const fact = updated.facts.get(id);
    return fact !== undefined && !fact.curated;
  });
  // A report matched again starts from an incident of its own; one alone in its incident keeps it.
  const detached = rematched.filter((id) => (updated.members.get(updated.facts.get(id)!.incident)?.length ?? 0) > 1);
  await ownIncidents(tx, detached);
  const sorted = await inMatchingOrder(tx, [...changes.created, ...rematched]);
  const { moves, touched: moved } = await matchReports(tx, sorted);
  await moveReports(tx, moves);
  await refreshIncidents(tx, [...touched, ...moved]);
}

/**
 * Writes the matching keys (graph/incidentRules.ts `MATCHING_KEYS`) onto every place relationship of these events, or
 * of the events at these places (`at`: after a merge of places moved relationships onto them).
 */
export async function writeMatchingKeys(tx: WriteTransaction, ids: readonly string[], at: "events" | "places" = "events"): Promise<void> {
  const pattern = at === "events" ? "(e:Event {id: id})-[r:OCCURRED_IN]->(p:Place)" : "(e:Event)-[r:OCCURRED_IN]->(p:Place {id: id})";
  for (const batch of batches([...new Set(ids)])) {
    await tx.run(
      `// writeMatchingKeys
      UNWIND $ids AS id
      MATCH ${pattern}
      ${setMatchingKeys("e", "r", "p")}`,
      { ids: batch },
    );
  }
}

/**
 * Writes the matching keys of every stored event, in batches of events in id order: the migration for graphs written
 * before the keys existed.
 */
export async function backfillMatchingKeys(db: Executor, batchSize = 5_000): Promise<number> {
  let total = 0;
  let after = "";
  for (;;) {
    const ids = await db.write(async (tx) => {
      const rows = await tx.run(
        `// eventsByIdAfter
        MATCH (e:Event)
        WHERE e.id > $after
        RETURN e.id AS id
        ORDER BY id
        LIMIT $limit`,
        { after, limit: int(batchSize) },
      );
      const batch = rows.map((row) => String(row.id));
      await writeMatchingKeys(tx, batch);
      return batch;
    });
    total += ids.length;
    if (ids.length < batchSize) return total;
    after = ids.at(-1)!;
  }
}

/** Reports in order of date, then id: the order in which one import's reports are matched. */
async function inMatchingOrder(tx: WriteTransaction, eventIds: readonly string[]): Promise<string[]> {
  const dated: { id: string; date: string }[] = [];
  for (const batch of batches([...new Set(eventIds)])) {
    const rows = await tx.run(
      `// reportDates
      UNWIND $ids AS id
      MATCH (e:Event {id: id})
      RETURN id, toString(e.date) AS date`,
      { ids: batch },
    );
    for (const row of rows) dated.push({ id: String(row.id), date: String(row.date) });
  }
  return dated.sort((a, b) => a.date.localeCompare(b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((row) => row.id);
}

/** What `linkIncident` answers: the listed reports' incidents, in id order, and the earlier decisions it undid. */
export interface IncidentDecision {
  incidents: string[];
  /** Incident id -> sentences, one per earlier editor's decision this one undid about its reports. */
  undone: Map<string, string[]>;
}

/** Whether the incident carries the report's name: the id incidentIdOf gives it, at any attempt. */
function namedAfter(incidentId: string, eventId: string): boolean {
  if (incidentId === incidentIdOf(eventId)) return true;
  const stem = incidentIdOf(eventId, 1).replace(/\.2$/, ".");
  return incidentId.startsWith(stem) && /^\d+$/.test(incidentId.slice(stem.length));
}

/** The decision of `linkIncident`, checked and applied in the caller's transaction. */
export async function linkIncident(
  tx: WriteTransaction,
  eventIds: readonly string[],
  same: boolean,
  writtenBy: string,
): Promise<IncidentDecision> {
  const ids = [...new Set(eventIds)];
  if (ids.length < 2) throw refusal(`linkIncident needs at least two distinct event ids, got ${ids.length}.`);
  if (ids.length > MAX_LINKED_EVENTS) throw refusal(`linkIncident takes at most ${MAX_LINKED_EVENTS} event ids, got ${ids.length}.`);
  const reports = new Reports(tx);
  await reports.know(ids);
  const unknown = ids.filter((id) => !reports.facts.has(id));
  if (unknown.length > 0) throw refusal(`Unknown event ${unknown.map((id) => `"${id}"`).join(", ")}: no event has this id.`);
  const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => (a < b ? [a, b] : [b, a])));
  const touched = new Set<string>();
  const undone = new Map<string, string[]>();
  const note = (incident: string, sentence: string) => undone.set(incident, [...(undone.get(incident) ?? []), sentence]);
  if (same) {
    const target = reports.get(ids[0]!).incident;
    const listed = new Set(ids);
    for (const id of ids) {
      const conflict = [...reports.members.get(target)!].find(
        (member) => !listed.has(member) && reports.get(id).keptApart.includes(member),
      );
      if (conflict) {
        throw refusal(
          `"${id}" was kept apart from "${conflict}", which is in incident "${target}": list "${conflict}" too to join it, or join the others elsewhere.`,
        );
      }
    }
    const keptApart = await tx.run(
      `// joinIncidentUndoKeepApart
      UNWIND $pairs AS pair
      MATCH (:Event {id: pair[0]})-[r:${NOT_SAME_INCIDENT}]-(:Event {id: pair[1]})
      DELETE r
      RETURN DISTINCT pair`,
      { pairs },
    );
    for (const { pair } of keptApart) {
      const [a, b] = pair as [string, string];
      note(target, `"${a}" and "${b}" had been kept apart by an editor; this join undoes that decision.`);
    }
    const moves = ids.filter((id) => reports.get(id).incident !== target).map((id): [string, string] => [id, target]);
    for (const id of ids) touched.add(reports.get(id).incident);
    await moveReports(tx, moves);
    await curate(tx, [target], writtenBy);
  } else {
    await tx.run(
      `// keepReportsApart
      UNWIND $pairs AS pair
      MATCH (a:Event {id: pair[0]}), (b:Event {id: pair[1]})
      WHERE NOT EXISTS { (a)-[:${NOT_SAME_INCIDENT}]-(b) }
      CREATE (a)-[:${NOT_SAME_INCIDENT} {createdBy: $writtenBy, createdAt: datetime()}]->(b)`,
      { pairs, writtenBy },
    );
    // Of the listed reports that share an incident, one stays and the others leave it for incidents of their own. The
    // one that stays is the report the incident is named after, so that an incident's id never ends up naming only
    // other reports (an article's strike, say, holding only ACLED's row of it); of an incident named after none of
    // the listed reports, the first listed.
    const stays = new Map<string, string>();
    for (const id of ids) if (namedAfter(reports.get(id).incident, id)) stays.set(reports.get(id).incident, id);
    for (const id of ids) if (!stays.has(reports.get(id).incident)) stays.set(reports.get(id).incident, id);
    const leaving = ids.filter((id) => stays.get(reports.get(id).incident) !== id);
    for (const id of leaving) {
      const { incident, curated } = reports.get(id);
      touched.add(incident);
      // Reports an editor's decision put or kept together (match CURATED): splitting them undoes that decision.
      if (curated) {
        note(
          incident,
          `"${id}" left incident "${incident}", where an editor's decision had put it with "${stays.get(incident)!}" (match CURATED); this keep-apart undoes that decision.`,
        );
      }
    }
    for (const incident of await ownIncidents(tx, leaving, true)) touched.add(incident);
    await curate(tx, [...touched], writtenBy);
  }
  await refreshIncidents(tx, touched);
  const now = await incidentsOf(tx, ids);
  return { incidents: [...new Set(ids.map((id) => now.get(id)!))], undone };
}

/** Marks incidents as decided by an editor, with the audit stamps of other writes. */
async function curate(tx: WriteTransaction, incidentIds: readonly string[], writtenBy: string): Promise<void> {
  if (incidentIds.length === 0) return;
  await tx.run(
    `// curateIncidents
    UNWIND $ids AS id
    MATCH (i:Incident {id: id})
    SET i.match = 'CURATED', i.updatedBy = $writtenBy, i.updatedAt = datetime()`,
    { ids: incidentIds, writtenBy },
  );
}

function refusal(message: string): BadUserInputError {
  return new BadUserInputError(message, "eventIds");
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
        WHERE NOT EXISTS { (e)-[:${REPORT_OF}]->(:Incident) }
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

const incidentIdSchema = z.string().refine((id) => parseId(id)?.prefix === "incident", "must be an incident id (incident:<slug>)");
const eventIdSchema = z.string().refine((id) => parseId(id)?.prefix === "event", "must be an event id (event:<slug>)");

/**
 * What an export holds of incidents beyond what matching finds again: every incident an editor decided, that has
 * several reports, or whose id is not its report's own (its first report left it); and every keep-apart decision.
 */
export const incidentDecisionsSchema = z.object({
  incidents: z.array(
    z.object({ id: incidentIdSchema, match: z.enum(["SINGLE", "AUTOMATIC", "CURATED"]), reports: z.array(eventIdSchema).min(1) }),
  ),
  keptApart: z.array(z.tuple([eventIdSchema, eventIdSchema])),
});
export type IncidentDecisions = z.infer<typeof incidentDecisionsSchema>;

const storedIncidentRow = z.object({ id: z.string(), match: z.enum(["SINGLE", "AUTOMATIC", "CURATED"]), reports: z.array(z.string()) });

/** The incidents and keep-aparts an export carries (see incidentDecisionsSchema), in the export's transaction. */
export async function readIncidentDecisions(tx: ReadTransaction): Promise<IncidentDecisions> {
  const incidents = parseRows(
    storedIncidentRow,
    await tx.run(
      `// exportIncidents
      MATCH (i:Incident)<-[:${REPORT_OF}]-(e:Event)
      WITH i, e ORDER BY e.id
      WITH i, collect(e.id) AS reports
      // Any other incident is one report's own, under its own id (incidentIdOf), which the import gives again.
      WHERE i.match = 'CURATED' OR size(reports) > 1 OR i.id <> 'incident:' + substring(reports[0], size('event:'))
      RETURN i.id AS id, i.match AS match, reports
      ORDER BY id`,
    ),
  );
  const keptApart = await tx.run(
    `// exportKeptApart
    MATCH (a:Event)-[:${NOT_SAME_INCIDENT}]->(b:Event)
    RETURN a.id AS a, b.id AS b
    ORDER BY a, b`,
  );
  return { incidents, keptApart: keptApart.map((row) => [String(row.a), String(row.b)] as [string, string]) };
}

/**
 * Restoring an export: its incidents as they were, with their ids, matches and reports, and its keep-aparts; the
 * other new events get incidents of their own. Nothing is matched: the export is the graph as it stood.
 */
async function restoreIncidents(
  tx: WriteTransaction,
  decisions: IncidentDecisions,
  created: readonly string[],
  claimsChanged: readonly string[],
): Promise<void> {
  const named = [...new Set([...decisions.incidents.flatMap((incident) => incident.reports), ...decisions.keptApart.flat()])];
  const found = new Set<string>();
  for (const batch of batches(named)) {
    const rows = await tx.run("// restoredEventsExist\nUNWIND $ids AS id MATCH (e:Event {id: id}) RETURN e.id AS id", { ids: batch });
    for (const row of rows) found.add(String(row.id));
  }
  const problems: ImportProblem[] = [
    ...decisions.incidents.flatMap((incident, i) =>
      incident.reports.flatMap((id, j) =>
        found.has(id) ? [] : [{ path: `incidents.${i}.reports.${j}`, message: `unknown event "${id}"` }],
      ),
    ),
    ...decisions.keptApart.flatMap((pair, i) =>
      pair.flatMap((id, j) => (found.has(id) ? [] : [{ path: `keptApart.${i}.${j}`, message: `unknown event "${id}"` }])),
    ),
  ];
  if (problems.length > 0) throw new InvalidImportError(problems.slice(0, 100));

  const before = await incidentsOf(tx, [...new Set([...named, ...claimsChanged])]);
  for (const batch of batches(decisions.keptApart)) {
    await tx.run(
      `// restoreKeptApart
      UNWIND $pairs AS pair
      MATCH (a:Event {id: pair[0]}), (b:Event {id: pair[1]})
      WHERE NOT EXISTS { (a)-[:${NOT_SAME_INCIDENT}]-(b) }
      CREATE (a)-[:${NOT_SAME_INCIDENT}]->(b)`,
      { pairs: batch },
    );
  }
  for (const batch of batches(decisions.incidents)) {
    await tx.run(
      `// restoreIncidents
      UNWIND $incidents AS restored
      MERGE (i:Incident {id: restored.id})
      SET i.match = restored.match
      WITH i, restored
      UNWIND restored.reports AS reportId
      MATCH (e:Event {id: reportId})
      OPTIONAL MATCH (e)-[previous:${REPORT_OF}]->(:Incident)
      DELETE previous
      CREATE (e)-[:${REPORT_OF}]->(i)`,
      { incidents: batch },
    );
  }
  const listed = new Set(decisions.incidents.flatMap((incident) => incident.reports));
  const own = await ownIncidents(
    tx,
    created.filter((id) => !listed.has(id)),
  );
  await refreshIncidents(tx, [...before.values(), ...decisions.incidents.map((incident) => incident.id), ...own]);
}
