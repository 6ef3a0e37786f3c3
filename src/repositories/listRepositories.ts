/** Paged lists of actors, places, agreements and statements (events have their own repository). */
import type { Executor, Params } from "../db/executor.js";
import type { ActorRow, AgreementRow, Page, PlaceRow, StatementRow } from "../model/rows.js";
import type { PageRequest } from "../model/pagination.js";
import { normalizeName } from "../model/text.js";
import { UnreachableCaseError } from "../errors.js";
import { rel } from "../graph/catalogue.js";
import { placeWithinPath } from "../graph/rules.js";
import type { NodeLabel } from "../model/ids.js";
import {
  type CompiledItems,
  type CompiledPage,
  compiledPage,
  compiledPageCypher,
  type ListQuery,
  type Ordering,
  pagedListCypher,
  pagesByKey,
  type Paging,
  toPage,
} from "./keyset.js";
import { checkedCursor, isoDateKey, textKey } from "./orderings.js";
import { actorRow, agreementRow, placeRow, rowProperties, statementRow } from "./records.js";

const byName = <T extends { name: string }>(variable: string): Ordering<T> => ({
  name: "NAME_ASC",
  key: `${variable}.name`,
  cursorKey: "$cursorKey",
  descending: false,
  keyOf: (row) => row.name,
  validKey: textKey,
});

/** Agreements without a signing date sort last. */
const agreementOrdering: Ordering<AgreementRow> = {
  name: "SIGNED_DESC",
  key: "coalesce(ag.signedOn, date('0001-01-01'))",
  cursorKey: "date($cursorKey)",
  descending: true,
  keyOf: (row) => row.signedOn ?? "0001-01-01",
  validKey: isoDateKey,
};

/** Statements by date, undated ones by the date of the report that carried them. */
const statementOrdering: Ordering<StatementRow> = {
  name: "DATE_DESC",
  key: "coalesce(st.sortDate, date('0001-01-01'))",
  cursorKey: "date($cursorKey)",
  descending: true,
  keyOf: (row) => row.sortDate ?? "0001-01-01",
  validKey: isoDateKey,
};

export interface ActorConditions {
  kinds?: readonly string[] | null;
  nameContains?: string | null;
}

export interface PlaceConditions {
  kinds?: readonly string[] | null;
  withinId?: string | null;
  nameContains?: string | null;
}

export interface StatementConditions {
  stances?: readonly string[] | null;
  speakerId?: string | null;
  aboutEventId?: string | null;
  targetId?: string | null;
  from?: string | null;
  to?: string | null;
}

export type StatementAnchor = { kind: "all" } | { kind: "speaker" } | { kind: "target" };

/** A list over the whole graph or per anchor: its statement's parts but what each item holds, their parameters, its order. */
interface ListOf<T> {
  query: Omit<ListQuery, "projection">;
  params: Params;
  ordering: Ordering<T>;
}

async function onePage<T>(
  db: Executor,
  { query, params: listParams, ordering }: ListOf<T>,
  label: NodeLabel,
  paging: Omit<Paging<T>, "ordering">,
): Promise<Page<T>> {
  checkedCursor(paging.request, ordering);
  const { cypher, params } = pagedListCypher({ ...query, projection: rowProperties(label, query.variable) }, ordering, paging.request);
  const rows = await db.read(cypher, { ...params, ...listParams });
  return toPage(rows[0], { ...paging, ordering });
}

/** `nameContains` matches the normalised names kept in `nameKeys` (name and aliases), so case and diacritics do not matter. */
function nameCondition(variable: string, nameContains: string | null | undefined, params: Params): string[] {
  if (nameContains == null) return [];
  params.nameContains = normalizeName(nameContains);
  return [`any(nameKey IN ${variable}.nameKeys WHERE nameKey CONTAINS $nameContains)`];
}

/** `kinds` keeps the nodes of those kinds. */
function kindCondition(variable: string, kinds: readonly string[] | null | undefined, params: Params): string[] {
  if (kinds == null) return [];
  params.kinds = kinds;
  return [`${variable}.kind IN $kinds`];
}

function actorList(filter: ActorConditions): ListOf<ActorRow> {
  const params: Params = {};
  const where = [...nameCondition("a", filter.nameContains, params), ...kindCondition("a", filter.kinds, params)];
  return { query: { name: "actorsPage", variable: "a", match: "MATCH (a:Actor)", where }, params, ordering: byName<ActorRow>("a") };
}

function placeList(filter: PlaceConditions): ListOf<PlaceRow> {
  const params: Params = {};
  const where = [...nameCondition("p", filter.nameContains, params), ...kindCondition("p", filter.kinds, params)];
  let match = "MATCH (p:Place)";
  if (filter.withinId != null) {
    match = `MATCH ${placeWithinPath("p:Place", ":Place {id: $withinId}", true)}`;
    params.withinId = filter.withinId;
    // Never the place itself, even on a cycle in stored data (which no write makes).
    where.push("p.id <> $withinId");
  }
  return { query: { name: "placesPage", variable: "p", match, where }, params, ordering: byName<PlaceRow>("p") };
}

const agreementList: ListOf<AgreementRow> = {
  query: { name: "agreementsPage", variable: "ag", match: "MATCH (ag:Agreement)", where: [] },
  params: {},
  ordering: agreementOrdering,
};

