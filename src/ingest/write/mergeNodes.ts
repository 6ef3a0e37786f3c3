/**
 * mergeNodes: one actor or place that two ids name becomes one node, in one write transaction that first takes the
 * import lock (so it runs between imports, never beside one). In order: check both ends and refuse a merge that would
 * make a PART_OF or WITHIN cycle (one end above the other at any depth: the shortest chain between them, unbounded); move every relationship of `from` to `into` (all types, both directions, with their
 * properties) unless `into` has it already; fold `from`'s names, values and identifiers into `into` as a name match
 * would (write/importer.ts); delete `from` and leave `(:Redirect {id: from})-[:MERGED_INTO]->(into)`; recompute the
 * content hash of every node whose owned relationships now name `into`, so that re-importing their bundles finds
 * nothing to do.
 *
 * Plain Cypher 5 rather than APOC's `apoc.refactor.mergeNodes`: APOC is loaded only on the benchmark's Neo4j, not on
 * the test, development or Docker ones; and the merge needs its own rules anyway (duplicates by type, other end and
 * role; one parent per place; names into aliases; derived properties), which APOC's property and relationship
 * merging does not know. Relationship types are copied from the stored relationships (`$(type(r))`), never from input.
 */
import { z } from "zod";
import type { Executor, WriteTransaction } from "../../db/executor.js";
import { InvalidInputError } from "../../errors.js";
import { rel } from "../../graph/catalogue.js";
import { cycleText, hierarchyOf } from "../../graph/cycles.js";
import { isMergeable, type MergeableLabel } from "../../graph/redirects.js";
import { labelOf, type NodeLabel } from "../../model/ids.js";
import { withArticle } from "../../model/text.js";
import { type DraftNode, type Link, propertyTypes, relationshipSpecs, type WriteLabel, writeLabels } from "../draft.js";
import { type StoredNode, targetNode } from "../resolve/merge.js";
import { optionalText, parseRows, storedProperties, storedPropertiesOf, texts } from "../storedRows.js";
import type { ImportReport } from "./importer.js";
import { writeMatchingKeys } from "./incidentMatching.js";
import { deriveEventPoints } from "./eventPoints.js";
import { countImport, type ElementIds, lockImports, refreshEventAggregates, updateNodes } from "./importStore.js";

export interface MergeRequest {
  from: string;
  into: string;
  /** Recorded as `into.updatedBy` and the redirect's `createdBy`. */
  writtenBy: string;
  timeoutMs?: number;
}

/** How a refusal words each mergeable label's hierarchy (hierarchyOf), which a merge must keep free of cycles. */
const hierarchyWords: Record<MergeableLabel, { is: string; becomes: string }> = {
  Actor: { is: "is part of", becomes: "part of itself" },
  Place: { is: "lies within", becomes: "within itself" },
};

const BATCH = 5_000;

export async function mergeNodes(db: Executor, request: MergeRequest): Promise<ImportReport> {
  const label = mergeableLabel(request.from, request.into);
  return db.write((tx) => mergeInTransaction(tx, label, request), { timeoutMs: request.timeoutMs });
}

/** The label both ids name, or BAD_USER_INPUT when they cannot be merged whatever the graph holds. */
function mergeableLabel(from: string, into: string): MergeableLabel {
  const fromLabel = labelOf(from, "from");
  const intoLabel = labelOf(into, "into");
  if (from === into) throw new InvalidInputError(`Cannot merge "${from}" into itself.`, "into");
  if (fromLabel !== intoLabel) {
    throw new InvalidInputError(
      `Cannot merge ${describe(fromLabel)} into ${describe(intoLabel)} ("${from}" into "${into}"): both must be actors, or both places.`,
      "into",
    );
  }
  if (!isMergeable(fromLabel)) {
    throw new InvalidInputError(`Only actors and places can be merged; "${from}" is ${describe(fromLabel)}.`, "from");
  }
  return fromLabel;
}

const describe = (label: NodeLabel) => withArticle(label.toLowerCase());

