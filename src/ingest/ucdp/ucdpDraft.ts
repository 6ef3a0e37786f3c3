/**
 * UCDP GED rows as a draft (pure, paced like acledDraft.ts). Each row becomes:
 * - an event `event:ucdp-<id>` with the identifier `ucdp:<id>`: its category is UCDP's kind of violence
 *   (STATE_BASED_VIOLENCE, NON_STATE_VIOLENCE, ONE_SIDED_VIOLENCE) and it has no ACLED type; its date span is
 *   date_start to date_end (`endDate` only when later; datePrecision DAY, since the span says the rest, the
 *   date_prec code stays in the row's text); its coordinates and geoPrecision (where_prec 1 TOWN, 2 NEAR_TOWN,
 *   3 to 6 REGION); UCDP's conflict and dyad ids (`ucdpConflictId`, `ucdpDyadId`);
 * - a source `source:ucdp-<id>` published by UCDP (`actor:ucdp`, whatever offices it cites), titled with the
 *   deduplicated source_office list, whose text is the row itself, one `column: value` line per column (UCDP's
 *   citation, source_article, among them), so that evidence can point into it;
 * - claims asserted by UCDP (see `tollClaims`): one FATALITIES claim for everyone killed (victims ALL) with low,
 *   best and high, and one per victim group the row counts (deaths_civilians CIVILIANS, deaths_a and deaths_b
 *   COMBATANTS of side A and side B, deaths_unknown UNKNOWN);
 * - its sides as participants (see `roles`), and its place (see `placeOf`).
 * Actors and places are only filled in and resolved by name against existing ones, as ACLED's are.
 */
import type { EventRole, PlaceKind } from "../../model/enums.js";
import { identifierKey } from "../../model/identifiers.js";
import type { Pacer } from "../../pacer.js";
import type { Located } from "../draft.js";
import type { Draft, DraftNode, Link, Properties } from "../draft.js";
import { entity, limitedId, slug } from "../acled/acledDraft.js";
import { memberKind, parseUcdpSide, ucdpPlaceName } from "./ucdpNames.js";
import type { UcdpRow, UcdpViolence } from "./ucdpRows.js";

export const UCDP_ACTOR = "actor:ucdp";
/** The identifier scheme of UCDP's event ids; its sides' ids are `ucdp-actor`. */
export const UCDP_SCHEME = "ucdp";
export const UCDP_ACTOR_SCHEME = "ucdp-actor";

const violenceWords: Record<UcdpViolence, string> = {
  STATE_BASED_VIOLENCE: "State-based violence",
  NON_STATE_VIOLENCE: "Non-state violence",
  ONE_SIDED_VIOLENCE: "One-sided violence",
};

/**
 * The roles of side A and side B. UCDP's codebook names no initiator: a row records armed force used in a dyad.
 * One-sided violence is side A's against civilians: A is the perpetrator, the civilians (side B) the victims. In
 * state-based violence side A is always a government; in non-state violence A and B are two groups in UCDP's order.
 * The graph has no role for a party that is neither, so side A is recorded as the perpetrator and side B as the
 * target: UCDP attributes the row's deaths to the dyad, and its side A is the one it codes first (the government in
 * the Maarat al-Numan market strike). Who killed whom is not in UCDP's data; the victim split is.
 */
export function roles(violence: UcdpViolence): [EventRole, EventRole] {
  return violence === "ONE_SIDED_VIOLENCE" ? ["PERPETRATOR", "VICTIM"] : ["PERPETRATOR", "TARGET"];
}

const geoPrecisions = ["TOWN", "NEAR_TOWN", "REGION", "REGION", "REGION", "REGION"] as const;
const settlements = new Set<PlaceKind>(["TOWN", "VILLAGE", "CITY", "SITE"]);

