/** Nodes by an outside registry's identifier: one index seek on the ExternalId key (ingest/write/identifiers.ts). */
import { z } from "zod";
import type { Executor } from "../db/executor.js";
import { rel } from "../graph/catalogue.js";
import { parseId } from "../model/ids.js";
import type { NodeRow } from "../model/rows.js";
import { anyRowProperties, nodeRow } from "./records.js";

export class IdentifierRepository {
  constructor(private readonly db: Executor) {}

  /** The node that the identifier `key` (`scheme:value`) names; null when none does. */
  async nodeByIdentifier(key: string): Promise<NodeRow | null> {
    const rows = await this.db.read(
      `// nodeByIdentifier
      MATCH (:ExternalId {key: $key})-[:${rel("IDENTIFIES")}]->(n)
      RETURN ${anyRowProperties("n")} AS node
      LIMIT 1`,
      { key },
    );
    if (rows.length === 0) return null;
    const node = identifiedRow.parse(rows[0]).node;
    const label = parseId(node.id)?.label;
    if (label === undefined) throw new Error(`An identifier names a node with an unexpected id: ${node.id}`);
    return nodeRow(label, node);
  }
}

const identifiedRow = z.object({ node: z.looseObject({ id: z.string() }) });
