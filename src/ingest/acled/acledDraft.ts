/**
 * ACLED rows as a draft (pure, but paced: a large file's rows give other requests turns of the event loop). Each row
 * becomes:
 * - an event `event:acled-<event_id_cnty>` (the id ACLED keeps stable across updates), with its category and type,
 *   date and time precision, coordinates and geo precision, and the notes as summary;
 * - a source `source:acled-<event_id_cnty>` published by ACLED, whose text is the row itself, one `column: value`
 *   line per column, so nothing of the row is lost and evidence can point into it;
 * - a fatalities claim asserted by ACLED and resting on the row's `fatalities` line. ACLED codes the lowest credible
 *   figure, so a count above zero is a floor (AT_LEAST); zero means no deaths were reported (EXACT).
 * Actors (actor1, actor2 and their associates; kind, period, abbreviation and the bodies and state they are part of
 * from ACLED's naming conventions, see actorNames.ts, otherwise the kind from the inter codes) and the place chain
 * country > admin1 > admin2 > admin3 > location get ids derived from their names, and are only filled in: an ACLED
 * row never overwrites what a curator wrote. New ones are resolved against existing actors and places by name.
 * Identifiers (model/identifiers.ts): the event carries `acled:<event_id_cnty>`, each actor `acled-actor:<its name as
 * the row writes it>` (a scheme of its own, so that an actor named like an event id claims nothing of the event's), so that a row resolves to whichever node carries that name, e.g. a curated actor.
 */
import { createHash } from "node:crypto";
import type { ActorKind, PlaceKind } from "../../model/enums.js";
import { ACLED_ACTOR_SCHEME, ACLED_EVENT_SCHEME, identifierKey } from "../../model/identifiers.js";
import { MAX_SLUG_LENGTH } from "../../model/ids.js";
import { normalizeName } from "../../model/text.js";
import type { Pacer } from "../../pacer.js";
import type { Located } from "../draft.js";
import type { Draft, DraftNode, EntityIntent, Link } from "../draft.js";
import type { AcledRow } from "./acledRows.js";
import { actorPlans } from "./actorNames.js";
import { acledRole } from "./acledRoles.js";

export const ACLED_ACTOR = "actor:acled";

const fill: EntityIntent = { authority: "fill", resolve: true, sameAs: null, removeAliases: [] };

/** Admin levels by depth: admin3 (a sub-district) has no kind of its own and counts as a district. */
const adminKinds: PlaceKind[] = ["COUNTRY", "PROVINCE", "DISTRICT", "DISTRICT"];
/** ACLED does not say whether a location is a city, town or village; resolution treats the three alike. */
const LOCATION_KIND: PlaceKind = "TOWN";

