/**
 * The import's Cypher, all inside the caller's write transaction. Labels, relationship types and property names
 * reach the statements only from the fixed lists in draft.ts; values always travel as parameters. Large inputs are
 * written in batches of `UNWIND` rows.
 */
import { z } from "zod";
import type { Executor, WriteTransaction } from "../../db/executor.js";
import { int } from "../../db/values.js";
import { rel } from "../../graph/catalogue.js";
import { MAX_STORED_CHAIN } from "../../graph/limits.js";
import { type ClaimFacts, COUNT_AGGREGATES, eventAggregates, setTollAggregates, TOLL_AGGREGATES } from "../../model/eventAggregates.js";
import type { Located } from "../draft.js";
import {
  type EntityLabel,
  isEntityLabel,
  propertyTypes,
  relationshipSpec,
  type RelationshipType,
  relationshipSpecs,
  type WriteLabel,
  writeLabels,
} from "../draft.js";
import type { TargetNode, StoredNode } from "../resolve/merge.js";
import { elementRow, locatedRow, optionalNumber, optionalText, parseRows, texts, writtenProperties } from "../storedRows.js";
import type { Candidate } from "../resolve/resolution.js";

const BATCH = 1_000;

/**
 * Every statement here finds its rows by unique id or by element id, so its plan does not depend on how many nodes
 * there are; without this, Neo4j plans it again whenever the graph has grown enough since the last plan, which a
 * large import does often (docs/benchmarks.md, Import).
 */
export const REUSE_PLAN = "CYPHER replan=skip";

/**
 * Statement parameters as one map, `$batch`. Neo4j 5 keys its plan cache on the size class of each list (and string)
 * parameter (under 10, under 100, under 1,000 items…) and plans a statement again for every new combination; the
 * size of a list inside a map is not looked at, so each statement is planned once.
 */
export function inBatch(parameters: Record<string, unknown>): { batch: Record<string, unknown> } {
  return { batch: parameters };
}

/** `items` in lists of at most `size`, one statement's worth each. */
export function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * Serialises imports: the first statement of every import takes the write lock of one node, so a second import
 * waits until the first commits and then reads what it wrote. Without it, two imports could both find no "Saraqeb"
 * and both create one under different ids; the id constraints only stop duplicates of the same id.
 *
 * The lock is taken by setting the node's id to the value it has: Neo4j locks the node for the write but records no
 * change, because a transaction that has changed anything pays for it on every index seek that follows (Neo4j merges
 * its changes into each one), and the importer's reads come right after this. The node exists from the start
 * (migrations.ts); only when it does not does MERGE create it, and that one import reads slowly.
 */
export async function lockImports(tx: WriteTransaction): Promise<void> {
  await tx.run(`// lockImports
    MERGE (lock:ImportLock {id: 'imports'})
    SET lock.id = 'imports'`);
}

/**
 * Counts on the lock node the imports that changed the graph: the last statement of each, so that a reader of many
 * statements (the export, export/exportStore.ts importsCommitted) can tell whether an import committed meanwhile.
 */
export async function countImport(tx: WriteTransaction): Promise<void> {
  await tx.run(`// countImport
    MATCH (lock:ImportLock {id: 'imports'})
    SET lock.committed = coalesce(lock.committed, 0) + 1`);
}

/**
 * Which of the ids exist with the label they are listed under, with their element ids (see ElementIds): one
 * statement for all labels (a `UNION ALL` of one index seek per label), so an import pays one round trip and one
 * plan for this however many labels it names.
 */
export async function existingIds(tx: WriteTransaction, idsByLabel: ReadonlyMap<WriteLabel, readonly string[]>): Promise<ElementIds> {
  const found: ElementIds = new Map();
  const longest = Math.max(0, ...[...idsByLabel.values()].map((ids) => ids.length));
  for (let offset = 0; offset < longest; offset += ID_BATCH) {
    const params = Object.fromEntries(writeLabels.map((label) => [label, (idsByLabel.get(label) ?? []).slice(offset, offset + ID_BATCH)]));
    const rows = await tx.run(existingIdsStatement, inBatch(params));
    for (const row of parseRows(elementRow, rows)) found.set(row.id, row.element);
  }
  return found;
}

const ID_BATCH = 5_000;

