import type { Executor } from "../db/executor.js";
import { int } from "../db/values.js";
import type { NodeLabel } from "../model/ids.js";
import { parseId } from "../model/ids.js";
import type { SearchHitRow } from "../model/rows.js";
import { anyRowProperties, nodeRow } from "./records.js";

export const SEARCH_INDEX = "nodeSearch";

export class SearchRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Best matches first from the full-text index; `luceneQuery` is already escaped and shaped.
   * A node one of whose names is exactly `exactName` (the normalised query) outranks every node whose
   * names merely contain the words: BM25 alone puts "Maarat al-Numan market" above "Maarat al-Numan"
   * for "Maarat al-Numan", since the market's names repeat the words more often.
   */
  async search(luceneQuery: string, exactName: string, labels: readonly NodeLabel[] | null, limit: number): Promise<SearchHitRow[]> {
    const rows = await this.db.read(
      `// searchNodes
      CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score
      WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
      WITH collect({node: node, score: score}) AS hits, max(score) AS best
      UNWIND hits AS hit
      WITH hit.node AS node, hit.score + CASE WHEN $exactName IN coalesce(hit.node.nameKeys, []) THEN best ELSE 0 END AS score
      RETURN ${anyRowProperties("node")} AS node, score
      ORDER BY score DESC, node.id
      LIMIT $limit`,
      // Filtering by label and promoting exact names after the index look-up need headroom, or the
      // results come back short or miss the exact match.
      { index: SEARCH_INDEX, query: luceneQuery, exactName, labels, limit: int(limit), candidates: int(limit * 10) },
    );
    return rows.flatMap((row) => {
      const id = (row.node as { id?: unknown }).id;
      const parsed = typeof id === "string" ? parseId(id) : null;
      return parsed ? [{ node: nodeRow(parsed.label, row.node), score: Number(row.score) }] : [];
    });
  }
}
