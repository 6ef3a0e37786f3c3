import type { Executor, Params } from "../db/executor.js";
import { int } from "../db/values.js";
import type { EventRole } from "../model/enums.js";
import type { EventRow, Page } from "../model/rows.js";
import type { PageRequest } from "../model/pagination.js";
import { UnreachableCaseError } from "../errors.js";
import { rel } from "../graph/catalogue.js";
import {
  actorEvents,
  coveringAgreementPath,
  eventInPlacePath,
  occurredAtPath,
  placeWithinPath,
  rolledUpPath,
  violationCondition,
} from "../graph/rules.js";
import { areaWhere, hasArea, pointIndexHint } from "../graph/eventLocation.js";
import type { AreaConditions } from "../model/area.js";
import {
  type CompiledItems,
  type CompiledPage,
  compiledPage,
  compiledPageCypher,
  type ListQuery,
  type Ordering,
  pagedListCypher,
  pagesByKey,
} from "./keyset.js";
import { eventRow, selectedRowProperties } from "./records.js";
import { type LookAheadField, lookAheadCypher, rowWithAhead } from "./lookAhead.js";
import { checkedCursor, isoDateKey } from "./orderings.js";

/** Conditions on events; every field optional, all given ones must hold. Ids and areas are already validated. */
export interface EventConditions extends AreaConditions {
  from?: string | null;
  to?: string | null;
  categories?: readonly string[] | null;
  types?: readonly string[] | null;
  placeId?: string | null;
  actorId?: string | null;
  role?: EventRole | null;
  minFatalities?: number | null;
  contested?: boolean | null;
  ucdpConflictId?: string | null;
  ucdpDyadId?: string | null;
}

export type EventOrderName = "DATE_ASC" | "DATE_DESC" | "FATALITIES_DESC";

/** Where a list of events hangs: the whole graph, or one of a batch of parents. */
export type EventAnchor =
  | { kind: "all" }
  | { kind: "actor"; role: EventRole | null; includeMembers: boolean; credited: boolean }
  | { kind: "place"; includeSubPlaces: boolean }
  | { kind: "agreementViolations" };

export function eventOrdering(order: EventOrderName): Ordering<EventRow> {
  switch (order) {
    case "DATE_DESC":
    case "DATE_ASC":
      return {
        name: order,
        key: "e.date",
        cursorKey: "date($cursorKey)",
        descending: order === "DATE_DESC",
        keyOf: (row) => row.date,
        validKey: isoDateKey,
        // Every event has a date (the write path requires it).
        indexed: "e.date IS NOT NULL",
      };
    case "FATALITIES_DESC":
      return {
        name: order,
        key: "coalesce(e.fatalitiesLow, -1)",
        cursorKey: "$cursorKey",
        descending: true,
        keyOf: (row) => row.fatalities?.low ?? -1,
        validKey: (key) => Number.isInteger(key),
      };
    default:
      throw new UnreachableCaseError(order);
  }
}

/** Cypher conditions on `e` for a filter, with their parameters. */
export function eventWhere(filter: EventConditions): { where: string[]; params: Params } {
  const where: string[] = [];
  const params: Params = {};
  if (filter.from != null) {
    where.push("e.date >= date($from)");
    params.from = filter.from;
  }
  if (filter.to != null) {
    where.push("e.date <= date($to)");
    params.to = filter.to;
  }
  if (filter.categories != null) {
    where.push("e.category IN $categories");
    params.categories = filter.categories;
  }
  if (filter.types != null) {
    where.push("e.type IN $types");
    params.types = filter.types;
  }
  if (filter.placeId != null) {
    where.push(`EXISTS { MATCH ${eventInPlacePath("e", ":Place {id: $placeId}")} }`);
    params.placeId = filter.placeId;
  }
  if (filter.actorId != null) {
    // A variable of an EXISTS that the enclosing statement also binds is the enclosing one: hence a name of its own.
    where.push(
      `EXISTS { MATCH (:Actor {id: $actorId})-[filterParticipation:${rel("PARTICIPATED_IN")}]->(e) WHERE $role IS NULL OR filterParticipation.role = $role }`,
    );
    params.actorId = filter.actorId;
    params.role = filter.role ?? null;
  } else if (filter.role != null) {
    where.push(`EXISTS { MATCH (e)<-[:${rel("PARTICIPATED_IN")} {role: $role}]-(:Actor) }`);
    params.role = filter.role;
  }
  if (filter.minFatalities != null) {
    where.push("e.fatalitiesLow >= $minFatalities");
    params.minFatalities = int(filter.minFatalities);
  }
  if (filter.contested != null) {
    where.push("coalesce(e.contested, false) = $contested");
    params.contested = filter.contested;
  }
  if (filter.ucdpConflictId != null) {
    where.push("e.ucdpConflictId = $ucdpConflictId");
    params.ucdpConflictId = filter.ucdpConflictId;
  }
  if (filter.ucdpDyadId != null) {
    where.push("e.ucdpDyadId = $ucdpDyadId");
    params.ucdpDyadId = filter.ucdpDyadId;
  }
  // near and within (graph/eventLocation.ts).
  const area = areaWhere("e", filter);
  return { where: [...where, ...area.where], params: { ...params, ...area.params } };
}