async function mergeInTransaction(tx: WriteTransaction, label: MergeableLabel, request: MergeRequest): Promise<ImportReport> {
  await lockImports(tx);
  const { from, into } = request;
  const ends = await mergeEnds(tx, label, from, into);
  const { type } = hierarchyOf[label];
  const { is, becomes } = hierarchyWords[label];
  const chain = ends.fromInsideInto ?? ends.intoInsideFrom;
  if (chain) {
    const [inner, outer] = ends.fromInsideInto ? [from, into] : [into, from];
    throw new InvalidInputError(
      `Cannot merge "${from}" into "${into}": "${inner}" ${is} "${outer}" (a ${type} relationship, directly or through ` +
        `others: ${cycleText(chain)}), so merging them would make "${outer}" ${becomes}, a cycle of ${type}. ` +
        `They are different ${label === "Actor" ? "actors" : "places"}.`,
      "into",
    );
  }

  const relationships = await relationshipsOf(tx, ends.fromElement);
  await moveRelationships(tx, await relationshipsToMove(tx, label, ends, relationships), ends.intoElement);
  const fromName = await foldInto(tx, label, request, ends.intoElement);
  await tx.run(
    `// mergeRedirect
    MATCH (from) WHERE elementId(from) = $from
    MATCH (into) WHERE elementId(into) = $into
    DETACH DELETE from
    CREATE (:Redirect {id: $id, createdAt: datetime.transaction(), createdBy: $writtenBy})-[:${rel("MERGED_INTO")}]->(into)`,
    { from: ends.fromElement, into: ends.intoElement, id: from, writtenBy: request.writtenBy },
  );

  const owners = ownersOf(label, relationships, ends);
  const touched = [into];
  for (const [ownerLabel, ids] of owners) touched.push(...(await refreshContentHashes(tx, ownerLabel, [...ids], request.writtenBy)));
  await refreshAggregatesOfDiscourse(tx, owners);
  // The reports moved onto a place are sought by its id (incident matching's keys).
  if (label === "Place") await writeMatchingKeys(tx, [into], "places");
  // The events of both places, and of the places inside them, may be located through the kept place now.
  if (label === "Place") await deriveEventPoints(tx, { events: [], places: [into] });
  await countImport(tx);

  return {
    dryRun: false,
    created: 0,
    updated: touched.length,
    unchanged: 0,
    touched,
    resolved: [{ id: from, matchedId: into, name: fromName, by: "MERGED" }],
    rows: null,
    warnings: [],
  };
}

type Ends = Awaited<ReturnType<typeof mergeEnds>>;

/**
 * Which of from's relationships move, by direction: not those between the two (ALLIED_WITH; a hierarchy link was
 * refused), not those into has already, and not a place's parent when into has one (a place has one parent: into's).
 */
async function relationshipsToMove(
  tx: WriteTransaction,
  label: MergeableLabel,
  ends: Ends,
  relationships: readonly StoredRelationship[],
): Promise<{ out: string[]; in: string[] }> {
  const others = [...new Set(relationships.map((relationship) => relationship.other))];
  const held = new Set((await relationshipsOfTo(tx, ends.intoElement, others)).map(relationshipKey));
  const moves = { out: [] as string[], in: [] as string[] };
  for (const relationship of relationships) {
    if (relationship.other === ends.fromElement || relationship.other === ends.intoElement) continue;
    if (label === "Place" && relationship.type === hierarchyOf.Place.type && relationship.outgoing && ends.intoHasParent) continue;
    const key = relationshipKey(relationship);
    if (held.has(key)) continue;
    held.add(key);
    (relationship.outgoing ? moves.out : moves.in).push(relationship.relationship);
  }
  return moves;
}

/**
 * into takes from's names as aliases, its ids merged (from's own and those merged into it) and its identifiers, and
 * from's values where it has none, as an import linking from to it by name would; derived properties, the content
 * hash and the audit stamps follow (importStore.ts updateNodes). Returns from's name.
 */
