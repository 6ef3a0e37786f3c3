import { InvalidInputError } from "../../errors.js";
import { expectId, labelByPrefix, labelOf, type NodeLabel } from "../../model/ids.js";
import { MAX_PAGE_SIZE, pageRequest } from "../../model/pagination.js";
import { planForConnection, selectedOnConnection } from "../lookAheadPlan.js";
import { connectionParts } from "../selection.js";
import { luceneQuery, MAX_SEARCH_LENGTH, searchWords } from "../../model/search.js";
import type { QueryResolvers } from "../generated/resolvers.js";
import { anyNodeById, checkedEventFilter, nodeById, checkedStatementFilter } from "./shared.js";
import { compiledList, compiledNode, planOf, type RootListPage } from "../compile/run.js";
import type { Context } from "../context.js";
import type { GraphQLResolveInfo } from "graphql";
import type { NodeRow } from "../../model/rows.js";

/** A node by id: through its compiled plan when the compiler serves the selection, else the resolvers' way. */
async function byId<T extends NodeRow>(
  context: Context,
  id: string,
  prefix: Parameters<typeof nodeById>[2],
  info: GraphQLResolveInfo,
): Promise<T | null> {
  const plan = await planOf(context, info);
  // The resolvers' row types and a compiled object differ; below a compiled one, resolvers read its keys (run.ts).
  if (plan?.kind === "node") return (await compiledNode(context, info, plan, expectId(id, prefix, "id"))) as T | null;
  return nodeById<T>(context, id, prefix, info);
}

/** Any node by id, of the type its id names: through the compiled plan for that type when the compiler serves it. */
async function anyById(context: Context, id: string, info: GraphQLResolveInfo): Promise<NodeRow | null> {
  const plan = await planOf(context, info, labelOf(id, "id"));
  if (plan?.kind === "node") return (await compiledNode(context, info, plan, id)) as NodeRow | null;
  return anyNodeById(context, id);
}

/** A page of a root list: through its compiled plan when the compiler serves the selection, else the resolvers' way. */
async function listPage<T>(context: Context, info: GraphQLResolveInfo, page: RootListPage, resolved: () => Promise<T>): Promise<T> {
  const plan = await planOf(context, info);
  if (plan?.kind === page.list) return (await compiledList(context, info, plan, page)) as T;
  return resolved();
}

export const Query: QueryResolvers = {
  node: (_, { id }, context, info) => anyById(context, id, info),
  actor: (_, { id }, context, info) => byId(context, id, "actor", info),
  place: (_, { id }, context, info) => byId(context, id, "place", info),
  event: (_, { id }, context, info) => byId(context, id, "event", info),
  agreement: (_, { id }, context, info) => byId(context, id, "agreement", info),
  statement: (_, { id }, context, info) => byId(context, id, "statement", info),
  source: (_, { id }, context, info) => byId(context, id, "source", info),
  claim: (_, { id }, context, info) => byId(context, id, "claim", info),

  actors: (_, { filter, ...page }, context, info) => {
    const request = pageRequest(page, "NAME_ASC", connectionParts(info));
    return listPage(context, info, { list: "actors", filter: filter ?? {}, order: "NAME_ASC", request }, () =>
      context.repositories.lists.actors(filter ?? {}, request),
    );
  },

  places: (_, { filter, ...page }, context, info) => {
    if (filter?.withinId != null) expectId(filter.withinId, "place", "filter.withinId");
    const request = pageRequest(page, "NAME_ASC", connectionParts(info));
    return listPage(context, info, { list: "places", filter: filter ?? {}, order: "NAME_ASC", request }, () =>
      context.repositories.lists.places(filter ?? {}, request),
    );
  },

  events: async (_, { filter, orderBy, ...page }, context, info) => {
    // The schema's default applies when orderBy is left out, not when a client sends null for it.
    const order = (orderBy as typeof orderBy | null) ?? "DATE_DESC";
    const conditions = checkedEventFilter(filter);
    const request = pageRequest(page, order, connectionParts(info));
    return listPage(context, info, { list: "events", filter: conditions, order, request }, async () => {
      const pages = await context.repositories.events.pages(
        {
          anchor: { kind: "all" },
          filter: conditions,
          order,
          request,
          ahead: planForConnection(info, "Event"),
          selected: selectedOnConnection(info),
        },
        [],
      );
      return pages.get("")!;
    });
  },

  agreements: (_, page, context, info) => {
    const request = pageRequest(page, "SIGNED_DESC", connectionParts(info));
    return listPage(context, info, { list: "agreements", order: "SIGNED_DESC", request }, () =>
      context.repositories.lists.agreements(request),
    );
  },

  statements: async (_, { filter, ...page }, context, info) => {
    const conditions = checkedStatementFilter(filter);
    const request = pageRequest(page, "DATE_DESC", connectionParts(info));
    return listPage(context, info, { list: "statements", filter: conditions, order: "DATE_DESC", request }, async () => {
      const pages = await context.repositories.lists.statements({ kind: "all" }, [], conditions, request);
      return pages.get("")!;
    });
  },

  search: async (_, { query, types, first }, context) => {
    if (first < 1 || first > MAX_PAGE_SIZE)
      throw new InvalidInputError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`, "first");
    if (query.length > MAX_SEARCH_LENGTH) {
      throw new InvalidInputError(`query must be at most ${MAX_SEARCH_LENGTH} characters, got ${query.length}.`, "query");
    }
    const words = searchWords(query);
    const lucene = luceneQuery(words);
    if (lucene === null) return [];
    const labels = types ? types.map((type): NodeLabel => labelByPrefix[type.toLowerCase() as Lowercase<typeof type>]) : null;
    return context.repositories.search.search(lucene, words.join(" "), labels, first);
  },
};
