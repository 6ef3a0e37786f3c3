/**
 * ACLED's actor names (pure). ACLED names actors by fixed patterns (its codebook; ../shared/DOMAIN.md):
 * - a state's bodies name the state and the period of the regime they serve: `Military Forces of Syria (2000-)`,
 *   `Police Forces of Pakistan (2008-2013)`, `Government of Syria (2000-)`; the period may be missing
 *   (`Military Forces of United States`) and the state may carry an article (`Police Forces of the Democratic
 *   Republic of Congo (2001-2019)`);
 * - a unit follows its body's name: `Military Forces of Russia (2000-) Special Forces`;
 * - a named group may lead with its abbreviation: `HTS: Hayat Tahrir al Sham`;
 * - generic actors name their country, or a side, in brackets: `Civilians (Syria)`, `Protesters (Syria)`,
 *   `Rioters (Syria)`, `Unidentified Armed Group (Syria)`, `Islamist Militia (Syria)`, `Militia (Pro-Government)`,
 *   `Opposition Rebels (Syria)`.
 * Any other name (`Operation Peace Spring`), and any name that fits a pattern only partly (empty parts, brackets
 * inside the state's name, a period ending before it starts), is `OTHER`: the importer then treats it as before,
 * by its inter code alone. Parsing never throws and reads a name in linear time (indexOf and anchored patterns
 * without nested repetition), whatever its length.
 */
import type { ActorKind } from "../../model/enums.js";

export type AcledActorForm =
  /** `Military Forces of X (period)`, `Police Forces of X (period)`, `Government of X (period)`. */
  | "STATE_BODY"
  /** A state body's name followed by a unit's: `Military Forces of Russia (2000-) Special Forces`. */
  | "UNIT"
  /** `ABBR: Name`. */
  | "ABBREVIATED"
  /** `Civilians (X)`, `Protesters (X)`, `Rioters (X)`, `Unidentified Armed Group (X)`, `… Militia (X)`, `… Rebels (X)`. */
  | "GENERIC"
  | "OTHER";

export interface AcledActorName {
  form: AcledActorForm;
  /** The kind the name says; null when it says none (the inter code decides). */
  kind: ActorKind | null;
  /** The state X the name gives (a body's state, or a generic actor's country); null for a side or none. */
  state: string | null;
  /** A state body's period as written in its brackets (`2000-`, `1970-2000`); null when it has none. */
  period: string | null;
  /** A unit's body, parsed (its name is a prefix of the unit's name); null for anything else. */
  parent: AcledActorName | null;
  /** `HTS` of `HTS: Hayat Tahrir al Sham`. */
  abbreviation: string | null;
  /** `Hayat Tahrir al Sham` of `HTS: Hayat Tahrir al Sham`. */
  expansion: string | null;
  /** The name, trimmed. */
  name: string;
}

/** Longer names are not parsed (ACLED's longest are about 150 characters); the importer limits names anyway. */
const MAX_PARSED_LENGTH = 500;

/** State bodies by their leading words (compared without case), with the kind each is. */
const stateBodies: readonly { prefix: string; kind: ActorKind }[] = [
  { prefix: "military forces of ", kind: "ARMED_FORCE" },
  { prefix: "police forces of ", kind: "ARMED_FORCE" },
  { prefix: "government of ", kind: "GOVERNMENT_BODY" },
];

/** Generic actors: the words before the brackets (without case), exactly or as their last word(s). */
const genericExact: ReadonlyMap<string, ActorKind> = new Map<string, ActorKind>([
  ["civilians", "CIVILIANS"],
  ["protesters", "OTHER"],
  ["rioters", "OTHER"],
  ["unidentified armed group", "ARMED_GROUP"],
  ["militia", "ARMED_GROUP"],
]);
const genericEndings: readonly { ending: string; kind: ActorKind }[] = [
  { ending: " militia", kind: "ARMED_GROUP" },
  { ending: " rebels", kind: "ARMED_GROUP" },
];