async function foldInto(tx: WriteTransaction, label: MergeableLabel, request: MergeRequest, intoElement: string): Promise<string> {
  const { from, into } = request;
  const fromStored = (await storedContent(tx, label, [from])).get(from)!;
  const intoStored = (await storedContent(tx, label, [into])).get(into)!;
  const mergedIds = new Set([...texts.parse(intoStored.properties.mergedIds), from, ...texts.parse(fromStored.properties.mergedIds)]);
  const identifiers = [
    ...new Set([...texts.parse(intoStored.properties.identifiers), ...texts.parse(fromStored.properties.identifiers)]),
  ].sort();
  const intoProperties = { ...intoStored.properties, mergedIds: [...mergedIds].sort(), ...(identifiers.length > 0 ? { identifiers } : {}) };
  const fromDefinition: DraftNode = {
    label,
    id: into,
    properties: Object.fromEntries(
      Object.keys(propertyTypes[label])
        .filter((key) => key !== "mergedIds" && fromStored.properties[key] !== undefined)
        .map((key) => [key, fromStored.properties[key] ?? null]),
    ),
    links: [],
    evidence: new Map(),
    entity: { authority: "fill", resolve: false, sameAs: null, removeAliases: [] },
    path: "from",
  };
  const target = targetNode(label, into, { ...intoStored, properties: intoProperties }, [fromDefinition]);
  await updateNodes(tx, label, [target], { writtenBy: request.writtenBy, elements: new Map([[into, intoElement]]) });
  // Identifiers (scheme:value strings) are content once the identifiers module lists them in draft.ts; until then
  // the target leaves them out, and they are set here so that they move in any case.
  if (identifiers.length > 0) {
    await tx.run(
      `// mergeIdentifiers
      MATCH (n) WHERE elementId(n) = $into
      SET n.identifiers = $identifiers`,
      { into: intoElement, identifiers },
    );
  }
  return typeof fromStored.properties.name === "string" ? fromStored.properties.name : from;
}

/**
 * Nodes that owned a relationship to from (an event its participants, a claim the actors it names…), by label: they
 * own one to into now, or lost one into already had, so their content hash changes.
 */
function ownersOf(label: MergeableLabel, relationships: readonly StoredRelationship[], ends: Ends): Map<WriteLabel, Set<string>> {
  const owners = new Map<WriteLabel, Set<string>>();
  for (const relationship of relationships) {
    if (relationship.other === ends.fromElement || relationship.other === ends.intoElement || relationship.otherId === null) continue;
    const owner = writeLabels.find(
      (otherLabel) =>
        relationship.labels.includes(otherLabel) &&
        relationshipSpecs.some(
          (spec) =>
            spec.owner === otherLabel &&
            spec.other === label &&
            spec.type === relationship.type &&
            (spec.direction === "in") === relationship.outgoing,
        ),
    );
    if (owner !== undefined) owners.set(owner, (owners.get(owner) ?? new Set()).add(relationship.otherId));
  }
  return owners;
}

const endsRow = z.object({
  id: z.string(),
  element: optionalText,
  mergedInto: optionalText,
});

const hierarchyRow = z.object({
  fromInsideInto: z.array(z.string()).nullable(),
  intoInsideFrom: z.array(z.string()).nullable(),
  intoHasParent: z.boolean(),
});

/** Both ends by id, refusing unknown ids and ids merged away; and how they sit in their hierarchy. */
async function mergeEnds(tx: WriteTransaction, label: MergeableLabel, from: string, into: string) {
  const rows = parseRows(
    endsRow,
    await tx.run(
      `// mergeEnds
      UNWIND [$from, $into] AS id
      OPTIONAL MATCH (n:${label} {id: id})
      OPTIONAL MATCH (:Redirect {id: id})-[:${rel("MERGED_INTO")}]->(target)
      RETURN id, elementId(n) AS element, target.id AS mergedInto`,
      { from, into },
    ),
  );
  const element = (id: string, argument: "from" | "into"): string => {
    const row = rows.find((candidate) => candidate.id === id);
    if (row?.element) return row.element;
    if (row?.mergedInto) {
      throw new InvalidInputError(
        `"${id}" was merged into "${row.mergedInto}" already and answers as it; ${argument === "from" ? "merge" : "merge into"} "${row.mergedInto}" if that is meant.`,
        argument,
      );
    }
    throw new InvalidInputError(`Unknown ${label.toLowerCase()} "${id}": there is no node with this id.`, argument);
  };
  const fromElement = element(from, "from");
  const intoElement = element(into, "into");
  const { type } = hierarchyOf[label];
  const [facts] = parseRows(
    hierarchyRow,
    await tx.run(
      `// mergeHierarchy
      MATCH (from) WHERE elementId(from) = $from
      MATCH (into) WHERE elementId(into) = $into
      OPTIONAL MATCH up = shortestPath((from)-[:${type}*]->(into))
      OPTIONAL MATCH down = shortestPath((into)-[:${type}*]->(from))
      RETURN [n IN nodes(up) | n.id] AS fromInsideInto, [n IN nodes(down) | n.id] AS intoInsideFrom,
        EXISTS { (into)-[:${hierarchyOf.Place.type}]->(:Place) } AS intoHasParent`,
      { from: fromElement, into: intoElement },
    ),
  );
  return { fromElement, intoElement, ...facts! };
}

