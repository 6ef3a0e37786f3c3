/**
 * UCDP's naming conventions (pure; UCDP GED codebook 19.1, ../shared/DOMAIN.md).
 *
 * Sides: `Government of X` is the state X; `Civilians` is the side B of every one-sided event; a comma-separated side
 * (`National Front for Liberation, SNA`) is a coalition of its members; anything else (`IS`, `SDF`, `HTS`, `Syrian
 * insurgents`) is an organised armed group named as UCDP names it.
 *
 * Places: where_coordinates names a place with a kind word after it (`Maarat al-Numaan town`, `Jibala village`,
 * `Ariha district`, `Idlib Governorate`); adm_1 and adm_2 are the province and the district. The kind word is
 * UCDP's, not part of the name: it is taken off, and tells the place's kind.
 */
import type { ActorKind, PlaceKind } from "../../model/enums.js";
import { parseAcledActorName } from "../acled/actorNames.js";

export type UcdpSideForm = "STATE" | "CIVILIANS" | "GROUP" | "COALITION";

export interface UcdpSide {
  form: UcdpSideForm;
  /** The side as UCDP writes it. */
  name: string;
  /** The state's name for `Government of X`; the members' names for a coalition; the name itself otherwise. */
  members: string[];
}

/** `Government of Syria` -> the state Syria (ACLED's reading of `Government of X`, actorNames.ts). */
export function parseUcdpSide(raw: string): UcdpSide {
  const name = raw.trim();
  const members = name
    .split(",")
    .map((member) => member.trim())
    .filter(Boolean);
  if (members.length > 1) return { form: "COALITION", name, members };
  if (name.toLowerCase() === "civilians") return { form: "CIVILIANS", name, members: [name] };
  const parsed = parseAcledActorName(name);
  if (parsed.form === "STATE_BODY" && parsed.kind === "GOVERNMENT_BODY" && parsed.period === null && parsed.state !== null) {
    return { form: "STATE", name, members: [parsed.state] };
  }
  return { form: "GROUP", name, members: [name] };
}

/** A coalition member or a lone side as an actor: a state, civilians or an armed group. */
export function memberKind(member: string): { name: string; kind: ActorKind; state: boolean } {
  const side = parseUcdpSide(member);
  if (side.form === "STATE") return { name: side.members[0]!, kind: "STATE", state: true };
  if (side.form === "CIVILIANS") return { name: side.name, kind: "CIVILIANS", state: false };
  return { name: side.name, kind: "ARMED_GROUP", state: false };
}

/** UCDP's kind words at the end of a place's name, and the kind each says. */
const kindWords: ReadonlyMap<string, PlaceKind> = new Map<string, PlaceKind>([
  ["town", "TOWN"],
  ["village", "VILLAGE"],
  ["city", "CITY"],
  ["suburb", "TOWN"],
  ["neighbourhood", "SITE"],
  ["neighborhood", "SITE"],
  ["district", "DISTRICT"],
  ["subdistrict", "DISTRICT"],
  ["sub-district", "DISTRICT"],
  ["governorate", "PROVINCE"],
  ["province", "PROVINCE"],
]);

export interface UcdpPlaceName {
  /** Without UCDP's kind word: `Maarat al-Numaan`. */
  name: string;
  /** As UCDP wrote it, kept as an alias when it differs. */
  written: string;
  /** The kind its kind word says; null when it has none (`Tishrin Dam`, `Eastern Ghouta`). */
  kind: PlaceKind | null;
}

/**
 * A place's name without UCDP's trailing kind word, and the kind the word says. A bracketed aside after the word is
 * kept out of the name (`Khuwayn al Kabir village (Tell al-Khuwaiyn)` is Khuwayn al Kabir, alias Tell al-Khuwaiyn
 * is left to the source text). A name that is nothing but the kind word keeps it.
 */
export function ucdpPlaceName(raw: string): UcdpPlaceName {
  const written = raw.trim().replace(/\s+/g, " ");
  const bracket = written.indexOf(" (");
  const head = bracket > 0 && written.endsWith(")") ? written.slice(0, bracket) : written;
  const space = head.lastIndexOf(" ");
  if (space <= 0) return { name: head, written, kind: null };
  const kind = kindWords.get(head.slice(space + 1).toLowerCase());
  if (kind === undefined) return { name: head, written, kind: null };
  return { name: head.slice(0, space).trim(), written, kind };
}