const existingIdsStatement = `// existingIds
${REUSE_PLAN}
${writeLabels
  .map((label) => `UNWIND $batch.${label} AS id MATCH (n:${label} {id: id}) RETURN n.id AS id, elementId(n) AS element`)
  .join("\nUNION ALL\n")}`;

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
    ${REUSE_PLAN}
MATCH (n:${label})
    WHERE any(key IN coalesce(n.nameKeys, []) WHERE key IN $batch.nameKeys)
       OR any(key IN coalesce(n.matchKeys, []) WHERE key IN $batch.matchKeys)
    RETURN n.id AS id, n.kind AS kind, coalesce(n.nameKeys, []) AS nameKeys, coalesce(n.matchKeys, []) AS matchKeys,
      head([(n)-[:${rel("WITHIN")}]->(parent:Place) | parent.id]) AS parent,
      [(n)-[:${rel("WITHIN")}*1..${MAX_STORED_CHAIN}]->(ancestor:Place) | ancestor.id] AS ancestors`,
    inBatch({ nameKeys, matchKeys }),
  );
  return parseRows(candidateRow, rows).map((row) => ({ ...row, label }));
}

const candidateRow = z.object({
  id: z.string(),
  kind: z.string(),
  nameKeys: texts,
  matchKeys: texts,
  parent: optionalText,
  ancestors: texts,
});

/** Stored ancestors of existing places. */
export async function placeAncestors(tx: WriteTransaction, ids: readonly string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.run(
    `// placeAncestors
    ${REUSE_PLAN}
UNWIND $batch.ids AS id
    MATCH (p:Place {id: id})
    RETURN id, [(p)-[:${rel("WITHIN")}*1..${MAX_STORED_CHAIN}]->(ancestor:Place) | ancestor.id] AS ancestors`,
    inBatch({ ids }),
  );
  return new Map(parseRows(ancestorsRow, rows).map((row) => [row.id, row.ancestors]));
}

const ancestorsRow = z.object({ id: z.string(), ancestors: texts });

const ownedOut = (label: WriteLabel) => relationshipSpecs.filter((spec) => spec.owner === label && spec.direction === "out");

/**
 * What is stored of `ids`: the content hash, and for entities their values and owned relationships to merge with.
 * The element ids of those relationships' other ends go into `elements`: an entity the import updates gets its owned
 * relationships written anew, the stored ones included, and writeLinks finds their ends by element id, although the
 * import may not name them (a curated parent of an actor that an ACLED row adds a spelling to).
 */
export async function storedNodes(
  tx: WriteTransaction,
  label: WriteLabel,
  ids: readonly string[],
  elements: ElementIds,
): Promise<Map<string, StoredNode>> {
  const stored = new Map<string, StoredNode>();
  const entity = isEntityLabel(label);
  const types = ownedOut(label).map((spec) => spec.type);
  for (const batch of batches(ids, 5_000)) {
    const rows = await tx.run(
      entity
        ? `// stored${label}s
          ${REUSE_PLAN}
UNWIND $batch.ids AS id
          MATCH (n:${label} {id: id})
          RETURN n.id AS id, n.contentHash AS hash, n {.*} AS properties,
            [(n)-[r]->(other) WHERE type(r) IN $batch.types | {type: type(r), target: other.id, element: elementId(other)}] AS links`
        : `// stored${label}s
          ${REUSE_PLAN}
UNWIND $batch.ids AS id
          MATCH (n:${label} {id: id})
          RETURN n.id AS id, n.contentHash AS hash`,
      inBatch({ ids: batch, types }),
    );
    for (const row of parseRows(storedNodeRow, rows)) {
      const links = (row.links ?? []).map(({ type, target, element }) => {
        elements.set(target, element);
        return { type, target };
      });
      stored.set(row.id, { hash: row.hash, properties: row.properties ?? {}, links });
    }
  }
  return stored;
}

/** The relationship types an import writes, which are all a stored entity's owned links can be. */
const writtenTypes: ReadonlySet<string> = new Set(relationshipSpecs.map((spec) => spec.type));

const storedNodeRow = z.object({
  id: z.string(),
  hash: optionalText,
  properties: writtenProperties.optional(),
  links: z
    .array(
      z.object({
        type: z.custom<RelationshipType>((type) => typeof type === "string" && writtenTypes.has(type)),
        target: z.string(),
        element: z.string(),
      }),
    )
    .optional(),
});

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
      ${REUSE_PLAN}
UNWIND $batch.pairs AS pair
      MATCH (n:${label} {id: pair.id})-[r:${rel("EVIDENCED_BY")}]->(s:Source {id: pair.source})
      RETURN pair.id AS id, pair.source AS source, collect({start: r.start, end: r.end, quote: r.quote}) AS located`,
      inBatch({ pairs: batch }),
    );
    for (const row of parseRows(storedEvidenceRow, rows)) stored.set(evidenceKey(row.id, row.source), row.located);
  }
  return stored;
}

