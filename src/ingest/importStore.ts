/**
 * The import's Cypher, all inside the caller's write transaction. Labels, relationship types and property names
 * reach the statements only from the fixed lists in draft.ts; values always travel as parameters. Large inputs are
 * written in batches of `UNWIND` rows.
 */
import neo4j from "neo4j-driver";
import type { WriteTransaction } from "../db/executor.js";
import { int } from "../db/values.js";
import { combineEstimates } from "../model/estimates.js";
import type { EstimateRow } from "../model/rows.js";
import type { Located } from "./bundle.js";
import {
  type EntityLabel,
  isEntityLabel,
  type Link,
  type Properties,
  propertyTypes,
  type RelationshipType,
  relationshipSpecs,
  type WriteLabel,
} from "./draft.js";
import type { TargetNode, StoredNode } from "./merge.js";
import type { Candidate } from "./resolution.js";

const BATCH = 1_000;

function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * Serialises imports: the first statement of every import takes the write lock of one node, so a second import
 * waits until the first commits and then reads what it wrote. Without it, two imports could both find no "Saraqeb"
 * and both create one under different ids; the id constraints only stop duplicates of the same id.
 */
export async function lockImports(tx: WriteTransaction): Promise<void> {
  await tx.run(`// lockImports
    MERGE (lock:ImportLock {id: 'imports'})
    SET lock.lockedAt = datetime.transaction()`);
}

/** Which of `ids` exist with `label`. */
export async function existingIds(tx: WriteTransaction, label: WriteLabel, ids: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const batch of batches(ids, 5_000)) {
    const rows = await tx.run(
      `// existing${label}Ids
      UNWIND $ids AS id
      MATCH (n:${label} {id: id})
      RETURN n.id AS id`,
      { ids: batch },
    );
    found.push(...rows.map((row) => String(row.id)));
  }
  return found;
}

/** Existing actors or places sharing a name key or transliteration key with the incoming names. */
export async function entityCandidates(
  tx: WriteTransaction,
  label: EntityLabel,
  nameKeys: readonly string[],
  matchKeys: readonly string[],
): Promise<Candidate[]> {
  if (nameKeys.length === 0 && matchKeys.length === 0) return [];
  const rows = await tx.run(
    `// entityCandidates${label}
    MATCH (n:${label})
    WHERE any(key IN coalesce(n.nameKeys, []) WHERE key IN $nameKeys)
       OR any(key IN coalesce(n.matchKeys, []) WHERE key IN $matchKeys)
    RETURN n.id AS id, n.kind AS kind, coalesce(n.nameKeys, []) AS nameKeys, coalesce(n.matchKeys, []) AS matchKeys,
      head([(n)-[:WITHIN]->(parent:Place) | parent.id]) AS parent,
      [(n)-[:WITHIN*1..32]->(ancestor:Place) | ancestor.id] AS ancestors`,
    { nameKeys, matchKeys },
  );
  return rows.map((row) => ({
    id: String(row.id),
    label,
    kind: String(row.kind),
    nameKeys: row.nameKeys as string[],
    matchKeys: row.matchKeys as string[],
    parent: (row.parent as string | null) ?? null,
    ancestors: row.ancestors as string[],
  }));
}

/** Stored ancestors of existing places. */
export async function placeAncestors(tx: WriteTransaction, ids: readonly string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.run(
    `// placeAncestors
    UNWIND $ids AS id
    MATCH (p:Place {id: id})
    RETURN id, [(p)-[:WITHIN*1..32]->(ancestor:Place) | ancestor.id] AS ancestors`,
    { ids },
  );
  return new Map(rows.map((row) => [String(row.id), row.ancestors as string[]]));
}

const ownedOut = (label: WriteLabel) => relationshipSpecs.filter((spec) => spec.owner === label && spec.direction === "out");

/** What is stored of `ids`: the content hash, and for entities their values and owned relationships to merge with. */
export async function storedNodes(tx: WriteTransaction, label: WriteLabel, ids: readonly string[]): Promise<Map<string, StoredNode>> {
  const stored = new Map<string, StoredNode>();
  const entity = isEntityLabel(label);
  const types = ownedOut(label).map((spec) => spec.type);
  for (const batch of batches(ids, 5_000)) {
    const rows = await tx.run(
      entity
        ? `// stored${label}s
          UNWIND $ids AS id
          MATCH (n:${label} {id: id})
          RETURN n.id AS id, n.contentHash AS hash, n {.*} AS properties,
            [(n)-[r]->(other) WHERE type(r) IN $types | {type: type(r), target: other.id}] AS links`
        : `// stored${label}s
          UNWIND $ids AS id
          MATCH (n:${label} {id: id})
          RETURN n.id AS id, n.contentHash AS hash`,
      { ids: batch, types },
    );
    for (const row of rows) {
      stored.set(String(row.id), {
        hash: (row.hash as string | null) ?? null,
        properties: entity ? (row.properties as Properties) : {},
        links: entity ? (row.links as Link[]) : [],
      });
    }
  }
  return stored;
}

