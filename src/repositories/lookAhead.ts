/**
 * Look-ahead: the relationship fields a query selects below a list or a node, fetched in the same statement as the
 * list itself, as nested `CALL` subqueries built from the catalogue's read patterns (src/graph/catalogue.ts), the
 * same ones the loaders run. A page of events with their places, the places' ancestors and the participants'
 * part-of chains is then one round trip instead of one per level. The rows fetched ahead are attached to the row
 * they belong to (`ahead`); resolvers look there first and only fall back to the loaders for what was not fetched
 * (deeper levels, connections).
 */
import type { Params } from "../db/executor.js";
import { type FieldRead, fieldRead, type PatternVariables, type ReadName } from "../graph/catalogue.js";
import type { NodeLabel } from "../model/ids.js";
import type { NodeRow, Related } from "../model/rows.js";
import { nodeRow, selectedRowProperties } from "./records.js";

/** One relationship field to fetch ahead, with what to fetch below it. */
export interface LookAheadField {
  read: ReadName;
  /** The field's arguments, as the catalogue's `argsOf` gives them (the loaders are keyed the same way). */
  args: Record<string, unknown>;
  children: LookAheadField[];
  /** The fields selected on the related nodes, when known: only the row properties they read are fetched. */
  selected?: readonly string[];
}

/** The key of a field's rows in a row's `ahead`. */
export const aheadKey = (read: ReadName, args: Record<string, unknown>): string => `${read}:${JSON.stringify(args)}`;

/** The rows fetched ahead for one field of `parent`, or undefined when that field was not fetched ahead. */
export function fetchedAhead(parent: NodeRow, read: ReadName, args: Record<string, unknown>): readonly Related[] | undefined {
  return parent.ahead?.get(aheadKey(read, args));
}

/**
 * The variables of one use of a read pattern in a statement: the start node is given, every other variable is
 * suffixed with the use's number, so that no two uses in a statement share one.
 */
export function patternVariables(n: string, use: number, args: string): PatternVariables {
  return { n, m: `m_${use}`, datum: `datum_${use}`, args, local: (name) => `${name}_${use}` };
}

/** The numbering of pattern uses in one statement, and where reads are found (the catalogue; tests add their own). */
interface Uses {
  next: number;
  readOf: (field: ReadName) => FieldRead;
}

/** Cypher that fetches the planned fields of each row bound to a variable: clauses to run per row, then its value. */
export interface LookAheadCypher {
  /** `CALL` subqueries, one per planned field, each binding that field's list. */
  clauses: string;
  /** `{node: <variable> {…}, ahead: {…}}`, to be collected. */
  projection: string;
}

/**
 * The Cypher that fetches `fields` below the rows bound to `variable`; parameters are added to `params`. Each level
 * is a `CALL` subquery with its own `collect`, since Cypher allows no aggregation (which some read patterns use)
 * inside an expression that is itself collected. Every fragment is a catalogue pattern: nothing of the request
 * becomes Cypher text.
 */
export function lookAheadCypher(
  variable: string,
  label: NodeLabel,
  fields: readonly LookAheadField[],
  params: Params,
  {
    readOf = fieldRead,
    selected,
  }: {
    /** Where each field's read is found: the catalogue's (tests give their own). */
    readOf?: (field: ReadName) => FieldRead;
    /** The properties of the rows themselves that the request reads (records.ts selectedRowProperties); all when left out. */
    selected?: readonly string[] | undefined;
  } = {},
): LookAheadCypher {
  const uses = { next: 0, readOf };
  const { clauses, map } = aheadOf(variable, fields, params, uses);
  return { clauses, projection: `{node: ${selectedRowProperties(label, variable, selected)}, ahead: ${map}}` };
}

function aheadOf(parent: string, fields: readonly LookAheadField[], params: Params, uses: Uses): { clauses: string; map: string } {
  const lists = fields.map((field) => fieldCall(parent, field, params, uses));
  return {
    clauses: lists.map((list) => list.clause).join("\n"),
    map: `{${lists.map((list, i) => `f${i}: ${list.variable}`).join(", ")}}`,
  };
}

function fieldCall(parent: string, field: LookAheadField, params: Params, uses: Uses): { variable: string; clause: string } {
  const use = uses.next++;
  const read = uses.readOf(field.read);
  const argsName = `ahead${use}`;
  params[argsName] = field.args;
  const v = patternVariables(parent, use, `$${argsName}`);
  const below = aheadOf(v.m, field.children, params, uses);
  const variable = `list_${use}`;
  return {
    variable,
    clause: `CALL (${parent}) {
  CALL (${parent}) {
    ${read.pattern(v)}
  }
  ${below.clauses}
  RETURN collect({node: ${selectedRowProperties(read.returns, v.m, field.selected)}, datum: ${read.datum ? v.datum : "null"}, ahead: ${below.map}}) AS ${variable}
}`,
  };
}

/** Turns one `lookAheadCypher` projection value into its row, with what was fetched ahead attached under it (and below). */
export function rowWithAhead<T extends NodeRow>(value: unknown, toRow: (node: unknown) => T, fields: readonly LookAheadField[]): T {
  const { node, ahead } = value as { node: unknown; ahead: Record<string, unknown> };
  return attach(toRow(node), ahead, fields);
}

function attach<T extends NodeRow>(row: T, ahead: Record<string, unknown>, fields: readonly LookAheadField[]): T {
  if (fields.length === 0) return row;
  const byKey = new Map<string, Related[]>();
  fields.forEach((field, i) => {
    const label = fieldRead(field.read).returns;
    const items = (ahead[`f${i}`] ?? []) as { node: unknown; datum: unknown; ahead: Record<string, unknown> }[];
    byKey.set(
      aheadKey(field.read, field.args),
      items.map((item) => ({ node: attach(nodeRow(label, item.node), item.ahead, field.children), datum: item.datum })),
    );
  });
  row.ahead = byKey;
  return row;
}
