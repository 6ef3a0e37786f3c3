/**
 * Keyset pagination in Cypher, shared by every connection. A page is found by comparing against the
 * cursor's (sort key, id) position rather than by SKIP, so cursors stay valid while data is added
 * and a deep page costs what the first page costs.
 */
import type { Params, Row } from "../db/executor.js";
import { int } from "../db/values.js";
import type { Edge, Page } from "../model/rows.js";
import { encodeCursor, type PageRequest } from "../model/pagination.js";
import { CURSOR_ID, CURSOR_KEY, type Projection, quoted, withKeys } from "./compiled.js";
import { checkedCursor } from "./orderings.js";

/** How a list is ordered. Expressions are fixed strings from repositories, never from requests. */
export interface Ordering<T> {
  /** Name carried in cursors, so a cursor cannot be replayed against another ordering. */
  name: string;
  /** A never-null Cypher expression over the list's variable, e.g. `e.date`. */
  key: string;
  /** Turns `$cursorKey` into a value comparable with `key`, e.g. `date($cursorKey)`. */
  cursorKey: string;
  descending: boolean;
  /** The cursor key of a row, as the client will send it back. */
  keyOf(row: T): string | number;
  /** Whether a key decoded from a client's cursor has this ordering's type. */
  validKey(key: string | number | null): boolean;
  /**
   * A condition that always holds, such as `e.date IS NOT NULL` for a required property: it lets the planner walk
   * the property's index in order and stop after one page instead of sorting every match.
   */
  indexed?: string;
}

export interface ListQuery {
  /** The statement's name, first line of the Cypher. */
  name: string;
  /** Variable bound to the listed nodes. */
  variable: string;
  /** Lines before the subqueries, e.g. `UNWIND $keys AS key MATCH (a:Actor {id: key})`. */
  anchor?: string;
  /** Variables the subqueries import from the anchor, e.g. `key, a`. */
  anchorVariables?: string;
  /** The pattern that finds the listed nodes, e.g. `MATCH (a)-[:PARTICIPATED_IN]->(e:Event)`. */
  match: string;
  /** Conditions joined with AND; empty means all. */
  where: string[];
  /** What to return per item (a map projection), e.g. `e {.*}`. */
  projection: string;
  /** Clauses run for each item of the page once it is cut, binding what `projection` uses besides the item. */
  expand?: string;
}

/** Builds one statement that returns, per anchor, the total, one page of items, and whether items lie before it. */
export function pagedListCypher<T>(
  query: ListQuery,
  ordering: Ordering<T>,
  request: PageRequest,
  compiled = false,
): { cypher: string; params: Params } {
  const v = query.variable;
  const scope = `(${query.anchorVariables ?? ""})`;
  // Walking backwards (`last`/`before`) reverses the order; the page is turned round again in toPage.
  const descending = request.direction === "forward" ? ordering.descending : !ordering.descending;
  const direction = descending ? "DESC" : "ASC";
  const beyond = descending ? "<" : ">";
  const behind = descending ? ">" : "<";
  const where = (extra: string[]) => {
    const conditions = [...query.where, ...(ordering.indexed ? [ordering.indexed] : []), ...extra];
    return conditions.length > 0 ? `WHERE ${conditions.join("\n    AND ")}` : "";
  };
  // `key >= cursor AND (key > cursor OR id > cursorId)`, the same rows as `key > cursor OR (key = cursor AND id > …)`:
  // written so, the range alone bounds an index seek that walks in order and stops after a page, where the OR
  // made the planner read every row beyond the cursor before sorting (a whole export's pages were then quadratic).
  const afterCursor = request.cursor
    ? [
        `${ordering.key} ${beyond}= ${ordering.cursorKey}`,
        `(${ordering.key} ${beyond} ${ordering.cursorKey} OR ${v}.id ${beyond} $cursorId)`,
      ]
    : [];
  // Whether anything lies on the other side of the cursor, for the Relay flag of that side.
  const behindCursor =
    request.cursor && request.parts.behind !== false
      ? `CALL ${scope} {
  ${query.match}
  ${where([`(${ordering.key} ${behind} ${ordering.cursorKey} OR (${ordering.key} = ${ordering.cursorKey} AND ${v}.id ${behind}= $cursorId))`])}
  RETURN count(${v}) > 0 AS behindCursor
}`
      : "";
  const returned = query.anchorVariables && !compiled ? `${firstVariable(query.anchorVariables)} AS key, ` : "";
  // A compiled list projects the page alone (compiledPageCypher); the item past it only says that more follow.
  const collected = compiled
    ? `WITH collect(${v}) AS found
  CALL (found) {
    UNWIND found[0..$pageSize] AS ${v}
    ${query.expand ?? ""}
    RETURN collect(${query.projection}) AS items
  }
  RETURN items, size(found) > $pageSize AS more`
    : `${query.expand ?? ""}
  RETURN collect(${query.projection}) AS items`;
  // Only the parts the client selected: counting every match is the costly part of a first page.
  const { total, items } = request.parts;
  const cypher = `// ${query.name}
${query.anchor ?? ""}
${
  total
    ? `CALL ${scope} {
  ${query.match}
  ${where([])}
  RETURN count(DISTINCT ${v}) AS total
}`
    : ""
}
${
  items
    ? `CALL ${scope} {
  ${query.match}
  ${where(afterCursor)}
  WITH DISTINCT ${v}
  ORDER BY ${ordering.key} ${direction}, ${v}.id ${direction}
  LIMIT $pageLimit
  ${collected}
}
${behindCursor}`
    : ""
}
RETURN ${returned}${total ? "total" : "null AS total"}, ${items ? "items" : "[] AS items"}, ${compiled ? (items ? "more, " : "false AS more, ") : ""}${
    behindCursor ? "behindCursor" : "false AS behindCursor"
  }`;
  const params: Params = { pageLimit: int(request.size + 1) };
  if (request.cursor) {
    params.cursorKey = request.cursor.key;
    params.cursorId = request.cursor.id;
  }
  return { cypher, params };
}

