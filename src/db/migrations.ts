import type { Executor } from "./executor.js";
import { rel } from "../graph/catalogue.js";
import { nodeTypeList } from "../graph/nodes.js";
import { MATCHING_KEYS } from "../graph/incidentRules.js";
import { eventPointIndexStatement } from "../graph/eventLocation.js";

/** The full-text index over every name people search by (repositories/searchRepository.ts reads it). */
export const SEARCH_INDEX = "nodeSearch";

/**
 * The schema the code relies on, applied idempotently at start-up (`IF NOT EXISTS`): a uniqueness
 * constraint per label on `id` (which MERGE needs to be safe under concurrency), range indexes for the
 * orderings and filters, a point index for the spatial filters, and one full-text index over every name people
 * search by.
 */
export function schemaStatements(): string[] {
  // From the node catalogue (graph/nodes.ts): each type's unique and indexed properties, under their existing names.
  const constraints = nodeTypeList.flatMap((type) =>
    Object.entries(type.properties).flatMap(([key, property]) =>
      property.unique
        ? [
            `// constraint${type.label}${key.charAt(0).toUpperCase()}${key.slice(1)}
CREATE CONSTRAINT ${property.unique} IF NOT EXISTS FOR (n:${type.label}) REQUIRE n.${key} IS UNIQUE`,
          ]
        : [],
    ),
  );
  const indexes = nodeTypeList.flatMap((type) =>
    Object.entries(type.properties).flatMap(([key, property]) =>
      property.index
        ? [
            `// index_${property.index}
CREATE INDEX ${property.index} IF NOT EXISTS FOR (n:${type.label}) ON (n.${key})`,
          ]
        : [],
    ),
  );
  // Incident matching seeks a place's reports of some categories in a window of dates (graph/incidentRules.ts).
  const matching = `// index_occurred_in_matching
CREATE INDEX occurred_in_matching IF NOT EXISTS
FOR ()-[r:${rel("OCCURRED_IN")}]-() ON (r.${MATCHING_KEYS.place}, r.${MATCHING_KEYS.category}, r.${MATCHING_KEYS.from})`;
  // Every label whose search text the catalogue derives.
  const searched = nodeTypeList
    .filter((type) => Object.values(type.properties).some((property) => property.derive === "searchText"))
    .map((type) => type.label);
  const fullText = `// index_${SEARCH_INDEX}
CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS
FOR (n:${searched.join("|")}) ON EACH [n.searchText]
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
  return [...constraints, importLock, redirect, migration, externalId, ...indexes, eventPointIndexStatement, matching, fullText];
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