/** Stored evidence of (node, source) pairs, keyed `nodeId \0 sourceId`. */
export async function storedEvidence(
  tx: WriteTransaction,
  label: WriteLabel,
  pairs: readonly { id: string; source: string }[],
): Promise<Map<string, Located[]>> {
  const stored = new Map<string, Located[]>();
  for (const batch of batches(pairs, 5_000)) {
    const rows = await tx.run(
      `// stored${label}Evidence
      UNWIND $pairs AS pair
      MATCH (n:${label} {id: pair.id})-[r:EVIDENCED_BY]->(s:Source {id: pair.source})
      RETURN pair.id AS id, pair.source AS source, collect({start: r.start, end: r.end, quote: r.quote}) AS located`,
      { pairs: batch },
    );
    for (const row of rows) stored.set(evidenceKey(String(row.id), String(row.source)), row.located as Located[]);
  }
  return stored;
}

export const evidenceKey = (id: string, source: string) => `${id}\u0000${source}`;

/** Creates or updates nodes with every property of their target (null removes), stamped with who and when. */
export async function writeNodes(tx: WriteTransaction, label: WriteLabel, nodes: readonly TargetNode[], writtenBy: string): Promise<void> {
  for (const batch of batches(nodes)) {
    await tx.run(
      `// write${label}s
      UNWIND $rows AS row
      MERGE (n:${label} {id: row.id})
      ON CREATE SET n.createdAt = datetime.transaction(), n.createdBy = $writtenBy
      SET n += row.properties, n.updatedAt = datetime.transaction(), n.updatedBy = $writtenBy`,
      { rows: batch.map((node) => ({ id: node.id, properties: toNeo4j(label, node.properties) })), writtenBy },
    );
  }
}

/** Removes the owned relationships of nodes about to get new ones; returns the events their claims were about. */
export async function deleteOwnedLinks(tx: WriteTransaction, label: WriteLabel, ids: readonly string[]): Promise<string[]> {
  const formerEvents: string[] = [];
  for (const batch of batches(ids)) {
    if (label === "Claim" || label === "Statement") {
      const rows = await tx.run(
        `// formerEventsOf${label}s
        UNWIND $ids AS id
        MATCH (:${label} {id: id})-[:ABOUT]->(e:Event)
        RETURN DISTINCT e.id AS id`,
        { ids: batch },
      );
      formerEvents.push(...rows.map((row) => String(row.id)));
    }
    for (const direction of ["out", "in"] as const) {
      const types = relationshipSpecs.filter((spec) => spec.owner === label && spec.direction === direction).map((spec) => spec.type);
      if (types.length === 0) continue;
      const pattern = direction === "out" ? `(n)-[r:${types.join("|")}]->()` : `(n)<-[r:${types.join("|")}]-()`;
      await tx.run(
        `// deleteOwned${direction === "out" ? "Out" : "In"}Links${label}
        UNWIND $ids AS id
        MATCH (n:${label} {id: id})
        MATCH ${pattern}
        DELETE r`,
        { ids: batch },
      );
    }
  }
  return formerEvents;
}

/**
 * Creates the owned relationships of nodes. CREATE, not MERGE: the owners are new or have just lost their owned
 * relationships (deleteOwnedLinks), their links are deduplicated (merge.ts), and imports run one at a time, so
 * there is nothing to merge with; MERGE would only look for it, which costs a third of a large import.
 */
export async function writeLinks(tx: WriteTransaction, label: WriteLabel, nodes: readonly TargetNode[]): Promise<void> {
  for (const spec of relationshipSpecs.filter((candidate) => candidate.owner === label)) {
    const rows = nodes.flatMap((node) =>
      node.links
        .filter((link) => link.type === spec.type)
        .map((link) => ({ owner: node.id, target: link.target, role: link.role ?? null })),
    );
    if (rows.length === 0) continue;
    const relationship = spec.type === "PARTICIPATED_IN" ? `[:${spec.type} {role: row.role}]` : `[:${spec.type}]`;
    const create = spec.direction === "out" ? `CREATE (owner)-${relationship}->(other)` : `CREATE (other)-${relationship}->(owner)`;
    for (const batch of batches(rows, 2_000)) {
      await tx.run(
        `// write${label}${pascal(spec.type)}
        UNWIND $rows AS row
        MATCH (owner:${label} {id: row.owner})
        MATCH (other:${spec.other} {id: row.target})
        ${create}`,
        { rows: batch },
      );
    }
  }
}

