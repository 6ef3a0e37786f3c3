/**
 * The longest name or alias an import accepts, in characters. Actors' and places' names are range-indexed, and Neo4j
 * refuses an index entry over about 8 kB; 500 characters stay under 2 kB in any script.
 */
export const MAX_NAME_LENGTH = 500;

/**
 * Name normalisation shared by search and entity matching: case, diacritics and the apostrophes
 * and hamza/ayn marks of Arabic transliteration are ignored, so "Ma'arrat al-Nu'man",
 * "MAARRAT AL-NUMAN" and "Maʿarrat al-Nuʿmān" compare equal.
 */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’‘ʿʾ`´]/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The text the full-text index reads for one node: every name it goes by, normalised and as written. */
export function searchText(parts: ReadonlyArray<string | null | undefined>): string {
  const present = parts.filter((part): part is string => Boolean(part));
  return [...new Set([...present, ...present.map(normalizeName)])].join(" \n ");
}

/** A noun with its indefinite article, for messages built from a noun: "an event", "a place". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** A count and its noun, singular or plural: "1 bundle", "1,200 rows". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : plural}`;
}