const storedEvidenceRow = z.object({ id: z.string(), source: z.string(), located: z.array(locatedRow) });

export const evidenceKey = (id: string, source: string) => `${id}\u0000${source}`;

/**
 * Node id -> Neo4j element id, for every node an import writes or links to. Once an import has written, it finds
 * nodes by element id, never by `id`: an index seek inside a transaction also searches what the transaction has
 * written so far, at a cost that grows with it, which makes seeking by `id` quadratic in the size of an import.
 * Element ids are stable while the transaction lasts.
 */
export type ElementIds = Map<string, string>;

/**
 * How createNodes and updateNodes send properties, alike: rows are positional (`[key, value…]`, the values in the
 * order of the columns returned) rather than maps, so that the property names are not sent again with every node;
 * values travel as plain strings and numbers and become dates and integers in Cypher (`value`, reading `row`),
 * because the driver encodes its own Integer and Date objects far slower than plain values.
 */
function propertyColumnsOf(label: WriteLabel, propertyMaps: readonly Record<string, unknown>[]): { column: string; value: string }[] {
  const types: Record<string, string | undefined> = { ...aggregateTypes, ...propertyTypes[label] };
  return propertyColumns(propertyMaps).map((column, i) => {
    const cell = `row[${i + 1}]`;
    return { column, value: types[column] === "date" ? `date(${cell})` : types[column] === "int" ? `toInteger(${cell})` : cell };
  });
}

/** Types of the event aggregates that are not strings (see eventAggregates). */
const aggregateTypes = Object.fromEntries(COUNT_AGGREGATES.map((name) => [name, "int"]));

/** What createNodes made: the new nodes' element ids, and the own incidents of new events (event id -> incident id). */
export interface CreatedNodes {
  elements: ElementIds;
  incidents: Map<string, string>;
}

/**
 * Creates nodes the graph does not hold (the importer checked, under the import lock), stamped with who and when;
 * `extra` adds properties outside the content (event aggregates). Returns their element ids. CREATE, not MERGE:
 * MERGE would look each id up first only to find nothing. A row is `[id, value…]` (see propertyColumnsOf).
 *
 * With `ownIncidents` (which gives the id each event's incident takes, incidentStore.ts incidentIdOf), each new event
 * gets its own incident in the same statement, complete as made (as incidentStore.ts ownIncidents makes one); an event
 * whose incident id an incident already holds gets none here, and is left out of `incidents` for the caller to give it
 * one.
 */
