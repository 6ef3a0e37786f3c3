/**
 * What start-up does to the database before serving: the schema (db/migrations.ts), then the data migrations, each
 * once per graph. They live here, above the database layer, because they run the write path's own code.
 */
import { applySchema } from "../../db/migrations.js";
import type { Executor } from "../../db/executor.js";
import { rel } from "../../graph/catalogue.js";
import { backfillIncidents, backfillMatchingKeys } from "./incidentBackfills.js";
import { separateAcledActorScheme } from "./identifierSchemes.js";
import { refreshAllTolls } from "./tollsMigration.js";
import { deriveAllEventPoints } from "./eventPoints.js";

/**
 * The ExternalId lookup nodes of stored identifiers and wikidataIds that have none (a graph written before they
 * existed). Idempotent: only nodes without any are read. A key two stored nodes share goes to the first by id; the
 * other is refused when next imported with it, as a second claim.
 */
export const externalIdsStatement = `// externalIdsOfStoredNodes
MATCH (n)
WHERE (n:Actor OR n:Place OR n:Event) AND (size(coalesce(n.identifiers, [])) > 0 OR n.wikidataId IS NOT NULL)
  AND NOT EXISTS { (n)<-[:${rel("IDENTIFIES")}]-(:ExternalId) }
UNWIND coalesce(n.identifiers, []) + CASE WHEN n.wikidataId IS NULL THEN [] ELSE ['wikidata:' + n.wikidataId] END AS key
WITH key, n ORDER BY n.id
WITH key, collect(n)[0] AS first
WHERE NOT EXISTS { (:ExternalId {key: key})-[:${rel("IDENTIFIES")}]->() }
MERGE (x:ExternalId {key: key})
  ON CREATE SET x.scheme = split(key, ':')[0], x.value = substring(key, size(split(key, ':')[0]) + 1)
CREATE (x)-[:${rel("IDENTIFIES")}]->(first)`;

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

/** The schema, then every data migration not yet recorded; idempotent. */
export async function migrate(db: Executor): Promise<void> {
  await applySchema(db);
  const done = new Set((await db.read("// migrationsDone\nMATCH (m:Migration) RETURN m.id AS id")).map((row) => String(row.id)));
  for (const migration of dataMigrations) {
    if (done.has(migration.id)) continue;
    await migration.run(db);
    await db.write((tx) =>
      tx.run("// migrationDone\nMERGE (m:Migration {id: $id}) ON CREATE SET m.ranAt = datetime()", { id: migration.id }),
    );
  }
}
