/**
 * External identifiers on the write path. A node's identifiers are its content property `identifiers` (with its
 * `wikidataId`, model/identifiers.ts); for lookups, each is also a node `(:ExternalId {key, scheme, value})` with one
 * `IDENTIFIES` relationship to the node it names, unique by key (db/migrations.ts). Here: who holds which keys now,
 * the problems of a second claim, and writing the lookup nodes of the nodes an import creates or updates.
 */
import { z } from "zod";
import type { WriteTransaction } from "../../db/executor.js";
import type { ImportProblem } from "../../errors.js";
import { rel } from "../../graph/catalogue.js";
import { effectiveIdentifierKeys } from "../../model/identifiers.js";
import { writeLabels, type DraftNode, type WriteLabel } from "../draft.js";
import { nodeTypes } from "../../graph/nodes.js";
import type { TargetNode } from "../resolve/merge.js";
import { parseRows } from "../storedRows.js";
import type { ElementIds } from "./importStore.js";

/** The labels that carry identifiers. */
export const identifiedLabels: ReadonlySet<WriteLabel> = new Set(writeLabels.filter((label) => nodeTypes[label].identifiable));

const BATCH = 5_000;

/** Identifier key -> the id of the node it names now, for the keys that name one. */
export type IdentifierHolders = Map<string, string>;

/** Every key a draft node or target answers to. */
export function identifierKeysOf(node: Pick<DraftNode | TargetNode, "properties">): readonly string[] {
  const { identifiers, wikidataId } = node.properties;
  return effectiveIdentifierKeys(Array.isArray(identifiers) ? identifiers : null, wikidataId);
}

/** Which nodes hold the keys now (index seeks on the ExternalId key). */
export async function identifierHolders(tx: WriteTransaction, keys: Iterable<string>): Promise<IdentifierHolders> {
  const holders: IdentifierHolders = new Map();
  const all = [...new Set(keys)];
  for (let offset = 0; offset < all.length; offset += BATCH) {
    const rows = await tx.run(
      `// identifierHolders
      CYPHER replan=skip
      UNWIND $batch.keys AS key
      MATCH (:ExternalId {key: key})-[:${rel("IDENTIFIES")}]->(n)
      RETURN key, n.id AS id`,
      { batch: { keys: all.slice(offset, offset + BATCH) } },
    );
    for (const row of parseRows(holderRow, rows)) holders.set(row.key, row.id);
  }
  return holders;
}

const holderRow = z.object({ key: z.string(), id: z.string() });

/**
 * A second claim on an identifier, by another node of the import or by a stored node that keeps it, is a problem at
 * the path where the import gave the identifier. A stored node that this import writes without the key gives it up.
 */
export function identifierProblems(
  written: readonly TargetNode[],
  definitions: ReadonlyMap<string, readonly DraftNode[]>,
  holders: IdentifierHolders,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const claimedBy = new Map<string, string>();
  const keysOf = new Map<string, readonly string[]>();
  const pathOf = (id: string, key: string) => {
    const given = definitions.get(id) ?? [];
    return given.map((definition) => definition.identifierPaths?.get(key)).find(Boolean) ?? given[0]?.path ?? "";
  };
  for (const node of written) {
    const keys = identifierKeysOf(node);
    keysOf.set(node.id, keys);
    for (const key of keys) {
      const other = claimedBy.get(key);
      if (other === undefined) claimedBy.set(key, node.id);
      else if (other !== node.id)
        problems.push({
          path: pathOf(node.id, key),
          message: `the identifier "${key}" is also given to "${other}" in this import: an identifier names one node`,
        });
    }
  }
  for (const [key, id] of claimedBy) {
    const holder = holders.get(key);
    if (holder === undefined || holder === id || keysOf.get(holder)?.includes(key) === false) continue;
    problems.push({
      path: pathOf(id, key),
      message: `the identifier "${key}" already names "${holder}": an identifier names one node (give it to one of them only)`,
    });
  }
  return problems;
}

/**
 * Writes the lookup nodes of nodes the import created or updated (found by element id, see ElementIds): an updated
 * node's keys that it no longer has go first, so that a key moving between two nodes of one import is free, then
 * every key a node now has and did not hold before gets its ExternalId. Rows are `[element id, key]`; the scheme is
 * the key up to its first colon.
 */
export async function writeIdentifiers(
  tx: WriteTransaction,
  written: readonly { node: TargetNode; created: boolean }[],
  holders: IdentifierHolders,
  elements: ElementIds,
): Promise<void> {
  const element = (id: string) => {
    const found = elements.get(id);
    if (found === undefined) throw new Error(`No element id for ${id}`);
    return found;
  };
  const stale = written.filter(({ created }) => !created).map(({ node }) => [element(node.id), identifierKeysOf(node)]);
  for (let offset = 0; offset < stale.length; offset += BATCH) {
    await tx.run(
      `// dropStaleIdentifiers
      CYPHER replan=skip
      UNWIND $batch.rows AS row
      MATCH (x:ExternalId)-[:${rel("IDENTIFIES")}]->(n) WHERE elementId(n) = row[0] AND NOT x.key IN row[1]
      DETACH DELETE x`,
      { batch: { rows: stale.slice(offset, offset + BATCH) } },
    );
  }
  const fresh = written.flatMap(({ node }) =>
    identifierKeysOf(node)
      .filter((key) => holders.get(key) !== node.id)
      .map((key) => [element(node.id), key]),
  );
  for (let offset = 0; offset < fresh.length; offset += BATCH) {
    await tx.run(
      `// createIdentifiers
      CYPHER replan=skip
      UNWIND $batch.rows AS row
      MATCH (n) WHERE elementId(n) = row[0]
      WITH n, row[1] AS key, split(row[1], ':')[0] AS scheme
      CREATE (:ExternalId {key: key, scheme: scheme, value: substring(key, size(scheme) + 1)})-[:${rel("IDENTIFIES")}]->(n)`,
      { batch: { rows: fresh.slice(offset, offset + BATCH) } },
    );
  }
}
