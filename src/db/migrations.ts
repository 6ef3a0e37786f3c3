import type { Executor } from "./executor.js";
import { labelByPrefix } from "../model/ids.js";
import { rel } from "../graph/catalogue.js";
import { MATCHING_KEYS } from "../graph/incidentRules.js";

/** The full-text index over every name people search by (repositories/searchRepository.ts reads it). */
export const SEARCH_INDEX = "nodeSearch";

/**
 * The schema the code relies on, applied idempotently at start-up (`IF NOT EXISTS`): a uniqueness
 * constraint per label on `id` (which MERGE needs to be safe under concurrency), range indexes for the
 * orderings and filters, and one full-text index over every name people search by.
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
FOR ()-[r:${rel("OCCURRED_IN")}]-() ON (r.${MATCHING_KEYS.place}, r.${MATCHING_KEYS.category}, r.${MATCHING_KEYS.from})`;
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
  // A data migration that has run (ingest/write/dataMigrations.ts), once.
  const migration = `// constraintMigrationId
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE`;
  // An identifier names one node, and nodeByIdentifier is one index seek (ingest/write/identifiers.ts).
  const externalId = `// constraintExternalIdKey
CREATE CONSTRAINT external_id_key IF NOT EXISTS FOR (n:ExternalId) REQUIRE n.key IS UNIQUE`;
  return [...constraints, importLock, redirect, migration, externalId, ...indexes, matching, fullText];
}

/**
 * Applies the schema (each statement in a transaction of its own: schema statements cannot share one with each
 * other's effects), waits for the indexes, and makes the node imports lock. The data migrations follow it in
 * ingest/write/dataMigrations.ts, `migrate`.
 */
export async function applySchema(db: Executor): Promise<void> {
  for (const statement of schemaStatements()) {
    await db.write((tx) => tx.run(statement));
  }
  await db.write((tx) => tx.run("// awaitIndexes\nCALL db.awaitIndexes(60)"));
  // The node imports lock (ingest/write/importStore.ts lockImports), made here so that no import has to create it.
  await db.write((tx) => tx.run("// importLockNode\nMERGE (:ImportLock {id: 'imports'})"));
}