export async function ucdpDraft(rows: readonly UcdpRow[], pacer: Pacer): Promise<Draft> {
  const slugs = new Map<string, string>();
  const slugOf = (name: string) => slugs.get(name) ?? slugs.set(name, slug(name)).get(name)!;
  const entities = new Map<string, DraftNode>();
  const documents: DraftNode[] = [];
  // A side's UCDP id names one actor; the first row to name it decides which (UCDP keeps ids and names one to one).
  const sideHolders = new Map<string, string>();

  entity(entities, {
    label: "Actor",
    id: UCDP_ACTOR,
    name: "UCDP",
    kind: "OTHER",
    extra: {
      aliases: ["Uppsala Conflict Data Program"],
      description: "Uppsala Conflict Data Program, Department of Peace and Conflict Research, Uppsala University",
    },
    path: "rows",
  });

  for (const row of rows) {
    await pacer.pace();
    const path = `rows.${row.number}`;
    const place = placeOf(entities, row, path, slugOf);
    const eventId = `event:ucdp-${row.id}`;
    const sourceId = `source:ucdp-${row.id}`;

    const [roleA, roleB] = roles(row.violence);
    const sideA = sideActors(entities, row, "a", sideHolders, slugOf);
    const sideB = sideActors(entities, row, "b", sideHolders, slugOf);
    const participants: Link[] = [
      ...sideA.participants.map((target) => ({ type: "PARTICIPATED_IN" as const, target, role: roleA, path: `${path}.side_a` })),
      ...sideB.participants.map((target) => ({ type: "PARTICIPATED_IN" as const, target, role: roleB, path: `${path}.side_b` })),
    ];

    const { text, locate } = rowText(row);
    const offices = row.offices.join("; ");
    documents.push({
      label: "Source",
      id: sourceId,
      properties: { title: `UCDP GED event ${row.id}${offices ? ` (${offices})` : ""}`, publishedOn: null, url: null, text },
      links: [{ type: "PUBLISHED_BY", target: UCDP_ACTOR }],
      evidence: new Map(),
      path,
    });

    const ucdpId = identifierKey({ scheme: UCDP_SCHEME, value: row.id });
    const properties: Properties = {
      title: `${violenceWords[row.violence]} in ${place.name}: ${row.dyad.name}`,
      category: row.violence,
      type: null,
      date: row.dateStart,
      endDate: row.dateEnd > row.dateStart ? row.dateEnd : null,
      datePrecision: "DAY",
      summary: null,
      latitude: row.latitude,
      longitude: row.longitude,
      geoPrecision: geoPrecisions[row.wherePrecision - 1]!,
      identifiers: [ucdpId],
      ucdpConflictId: row.conflict.id,
      ucdpDyadId: row.dyad.id,
    };
    documents.push({
      label: "Event",
      id: eventId,
      properties,
      links: [{ type: "OCCURRED_IN", target: place.id, path: `${path}.where_coordinates` }, ...participants],
      evidence: new Map([[sourceId, [...locate("dyad_name"), ...locate("where_coordinates"), ...locate("date_start")]]]),
      path,
      identifierPaths: new Map([[ucdpId, `${path}.id`]]),
    });

    for (const claim of tollClaims(row, sideA.id, sideB.id)) {
      documents.push({
        label: "Claim",
        id: `claim:ucdp-${row.id}-${claim.suffix}`,
        properties: {
          kind: "FATALITIES",
          text: `${claim.text}, UCDP GED event ${row.id}${offices ? `; sources: ${offices}` : ""}`,
          low: claim.low,
          high: claim.high,
          qualifier: claim.low === claim.high ? "EXACT" : claim.qualifier,
          best: claim.best,
          victims: claim.victims,
          victimsOf: claim.victimsOf,
        },
        links: [
          { type: "ABOUT", target: eventId },
          { type: "ASSERTED_BY", target: UCDP_ACTOR },
          { type: "REPORTED_IN", target: sourceId },
        ],
        evidence: new Map([[sourceId, claim.columns.flatMap(locate)]]),
        path,
      });
    }
  }
  return { nodes: [...entities.values(), ...documents] };
}

interface TollClaim {
  suffix: string;
  text: string;
  low: number;
  best: number;
  high: number;
  qualifier: "RANGE" | "ABOUT";
  victims: "ALL" | "CIVILIANS" | "COMBATANTS" | "UNKNOWN";
  victimsOf: string | null;
  /** The columns the figure is read from: its evidence. */
  columns: string[];
}

/**
 * The row's tolls as claims. low, best and high bound everyone killed (victims ALL). best is split by victim; UCDP
 * gives no low or high per group, so a group's claim is its share of best (ABOUT, low = high = best), except when the
 * group is everyone the row counts: then the row's low and high are that group's too (the market strike's 38
 * civilians are 25 to 42). A group of zero is not claimed: best is the groups' sum, so the row says it by the others.
 */
