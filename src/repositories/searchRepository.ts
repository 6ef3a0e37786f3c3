import type { Executor } from "../db/executor.js";
import { SEARCH_INDEX } from "../db/migrations.js";
import { int } from "../db/values.js";
import type { NodeLabel } from "../model/ids.js";
import { parseId } from "../model/ids.js";
import type { SearchHitRow } from "../model/rows.js";
import { rankCandidates, type SearchCandidate } from "../model/search.js";
import { normalizeName } from "../model/text.js";
import { anyRowProperties, nodeRow } from "./records.js";

/** Candidates fetched per hit asked for: filtering by label and ranking by name after the index need headroom. */
const CANDIDATES_PER_HIT = 10;

export class SearchRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Best matches first: candidates from the full-text index (`luceneQuery` is already escaped and shaped), ranked by
   * how close their names are to `search` (the normalised words searched for), then by the index's score.
   */
  async search(luceneQuery: string, search: string, labels: readonly NodeLabel[] | null, limit: number): Promise<SearchHitRow[]> {
    const rows = await this.db.read(
      `// searchNodes
      CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score
      WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
      RETURN ${anyRowProperties("node")} AS node, score, coalesce(node.nameKeys, [coalesce(node.name, node.title, '')]) AS names`,
      { index: SEARCH_INDEX, query: luceneQuery, labels, candidates: int(limit * CANDIDATES_PER_HIT) },
    );
    const candidates = rows.flatMap((row): SearchCandidate<SearchHitRow["node"]>[] => {
      const id = (row.node as { id?: unknown }).id;
      const parsed = typeof id === "string" ? parseId(id) : null;
      if (typeof id !== "string" || !parsed) return [];
      // Titles are stored as written; names (nameKeys) normalised already, which normalising again leaves alone.
      const names = (row.names as unknown[]).filter((name): name is string => typeof name === "string").map(normalizeName);
      return [{ id, item: nodeRow(parsed.label, row.node), score: Number(row.score), names }];
    });
    return rankCandidates(search, candidates, limit).map(({ item, score }) => ({ node: item, score }));
  }
}
