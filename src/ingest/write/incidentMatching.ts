/**
 * Automatic incident matching, the import's step after its nodes, links and event aggregates are written: new and
 * updated reports are matched against the graph inside the import's transaction, by the rule documented on
 * `Event.incident` and written once in graph/incidentRules.ts; and the matching keys that let matching seek reports by
 * place, category and date are written onto each report's places.
 */
import type { WriteTransaction } from "../../db/executor.js";
import { rel } from "../../graph/catalogue.js";
import { matchingReports, samePublisher, setMatchingKeys } from "../../graph/incidentRules.js";
import { batches, type ElementIds, elementOf, inBatch, REUSE_PLAN } from "./importStore.js";
import { type IncidentDecisions, restoreIncidents } from "./incidentDecisions.js";
import { incidentsOf, moveReports, ownIncidents, refreshIncidents, reportFacts, Reports } from "./incidentStore.js";

/**
 * The reports matching each of `$ids` on date, place and kind (graph/incidentRules.ts): the matching the import runs
 * (which finds its events by element id instead), exported so that tests and bench/concentratedTowns.ts can PROFILE
 * what it reads.
 */
export const matchingReportsStatement = `// matchingReportsOfEvents
      UNWIND $ids AS id
      MATCH (e:Event {id: id})
      CALL (e) {
        ${matchingReports("e", "o")}
        RETURN collect(o.id) AS matches
      }
      RETURN id, matches`;

/**
 * What the import runs: matchingReportsStatement with the events found by element id, and each match's element id and
 * each event's date returned with it (the import matches its reports in order of date).
 */
const matchingReportsByElementStatement = `// matchingReportsOfEvents
      ${REUSE_PLAN}
      UNWIND $batch.keys AS key
      MATCH (e:Event) WHERE elementId(e) = key
      CALL (e) {
        ${matchingReports("e", "o")}
        RETURN collect([o.id, elementId(o)]) AS matches
      }
      RETURN e.id AS id, toString(e.date) AS date, matches`;

/**
 * The reports matching each event on date, place and kind (graph/incidentRules.ts), and each event's date; the events
 * found by element id, and the matches' learned into `elements`.
 */
async function matchesOf(
  tx: WriteTransaction,
  eventIds: readonly string[],
  elements: ElementIds,
): Promise<{ matches: Map<string, string[]>; dates: Map<string, string> }> {
  const matches = new Map<string, string[]>();
  const dates = new Map<string, string>();
  for (const batch of batches(eventIds)) {
    const rows = await tx.run(matchingReportsByElementStatement, inBatch({ keys: batch.map((id) => elementOf(elements, id)) }));
    for (const row of rows) {
      const found = row.matches as [string, string][];
      for (const [id, element] of found) elements.set(id, element);
      matches.set(
        String(row.id),
        found.map(([id]) => id),
      );
      dates.set(String(row.id), String(row.date));
    }
  }
  return { matches, dates };
}

/**
 * Matches reports against the graph, in order of date and id, each joining another incident only when exactly one
 * qualifies (see `Event.incident`). Returns the moves made and every incident they touched.
 */
async function matchReports(
  tx: WriteTransaction,
  eventIds: readonly string[],
  elements: ElementIds,
): Promise<{ moves: [string, string][]; touched: Set<string> }> {
  const reports = new Reports(tx, elements);
  const { matches, dates } = await matchesOf(tx, eventIds, elements);
  await reports.know([...eventIds, ...[...matches.values()].flat()]);
  // In order of date, then id.
  const order = [...eventIds]
    .filter((id) => dates.has(id))
    .sort((a, b) => dates.get(a)!.localeCompare(dates.get(b)!) || (a < b ? -1 : a > b ? 1 : 0));
  // The reports a report could join, whose own matches decide whether another report of its publisher fits as well.
  const relevant = new Map(order.map((id) => [id, (matches.get(id) ?? []).filter((other) => reports.compatible(id, other))]));
  const rivalsWanted = [...new Set([...relevant.values()].flat())].filter((id) => !matches.has(id));
  for (const [id, found] of (await matchesOf(tx, rivalsWanted, elements)).matches) matches.set(id, found);
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
  changes: {
    created: readonly string[];
    updated: readonly string[];
    claimsChanged: readonly string[];
    restored?: IncidentDecisions;
    /** New reports already given their own incident, as they were created (importStore.ts createNodes). */
    ownIncidents?: ReadonlyMap<string, string>;
  },
  /** The import's element ids of every event named above (importStore.ts ElementIds): statements find them by these. */
  importElements: ElementIds,
): Promise<string[]> {
  // Learns the element ids of the reports and incidents matching comes across, without touching the importer's.
  const elements = new Map(importElements);
  // An updated event's places were written again (its owned relationships), and its date or category may have changed.
  await writeMatchingKeys(tx, [...changes.created, ...changes.updated], "events", elements);
  if (changes.restored) {
    await restoreIncidents(tx, changes.restored, changes.created, changes.claimsChanged);
    return [];
  }
  // New reports got their own incidents, complete as made, with the statement that created them (createNodes); those
  // whose incident's name an incident held get theirs here. Only the incidents that matching changes are refreshed.
  await ownIncidents(
    tx,
    changes.created.filter((id) => !changes.ownIncidents?.has(id)),
    false,
    elements,
  );
  const created = new Set(changes.created);
  const touched = new Set<string>();
  const before = await incidentsOf(
    tx,
    [...new Set([...changes.updated, ...changes.claimsChanged])].filter((id) => !created.has(id)),
    elements,
  );
  for (const incident of before.values()) touched.add(incident);
  const updated = await reportFacts(
    tx,
    changes.updated.filter((id) => before.has(id)),
    elements,
  );
  const rematched = changes.updated.filter((id) => {
    const fact = updated.facts.get(id);
    return fact !== undefined && !fact.curated;
  });
  // A report matched again starts from an incident of its own; one alone in its incident keeps it.
  const detached = rematched.filter((id) => (updated.members.get(updated.facts.get(id)!.incident)?.length ?? 0) > 1);
  await ownIncidents(tx, detached, false, elements);
  const { moves, touched: moved } = await matchReports(tx, [...new Set([...changes.created, ...rematched])], elements);
  await moveReports(tx, moves, elements);
  await refreshIncidents(tx, [...touched, ...moved], elements);
  return [...detached, ...moves.map(([report]) => report)];
}

/**
 * Writes the matching keys (graph/incidentRules.ts `MATCHING_KEYS`) onto every place relationship of these events, or
 * of the events at these places (`at`: after a merge of places moved relationships onto them); with `elements`, the
 * events are found by element id.
 */
export async function writeMatchingKeys(
  tx: WriteTransaction,
  ids: readonly string[],
  at: "events" | "places" = "events",
  elements?: ElementIds,
): Promise<void> {
  const occurredIn = rel("OCCURRED_IN");
  const byElement = at === "events" && elements !== undefined;
  const pattern = byElement
    ? `(e:Event)-[r:${occurredIn}]->(p:Place) WHERE elementId(e) = key`
    : at === "events"
      ? `(e:Event {id: key})-[r:${occurredIn}]->(p:Place)`
      : `(e:Event)-[r:${occurredIn}]->(p:Place {id: key})`;
  for (const batch of batches([...new Set(ids)])) {
    await tx.run(
      `// writeMatchingKeys
      ${REUSE_PLAN}
      UNWIND $batch.keys AS key
      MATCH ${pattern}
      ${setMatchingKeys("e", "r", "p")}`,
      inBatch({ keys: byElement ? batch.map((id) => elementOf(elements, id)) : batch }),
    );
  }
}