export function tollClaims(row: UcdpRow, sideA: string, sideB: string): TollClaim[] {
  const all: TollClaim = {
    suffix: "fatalities",
    text: `UCDP: low ${row.low}, best ${row.best}, high ${row.high} killed`,
    low: row.low,
    best: row.best,
    high: row.high,
    qualifier: "RANGE",
    victims: "ALL",
    victimsOf: null,
    columns: ["low", "best", "high"],
  };
  const groups = [
    { suffix: "civilians", column: "deaths_civilians", figure: row.deaths.civilians, victims: "CIVILIANS", of: null, words: "civilians" },
    {
      suffix: "side-a",
      column: "deaths_a",
      figure: row.deaths.a,
      victims: "COMBATANTS",
      of: sideA,
      words: `of side A (${row.sideA.name})`,
    },
    {
      suffix: "side-b",
      column: "deaths_b",
      figure: row.deaths.b,
      victims: "COMBATANTS",
      of: sideB,
      words: `of side B (${row.sideB.name})`,
    },
    { suffix: "unknown", column: "deaths_unknown", figure: row.deaths.unknown, victims: "UNKNOWN", of: null, words: "of unknown status" },
  ] as const;
  const claims = [all];
  for (const group of groups) {
    if (group.figure === 0) continue;
    const whole = group.figure === row.best;
    claims.push({
      suffix: group.suffix,
      text: whole
        ? `UCDP: all killed were ${group.words}: low ${row.low}, best ${row.best}, high ${row.high}`
        : `UCDP: ${group.figure} killed ${group.words}, of its best estimate ${row.best}`,
      low: whole ? row.low : group.figure,
      best: group.figure,
      high: whole ? row.high : group.figure,
      qualifier: whole ? "RANGE" : "ABOUT",
      victims: group.victims,
      victimsOf: group.of,
      columns: whole ? [group.column, "low", "best", "high"] : [group.column, "best"],
    });
  }
  return claims;
}

/**
 * A side's actors. `Government of X` is the state X (`actor:state~<slug>`, as ACLED's states, found among existing
 * states by name); `Civilians` are the civilians of the row's country (`Civilians (Syria)`, as ACLED names them);
 * a group is `actor:ucdp-<slug>`, resolved by name or alias (IS, SDF, HTS) like ACLED's. A coalition (a side with
 * commas) is an actor of its own, named as UCDP writes it, and each member is PART_OF it; the members take part in
 * the event, so each member's events include its coalitions', and the coalition's gather its members' by roll-up.
 * The side's UCDP id is its identifier `ucdp-actor:<id>` (the coalition's, for a coalition), except for civilians,
 * whom UCDP numbers alike in every country. Returns the side's own actor id and the participants.
 */
function sideActors(
  entities: Map<string, DraftNode>,
  row: UcdpRow,
  which: "a" | "b",
  holders: Map<string, string>,
  slugOf: (name: string) => string,
): { id: string; participants: string[] } {
  const given = which === "a" ? row.sideA : row.sideB;
  const path = `rows.${row.number}.side_${which}`;
  const side = parseUcdpSide(given.name);
  const key = identifierKey({ scheme: UCDP_ACTOR_SCHEME, value: given.id });
  const identifiersFor = (id: string) => {
    if (side.form === "CIVILIANS" || (holders.get(key) ?? id) !== id) return [];
    holders.set(key, id);
    return [key];
  };
  const actor = (name: string, identifiers: (id: string) => string[], partOf: string | null = null): string => {
    const { name: own, kind, state } = memberKind(name);
    const civilians = kind === "CIVILIANS";
    const shown = civilians ? `Civilians (${row.country})` : own;
    const id = limitedId("actor", state ? `state~${slugOf(own)}` : `ucdp-${slugOf(shown)}`);
    entity(entities, { label: "Actor", id, name: shown, kind, identifiers: identifiers(id), path });
    // Not ACLED's fill-only parent: a member belongs to every coalition it is coded in, beside any parent it has.
    const links = entities.get(id)!.links;
    if (partOf !== null && !links.some((link) => link.type === "PART_OF" && link.target === partOf)) {
      links.push({ type: "PART_OF", target: partOf, path });
    }
    return id;
  };
  if (side.form !== "COALITION") {
    const id = actor(given.name, identifiersFor);
    return { id, participants: [id] };
  }
  const coalition = limitedId("actor", `ucdp-${slugOf(side.name)}`);
  entity(entities, {
    label: "Actor",
    id: coalition,
    name: side.name,
    kind: "ARMED_GROUP",
    extra: { description: `A coalition UCDP codes as one side: ${side.members.join("; ")}` },
    identifiers: identifiersFor(coalition),
    path,
  });
  const members = side.members.map((member) => actor(member, () => [], coalition));
  return { id: coalition, participants: members };
}