/** `(2000-)` or `(1970-2000)`: four-digit years, the end open or not before the start. */
const periodPattern = /\((\d{4})-(\d{4})?\)/;
/** An abbreviation: a capital or digit, then up to 15 letters, digits or `&./'-` (`HTS`, `QSD`, `M23`, `SPLM/A-IO`). */
const abbreviationPattern = /^[A-Z0-9][A-Za-z0-9&./'-]{1,15}$/;
/** A side rather than a country in a generic actor's brackets: `Pro-Government`, `Anti-Government`. */
const sidePattern = /^(pro|anti)-/i;

export function parseAcledActorName(raw: string): AcledActorName {
  const name = raw.trim();
  const other = unparsed(name);
  if (name === "" || name.length > MAX_PARSED_LENGTH) return other;
  return stateBody(name) ?? abbreviated(name) ?? generic(name) ?? other;
}

function unparsed(name: string): AcledActorName {
  return { form: "OTHER", kind: null, state: null, period: null, parent: null, abbreviation: null, expansion: null, name };
}

function stateBody(name: string): AcledActorName | null {
  const lower = name.toLowerCase();
  const body = stateBodies.find(({ prefix }) => lower.startsWith(prefix));
  if (!body) return null;
  const rest = name.slice(body.prefix.length);
  const period = periodPattern.exec(rest);
  // Without a period the whole rest is the state: nothing tells a unit's name from the state's.
  const stateText = period ? rest.slice(0, period.index) : rest;
  const state = stateName(stateText);
  if (state === null) return null;
  if (!period) return { ...unparsed(name), form: "STATE_BODY", kind: body.kind, state };

  const [whole, start, end] = period;
  if (end !== undefined && end < start!) return null;
  const bodyEnd = body.prefix.length + period.index + whole.length;
  const own: AcledActorName = {
    ...unparsed(name.slice(0, bodyEnd)),
    form: "STATE_BODY",
    kind: body.kind,
    state,
    period: whole.slice(1, -1),
  };
  const unit = name.slice(bodyEnd).trim();
  if (unit === "") return own;
  // A unit is named by words; a second bracket or stray punctuation right after the period is not a unit.
  if (!/^[\p{L}\p{N}]/u.test(unit)) return null;
  return { ...own, form: "UNIT", name, parent: own };
}

/** A state's name from a body's: trimmed, without a leading `the`; null when empty or bracketed. */
function stateName(text: string): string | null {
  const trimmed = text.trim();
  const state = /^the(\s|$)/i.test(trimmed) ? trimmed.slice(3).trim() : trimmed;
  if (state === "" || state.includes("(") || state.includes(")") || !/\p{L}/u.test(state)) return null;
  return state;
}

function abbreviated(name: string): AcledActorName | null {
  const colon = name.indexOf(": ");
  if (colon < 0) return null;
  const abbreviation = name.slice(0, colon);
  const expansion = name.slice(colon + 2).trim();
  if (!abbreviationPattern.test(abbreviation) || !/\p{L}/u.test(expansion)) return null;
  // More capitals than small letters: `HTS`, `M23`, but not a word such as `Update`.
  const capitals = abbreviation.replace(/[^A-Z]/g, "").length;
  const small = abbreviation.replace(/[^a-z]/g, "").length;
  if (capitals <= small) return null;
  return { ...unparsed(name), form: "ABBREVIATED", abbreviation, expansion };
}

function generic(name: string): AcledActorName | null {
  if (!name.endsWith(")")) return null;
  const open = name.indexOf("(");
  // Exactly one pair of brackets, closing the name.
  if (open <= 0 || name.indexOf("(", open + 1) >= 0 || name.indexOf(")") !== name.length - 1) return null;
  const head = name.slice(0, open).trim().toLowerCase();
  const inside = name.slice(open + 1, -1).trim();
  if (inside === "" || !/\p{L}/u.test(inside)) return null;
  const kind =
    genericExact.get(head) ??
    (head.startsWith("unidentified armed group") ? "ARMED_GROUP" : undefined) ??
    genericEndings.find(({ ending }) => head.endsWith(ending))?.kind;
  if (kind === undefined) return null;
  return { ...unparsed(name), form: "GENERIC", kind, state: sidePattern.test(inside) ? null : inside };
}

/** One actor the import drafts for an ACLED name. */
export interface ActorPlan {
  name: string;
  kind: ActorKind;
  /** A state X named by a body (drafted under its own id space, resolved by name against existing states). */
  state: boolean;
  period: string | null;
  aliases: string[];
}

/**
 * The actors an ACLED name stands for, outermost first, each part of the one before it: `[state, body, unit]` for a
 * unit, `[state, body]` for a state body, `[actor]` for anything else. `otherwise` is the kind when the name says none.
 * Civilians, protesters and rioters of a country are not part of its state, so a generic actor stands alone.
 */
export function actorPlans(name: string, otherwise: ActorKind): ActorPlan[] {
  const parsed = parseAcledActorName(name);
  const own: ActorPlan = {
    name: parsed.name,
    kind: parsed.kind ?? otherwise,
    state: false,
    period: parsed.period,
    aliases: parsed.abbreviation && parsed.expansion ? [parsed.abbreviation, parsed.expansion] : [],
  };
  const body = parsed.form === "UNIT" ? parsed.parent : parsed.form === "STATE_BODY" ? parsed : null;
  if (body === null || body.state === null) return [own];
  const state: ActorPlan = { name: body.state, kind: "STATE", state: true, period: null, aliases: [] };
  if (body === parsed) return [state, own];
  return [state, { name: body.name, kind: body.kind ?? otherwise, state: false, period: body.period, aliases: [] }, own];
}
