/** The export's Cypher: every node, owned relationship and piece of evidence the import path writes, read back. */
import { z } from "zod";
import type { ReadTransaction } from "../../db/executor.js";
import { rel, relationshipList } from "../../graph/catalogue.js";
import { relationshipSpecs, writeLabels, type WriteLabel } from "../draft.js";
import { locatedRow, optionalText, parseRows, storedProperties, storedPropertiesOf, type StoredProperties } from "../storedRows.js";

/** The labels whose nodes carry evidence, from the catalogue. */
const evidenced = relationshipList
  .filter((relationship) => relationship.bundle.holds === "quotes")
  .map((relationship) => relationship.from);

export interface StoredGraph {
  nodes: Map<WriteLabel, StoredProperties[]>;
  /** Owner label -> owner id -> its owned relationships. */
  links: Map<WriteLabel, Map<string, { type: string; target: string; role: string | null }[]>>;
  /** Node id -> its evidence, by source. */
  evidence: Map<string, { source: string; start: number; end: number; quote: string }[]>;
}

/**
 * How many imports have changed the graph (see write/importStore.ts countImport). Read before and after the graph
 * in the same transaction: equal counts mean no import committed in between, so the rows are one state of the graph.
 */
export async function importsCommitted(tx: ReadTransaction): Promise<number> {
  const rows = await tx.run(
    "// importsCommitted\nOPTIONAL MATCH (lock:ImportLock {id: 'imports'}) RETURN coalesce(lock.committed, 0) AS committed",
  );
  return parseRows(z.object({ committed: z.number().int() }), rows)[0]?.committed ?? 0;
}

/** Every node, owned relationship and piece of evidence, statement by statement in the caller's transaction. */
export async function readGraph(tx: ReadTransaction): Promise<StoredGraph> {
  const nodes = new Map<WriteLabel, StoredProperties[]>();
  const links = new Map<WriteLabel, Map<string, { type: string; target: string; role: string | null }[]>>();
  const evidence = new Map<string, { source: string; start: number; end: number; quote: string }[]>();
  for (const label of writeLabels) {
    // Labels come from the fixed list in draft.ts.
    const rows = await tx.run(`// export${label}s\nMATCH (n:${label}) RETURN ${storedPropertiesOf("n")} AS properties ORDER BY n.id`);
    nodes.set(
      label,
      parseRows(nodeRow, rows).map((row) => row.properties),
    );
    links.set(label, new Map());
  }
  for (const spec of relationshipSpecs) {
    const pattern =
      spec.direction === "out"
        ? `(owner:${spec.owner})-[r:${spec.type}]->(other:${spec.other})`
        : `(other:${spec.other})-[r:${spec.type}]->(owner:${spec.owner})`;
    const rows = await tx.run(
      `// export${spec.owner}${spec.type}
      MATCH ${pattern}
      RETURN owner.id AS owner, other.id AS target, r.role AS role
      ORDER BY owner, target, role`,
    );
    const byOwner = links.get(spec.owner)!;
    for (const { owner, target, role } of parseRows(linkRow, rows)) {
      const list = byOwner.get(owner) ?? [];
      list.push({ type: spec.type, target, role });
      byOwner.set(owner, list);
    }
  }
  const rows = await tx.run(
    `// exportEvidence
    MATCH (n)-[r:${rel("EVIDENCED_BY")}]->(s:Source)
    WHERE ${evidenced.map((label) => `n:${label}`).join(" OR ")}
    RETURN n.id AS id, s.id AS source, r.start AS start, r.end AS end, r.quote AS quote
    ORDER BY id, source, start, end`,
  );
  for (const { id, ...located } of parseRows(evidenceRow, rows)) {
    const list = evidence.get(id) ?? [];
    list.push(located);
    evidence.set(id, list);
  }
  return { nodes, links, evidence };
}

const nodeRow = z.object({ properties: storedProperties });
const linkRow = z.object({ owner: z.string(), target: z.string(), role: optionalText });
const evidenceRow = locatedRow.extend({ id: z.string(), source: z.string() });
