import type { Executor } from "./executor.js";
import { labelByPrefix } from "../model/ids.js";
import { SEARCH_INDEX } from "../repositories/searchRepository.js";
import { backfillIncidents } from "../ingest/write/incidents.js";

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
  const fullText = `// index_${SEARCH_INDEX}
CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS
FOR (n:Actor|Place|Event|Agreement|Statement|Source) ON EACH [n.searchText]
OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: false } }`;
  // The node every import locks first (ingest/write/importStore.ts lockImports); unique, so two first imports make one.
  const importLock = `// constraintImportLockId
CREATE CONSTRAINT import_lock_id IF NOT EXISTS FOR (n:ImportLock) REQUIRE n.id IS UNIQUE`;
  return [...constraints, importLock, ...indexes, fullText];
}

export async function migrate(db: Executor): Promise<void> {
  // Schema statements cannot share a transaction with each other's effects; one transaction each.
  for (const statement of schemaStatements()) {
    await db.write((tx) => tx.run(statement));
  }
  await db.write((tx) => tx.run("// awaitIndexes\nCALL db.awaitIndexes(60)"));
  // The node imports lock (ingest/write/importStore.ts lockImports), made here so that no import has to create it.
  await db.write((tx) => tx.run("// importLockNode\nMERGE (:ImportLock {id: 'imports'})"));
  // Every event reports one incident; events stored before incidents existed get one of their own.
  await backfillIncidents(db);
}
