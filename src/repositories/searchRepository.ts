import type { Executor } from "../db/executor.js";
import { int } from "../db/values.js";
import type { NodeLabel } from "../model/ids.js";
import { parseId } from "../model/ids.js";
import type { SearchHitRow } from "../model/rows.js";
import { nodeRow } from "./rows.js";

export const SEARCH_INDEX = "nodeSearch";

export class SearchRepository {
  constructor(private readonly db: Executor) {}

  /** Best matches first from the full-text index; `luceneQuery` is already escaped and shaped. */
  async search(luceneQuery: string, labels: readonly NodeLabel[] | null, limit: number): Promise<SearchHitRow[]> {
    const rows = await this.db.read(
      `// searchNodes
      CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score
      WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
      RETURN node {.*} AS node, score
      ORDER BY score DESC, node.id
      LIMIT $limit`,
      // Filtering by label after the index look-up needs headroom, or a narrow search comes back short.
      { index: SEARCH_INDEX, query: luceneQuery, labels, limit: int(limit), candidates: int(labels ? limit * 10 : limit) },
    );
    return rows.flatMap((row) => {
      const id = (row.node as { id?: unknown }).id;
      const parsed = typeof id === "string" ? parseId(id) : null;
      return parsed ? [{ node: nodeRow(parsed.label, row.node), score: Number(row.score) }] : [];
    });
  }
}
