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

const luceneSpecial = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns what a person typed into a Lucene query for Neo4j's full-text index: every word may be
 * one edit away (`~1`) and the whole phrase scores higher. Operators typed by the user are escaped,
 * so the input can never change the query's structure.
 */
export function luceneQuery(input: string): string | null {
  const words = normalizeName(input)
    .split(" ")
    .filter(Boolean)
    .map((word) => word.replace(luceneSpecial, (char) => `\\${char}`));
  if (words.length === 0) return null;
  const fuzzy = words.map((word) => (word.length >= 4 ? `${word}~1` : word));
  const phrase = words.length > 1 ? [`"${words.join(" ")}"^4`] : [];
  return [...phrase, ...words.map((word) => `${word}^2`), ...fuzzy].join(" ");
}