function anchoredQuery(
  anchor: EventAnchor,
): Pick<ListQuery, "name" | "anchor" | "anchorVariables" | "match"> & { where: string[]; params: Params } {
  switch (anchor.kind) {
    case "all":
      return { name: "eventsPage", match: "MATCH (e:Event)", where: [], params: {} };
    case "actor":
      return actorQuery(anchor);
    case "place":
      return {
        name: anchor.includeSubPlaces ? "eventsInPlaces" : "eventsAtPlaces",
        anchor: "UNWIND $keys AS key\nMATCH (p:Place {id: key})",
        anchorVariables: "key, p",
        match: anchor.includeSubPlaces ? `MATCH ${eventInPlacePath("e:Event", "p")}` : `MATCH ${occurredAtPath("e:Event", "p")}`,
        where: [],
        params: {},
      };
    case "agreementViolations":
      return {
        name: "violationsOfAgreements",
        anchor: "UNWIND $keys AS key\nMATCH (ag:Agreement {id: key})",
        anchorVariables: "key, ag",
        match: `MATCH ${coveringAgreementPath("e:Event", "ag")}`,
        where: [violationCondition("e", "ag")],
        params: {},
      };
    default:
      throw new UnreachableCaseError(anchor);
  }
}

/**
 * The events of each actor of a batch (rules.ts, actorEvents): with `includeMembers`, each actor's members are
 * collected once, then the events of each are walked; without it or `credited`, the participations alone.
 */
function actorQuery(anchor: Extract<EventAnchor, { kind: "actor" }>): ReturnType<typeof anchoredQuery> {
  const self = anchor.includeMembers ? "self" : "a";
  const events = actorEvents(self, "e", "participation", {
    role: anchor.role,
    roleParameter: "$anchorRole",
    credited: anchor.credited,
  });
  const actors = "UNWIND $keys AS key\nMATCH (a:Actor {id: key})";
  return {
    name: anchor.includeMembers || anchor.credited ? "eventsOfActorsRolledUp" : "eventsOfActors",
    anchor: anchor.includeMembers
      ? `${actors}
CALL (a) {
  MATCH ${rolledUpPath("a", "member", true)}
  RETURN collect(DISTINCT member) AS selves
}`
      : actors,
    anchorVariables: anchor.includeMembers ? "key, selves" : "key, a",
    match: anchor.includeMembers ? `UNWIND selves AS self\n  ${events.match}` : events.match,
    where: events.where,
    params: anchor.role ? { anchorRole: anchor.role } : {},
  };
}

function placeFilteredQuery(placeId: string): ReturnType<typeof anchoredQuery> {
  return {
    name: "eventsInPlacePage",
    anchor: `MATCH (filterPlace:Place {id: $placeId})
CALL (filterPlace) {
  MATCH ${placeWithinPath("inside:Place", "filterPlace")}
  RETURN collect(inside) AS inside
}`,
    anchorVariables: "filterPlace, inside",
    match: "MATCH (e:Event)",
    where: [`EXISTS { MATCH ${occurredAtPath("e", "at:Place")} WHERE at IN inside }`],
    params: { placeId },
  };
}

/**
 * The list a page is cut from. A place filter over the whole graph collects the places inside it once, then walks the
 * events in date order and keeps those that happened at one of them, stopping after a page: the work per page stays
 * the same as the graph grows (a province's page reads a few hundred events at 10,000 or at 100,000). Climbing from
 * each event to the place instead was planned from the place's side, expanding all its events for every event
 * checked. A spatial filter over the whole graph starts from the point index (graph/eventLocation.ts).
 */
