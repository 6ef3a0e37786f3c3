/**
 * Keys for entity resolution. `normalizeName` already ignores case, diacritics and the apostrophes of Arabic
 * transliteration; the transliteration key goes further and ignores what romanisations of the same Arabic name
 * disagree on: vowels (Saraqib / Saraqeb, Idlib / Idleb), doubled letters (Maarat / Maarrat), the article and its
 * assimilated forms (al- / an- / ash-), a final -h (Hama / Hamah) and word breaks (Talmenes / Tal Mannas).
 */
import { normalizeName } from "./text.js";

/** The Arabic article as romanised, including its sun-letter assimilations (an-Nu'man, ash-Sham, ez-Zor). */
const articles = new Set([
  "al",
  "el",
  "il",
  "ul",
  "an",
  "ar",
  "as",
  "ash",
  "at",
  "ath",
  "ad",
  "adh",
  "az",
  "ed",
  "en",
  "er",
  "es",
  "et",
  "ez",
]);

/** Whether a word is the Arabic article as romanised: a word every other name shares, which says little in a search. */
export function isArticle(word: string): boolean {
  return articles.has(word);
}

/** Shorter skeletons say too little to match on (Hama would be `hm`, like Homa or Hom). */
const MIN_KEY_LENGTH = 3;

/** The consonant skeleton of a name, or null when too little is left to compare. */
export function transliterationKey(name: string): string | null {
  const words = normalizeName(name)
    .split(" ")
    .filter((word) => word !== "" && !articles.has(word));
  const skeleton = withoutRepeats(
    words
      .map((word) => word.replace(/([aeiou])h$/, "$1"))
      .map((word) => word.charAt(0) + word.slice(1).replace(/[aeiouyw]/g, ""))
      .join(""),
  );
  return skeleton.length >= MIN_KEY_LENGTH ? skeleton : null;
}

/** Each run of one character as one (`maarrat` -> `marat`), in one pass: a backreference regex backtracks per repeat. */
function withoutRepeats(text: string): string {
  let result = "";
  let previous: string | undefined;
  for (const char of text) {
    if (char !== previous) result += char;
    previous = char;
  }
  return result;
}

/** Every normalised form of a node's names (what the stored `nameKeys` hold). */
export function nameKeysOf(names: readonly string[]): string[] {
  return [...new Set(names.map(normalizeName).filter(Boolean))];
}

/** Every transliteration key of a node's names (what the stored `matchKeys` hold). */
export function matchKeysOf(names: readonly string[]): string[] {
  return [...new Set(names.map(transliterationKey).filter((key): key is string => key !== null))];
}