export async function createNodes(
  tx: WriteTransaction,
  label: WriteLabel,
  nodes: readonly TargetNode[],
  {
    writtenBy,
    extra = new Map(),
    ownIncidents,
  }: { writtenBy: string; extra?: ReadonlyMap<string, Record<string, unknown>>; ownIncidents?: (eventId: string) => string },
): Promise<CreatedNodes> {
  const created: CreatedNodes = { elements: new Map(), incidents: new Map() };
  if (nodes.length === 0) return created;
  const columns = propertyColumnsOf(label, [...nodes.map((node) => node.properties), ...extra.values()]);
  // Properties in the CREATE pattern: one operation per node, and null values are simply not set.
  const properties = [
    "id: row[0]",
    ...columns.map(({ column, value }) => `${column}: ${value}`),
    "createdAt: datetime.transaction(), createdBy: $batch.writtenBy, updatedAt: datetime.transaction(), updatedBy: $batch.writtenBy",
  ].join(", ");
  const incident = `row[${columns.length + 1}]`;
  // The incident's date and tolls are the event's, taken from the row as the event's are: reading them back from the
  // event would cost a db hit each.
  const valueOf = new Map(columns.map(({ column, value }) => [column, value]));
  const incidentProperties = [
    `id: ${incident}`,
    `date: ${valueOf.get("date") ?? "null"}`,
    "match: 'SINGLE'",
    ...TOLL_AGGREGATES.map((name) => `${name}: ${valueOf.get(name) ?? "null"}`),
  ].join(", ");
  const statement = ownIncidents
    ? `// create${label}sWithIncidents
      ${REUSE_PLAN}
      UNWIND $batch.rows AS row
      CREATE (n:${label} {${properties}})
      WITH row, n, NOT EXISTS { MATCH (:Incident {id: ${incident}}) } AS free
      FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
        CREATE (n)-[:${rel("REPORT_OF")}]->(:Incident {${incidentProperties}}))
      RETURN row[0] AS id, elementId(n) AS element, CASE WHEN free THEN ${incident} END AS incident`
    : `// create${label}s
      ${REUSE_PLAN}
      UNWIND $batch.rows AS row
      CREATE (n:${label} {${properties}})
      RETURN row[0] AS id, elementId(n) AS element`;
  for (const batch of batches(nodes)) {
    const rows = await tx.run(
      statement,
      inBatch({
        rows: batch.map((node) => {
          const more = extra.get(node.id);
          const values = [node.id, ...columns.map(({ column }) => node.properties[column] ?? more?.[column] ?? null)];
          return ownIncidents ? [...values, ownIncidents(node.id)] : values;
        }),
        writtenBy,
      }),
    );
    for (const row of parseRows(createdRow, rows)) {
      created.elements.set(row.id, row.element);
      if (row.incident) created.incidents.set(row.id, row.incident);
    }
  }
  return created;
}

const createdRow = elementRow.extend({ incident: optionalText.optional() });

/**
 * Sets every property of stored nodes to their target's (null removes), stamped with who and when. A row is
 * `[element id, value…]` (see propertyColumnsOf); every target of a label has the same properties (merge.ts).
 */
export async function updateNodes(
  tx: WriteTransaction,
  label: WriteLabel,
  nodes: readonly TargetNode[],
  { writtenBy, elements }: { writtenBy: string; elements: ElementIds },
): Promise<void> {
  if (nodes.length === 0) return;
  const columns = propertyColumnsOf(
    label,
    nodes.map((node) => node.properties),
  );
  const assignments = [
    ...columns.map(({ column, value }) => `n.${column} = ${value}`),
    "n.updatedAt = datetime.transaction(), n.updatedBy = $batch.writtenBy",
  ].join(", ");
  for (const batch of batches(nodes)) {
    await tx.run(
      `// update${label}s
      ${REUSE_PLAN}
      UNWIND $batch.rows AS row
      MATCH (n:${label}) WHERE elementId(n) = row[0]
      SET ${assignments}`,
      inBatch({
        rows: batch.map((node) => [elementOf(elements, node.id), ...columns.map(({ column }) => node.properties[column] ?? null)]),
        writtenBy,
      }),
    );
  }
}

/** The property names of a batch, checked to be plain identifiers: they come from draft.ts and merge.ts, never from input. */
function propertyColumns(propertyMaps: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const properties of propertyMaps) for (const column in properties) columns.add(column);
  for (const column of columns) if (!/^[A-Za-z][A-Za-z0-9]*$/.test(column)) throw new Error(`Not a property name: ${column}`);
  return [...columns];
}

/** A node's element id; the importer learns one for every node it writes or links to before it writes. */
export function elementOf(elements: ReadonlyMap<string, string>, id: string): string {
  const element = elements.get(id);
  if (element === undefined) throw new Error(`No element id for ${id}`);
  return element;
}

/**
 * Removes the owned relationships of nodes about to get new ones; returns the events their claims and statements
 * were about, with their element ids.
 */