const relationshipRow = z.object({
  relationship: z.string(),
  type: z.string(),
  outgoing: z.boolean(),
  other: z.string(),
  otherId: optionalText,
  labels: z.array(z.string()),
  properties: storedProperties,
});
type StoredRelationship = z.infer<typeof relationshipRow>;

/** Every relationship of the node, both directions, with the other end and the relationship's properties. */
async function relationshipsOf(tx: WriteTransaction, element: string): Promise<StoredRelationship[]> {
  const rows = await tx.run(
    `// mergeRelationshipsOfFrom
    MATCH (n) WHERE elementId(n) = $element
    MATCH (n)-[r]-(other)
    RETURN DISTINCT elementId(r) AS relationship, type(r) AS type, startNode(r) = n AS outgoing, elementId(other) AS other,
      other.id AS otherId, labels(other) AS labels, properties(r) AS properties`,
    { element },
  );
  return parseRows(relationshipRow, rows);
}

/** The node's relationships to the given other ends (to find those a merge would duplicate). */
async function relationshipsOfTo(tx: WriteTransaction, element: string, others: readonly string[]): Promise<StoredRelationship[]> {
  const found: StoredRelationship[] = [];
  for (let offset = 0; offset < others.length; offset += BATCH) {
    const rows = await tx.run(
      `// mergeRelationshipsOfInto
      MATCH (n) WHERE elementId(n) = $element
      MATCH (n)-[r]-(other) WHERE elementId(other) IN $others
      RETURN elementId(r) AS relationship, type(r) AS type, startNode(r) = n AS outgoing, elementId(other) AS other,
        other.id AS otherId, labels(other) AS labels, properties(r) AS properties`,
      { element, others: others.slice(offset, offset + BATCH) },
    );
    found.push(...parseRows(relationshipRow, rows));
  }
  return found;
}