function statementList(anchor: StatementAnchor, filter: StatementConditions): ListOf<StatementRow> {
  const { where, params } = statementWhere(filter);
  return { query: { ...statementAnchor(anchor), variable: "st", where }, params, ordering: statementOrdering };
}

/** A list over the whole graph that a compiled page is cut from, with its filter. */
export type CompiledList =
  | { list: "actors"; filter: ActorConditions }
  | { list: "places"; filter: PlaceConditions }
  | { list: "agreements" }
  | { list: "statements"; filter: StatementConditions };

/** A compiled page of one of those lists: the list, and what each item holds (keyset.ts). */
export type CompiledListPage = CompiledList & CompiledItems;

/** The statement of a compiled page of actors, places, agreements or statements, with its parameters. */
export function compiledListPageCypher(page: CompiledListPage): { cypher: string; params: Params } {
  const { query, params, ordering } = compiledListOf(page);
  return compiledPageCypher(query, ordering, params, page);
}

function compiledListOf(page: CompiledListPage): ListOf<ActorRow | PlaceRow | AgreementRow | StatementRow> {
  switch (page.list) {
    case "actors":
      return actorList(page.filter);
    case "places":
      return placeList(page.filter);
    case "agreements":
      return agreementList;
    case "statements":
      return statementList({ kind: "all" }, page.filter);
    default:
      throw new UnreachableCaseError(page);
  }
}

export class ListRepository {
  constructor(private readonly db: Executor) {}

  actors(filter: ActorConditions, request: PageRequest): Promise<Page<ActorRow>> {
    return onePage(this.db, actorList(filter), "Actor", { request, toRow: actorRow });
  }

  places(filter: PlaceConditions, request: PageRequest): Promise<Page<PlaceRow>> {
    return onePage(this.db, placeList(filter), "Place", { request, toRow: placeRow });
  }

  agreements(request: PageRequest): Promise<Page<AgreementRow>> {
    return onePage(this.db, agreementList, "Agreement", { request, toRow: agreementRow });
  }

  /** Statement pages for the whole graph (keys ignored) or per speaker / target actor. */
  async statements(
    anchor: StatementAnchor,
    keys: readonly string[],
    filter: StatementConditions,
    request: PageRequest,
  ): Promise<Map<string, Page<StatementRow>>> {
    checkedCursor(request, statementOrdering);
    const { query, params } = statementList(anchor, filter);
    const { cypher, params: pageParams } = pagedListCypher(
      { ...query, projection: rowProperties("Statement", "st") },
      statementOrdering,
      request,
    );
    const rows = await this.db.read(cypher, { ...pageParams, ...params, keys });
    return pagesByKey(rows, anchor.kind === "all" ? null : keys, { request, ordering: statementOrdering, toRow: statementRow });
  }

  /** One compiled page of actors, places, agreements or statements over the whole graph, in one statement. */
  async compiledPage(page: CompiledListPage): Promise<CompiledPage> {
    const { cypher, params } = compiledListPageCypher(page);
    return compiledPage((await this.db.readShaped(cypher, params))[0]);
  }
}

function statementAnchor(anchor: StatementAnchor): Pick<ListQuery, "name" | "anchor" | "anchorVariables" | "match"> {
  switch (anchor.kind) {
    case "all":
      return { name: "statementsPage", match: "MATCH (st:Statement)" };
    case "speaker":
      return {
        name: "statementsBySpeakers",
        anchor: "UNWIND $keys AS key\nMATCH (a:Actor {id: key})",
        anchorVariables: "key, a",
        match: `MATCH (a)<-[:${rel("SPOKEN_BY")}]-(st:Statement)`,
      };
    case "target":
      return {
        name: "statementsAboutActors",
        anchor: "UNWIND $keys AS key\nMATCH (a:Actor {id: key})",
        anchorVariables: "key, a",
        match: `MATCH (a)<-[:${rel("TARGETS")}]-(st:Statement)`,
      };
    default:
      throw new UnreachableCaseError(anchor);
  }
}

/** Cypher conditions on `st` for a filter, with their parameters. */
function statementWhere(filter: StatementConditions): { where: string[]; params: Params } {
  const where: string[] = [];
  const params: Params = {};
  if (filter.stances != null) {
    where.push("st.stance IN $stances");
    params.stances = filter.stances;
  }
  if (filter.speakerId != null) {
    where.push(`EXISTS { MATCH (st)-[:${rel("SPOKEN_BY")}]->(:Actor {id: $speakerId}) }`);
    params.speakerId = filter.speakerId;
  }
  if (filter.aboutEventId != null) {
    where.push(`EXISTS { MATCH (st)-[:${rel("ABOUT")}]->(:Event {id: $aboutEventId}) }`);
    params.aboutEventId = filter.aboutEventId;
  }
  if (filter.targetId != null) {
    where.push(`EXISTS { MATCH (st)-[:${rel("TARGETS")}]->(:Actor {id: $targetId}) }`);
    params.targetId = filter.targetId;
  }
  if (filter.from != null) {
    where.push("st.sortDate >= date($from)");
    params.from = filter.from;
  }
  if (filter.to != null) {
    where.push("st.sortDate <= date($to)");
    params.to = filter.to;
  }
  return { where, params };
}