export async function deleteOwnedLinks(
  tx: WriteTransaction,
  label: WriteLabel,
  ids: readonly string[],
  elements: ElementIds,
): Promise<ElementIds> {
  const formerEvents: ElementIds = new Map();
  for (const batch of batches(ids)) {
    const owners = batch.map((id) => elementOf(elements, id));
    if (label === "Claim" || label === "Statement") {
      const rows = await tx.run(
        `// formerEventsOf${label}s
        ${REUSE_PLAN}
UNWIND $batch.owners AS owner
        MATCH (n:${label})-[:${rel("ABOUT")}]->(e:Event) WHERE elementId(n) = owner
        RETURN DISTINCT e.id AS id, elementId(e) AS element`,
        inBatch({ owners }),
      );
      for (const row of parseRows(elementRow, rows)) formerEvents.set(row.id, row.element);
    }
    for (const direction of ["out", "in"] as const) {
      const types = relationshipSpecs.filter((spec) => spec.owner === label && spec.direction === direction).map((spec) => spec.type);
      if (types.length === 0) continue;
      const pattern = direction === "out" ? `(n)-[r:${types.join("|")}]->()` : `(n)<-[r:${types.join("|")}]-()`;
      await tx.run(
        `// deleteOwned${direction === "out" ? "Out" : "In"}Links${label}
        ${REUSE_PLAN}
        UNWIND $batch.owners AS owner
        MATCH (n:${label}) WHERE elementId(n) = owner
        MATCH ${pattern}
        DELETE r`,
        inBatch({ owners }),
      );
    }
  }
  return formerEvents;
}

/** Every relationship type an import writes, the allow-list for the dynamic type in writeLinks, by position. */
const linkTypes: readonly string[] = [...new Set([...relationshipSpecs.map((spec) => spec.type), rel("EVIDENCED_BY")])];
const linkType = new Map(linkTypes.map((type, i) => [type, i]));
const LINKS_BATCH = 5_000;

/**
 * Creates the owned relationships of nodes, and the evidence given with them (`evidence`, for new nodes; stored
 * nodes replace theirs with writeEvidence): every type of every label in one statement, the type taken from the
 * fixed list above by position (Cypher's dynamic types), so that an import plans one cheap statement rather than one
 * per type. CREATE, not MERGE: the owners are new or have just lost their owned relationships
 * (deleteOwnedLinks), their links are deduplicated (merge.ts), and imports run one at a time, so there is nothing to
 * merge with; MERGE would only look for it. A row is `[from, to, type, role, start, end, quote]`, shorter when the
 * rest is null (a missing property is simply not set), every node as the position of its element id in `nodes`;
 * numbers are plain (see createNodes). A target without an element id does not exist (the importer has refused
 * unknown references), and gets no relationship.
 */
export async function writeLinks(
  tx: WriteTransaction,
  nodes: readonly { node: TargetNode; evidence: readonly { source: string; located: readonly Located[] }[] }[],
  elements: ElementIds,
): Promise<void> {
  const rows: { from: string; to: string; row: unknown[] }[] = [];
  const evidenceType = linkType.get(rel("EVIDENCED_BY"))!;
  for (const { node, evidence } of nodes) {
    const owner = elementOf(elements, node.id);
    for (const link of node.links) {
      const target = elements.get(link.target);
      if (target === undefined) continue;
      const spec = relationshipSpec(node.label, link.type);
      const [from, to] = spec.direction === "out" ? [owner, target] : [target, owner];
      const type = linkType.get(spec.type)!;
      rows.push({ from, to, row: link.role === undefined ? [type] : [type, link.role] });
    }
    for (const { source, located } of evidence) {
      const element = elements.get(source);
      if (element === undefined) continue;
      for (const at of located) rows.push({ from: owner, to: element, row: [evidenceType, null, at.start, at.end, at.quote] });
    }
  }
  for (const batch of batches(rows, LINKS_BATCH)) {
    // Element ids are long and the same few (places, actors, the report) recur on many rows: each is sent once.
    const positions = new Map<string, number>();
    const position = (element: string) => positions.get(element) ?? positions.set(element, positions.size).get(element)!;
    const encoded = batch.map(({ from, to, row }) => [position(from), position(to), ...row]);
    await tx.run(
      `// writeLinks
      ${REUSE_PLAN}
      UNWIND $batch.rows AS row
      MATCH (from) WHERE elementId(from) = $batch.nodes[toInteger(row[0])]
      MATCH (to) WHERE elementId(to) = $batch.nodes[toInteger(row[1])]
      CREATE (from)-[:$(${JSON.stringify(linkTypes)}[toInteger(row[2])])
        {role: row[3], start: toInteger(row[4]), end: toInteger(row[5]), quote: row[6]}]->(to)`,
      inBatch({ nodes: [...positions.keys()], rows: encoded }),
    );
  }
}