function firstVariable(variables: string): string {
  return variables.split(",")[0]?.trim() ?? "";
}

/** How a list's result rows become pages: the page asked for, the ordering its cursors follow, and how an item is read. */
export interface Paging<T> {
  request: PageRequest;
  ordering: Ordering<T>;
  toRow: (value: unknown) => T;
}

/** Turns one result row of `pagedListCypher` into a Relay page. */
export function toPage<T>(row: Row | undefined, { request, ordering, toRow }: Paging<T>): Page<T> {
  const total = typeof row?.total === "number" ? row.total : 0;
  const fetched = Array.isArray(row?.items) ? row.items.map(toRow) : [];
  const more = fetched.length > request.size;
  const items = fetched.slice(0, request.size);
  if (request.direction === "backward") items.reverse();
  const edges: Edge<T>[] = items.map((node) => ({
    node,
    cursor: encodeCursor({ order: ordering.name, key: ordering.keyOf(node), id: (node as { id: string }).id }),
  }));
  const behindCursor = row?.behindCursor === true;
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: request.direction === "forward" ? more : behindCursor,
      hasPreviousPage: request.direction === "forward" ? behindCursor : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The pages of one `pagedListCypher` result: one page under the key "" for a list over the whole graph
 * (no anchor), else one page per anchor key, empty for keys that matched nothing.
 */
export function pagesByKey<T>(rows: Row[], keys: readonly string[] | null, paging: Paging<T>): Map<string, Page<T>> {
  if (keys === null) return new Map([["", toPage(rows[0], paging)]]);
  const byKey = new Map(rows.map((row) => [String(row.key), row]));
  return new Map(keys.map((key) => [key, toPage(byKey.get(key), paging)]));
}

/** One page of a compiled list: its items as the response shows them, and the flags and total around them. */
export interface CompiledPage {
  items: Record<string, unknown>[];
  total: number;
  /** Whether items lie beyond the page (in the direction walked). */
  more: boolean;
  /** Whether items lie on the other side of the cursor. */
  behindCursor: boolean;
}

/** What each item of a compiled page holds, for the page asked for: its compiled selection and that selection's parameters. */
export interface CompiledItems {
  request: PageRequest;
  /** Each item's compiled selection over the list's variable (repositories/compiled.ts). */
  projection: Projection;
  /** The parameters the projection reads. */
  params: Params;
  /** Whether the response shows cursors: each item then carries its sort key and id besides. */
  cursors: boolean;
}

/**
 * The statement of a compiled page of a list over the whole graph (events, actors, places, agreements, statements),
 * with its parameters: `query` and `params` find the list, `items` say what each item of the page holds. It is
 * `pagedListCypher`'s compiled form: the page is cut, one item past it kept only to tell whether more follow, and only
 * the page's own items are projected, so that the nested reads of the item past the page never run. Nothing of the
 * anchor is returned.
 */
export function compiledPageCypher<T>(
  query: Omit<ListQuery, "projection" | "expand">,
  ordering: Ordering<T>,
  params: Params,
  { request, projection, params: itemParams, cursors }: CompiledItems,
): { cypher: string; params: Params } {
  checkedCursor(request, ordering);
  const v = query.variable;
  const keys = cursors ? [`${quoted(CURSOR_KEY)}: ${ordering.key}`, `${quoted(CURSOR_ID)}: ${v}.id`] : [];
  const statement = pagedListCypher(
    { ...query, projection: withKeys(v, keys, projection.body), expand: projection.clauses },
    ordering,
    request,
    true,
  );
  return { cypher: statement.cypher, params: { ...statement.params, pageSize: int(request.size), ...params, ...itemParams } };
}

/** Reads the one row of `compiledPageCypher`. */
export function compiledPage(row: Row | undefined): CompiledPage {
  return {
    items: Array.isArray(row?.items) ? (row.items as Record<string, unknown>[]) : [],
    total: typeof row?.total === "number" ? row.total : 0,
    more: row?.more === true,
    behindCursor: row?.behindCursor === true,
  };
}