/** Two relationships are one when type, direction, other end and properties (a participation's role) agree. */
function relationshipKey(relationship: StoredRelationship): string {
  const properties = Object.entries(relationship.properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([relationship.type, relationship.outgoing, relationship.other, properties]);
}

/** Copies relationships to `into` (type and properties as stored); the originals go with `from`. */
async function moveRelationships(tx: WriteTransaction, moves: { out: string[]; in: string[] }, into: string): Promise<void> {
  for (const direction of ["out", "in"] as const) {
    const pattern = direction === "out" ? "(into)-[moved:$(type(r))]->(other)" : "(other)-[moved:$(type(r))]->(into)";
    const match = direction === "out" ? "()-[r]->(other)" : "(other)-[r]->()";
    for (let offset = 0; offset < moves[direction].length; offset += BATCH) {
      await tx.run(
        `// mergeMove${direction === "out" ? "Out" : "In"}
        MATCH (into) WHERE elementId(into) = $into
        UNWIND $relationships AS relationship
        MATCH ${match} WHERE elementId(r) = relationship
        CREATE ${pattern}
        SET moved = properties(r)`,
        { into, relationships: moves[direction].slice(offset, offset + BATCH) },
      );
    }
  }
}

const contentRow = z.object({
  id: z.string(),
  hash: optionalText,
  properties: storedProperties,
  links: z.array(z.object({ type: z.string(), target: z.string(), role: optionalText })),
});

/** What a node's content hash covers, as stored: its properties and the relationships it owns (merge.ts). */
async function storedContent(tx: WriteTransaction, label: WriteLabel, ids: readonly string[]): Promise<Map<string, StoredNode>> {
  const owned = (direction: "out" | "in") =>
    relationshipSpecs.filter((spec) => spec.owner === label && spec.direction === direction).map((spec) => spec.type);
  const content = new Map<string, StoredNode>();
  for (let offset = 0; offset < ids.length; offset += BATCH) {
    const rows = await tx.run(
      `// mergeStored${label}s
      UNWIND $ids AS id
      MATCH (n:${label} {id: id})
      RETURN n.id AS id, n.contentHash AS hash, ${storedPropertiesOf("n")} AS properties,
        [(n)-[r]->(other) WHERE type(r) IN $out | {type: type(r), target: other.id, role: r.role}] +
        [(n)<-[r]-(other) WHERE type(r) IN $in | {type: type(r), target: other.id, role: r.role}] AS links`,
      { ids: ids.slice(offset, offset + BATCH), out: owned("out"), in: owned("in") },
    );
    for (const row of parseRows(contentRow, rows)) {
      const links = row.links.map((link): Link => ({
        type: link.type as Link["type"],
        target: link.target,
        ...(link.role === null ? {} : { role: link.role }),
      }));
      content.set(row.id, { hash: row.hash, properties: row.properties as StoredNode["properties"], links });
    }
  }
  return content;
}

/**
 * Recomputes the content hash of nodes whose owned relationships changed, from what is stored (as an import of their
 * unchanged definitions would compute it); stamps and returns those whose hash changed.
 */
export async function refreshContentHashes(
  tx: WriteTransaction,
  label: WriteLabel,
  ids: readonly string[],
  writtenBy: string,
): Promise<string[]> {
  const updates: { id: string; hash: string }[] = [];
  for (const [id, stored] of await storedContent(tx, label, ids)) {
    const definition: DraftNode = {
      label,
      id,
      properties: Object.fromEntries(Object.keys(propertyTypes[label]).map((key) => [key, stored.properties[key] ?? null])),
      links: stored.links,
      evidence: new Map(),
      path: "",
    };
    // Entities merge the stored node with no new definition; documents are their one definition.
    const target = label === "Actor" || label === "Place" ? targetNode(label, id, stored, []) : targetNode(label, id, null, [definition]);
    if (target.hash !== stored.hash) updates.push({ id, hash: target.hash });
  }
  for (let offset = 0; offset < updates.length; offset += BATCH) {
    await tx.run(
      `// mergeOwnerHashes${label}
      UNWIND $updates AS update
      MATCH (n:${label} {id: update.id})
      SET n.contentHash = update.hash, n.updatedAt = datetime.transaction(), n.updatedBy = $writtenBy`,
      { updates: updates.slice(offset, offset + BATCH), writtenBy },
    );
  }
  return updates.map((update) => update.id);
}

/** The event aggregates of the events whose claims or statements were re-pointed, recomputed (importStore.ts). */
async function refreshAggregatesOfDiscourse(tx: WriteTransaction, owners: ReadonlyMap<WriteLabel, ReadonlySet<string>>): Promise<void> {
  const events: ElementIds = new Map();
  for (const label of writeLabels.filter((candidate) => candidate === "Claim" || candidate === "Statement")) {
    const ids = [...(owners.get(label) ?? [])];
    if (ids.length === 0) continue;
    const rows = await tx.run(
      `// mergeEventsOf${label}s
      UNWIND $ids AS id
      MATCH (:${label} {id: id})-[:${rel("ABOUT")}]->(e:Event)
      RETURN DISTINCT e.id AS id, elementId(e) AS element`,
      { ids },
    );
    for (const row of parseRows(z.object({ id: z.string(), element: z.string() }), rows)) events.set(row.id, row.element);
  }
  if (events.size > 0) await refreshEventAggregates(tx, [...events.keys()], events);
}
