/**
 * Q4's search as raw runs it, and as the tuned peer's `searchPlaces` resolver runs it (bench/peer/server.ts): the best
 * candidates of the shared full-text index for the text's Lucene query, places only, ranked in JavaScript by our
 * server's function (closeness of spelling, then score; src/model/search.ts). A module of its own so that the
 * peer's bundle does not take raw's server along.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { int } from "../../src/db/values.js";
import { luceneQuery, rankCandidates, searchWords } from "../../src/model/search.js";
import { normalizeName } from "../../src/model/text.js";

export const SEARCH_STATEMENT = `CALL db.index.fulltext.queryNodes('nodeSearch', $lucene, {limit: $candidates}) YIELD node, score
      WHERE node:Place
      RETURN node.id AS id, score, coalesce(node.nameKeys, [coalesce(node.name, '')]) AS names`;

export const searchParameters = (text: string, candidates: number) => ({
  lucene: luceneQuery(searchWords(text)) ?? "",
  candidates: int(candidates),
});

/** Runs one read statement and gives its rows: each contender reads its own way. */
export type ReadRows = (cypher: string, parameters: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** The ids of the first `first` places found for `text` among the index's best `candidates` hits. */
export async function searchPlaceIds(read: ReadRows, text: string, first: number, candidates: number): Promise<string[]> {
  const hits = (await read(SEARCH_STATEMENT, searchParameters(text, candidates))).map((row) => ({
    id: String(row.id),
    item: String(row.id),
    score: Number(row.score),
    names: (row.names as string[]).map(normalizeName),
  }));
  return rankCandidates(searchWords(text).join(" "), hits, first).map(({ item }) => item);
}

/** A user's way with the driver: `executeQuery`, a managed transaction routed to a reader (the tuned peer's resolver). */
export const executeQueryRows =
  (driver: Driver): ReadRows =>
  async (cypher, parameters) =>
    (await driver.executeQuery(cypher, parameters, { routing: neo4j.routing.READ })).records.map((record) => record.toObject());
