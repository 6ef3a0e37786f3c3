/**
 * Plausible, unique names for a fictional Levantine country: syllables with Arabic-looking onsets and endings,
 * the prefixes real toponyms carry (Kafr, Tal, Deir, Ain…), a few spellings with diacritics and a few aliases in
 * another transliteration. Every name is unique by the keys entity resolution and search compare (the normalised
 * name and the transliteration skeleton), so that searching a locality's name finds that one place.
 */
import { transliterationKey } from "../../src/model/nameMatching.js";
import { normalizeName } from "../../src/model/text.js";
import type { Random } from "./random.js";

const onsets = ["b", "d", "f", "gh", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "z", "dh", "th", "w"];
const vowels = ["a", "a", "a", "i", "i", "u"];
const codas = ["", "", "", "", "n", "r", "l", "m", "b", "d", "s", "q", "t", "f", "z"];
const endings = ["", "", "", "iya", "un", "at", "in", "an", "a", "ish", "ah", "ani"];

const placePrefixes = ["Kafr", "Tal", "Deir", "Ain", "Ras", "Khan", "Bab", "Jisr", "Umm", "Beit", "Maarat", "Abu", "Qasr", "Marj", "Bir"];
const placeQualifiers = ["al-Sharqi", "al-Gharbi", "al-Kabir", "al-Saghir", "al-Fawqa", "al-Tahta", "al-Jadida", "al-Qadima", "al-Shamali"];

const givenNames = [
  "Ahmad",
  "Mohammad",
  "Omar",
  "Khaled",
  "Yasser",
  "Rami",
  "Samir",
  "Fadi",
  "Hassan",
  "Hussein",
  "Ali",
  "Mahmoud",
  "Youssef",
  "Karim",
  "Nabil",
  "Tarek",
  "Walid",
  "Ziad",
  "Firas",
  "Maher",
  "Rania",
  "Lina",
  "Hala",
  "Salma",
  "Nour",
  "Dima",
  "Reem",
  "Leila",
];

/** Letters written with a diacritic in scholarly transliteration (precomposed; normalizeName strips the marks). */
const marked: Record<string, string> = { a: "ā", i: "ī", u: "ū", h: "ḥ", s: "ṣ", t: "ṭ", d: "ḍ" };

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Remembers every key handed out; a candidate sharing a key with an earlier name is drawn again. */
export class NameRegistry {
  private readonly names = new Set<string>();
  private readonly skeletons = new Set<string>();

  /** Claims `name` and its aliases if none of their keys is taken; false (claiming nothing) otherwise. */
  claim(name: string, aliases: readonly string[] = []): boolean {
    const nameKeys = [name, ...aliases].map(normalizeName);
    if (new Set(nameKeys).size !== nameKeys.length || nameKeys.some((key) => key === "" || this.names.has(key))) return false;
    // Aliases are other spellings of the same name and may share its skeleton; other names may not.
    const skeleton = transliterationKey(name);
    const aliasSkeletons = aliases.map(transliterationKey).filter((key): key is string => key !== null && key !== skeleton);
    if ((skeleton !== null && this.skeletons.has(skeleton)) || aliasSkeletons.some((key) => this.skeletons.has(key))) return false;
    for (const key of nameKeys) this.names.add(key);
    for (const key of [skeleton, ...aliasSkeletons]) if (key !== null) this.skeletons.add(key);
    return true;
  }

  /** Takes the keys of a fixed name without checking them. */
  reserve(name: string, aliases: readonly string[] = []): void {
    for (const spelling of [name, ...aliases]) {
      this.names.add(normalizeName(spelling));
      const skeleton = transliterationKey(spelling);
      if (skeleton !== null) this.skeletons.add(skeleton);
    }
  }

  /** The first candidate `draw` produces that is free, claimed. */
  unique<T extends { name: string; aliases: string[] }>(draw: () => T): T {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const candidate = draw();
      if (this.claim(candidate.name, candidate.aliases)) return candidate;
    }
    throw new Error("no free name after 10,000 attempts: the syllable lists are too small for this many names");
  }
}