/** Replaces the evidence of (node, source) pairs of stored nodes. */
export async function writeEvidence(
  tx: WriteTransaction,
  label: WriteLabel,
  pairs: readonly { id: string; source: string; located: readonly Located[] }[],
  elements: ElementIds,
): Promise<void> {
  for (const batch of batches(pairs.filter((pair) => elements.has(pair.source)))) {
    await tx.run(
      `// deleteEvidence${label}
      ${REUSE_PLAN}
UNWIND $batch.pairs AS pair
      MATCH (n:${label})-[r:${rel("EVIDENCED_BY")}]->(s:Source) WHERE elementId(n) = pair[0] AND elementId(s) = pair[1]
      DELETE r`,
      inBatch({ pairs: batch.map(({ id, source }) => [elementOf(elements, id), elementOf(elements, source)]) }),
    );
    const rows = batch.flatMap((pair) =>
      pair.located.map((at) => [elementOf(elements, pair.id), elementOf(elements, pair.source), int(at.start), int(at.end), at.quote]),
    );
    if (rows.length === 0) continue;
    await tx.run(
      `// writeEvidence${label}
      ${REUSE_PLAN}
UNWIND $batch.rows AS row
      MATCH (n:${label}) WHERE elementId(n) = row[0]
      MATCH (s:Source) WHERE elementId(s) = row[1]
      CREATE (n)-[:${rel("EVIDENCED_BY")} {start: row[2], end: row[3], quote: row[4]}]->(s)`,
      inBatch({ rows }),
    );
  }
}

const claimFiguresRow = z.object({
  element: z.string(),
  claims: z.array(
    z.object({
      kind: z.string(),
      low: optionalNumber,
      high: optionalNumber,
      qualifier: optionalText,
      best: optionalNumber,
      victims: optionalText,
      disputed: z.boolean(),
    }) satisfies z.ZodType<ClaimFacts>,
  ),
  stances: z.array(z.string()),
});

/**
 * Recomputes what list filters and orderings read from an event node (model/eventAggregates.ts) from all its claims
 * (from every source ever imported) and statements. Kept on the node so that `minFatalities`, `contested` and
 * FATALITIES_DESC use indexes.
 */
export async function refreshEventAggregates(tx: WriteTransaction, eventIds: readonly string[], elements: ElementIds): Promise<void> {
  for (const batch of batches([...new Set(eventIds)])) {
    const rows = await tx.run(
      `// eventClaimFigures
      ${REUSE_PLAN}
UNWIND $batch.events AS element
      MATCH (e:Event) WHERE elementId(e) = element
      RETURN element,
        [(e)<-[:${rel("ABOUT")}]-(c:Claim) | c {.kind, .low, .high, .qualifier, .best, .victims, disputed: EXISTS { (c)<-[:${rel("DISPUTES")}]-(:Statement) }}] AS claims,
        [(e)<-[:${rel("ABOUT")}]-(s:Statement) | s.stance] AS stances`,
      inBatch({ events: batch.map((id) => elementOf(elements, id)) }),
    );
    const updates = parseRows(claimFiguresRow, rows).map(({ element, claims, stances }) => ({
      element,
      ...eventAggregates({ claims, stances }),
    }));
    await tx.run(
      `// setEventAggregates
      ${REUSE_PLAN}
UNWIND $batch.updates AS update
      MATCH (e:Event) WHERE elementId(e) = update.element
      SET ${setTollAggregates("e", "update")}, e.contested = update.contested`,
      inBatch({ updates }),
    );
  }
}

/**
 * Runs `work` on every stored event, in batches of `batchSize` event ids in id order, each batch in a write
 * transaction of its own: the shape of the data migrations that visit every event (incidentBackfills.ts, eventPoints.ts).
 * Returns how many events were visited.
 */
export async function everyEventInBatches(
  db: Executor,
  batchSize: number,
  work: (tx: WriteTransaction, ids: string[]) => Promise<void>,
): Promise<number> {
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
      if (batch.length > 0) await work(tx, batch);
      return batch;
    });
    total += ids.length;
    if (ids.length < batchSize) return total;
    after = ids.at(-1)!;
  }
}
