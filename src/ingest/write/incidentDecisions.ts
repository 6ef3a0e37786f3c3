/**
 * Editors' decisions about incidents: `linkIncident` joins reports into one incident or keeps them apart
 * (NOT_SAME_INCIDENT), in the caller's transaction; and an export carries the decisions that matching would not find
 * again, which restoring it writes back as they were.
 */
import { z } from "zod";
import type { ReadTransaction, WriteTransaction } from "../../db/executor.js";
import { InvalidInputError, type ImportProblem, InvalidImportError } from "../../errors.js";
import { rel } from "../../graph/catalogue.js";
import { parseId } from "../../model/ids.js";
import { parseRows } from "../storedRows.js";
import { batches } from "./importStore.js";
import { incidentIdOf, incidentsOf, moveReports, ownIncidents, refreshIncidents, Reports } from "./incidentStore.js";

/** The most event ids one `linkIncident` decides on: a decision names the reports of one incident, not a data set. */
export const MAX_LINKED_EVENTS = 20;

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
      MATCH (:Event {id: pair[0]})-[r:${rel("NOT_SAME_INCIDENT")}]-(:Event {id: pair[1]})
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
      WHERE NOT EXISTS { (a)-[:${rel("NOT_SAME_INCIDENT")}]-(b) }
      CREATE (a)-[:${rel("NOT_SAME_INCIDENT")} {createdBy: $writtenBy, createdAt: datetime()}]->(b)`,
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

function refusal(message: string): InvalidInputError {
  return new InvalidInputError(message, "eventIds");
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
      MATCH (i:Incident)<-[:${rel("REPORT_OF")}]-(e:Event)
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
    MATCH (a:Event)-[:${rel("NOT_SAME_INCIDENT")}]->(b:Event)
    RETURN a.id AS a, b.id AS b
    ORDER BY a, b`,
  );
  return { incidents, keptApart: keptApart.map((row) => [String(row.a), String(row.b)] as [string, string]) };
}

/**
 * Restoring an export: its incidents as they were, with their ids, matches and reports, and its keep-aparts; the
 * other new events get incidents of their own. Nothing is matched: the export is the graph as it stood.
 */
export async function restoreIncidents(
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
      WHERE NOT EXISTS { (a)-[:${rel("NOT_SAME_INCIDENT")}]-(b) }
      CREATE (a)-[:${rel("NOT_SAME_INCIDENT")}]->(b)`,
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
      OPTIONAL MATCH (e)-[previous:${rel("REPORT_OF")}]->(:Incident)
      DELETE previous
      CREATE (e)-[:${rel("REPORT_OF")}]->(i)`,
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
