/**
 * Automatic incident matching, the import's step after its nodes, links and event aggregates are written: new and
 * updated reports are matched against the graph inside the import's transaction, by the rule documented on
 * `Event.incident` and written once in graph/incidentRules.ts; and the matching keys that let matching seek reports by
 * place, category and date are written onto each report's places.
 */
import type { WriteTransaction } from "../../db/executor.js";
import { rel } from "../../graph/catalogue.js";
import { matchingReports, samePublisher, setMatchingKeys } from "../../graph/incidentRules.js";
import { batches } from "./importStore.js";
import { type IncidentDecisions, restoreIncidents } from "./incidentDecisions.js";
import { incidentsOf, moveReports, ownIncidents, refreshIncidents, reportFacts, Reports } from "./incidentStore.js";

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
          (candidate) => candidate !== id && reports.get(candidate).incident !== incident && samePublisher(reports.get(candidate), own),
        ),
      );
    if (rival) continue;
    touched.add(own.incident).add(incident);
    reports.move(id, incident);
    moves.push([id, incident]);
  }
  return { moves, touched };
}

/**
 * The import's hook, after its nodes, links and event aggregates are written: new reports get an incident and are
 * matched; updated reports are matched again unless an editor decided their incident; and the incidents of every
 * report whose claims changed get their tolls again. Returns the reports that left or joined an incident (live updates).
 */
export async function matchIncidents(
  tx: WriteTransaction,
  changes: { created: readonly string[]; updated: readonly string[]; claimsChanged: readonly string[]; restored?: IncidentDecisions },
): Promise<string[]> {
  // An updated event's places were written again (its owned relationships), and its date or category may have changed.
  await writeMatchingKeys(tx, [...changes.created, ...changes.updated]);
  if (changes.restored) {
    await restoreIncidents(tx, changes.restored, changes.created, changes.claimsChanged);
    return [];
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
  return [...detached, ...moves.map(([report]) => report)];
}

/**
 * Writes the matching keys (graph/incidentRules.ts `MATCHING_KEYS`) onto every place relationship of these events, or
 * of the events at these places (`at`: after a merge of places moved relationships onto them).
 */
export async function writeMatchingKeys(tx: WriteTransaction, ids: readonly string[], at: "events" | "places" = "events"): Promise<void> {
  const occurredIn = rel("OCCURRED_IN");
  const pattern = at === "events" ? `(e:Event {id: id})-[r:${occurredIn}]->(p:Place)` : `(e:Event)-[r:${occurredIn}]->(p:Place {id: id})`;
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