/** Replaces the evidence of (node, source) pairs. */
export async function writeEvidence(
  tx: WriteTransaction,
  label: WriteLabel,
  pairs: readonly { id: string; source: string; located: readonly Located[] }[],
): Promise<void> {
  for (const batch of batches(pairs)) {
    await tx.run(
      `// deleteEvidence${label}
      UNWIND $pairs AS pair
      MATCH (n:${label} {id: pair.id})-[r:EVIDENCED_BY]->(:Source {id: pair.source})
      DELETE r`,
      { pairs: batch.map(({ id, source }) => ({ id, source })) },
    );
    const rows = batch.flatMap((pair) =>
      pair.located.map((at) => ({ id: pair.id, source: pair.source, start: int(at.start), end: int(at.end), quote: at.quote })),
    );
    if (rows.length === 0) continue;
    await tx.run(
      `// writeEvidence${label}
      UNWIND $rows AS row
      MATCH (n:${label} {id: row.id})
      MATCH (s:Source {id: row.source})
      CREATE (n)-[:EVIDENCED_BY {start: row.start, end: row.end, quote: row.quote}]->(s)`,
      { rows },
    );
  }
}

/**
 * Recomputes what list filters and orderings read from an event node: the combined fatality and injury estimates
 * over all claims (from every source ever imported) and whether responsibility is contested. Kept on the node so
 * that `minFatalities`, `contested` and FATALITIES_DESC use indexes.
 */
export async function refreshEventAggregates(tx: WriteTransaction, eventIds: readonly string[]): Promise<void> {
  for (const batch of batches([...new Set(eventIds)])) {
    const rows = await tx.run(
      `// eventClaimFigures
      UNWIND $eventIds AS id
      MATCH (e:Event {id: id})
      RETURN id,
        [(e)<-[:ABOUT]-(c:Claim {kind: 'FATALITIES'}) WHERE c.qualifier IS NOT NULL | c {.low, .high, .qualifier}] AS fatalities,
        [(e)<-[:ABOUT]-(c:Claim {kind: 'INJURIES'}) WHERE c.qualifier IS NOT NULL | c {.low, .high, .qualifier}] AS injuries,
        EXISTS { MATCH (e)<-[:ABOUT]-(:Claim {kind: 'PERPETRATOR'})<-[:DISPUTES]-(:Statement) }
          OR EXISTS { MATCH (e)<-[:ABOUT]-(:Statement {stance: 'DENY'}) } AS contested`,
      { eventIds: batch },
    );
    const updates = rows.map((row) => {
      const fatalities = combineEstimates(row.fatalities as EstimateRow[]);
      const injuries = combineEstimates(row.injuries as EstimateRow[]);
      return {
        id: row.id,
        fatalitiesLow: nullableInt(fatalities?.low ?? null),
        fatalitiesHigh: nullableInt(fatalities?.high ?? null),
        fatalitiesQualifier: fatalities?.qualifier ?? null,
        injuriesLow: nullableInt(injuries?.low ?? null),
        injuriesHigh: nullableInt(injuries?.high ?? null),
        injuriesQualifier: injuries?.qualifier ?? null,
        contested: row.contested === true,
      };
    });
    await tx.run(
      `// setEventAggregates
      UNWIND $updates AS update
      MATCH (e:Event {id: update.id})
      SET e.fatalitiesLow = update.fatalitiesLow, e.fatalitiesHigh = update.fatalitiesHigh,
          e.fatalitiesQualifier = update.fatalitiesQualifier, e.injuriesLow = update.injuriesLow,
          e.injuriesHigh = update.injuriesHigh, e.injuriesQualifier = update.injuriesQualifier,
          e.contested = update.contested`,
      { updates },
    );
  }
}

/** Properties as Neo4j should store them: dates as dates, counts as integers. */
function toNeo4j(label: WriteLabel, properties: Properties): Record<string, unknown> {
  const types: Record<string, string> = propertyTypes[label];
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null) converted[key] = null;
    else if (types[key] === "date" && typeof value === "string") converted[key] = dateValue(value);
    else if (types[key] === "int" && typeof value === "number") converted[key] = int(value);
    else converted[key] = value;
  }
  return converted;
}

function dateValue(value: string) {
  const [year, month, day] = value.split("-").map(Number);
  return new neo4j.types.Date(year!, month!, day!);
}

function nullableInt(value: number | null) {
  return value === null ? null : int(value);
}

const pascal = (type: RelationshipType) =>
  type
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