function listOf(
  anchor: EventAnchor,
  filter: EventConditions,
): { anchored: ReturnType<typeof anchoredQuery>; conditions: { where: string[]; params: Params } } {
  const fromPlace = anchor.kind === "all" && filter.placeId != null;
  const anchored = fromPlace
    ? placeFilteredQuery(filter.placeId!)
    : anchor.kind === "all"
      ? hasArea(filter)
        ? { ...anchoredQuery(anchor), name: "eventsInAreaPage", match: `MATCH (e:Event) ${pointIndexHint("e", filter)}` }
        : anchoredQuery(anchor)
      : anchoredQuery(anchor);
  return { anchored, conditions: eventWhere(fromPlace ? { ...filter, placeId: null } : filter) };
}

/** A compiled page of events over the whole graph: the filter and order, and what each item holds (keyset.ts). */
export interface CompiledEventPage extends CompiledItems {
  filter: EventConditions;
  order: EventOrderName;
}

/** The statement of a compiled page of events, with its parameters (also what the compiled-Cypher tests read). */
export function compiledEventPageCypher({ filter, order, ...items }: CompiledEventPage): { cypher: string; params: Params } {
  const { anchored, conditions } = listOf({ kind: "all" }, filter);
  return compiledPageCypher(
    { ...anchored, variable: "e", where: [...anchored.where, ...conditions.where] },
    eventOrdering(order),
    { ...anchored.params, ...conditions.params },
    items,
  );
}

/** Which pages of events: the list they are pages of, and what of each event the request reads. */
export interface EventPages {
  anchor: EventAnchor;
  filter: EventConditions;
  order: EventOrderName;
  request: PageRequest;
  /** Fields below each event fetched in the same statement (lookAhead.ts); none when left out. */
  ahead?: readonly LookAheadField[];
  /** The properties the selection reads (records.ts selectedRowProperties); all when left out. */
  selected?: readonly string[] | undefined;
}

/** Pages of events: for the whole graph (keys ignored, one page) or per parent key, in one round trip. */
export class EventRepository {
  constructor(private readonly db: Executor) {}

  /** The events among `ids` that the filter admits, in the order of `ids` (live updates read a change back this way). */
  async amongIds(ids: readonly string[], filter: EventConditions): Promise<EventRow[]> {
    if (ids.length === 0) return [];
    const conditions = eventWhere(filter);
    const rows = await this.db.read(
      `// changedEventsInFilter
      UNWIND range(0, size($ids) - 1) AS position
      MATCH (e:Event {id: $ids[position]})
      ${conditions.where.length > 0 ? `WHERE ${conditions.where.join(" AND ")}` : ""}
      RETURN ${selectedRowProperties("Event", "e", undefined)} AS row
      ORDER BY position`,
      { ...conditions.params, ids },
    );
    return rows.map((row) => eventRow(row.row));
  }

  async pages(
    { anchor, filter, order, request, ahead = [], selected }: EventPages,
    keys: readonly string[],
  ): Promise<Map<string, Page<EventRow>>> {
    const ordering = eventOrdering(order);
    checkedCursor(request, ordering);
    const { anchored, conditions } = listOf(anchor, filter);
    const aheadParams: Params = {};
    // The page's cursors are made of the rows' sort keys: the properties behind them are fetched whatever is selected.
    const needed = selected && order === "FATALITIES_DESC" ? [...selected, "fatalities"] : selected;
    const expanded =
      ahead.length > 0
        ? lookAheadCypher("e", "Event", ahead, aheadParams, { selected: needed })
        : { clauses: "", projection: selectedRowProperties("Event", "e", needed) };
    const { cypher, params } = pagedListCypher(
      {
        ...anchored,
        variable: "e",
        where: [...anchored.where, ...conditions.where],
        projection: expanded.projection,
        expand: expanded.clauses,
      },
      ordering,
      request,
    );
    const rows = await this.db.read(cypher, { ...params, ...anchored.params, ...conditions.params, ...aheadParams, keys });
    const toRow = ahead.length > 0 ? (value: unknown) => rowWithAhead(value, eventRow, ahead) : eventRow;
    return pagesByKey(rows, anchor.kind === "all" ? null : keys, { request, ordering, toRow });
  }

  /** One compiled page of events over the whole graph, in one statement. */
  async compiledPage(page: CompiledEventPage): Promise<CompiledPage> {
    const { cypher, params } = compiledEventPageCypher(page);
    return compiledPage((await this.db.readShaped(cypher, params))[0]);
  }
}
