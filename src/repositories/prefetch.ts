/**
 * Look-ahead: the relationship fields a query selects below a list or a node, fetched in the same statement as the
 * list itself, as nested `COLLECT` subqueries built from the same relation patterns the loaders use. A page of
 * events with their places, the places' ancestors and the participants' part-of chains is then one round trip
 * instead of one per level. Resolvers find the rows fetched ahead under their parent row and only fall back to the
 * loaders for what was not (deeper levels, connections).
 */
import type { Params } from "../db/executor.js";
import type { NodeRow } from "../model/rows.js";
import { type Related, type RelationName, relations } from "./graphRepository.js";
import { VIOLENT_CATEGORIES } from "./graphShape.js";
import { nodeRow, rowProperties } from "./rows.js";
import type { NodeLabel } from "../model/ids.js";

/** One relationship field to fetch ahead, with what to fetch below it. */
export interface PrefetchField {
  relation: RelationName;
  /** The field's arguments, exactly as its resolver passes them to the loader. */
  args: Record<string, unknown>;
  children: PrefetchField[];
}

const aheadByRow = new WeakMap<object, Map<string, Related[]>>();

const keyOf = (relation: RelationName, args: Record<string, unknown>) => `${relation}:${JSON.stringify(args)}`;

/** The rows fetched ahead for one field of `parent`, or undefined when that field was not fetched ahead. */
export function fetchedAhead(parent: object, relation: RelationName, args: Record<string, unknown>): Related[] | undefined {
  return aheadByRow.get(parent)?.get(keyOf(relation, args));
}

/** Variables a relation pattern binds; renamed per nesting so that no subquery sees another's. */
const patternVariables = /\b(n|m|r|path|depth|extra)\b/g;

/** Cypher that fetches the planned fields of each row bound to a variable: clauses to run per row, then its value. */
export interface AheadCypher {
  /** `CALL` subqueries, one per planned field, each binding that field's list. */
  clauses: string;
  /** `{node: <variable> {…}, ahead: {…}}`, to be collected. */
  projection: string;
}

/**
 * The Cypher that fetches `fields` below the rows bound to `variable`; parameters are added to `params`. Each level
 * is a `CALL` subquery with its own `collect`, since Cypher allows no aggregation (which some relation patterns use)
 * inside an expression that is itself collected. Every fragment is a fixed relation pattern: nothing of the request
 * becomes Cypher text.
 */
export function prefetchCypher(variable: string, label: NodeLabel, fields: readonly PrefetchField[], params: Params): AheadCypher {
  const counter = { next: 0 };
  const { clauses, map } = aheadOf(variable, fields, params, counter);
  return { clauses, projection: `{node: ${rowProperties(label, variable)}, ahead: ${map}}` };
}

function aheadOf(
  parent: string,
  fields: readonly PrefetchField[],
  params: Params,
  counter: { next: number },
): { clauses: string; map: string } {
  const lists = fields.map((field) => fieldCall(parent, field, params, counter));
  return {
    clauses: lists.map((list) => list.clause).join("\n"),
    map: `{${lists.map((list, i) => `f${i}: ${list.variable}`).join(", ")}}`,
  };
}

function fieldCall(parent: string, field: PrefetchField, params: Params, counter: { next: number }): { variable: string; clause: string } {
  const level = counter.next++;
  const relation = relations[field.relation];
  const argsName = `ahead${level}`;
  params[argsName] = field.args;
  if (relation.pattern.includes("$violentCategories")) params.violentCategories = VIOLENT_CATEGORIES;
  const pattern = relation.pattern
    .replace(/\$args\b/g, `$${argsName}`)
    .replace(patternVariables, (name) => (name === "n" ? parent : `${name}_${level}`));
  const related = `m_${level}`;
  const extra = relation.pattern.includes("AS extra") ? `extra_${level}` : "null";
  const below = aheadOf(related, field.children, params, counter);
  const variable = `list_${level}`;
  return {
    variable,
    clause: `CALL (${parent}) {
  CALL (${parent}) {
    ${pattern}
  }
  ${below.clauses}
  RETURN collect({node: ${rowProperties(relation.to, related)}, extra: ${extra}, ahead: ${below.map}}) AS ${variable}
}`,
  };
}

/** Turns one `prefetchCypher` projection value into its row, remembering what was fetched ahead under it (and below). */
export function rowWithAhead<T extends NodeRow>(value: unknown, toRow: (node: unknown) => T, fields: readonly PrefetchField[]): T {
  const { node, ahead } = value as { node: unknown; ahead: Record<string, unknown> };
  const row = toRow(node);
  remember(row, ahead, fields);
  return row;
}

function remember(row: object, ahead: Record<string, unknown>, fields: readonly PrefetchField[]): void {
  if (fields.length === 0) return;
  const byKey = new Map<string, Related[]>();
  fields.forEach((field, i) => {
    const label = relations[field.relation].to;
    const items = (ahead[`f${i}`] ?? []) as { node: unknown; extra: unknown; ahead: Record<string, unknown> }[];
    byKey.set(
      keyOf(field.relation, field.args),
      items.map((item) => {
        const node = nodeRow(label, item.node);
        remember(node, item.ahead, field.children);
        return { node, extra: item.extra };
      }),
    );
  });
  aheadByRow.set(row, byKey);
}
