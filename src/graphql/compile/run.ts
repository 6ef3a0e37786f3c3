/**
 * Running compiled plans (compiler.ts): the plan of a root field is compiled once per document and operation and kept
 * in a bounded cache (app.ts, PLAN_CACHE); its statement returns the response's shape, keyed by response keys, and the
 * resolvers below it read those keys as they are, synchronously (`readCompiled`). Objects that no compiled statement
 * produced (mutation payloads, subscriptions' events, the fields left to the resolvers) resolve as before.
 */
import { createHash } from "node:crypto";
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLResolveInfo, type OperationDefinitionNode } from "graphql";
import { toPlain } from "../../db/values.js";
import type { NodeLabel } from "../../model/ids.js";
import { encodeCursor, type PageRequest } from "../../model/pagination.js";
import type { EventConditions, EventOrderName } from "../../repositories/eventRepository.js";
import type { CompiledList } from "../../repositories/listRepositories.js";
import { CURSOR_ID, CURSOR_KEY } from "../../repositories/compiled.js";
import type { CompiledPage } from "../../repositories/keyset.js";
import type { Context } from "../context.js";
import { boundArguments, compileRootField, type ConnectionPlan, type RootPlan } from "./compiler.js";

/** The part of the bounded caches (http/boundedCache.ts) the plan cache needs. */
export interface PlanCache {
  get(key: string): Promise<RootPlan | null | undefined>;
  set(key: string, value: RootPlan | null): Promise<void>;
}

/** The document's hash, once per parsed operation (Apollo keeps one parsed document per query text). */
const hashes = new WeakMap<OperationDefinitionNode, string>();

function operationKey(operation: OperationDefinitionNode): string {
  let hash = hashes.get(operation);
  if (hash === undefined) {
    hash = createHash("sha256")
      .update(operation.loc?.source.body ?? "")
      .digest("hex");
    hashes.set(operation, hash);
  }
  return `${hash}\u0000${operation.name?.value ?? ""}`;
}

/**
 * The compiled plan of the resolved root field, or null when it goes through the resolvers. `node(id)` has one plan
 * per `label` its ids name (the type its selection is compiled for).
 */
export async function planOf(context: Context, info: GraphQLResolveInfo, label?: NodeLabel): Promise<RootPlan | null> {
  const plans = context.plans;
  if (!plans || info.path.prev !== undefined) return null;
  const key = `${operationKey(info.operation)}\u0000${info.path.key}${label === undefined ? "" : `\u0000${label}`}`;
  const cached = await plans.get(key);
  if (cached !== undefined) return cached;
  const plan = compileRootField(info.schema, info.fragments, info.fieldNodes, label);
  await plans.set(key, plan);
  return plan;
}

/** Marks the resolved root field's objects as compiled: their fields are read as they are. */
function compiled(context: Context, info: GraphQLResolveInfo): void {
  (context.compiledRoots ??= new Set()).add(String(info.path.key));
}

/** The type of each compiled node by id, for the Node interface's type resolution (its keys may hold no id). */
const compiledLabels = new WeakMap<object, NodeLabel>();

/** The label of a node a compiled statement produced by id, if it is one. */
export const compiledLabelOf = (node: object): NodeLabel | undefined => compiledLabels.get(node);

/** A node of the plan's label by id, already checked, through its compiled plan. */
export async function compiledNode(
  context: Context,
  info: GraphQLResolveInfo,
  plan: RootPlan,
  id: string,
): Promise<Record<string, unknown> | null> {
  const node = await context.repositories.graph.compiledNode(plan.label, id, plan, boundArguments(plan, info.variableValues), plan.reads);
  if (node) compiledLabels.set(node, plan.label);
  compiled(context, info);
  return node;
}

/** A page of a list over the whole graph, as its root field asks for it: the list, its checked filter and order, the page. */
export type RootListPage = ({ list: "events"; filter: EventConditions; order: EventOrderName } | (CompiledList & { order: string })) & {
  request: PageRequest;
};

/** A page of a root list through its compiled plan, as the connection's response shows it. */
export async function compiledList(
  context: Context,
  info: GraphQLResolveInfo,
  plan: RootPlan,
  page: RootListPage,
): Promise<Record<string, unknown>> {
  const items = { projection: plan, params: boundArguments(plan, info.variableValues), cursors: plan.connection!.cursors };
  const found =
    page.list === "events"
      ? await context.repositories.events.compiledPage({ ...page, ...items })
      : await context.repositories.lists.compiledPage({ ...page, ...items });
  compiled(context, info);
  return connection(plan.connection!, found, page.request, page.order);
}

function connection(plan: ConnectionPlan, found: CompiledPage, request: PageRequest, order: string): Record<string, unknown> {
  const items = request.direction === "backward" ? [...found.items].reverse() : found.items;
  const cursors = plan.cursors
    ? items.map((item) => encodeCursor({ order, key: toPlain(item[CURSOR_KEY]) as string | number, id: item[CURSOR_ID] as string }))
    : [];
  const forward = request.direction === "forward";
  const info: Record<string, unknown> = {
    hasNextPage: forward ? found.more : found.behindCursor,
    hasPreviousPage: forward ? found.behindCursor : found.more,
    startCursor: cursors[0] ?? null,
    endCursor: cursors.at(-1) ?? null,
  };
  const result: Record<string, unknown> = {};
  for (const key of plan.totalCount) result[key] = found.total;
  for (const { key, node, cursor } of plan.edges) {
    result[key] = items.map((item, i) => {
      const edge: Record<string, unknown> = {};
      for (const nodeKey of node) edge[nodeKey] = item;
      for (const cursorKey of cursor) edge[cursorKey] = cursors[i];
      return edge;
    });
  }
  for (const { key, parts } of plan.pageInfo) result[key] = Object.fromEntries(parts.map((part) => [part.key, info[part.name]]));
  return result;
}

/** Whether the parent of the field being resolved was produced by a compiled statement. */
function fromCompiled(context: Context | undefined, info: GraphQLResolveInfo): boolean {
  const roots = context?.compiledRoots;
  if (!roots) return false;
  let path = info.path;
  while (path.prev) path = path.prev;
  return path !== info.path && roots.has(String(path.key));
}

/** A type's resolver, which reads a compiled object's key as it is and resolves any other object as before. */
export function readCompiled<TSource, TArgs>(
  resolve: GraphQLFieldResolver<TSource, Context, TArgs>,
): GraphQLFieldResolver<TSource, Context, TArgs> {
  return (source, args, context, info) =>
    fromCompiled(context, info) ? (source as Record<string, unknown>)[info.path.key] : resolve(source, args, context, info);
}

/** The resolver of fields without one of their own: graphql-js's, or a compiled object's key. */
export const compiledFieldResolver: GraphQLFieldResolver<unknown, Context> = readCompiled(defaultFieldResolver);
