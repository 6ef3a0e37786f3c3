/**
 * Nodes by id and the relationships between them, always for a batch of keys at once
 * (`UNWIND $keys`), so that loaders fetch a whole level of a nested query in one round trip.
 */
import type { Executor } from "../db/executor.js";
import { fieldRead, type ReadName, rel } from "../graph/catalogue.js";
import { matchByIdOrRedirect } from "../graph/redirects.js";
import type { NodeLabel } from "../model/ids.js";
import type { EvidenceRow, NodeRow, Related } from "../model/rows.js";
import { evidenceRow, nodeRow, rowProperties } from "./records.js";
import { type LookAheadField, lookAheadCypher, patternVariables, rowWithAhead } from "./lookAhead.js";
import type { Params } from "../db/executor.js";
import type { Projection } from "./compiled.js";

/**
 * The statement of one compiled node by id (repositories/compiled.ts): `body` holds the keys of its map projection over
 * `n`. Named as the resolvers' statements are, `nodeAhead` with relationship fields and `nodesById` without. An id
 * merged away answers the node it was merged into (graph/redirects.ts).
 */
export function compiledNodeCypher(
  label: NodeLabel,
  id: string,
  { clauses, body }: Projection,
  params: Params,
  reads: boolean,
): { cypher: string; params: Params } {
  return {
    cypher: `// ${reads ? "nodeAhead" : "nodesById"}
      ${matchByIdOrRedirect(label, "$id", "n")}
      ${clauses}
      RETURN n {${body}} AS item`,
    params: { ...params, id },
  };
}

export class GraphRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Nodes of one label by id; missing ids are absent from the map. An id merged away maps to the node it was merged
   * into (graph/redirects.ts).
   */
  async nodesByIds(label: NodeLabel, ids: readonly string[]): Promise<Map<string, NodeRow>> {
    const rows = await this.db.read(
      `// nodesById
      UNWIND $ids AS id
      ${matchByIdOrRedirect(label, "id", "n")}
      RETURN id, ${rowProperties(label, "n")} AS node`,
      { ids },
    );
    const found = new Map<string, NodeRow>();
    for (const row of rows) found.set(String(row.id), nodeRow(label, row.node));
    return found;
  }

  /** One node by id with the relationship fields planned ahead, in one statement; null when there is none. */
  async nodeAhead(label: NodeLabel, id: string, ahead: readonly LookAheadField[]): Promise<NodeRow | null> {
    const params: Record<string, unknown> = { id };
    const expanded = lookAheadCypher("n", label, ahead, params);
    const rows = await this.db.read(
      `// nodeAhead
      ${matchByIdOrRedirect(label, "$id", "n")}
      ${expanded.clauses}
      RETURN ${expanded.projection} AS item`,
      params,
    );
    return rows[0] ? rowWithAhead(rows[0].item, (node) => nodeRow(label, node), ahead) : null;
  }

  /** One compiled node by id, shaped as the response shows it; null when there is none. */
  async compiledNode(
    label: NodeLabel,
    id: string,
    projection: Projection,
    params: Params,
    reads: boolean,
  ): Promise<Record<string, unknown> | null> {
    const statement = compiledNodeCypher(label, id, projection, params, reads);
    const rows = await this.db.readShaped(statement.cypher, statement.params);
    return (rows[0]?.item as Record<string, unknown> | undefined) ?? null;
  }

  /** The related nodes of each key through one field's read (src/graph/catalogue.ts), in the read's order. */
  async related(field: ReadName, keys: readonly string[], args: Record<string, unknown> = {}): Promise<Map<string, Related[]>> {
    const read = fieldRead(field);
    const v = patternVariables("n", 0, "$args");
    const rows = await this.db.read(
      `// ${read.statement}
      UNWIND $keys AS key
      MATCH (n:${read.from} {id: key})
      CALL (n) {
        ${read.pattern(v)}
      }
      RETURN key, ${rowProperties(read.returns, v.m)} AS node, ${read.datum ? v.datum : "null"} AS datum`,
      { keys, args },
    );
    const byKey = new Map<string, Related[]>(keys.map((key) => [key, []]));
    for (const row of rows) {
      byKey.get(String(row.key))?.push({ node: nodeRow(read.returns, row.node), datum: row.datum });
    }
    return byKey;
  }

  /** Evidence of nodes of one label: quotes with their offsets into each source's text. */
  async evidence(label: NodeLabel, keys: readonly string[]): Promise<Map<string, EvidenceRow[]>> {
    const rows = await this.db.read(
      `// evidenceOf${label}
      UNWIND $keys AS key
      MATCH (n:${label} {id: key})-[r:${rel("EVIDENCED_BY")}]->(s:Source)
      RETURN key, s.id AS sourceId, r.quote AS quote, r.start AS start, r.end AS end
      ORDER BY key, sourceId, start`,
      { keys },
    );
    const byKey = new Map<string, EvidenceRow[]>(keys.map((key) => [key, []]));
    for (const row of rows) byKey.get(String(row.key))?.push(evidenceRow(row));
    return byKey;
  }
}
