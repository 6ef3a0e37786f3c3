/**
 * Search as people type names: what is sent to Neo4j's full-text index, and how its candidates are ranked.
 *
 * The index finds candidates (any word, one typo allowed); the ranking then puts the names closest in spelling to
 * what was typed first, since BM25 alone prefers whatever repeats the words most: "Saraqib market" (named twice, as
 * market and marketplace) above the town of Saraqib, or "Al-Kabina" (a short name sharing "al") high for
 * "Ma'arrat al-Nu'man".
 */
import { distance } from "fastest-levenshtein";
import { isArticle, transliterationKey } from "./nameMatching.js";
import { normalizeName } from "./text.js";

/** The longest search text accepted, in characters (longer is BAD_USER_INPUT). */
export const MAX_SEARCH_LENGTH = 200;

/**
 * Only the first words of a search are used. Each word costs the Lucene query up to about 50 clauses once its typo
 * tolerance is expanded, against Lucene's limit of 1,024; normalisation can turn one character into several words
 * ("ﷺ" is four), so the limit is on words, not on characters.
 */
export const MAX_SEARCH_WORDS = 16;

/** The words searched for: normalised (case, diacritics, apostrophes), at most MAX_SEARCH_WORDS. */
export function searchWords(input: string): string[] {
  return normalizeName(input).split(" ").filter(Boolean).slice(0, MAX_SEARCH_WORDS);
}

const luceneSpecial = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The Lucene query for the index: the whole phrase scores highest, then each word, exactly or one edit away (`~1`,
 * for words of 4 letters or more). At least one word other than the Arabic article must match, so a name sharing
 * only "al" with the search is no candidate. Operators typed by the user are escaped (normalisation leaves none
 * anyway), so the input can never change the query's structure.
 */
export function luceneQuery(words: readonly string[]): string | null {
  const escaped = words.map((word) => word.replace(luceneSpecial, (char) => `\\${char}`));
  if (escaped.length === 0) return null;
  const phrase = escaped.length > 1 ? [`"${escaped.join(" ")}"^4`] : [];
  const significant = escaped.filter((word) => !isArticle(word));
  const terms = [...new Set(significant.length > 0 ? significant : escaped)];
  const clauses = [...terms.map((word) => `${word}^2`), ...terms.filter((word) => word.length >= 4).map((word) => `${word}~1`)];
  return [...phrase, `+(${clauses.join(" ")})`].join(" ");
}

/** A name longer than this many times the search is no spelling of it (its similarity would be under a third). */
const LENGTH_RATIO = 3;

/**
 * How close the search is to the closest of a node's names, from 0 to 1: 1 for the same normalised name or the same
 * consonant skeleton (Saraqeb for Saraqib, Ma'arrat for Maarat), otherwise 1 minus the edit distance over the longer
 * length. A longer name that contains the search ("Saraqib market") scores below the name itself ("Saraqib"), and
 * a name sharing one short word ("Al-Kabina") lower still.
 */
export function nameSimilarity(search: string, names: readonly string[]): number {
  if (search === "") return 0;
  const searchKey = transliterationKey(search);
  let best = 0;
  for (const name of names) {
    if (name === "" || name.length > search.length * LENGTH_RATIO || search.length > name.length * LENGTH_RATIO) continue;
    if (name === search || (searchKey !== null && transliterationKey(name) === searchKey)) return 1;
    best = Math.max(best, 1 - distance(search, name) / Math.max(search.length, name.length));
  }
  return best;
}

export interface SearchCandidate<T> {
  id: string;
  item: T;
  /** The index's score (BM25). */
  score: number;
  /** The node's names, normalised (its nameKeys, or its title). */
  names: readonly string[];
}

/**
 * Weight of name similarity against the index's score scaled to 0..1: above 1, so that a name closer in spelling
 * always ranks first, whatever the word statistics; the index's score orders names equally close, and text.
 */
const NAME_WEIGHT = 2;

/** The candidates, best first, at most `limit`: name similarity first, then the index's score; ties by id. */
export function rankCandidates<T>(search: string, candidates: readonly SearchCandidate<T>[], limit: number): { item: T; score: number }[] {
  const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
  return candidates
    .map((candidate) => ({
      id: candidate.id,
      item: candidate.item,
      score: NAME_WEIGHT * nameSimilarity(search, candidate.names) + (best > 0 ? candidate.score / best : 0),
    }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map(({ item, score }) => ({ item, score }));
}