/**
 * The place the row's where_prec says the event is known to: 6 the country, 4 the province (adm_1), 3 the district
 * (adm_2), 5 a larger or linear area (a ZONE under the province), 1 and 2 the named place (under the district). The
 * chain country > adm_1 > adm_2 takes ACLED's ids (`place:<country>.<province>.<district>`, a located place after a
 * `~`) with UCDP's kind words taken off the names (`Idlib Governorate` is Idlib, `Ariha district` is Ariha), so a
 * place is the same node whichever dataset names it first. The place holds the row's coordinates only when exact.
 */
function placeOf(
  entities: Map<string, DraftNode>,
  row: UcdpRow,
  path: string,
  slugOf: (name: string) => string,
): { id: string; name: string } {
  const chain: { id: string; name: string }[] = [];
  const segments: string[] = [];
  const level = (written: string, kind: PlaceKind, column: string) => {
    const { name } = ucdpPlaceName(written);
    segments.push(slugOf(name));
    const id = limitedId("place", segments.join("."));
    const aliases = written !== name ? [written] : [];
    entity(entities, { label: "Place", id, name, kind, parent: chain.at(-1)?.id ?? null, aliases, path: `${path}.${column}` });
    chain.push({ id, name });
  };
  level(row.country, "COUNTRY", "country");
  if (row.adm1) level(row.adm1, "PROVINCE", "adm_1");
  const province = chain.at(-1)!;
  if (row.adm2) level(row.adm2, "DISTRICT", "adm_2");

  const precision = row.wherePrecision;
  if (precision === 6) return chain[0]!;
  if (precision === 4 && row.adm1) return province;
  if (precision === 3 && row.adm2) return chain.at(-1)!;

  const written = ucdpPlaceName(row.whereCoordinates);
  // A named settlement loses UCDP's kind word; any other named place (a dam, a mountain, `Eastern Ghouta`) keeps
  // its whole name, and one known only as an area is a ZONE.
  const settled = precision <= 2 && (written.kind === null || settlements.has(written.kind));
  const name = settled ? written.name : written.written;
  const kind: PlaceKind =
    !settled || precision >= 3 ? (precision === 3 ? "DISTRICT" : precision === 4 ? "PROVINCE" : "ZONE") : (written.kind ?? "TOWN");
  const parent = precision <= 3 ? chain.at(-1)! : province;
  const id = limitedId("place", `${parent.id.slice("place:".length)}~${slugOf(name)}`);
  entity(entities, {
    label: "Place",
    id,
    name,
    kind,
    parent: parent.id,
    aliases: written.written !== name ? [written.written] : [],
    extra: precision === 1 ? { latitude: row.latitude, longitude: row.longitude } : {},
    path: `${path}.where_coordinates`,
  });
  return { id, name };
}

/** The row as text, one `column: value` line per column, and where a column's line is in it. */
function rowText(row: UcdpRow): { text: string; locate: (column: string) => Located[] } {
  const lines = row.columns.map(([column, value]) => `${column}: ${value}`);
  const text = lines.join("\n");
  const starts = new Map<string, number>();
  let start = 0;
  for (const [i, line] of lines.entries()) {
    starts.set(row.columns[i]![0], start);
    start += line.length + 1;
  }
  const locate = (column: string): Located[] => {
    const at = starts.get(column);
    const line = row.columns.findIndex(([name]) => name === column);
    if (at === undefined || line < 0) return [];
    const quote = lines[line]!;
    return [{ quote, start: at, end: at + quote.length }];
  };
  return { text, locate };
}