export async function acledDraft(rows: readonly AcledRow[], pacer: Pacer): Promise<Draft> {
  // Names repeat on every row; slugging each once keeps a 10,000-row file quick.
  const slugs = new Map<string, string>();
  const slugOf = (name: string) => slugs.get(name) ?? slugs.set(name, slug(name)).get(name)!;
  const entities = new Map<string, DraftNode>();
  const documents: DraftNode[] = [];

  entity(entities, {
    label: "Actor",
    id: ACLED_ACTOR,
    name: "ACLED",
    kind: "NGO",
    extra: { aliases: ["Armed Conflict Location & Event Data Project"], description: "Armed Conflict Location & Event Data Project" },
    path: "rows",
  });

  for (const row of rows) {
    await pacer.pace();
    const path = `rows.${row.number}`;
    const placeId = placeChain(entities, row, path, slugOf);

    const participants: Link[] = row.sides.flatMap((side, index) => {
      const kind: ActorKind = side.kind ?? "OTHER";
      return [side.actor, ...side.associates].map((name) => {
        const { id, kind: actorKind } = actorChain(entities, name, kind, `${path}.actor${index + 1}`, slugOf);
        // The side's role by the event's type, after ACLED's codebook (acledRoles.ts).
        const role = acledRole(row.category, row.subEventType, { index, kind: actorKind, inter: side.inter });
        return { type: "PARTICIPATED_IN" as const, target: id, role, path: `${path}.actor${index + 1}` };
      });
    });

    const sourceId = `source:acled-${row.eventId}`;
    const lines = row.columns.map(([column, value]) => `${column}: ${value}`);
    const text = lines.join("\n");
    // A quote is one column's line (or its start): found where that line begins, never searched for.
    const lineStarts = new Map<string, number>();
    let lineStart = 0;
    for (const [i, line] of lines.entries()) {
      const column = row.columns[i]![0];
      if (!lineStarts.has(column)) lineStarts.set(column, lineStart);
      lineStart += line.length + 1;
    }
    const locate = (column: string, quote: string): Located[] => {
      const start = lineStarts.get(column);
      return start !== undefined && text.startsWith(quote, start) ? [{ quote, start, end: start + quote.length }] : [];
    };
    const published = row.timestamp === null ? null : new Date(row.timestamp * 1000).toISOString().slice(0, 10);

    documents.push({
      label: "Source",
      id: sourceId,
      properties: {
        title: `ACLED event ${row.eventId}${row.sources ? ` (${row.sources})` : ""}`,
        publishedOn: published,
        url: null,
        text,
      },
      links: [{ type: "PUBLISHED_BY", target: ACLED_ACTOR }],
      evidence: new Map(),
      path,
    });

    const eventId = `event:acled-${row.eventId}`;
    const acledId = identifierKey({ scheme: ACLED_EVENT_SCHEME, value: row.eventId });
    documents.push({
      label: "Event",
      id: eventId,
      properties: {
        title: `${row.subEventType} in ${row.location}`,
        category: row.category,
        type: row.type,
        date: row.date,
        datePrecision: row.datePrecision,
        summary: row.notes || null,
        latitude: row.latitude,
        longitude: row.longitude,
        geoPrecision: row.geoPrecision,
        identifiers: [acledId],
      },
      links: [{ type: "OCCURRED_IN", target: placeId, path: `${path}.location` }, ...participants],
      evidence: new Map([[sourceId, row.notes ? locate("notes", `notes: ${row.notes}`) : []]]),
      path,
      identifierPaths: new Map([[acledId, `${path}.event_id_cnty`]]),
    });

    documents.push({
      label: "Claim",
      id: `claim:acled-${row.eventId}-fatalities`,
      properties: {
        kind: "FATALITIES",
        text: `${row.fatalities} reported fatalities, ACLED's lowest credible count${row.sources ? `; sources: ${row.sources}` : ""}`,
        low: row.fatalities,
        high: row.fatalities === 0 ? 0 : null,
        qualifier: row.fatalities === 0 ? "EXACT" : "AT_LEAST",
        // ACLED's fatalities count everyone killed, fighters and civilians alike.
        victims: "ALL",
      },
      links: [
        { type: "ABOUT", target: eventId },
        { type: "ASSERTED_BY", target: ACLED_ACTOR },
        { type: "REPORTED_IN", target: sourceId },
      ],
      evidence: new Map([
        [sourceId, locate("fatalities", `fatalities: ${row.columns.find(([column]) => column === "fatalities")?.[1] ?? ""}`)],
      ]),
      path,
    });
  }
  return { nodes: [...entities.values(), ...documents] };
}

/** country > admin1 > admin2 > admin3 > location as places; returns the location's id. */
function placeChain(entities: Map<string, DraftNode>, row: AcledRow, path: string, slugOf: (name: string) => string): string {
  let parent: string | null = null;
  const segments: string[] = [];
  row.admins.forEach((name, depth) => {
    segments.push(slugOf(name));
    const id = limitedId("place", segments.join("."));
    const kind = adminKinds[depth] ?? "DISTRICT";
    entity(entities, { label: "Place", id, name, kind, parent, path: `${path}.${["country", "admin1", "admin2", "admin3"][depth]}` });
    parent = id;
  });
  // `~` keeps a location apart from an admin area of the same name at the same depth.
  const id = limitedId("place", `${segments.join(".")}~${slugOf(row.location)}`);
  const exact = row.geoPrecision === "TOWN";
  entity(entities, {
    label: "Place",
    id,
    name: row.location,
    kind: LOCATION_KIND,
    parent,
    extra: exact ? { latitude: row.latitude, longitude: row.longitude } : {},
    path: `${path}.location`,
  });
  return id;
}

