import type { Executor } from "./executor.js";
import { labelByPrefix } from "../model/ids.js";
import { SEARCH_INDEX } from "../repositories/searchRepository.js";
import { backfillIncidents, backfillMatchingKeys } from "../ingest/write/incidents.js";
import { separateAcledActorScheme } from "../ingest/write/identifierSchemes.js";
import { refreshAllTolls } from "../ingest/write/tollsMigration.js";
import { MATCHING_KEYS } from "../graph/incidentRules.js";
import { eventPointIndexStatement } from "../graph/eventLocation.js";
import { deriveAllEventPoints } from "../ingest/write/eventPoints.js";

/**
 * The schema the code relies on, applied idempotently at start-up (`IF NOT EXISTS`): a uniqueness
 * constraint per label on `id` (which MERGE needs to be safe under concurrency), range indexes for the
 * orderings and filters, a point index for the spatial filters, and one full-text index over every name people
 * search by.
 */
export function schemaStatements(): string[] {
  const constraints = Object.values(labelByPrefix).map(
    (label) => `// constraint${label}Id
CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );
  const indexes = [
    ["event_date", "Event", "n.date"],
    ["event_fatalities", "Event", "n.fatalitiesLow"],
    ["event_category", "Event", "n.category"],
    ["incident_date", "Incident", "n.date"],
    ["actor_name", "Actor", "n.name"],
    ["place_name", "Place", "n.name"],
    ["statement_sort_date", "Statement", "n.sortDate"],
    ["agreement_signed_on", "Agreement", "n.signedOn"],
  ].map(
    ([name, label, property]) => `// index_${name}
CREATE INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (${property})`,
  );
  // Incident matching seeks a place's reports of some categories in a window of dates (graph/incidentRules.ts).
  const matching = `// index_occurred_in_matching
CREATE INDEX occurred_in_matching IF NOT EXISTS
FOR ()-[r:OCCURRED_IN]-() ON (r.${MATCHING_KEYS.place}, r.${MATCHING_KEYS.category}, r.${MATCHING_KEYS.from})`;
  const fullText = `// index_${SEARCH_INDEX}
CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS
FOR (n:Actor|Place|Event|Agreement|Statement|Source) ON EACH [n.searchText]
OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`;
  // The node every import locks first (ingest/write/importStore.ts lockImports); unique, so two first imports make one.
  const importLock = `// constraintImportLockId
CREATE CONSTRAINT import_lock_id IF NOT EXISTS FOR (n:ImportLock) REQUIRE n.id IS UNIQUE`;
  // An id merged away by mergeNodes (ingest/write/mergeNodes.ts): unique, so an id redirects to one node, found by an index seek.
  const redirect = `// constraintRedirectId
CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (n:Redirect) REQUIRE n.id IS UNIQUE`;
  // A data migration that has run (runDataMigrations below), once.
  const migration = `// constraintMigrationId
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE`;
  // An identifier names one node, and nodeByIdentifier is one index seek (ingest/write/identifiers.ts).
  const externalId = `// constraintExternalIdKey
CREATE CONSTRAINT external_id_key IF NOT EXISTS FOR (n:ExternalId) REQUIRE n.key IS UNIQUE`;
  return [...constraints, importLock, redirect, migration, externalId, ...indexes, eventPointIndexStatement, matching, fullText];
}

/**
 * The ExternalId lookup nodes of stored identifiers and wikidataIds that have none (a graph written before they
 * existed). Idempotent: only nodes without any are read. A key two stored nodes share goes to the first by id; the
 * other is refused when next imported with it, as a second claim.
 */
export const externalIdsStatement = `// externalIdsOfStoredNodes
MATCH (n)
WHERE (n:Actor OR n:Place OR n:Event) AND (size(coalesce(n.identifiers, [])) > 0 OR n.wikidataId IS NOT NULL)
  AND NOT EXISTS { (n)<-[:IDENTIFIES]-(:ExternalId) }
UNWIND coalesce(n.identifiers, []) + CASE WHEN n.wikidataId IS NULL THEN [] ELSE ['wikidata:' + n.wikidataId] END AS key
WITH key, n ORDER BY n.id
WITH key, collect(n)[0] AS first
WHERE NOT EXISTS { (:ExternalId {key: key})-[:IDENTIFIES]->() }
MERGE (x:ExternalId {key: key})
  ON CREATE SET x.scheme = split(key, ':')[0], x.value = substring(key, size(split(key, ':')[0]) + 1)
CREATE (x)-[:IDENTIFIES]->(first)`;

/**
 * Data migrations: each brings a graph written by an earlier version up to what the write path now keeps true (and
 * keeps true from then on), by reading every node of some labels. Each runs once per graph: it is then recorded as a
 * `(:Migration {id})` node, and later starts skip it instead of reading the whole graph again.
 */
export const dataMigrations: readonly { id: string; run(db: Executor): Promise<unknown> }[] = [
  { id: "external-ids", run: (db) => db.write((tx) => tx.run(externalIdsStatement)) },
  // Every event reports one incident; events stored before incidents existed get one of their own.
  { id: "incidents", run: (db) => backfillIncidents(db) },
  // ACLED's actor names move from the scheme of its event ids, `acled`, to their own, `acled-actor`.
  { id: "acled-actor-scheme", run: (db) => separateAcledActorScheme(db) },
  // Events and incidents keep best estimates and deaths per victim group (model/eventAggregates.ts) beside their tolls.
  { id: "victim-tolls", run: (db) => refreshAllTolls(db) },
  // Incident matching seeks reports by keys on their place relationships; events stored before them get theirs.
  { id: "matching-keys", run: (db) => backfillMatchingKeys(db) },
  // Events keep a located point (their own, else their place's) for the point index (graph/eventLocation.ts).
  { id: "event-points", run: (db) => deriveAllEventPoints(db) },
];

export async function migrate(db: Executor): Promise<void> {
  // Schema statements cannot share a transaction with each other's effects; one transaction each.
  for (const statement of schemaStatements()) {
    await db.write((tx) => tx.run(statement));
  }
  await db.write((tx) => tx.run("// awaitIndexes\nCALL db.awaitIndexes(60)"));
  // The node imports lock (ingest/write/importStore.ts lockImports), made here so that no import has to create it.
  await db.write((tx) => tx.run("// importLockNode\nMERGE (:ImportLock {id: 'imports'})"));
  const done = new Set((await db.read("// migrationsDone\nMATCH (m:Migration) RETURN m.id AS id")).map((row) => String(row.id)));
  for (const migration of dataMigrations) {
    if (done.has(migration.id)) continue;
    await migration.run(db);
    await db.write((tx) =>
      tx.run("// migrationDone\nMERGE (m:Migration {id: $id}) ON CREATE SET m.ranAt = datetime()", { id: migration.id }),
    );
  }
}