/** A word of one to three syllables, at least four letters, e.g. "Hamrat", "Saraqiya". */
export function word(random: Random): string {
  for (;;) {
    let text = "";
    for (let i = random.int(1, 2); i > 0; i--) text += random.pick(onsets) + random.pick(vowels) + random.pick(codas);
    let ending = random.pick(endings);
    // No vowel pairs where an ending meets a syllable ("Sa" + "iya" becomes "Sariya", not "Saiya").
    if (/[aiu]$/.test(text) && /^[aiu]/.test(ending)) ending = random.pick(["r", "n", "l", "b", "d", "m"]) + ending;
    text += ending;
    if (text.length >= 4) return capitalize(text);
  }
}

/** A town's or village's name: "Hamrat", "Kafr Zubdan", "Deir Tal-Shaqra", "Sarqin al-Gharbi", "Al-Kabina". */
export function localityName(random: Random): { name: string; aliases: string[] } {
  const shape = random.weighted([
    ["word", 35],
    ["prefixed", 30],
    ["compound", 10],
    ["qualified", 15],
    ["article", 10],
  ] as const);
  const name =
    shape === "word"
      ? word(random)
      : shape === "prefixed"
        ? `${random.pick(placePrefixes)} ${word(random)}`
        : shape === "compound"
          ? `${random.pick(placePrefixes)} ${word(random)}-${word(random)}`
          : shape === "qualified"
            ? `${word(random)} ${random.pick(placeQualifiers)}`
            : `Al-${word(random)}`;
  const aliases = random.chance(0.1) ? [otherTransliteration(name, random)].filter((alias) => alias !== name) : [];
  return { name: random.chance(0.06) ? withDiacritics(name, random) : name, aliases };
}

/** A person: given name and a family name formed like a place of origin ("al-Hamrawi"). */
export function personName(random: Random): { name: string; aliases: string[] } {
  const family = word(random)
    .toLowerCase()
    .replace(/[aiu]h?$/, "");
  return { name: `${random.pick(givenNames)} al-${capitalize(family)}i`, aliases: [] };
}

/** The same name as another romanisation might write it: a vowel changed, a consonant doubled, el- for al-. */
function otherTransliteration(name: string, random: Random): string {
  const change = random.pick(["vowel", "vowel", "double", "article"] as const);
  if (change === "article" && /\b[Aa]l-/.test(name)) return name.replace(/\b([Aa])l-/, (_, a: string) => `${a === "A" ? "E" : "e"}l-`);
  if (change === "double") {
    const at = name.search(/[aiu][bdfklmnqrstz][aiu]/);
    if (at >= 0) return name.slice(0, at + 2) + name.charAt(at + 1) + name.slice(at + 2);
  }
  return name.replace(/i(?=[^aeiou]*$)|u(?=[^aeiou]*$)/, (vowel) => (vowel === "i" ? "e" : "o"));
}

/** A long vowel and perhaps an emphatic consonant written as scholarly transliteration does (Ḥamrāt). */
function withDiacritics(name: string, random: Random): string {
  const letters = [...name];
  const isVowel = (letter: string | undefined) => letter !== undefined && "aiu".includes(letter);
  const isLetter = (letter: string | undefined) => letter !== undefined && /[a-z]/.test(letter);
  // A vowel between consonants; a consonant that is not half of a digraph (sh, th, dh, kh, gh).
  const vowelsAt = letters.flatMap((letter, i) =>
    isVowel(letter) && isLetter(letters[i - 1]) && !isVowel(letters[i - 1]) && !isVowel(letters[i + 1]) ? [i] : [],
  );
  const consonantsAt = letters.flatMap((letter, i) =>
    "hstd".includes(letter) &&
    isLetter(letters[i - 1]) &&
    letters[i + 1] !== "h" &&
    !(letter === "h" && "sktdgkz".includes(letters[i - 1]!))
      ? [i]
      : [],
  );
  const chosen = [...random.sample(vowelsAt, 1), ...(random.chance(0.5) ? random.sample(consonantsAt, 1) : [])];
  for (const i of chosen) letters[i] = marked[letters[i]!]!;
  return letters.join("");
}