/**
 * An ACLED actor and what its name says it is part of (actorNames.ts): a unit PART_OF its body, a body PART_OF its
 * state. A state gets an id of its own kind (`actor:state~<slug>`, which no ACLED name slugs to) and is found among
 * existing states by name; the others are `actor:acled-<slug>` as ever. Only fills: a PART_OF is added to an actor
 * that has none, so a curator's placement stands. Returns the actor's id and kind.
 */
function actorChain(
  entities: Map<string, DraftNode>,
  name: string,
  otherwise: ActorKind,
  path: string,
  slugOf: (name: string) => string,
): { id: string; kind: ActorKind } {
  let partOf: string | null = null;
  let last = { id: "", kind: otherwise };
  const plans = actorPlans(name, otherwise);
  for (const [i, plan] of plans.entries()) {
    const id = limitedId("actor", plan.state ? `state~${slugOf(plan.name)}` : `acled-${slugOf(plan.name)}`);
    const extra: Record<string, string> = plan.period === null ? {} : { period: plan.period };
    // ACLED names the actor itself as the row writes it, and the body a unit belongs to; a state's name is not ACLED's.
    const identifiers = plan.state ? [] : [identifierKey({ scheme: ACLED_ACTOR_SCHEME, value: i === plans.length - 1 ? name : plan.name })];
    entity(entities, { label: "Actor", id, name: plan.name, kind: plan.kind, partOf, aliases: plan.aliases, extra, identifiers, path });
    partOf = id;
    last = { id, kind: plan.kind };
  }
  return last;
}

/** Adds an entity, or another spelling to one already drafted under the same id. */
export function entity(
  entities: Map<string, DraftNode>,
  given: {
    label: "Actor" | "Place";
    id: string;
    name: string;
    kind: string;
    parent?: string | null;
    partOf?: string | null;
    aliases?: string[];
    extra?: Record<string, string | number | string[]>;
    /** Identifier keys, added to those of the same id's other spellings. */
    identifiers?: string[];
    path: string;
  },
): void {
  const known = entities.get(given.id);
  if (known) {
    const aliases = known.properties.aliases as string[];
    for (const alias of [given.name, ...(given.aliases ?? [])]) {
      if (alias !== known.properties.name && !aliases.includes(alias)) aliases.push(alias);
    }
    const identifiers = known.properties.identifiers as string[] | undefined;
    for (const key of given.identifiers ?? []) if (identifiers && !identifiers.includes(key)) identifiers.push(key);
    for (const [key, value] of Object.entries(given.extra ?? {})) known.properties[key] ??= value;
    return;
  }
  entities.set(given.id, {
    label: given.label,
    id: given.id,
    properties: {
      name: given.name,
      aliases: [...(given.aliases ?? [])],
      kind: given.kind,
      ...given.extra,
      ...(given.identifiers ? { identifiers: [...given.identifiers] } : {}),
    },
    links: [
      ...(given.parent ? [{ type: "WITHIN" as const, target: given.parent, path: given.path }] : []),
      ...(given.partOf ? [{ type: "PART_OF" as const, target: given.partOf, path: given.path, fillOnly: true }] : []),
    ],
    evidence: new Map(),
    entity: fill,
    path: given.path,
  });
}

/** An id slug from a name: ASCII letters and digits joined by `-`; a short hash when nothing ASCII is left. */
export function slug(name: string): string {
  const ascii = normalizeName(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii || `h${createHash("sha256").update(name).digest("hex").slice(0, 10)}`;
}

/** An id of `path` as its slug if it fits (MAX_SLUG_LENGTH); a longer one keeps its start and a hash of the whole. */
export function limitedId(prefix: "actor" | "place", path: string): string {
  if (path.length <= MAX_SLUG_LENGTH) return `${prefix}:${path}`;
  const hash = createHash("sha256").update(path).digest("hex").slice(0, 10);
  return `${prefix}:${path.slice(0, MAX_SLUG_LENGTH - hash.length - 1)}-${hash}`;
}
