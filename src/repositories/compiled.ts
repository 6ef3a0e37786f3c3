/**
 * Compiled reads: a selection, already compiled from GraphQL (src/graphql/compile/), becomes one Cypher map
 * projection that returns exactly the response's shape. Keys are the response's keys (aliases); every value is what
 * the response shows (dates as strings, absent lists empty, figures capped as GraphQL's Int), so that resolvers read
 * them as they are. Relationship fields are the catalogue's read patterns (src/graph/catalogue.ts), each in a
 * `COLLECT` subquery of its own; their arguments are parameters. Nothing of the request becomes Cypher text but
 * response keys, which are quoted, and the parameters' names.
 */
import { fieldRead, type ReadName } from "../graph/catalogue.js";
import { nodeTypes, type NodeProperty } from "../graph/nodes.js";
import type { NodeLabel } from "../model/ids.js";
import { propertyDefaults } from "./records.js";
import { patternVariables } from "./lookAhead.js";

/**
 * The lists over the whole graph that a compiled page is cut from (keyset.ts compiledPageCypher), by the root field
 * that lists them: the label listed and the variable their statements bind each item to (eventRepository.ts,
 * listRepositories.ts), over which the items' selections are compiled.
 */
export const COMPILED_LISTS = {
  events: { label: "Event", variable: "e" },
  actors: { label: "Actor", variable: "a" },
  places: { label: "Place", variable: "p" },
  agreements: { label: "Agreement", variable: "ag" },
  statements: { label: "Statement", variable: "st" },
} as const satisfies Record<string, { label: NodeLabel; variable: string }>;

export type CompiledListName = keyof typeof COMPILED_LISTS;

/** GraphQL's Int is a 32-bit signed integer: a figure beyond it answers the largest (resolvers/Estimate.ts). */
const INT_MAX = 2_147_483_647;

/** What one key of a compiled object holds. */
export type Entry =
  /** A stored property of the node, as its row reads it (records.ts). */
  | { key: string; kind: "property"; property: string }
  /** An estimate made of stored properties (`low`, `fatalitiesLow`, …): null without a qualifier. */
  | {
      key: string;
      kind: "estimate";
      properties: Readonly<Record<EstimatePart, string>>;
      parts: readonly { key: string; part: EstimatePart }[];
    }
  /** Related nodes through a read of the catalogue; `param` holds its arguments when it takes any. */
  | { key: string; kind: "read"; read: ReadName; param: string | null; entries: readonly Entry[] }
  /** Objects between the field and the related node (`participants`, `evidence`): the node, the datum and an id. */
  | { key: string; kind: "through"; read: ReadName; param: string | null; parts: readonly ThroughPart[] };

export type EstimatePart = "low" | "high" | "qualifier" | "best";

export type ThroughPart =
  | { key: string; kind: "node"; entries: readonly Entry[] }
  /** The datum itself (a participant's role) or one of its keys (an evidence's quote, start, end). */
  | { key: string; kind: "datum"; name: string | null }
  /** The object's stable id, from the parent, the related node and the datum (resolvers/Participant.ts, Evidence.ts). */
  | { key: string; kind: "id" };

/** A key as Cypher reads it: quoted, any backtick doubled. */
export const quoted = (key: string): string => `\`${key.replaceAll("`", "``")}\``;

/** The stored property behind a GraphQL field of a label's type, when the field reads it as it is. */
export function storedProperty(label: NodeLabel, field: string): NodeProperty | undefined {
  const property = (nodeTypes[label].properties as Readonly<Record<string, NodeProperty>>)[field];
  if (!property || property.origin === "derived" || property.type === "point" || !(property.fields ?? []).includes(field)) {
    return undefined;
  }
  return property;
}

/**
 * The stored properties of an estimate field (`Claim.estimate`: low, high, qualifier, best; `Event.fatalities`:
 * fatalitiesLow, …), from the node catalogue: the properties that field reads, named by their part.
 */
export function estimateProperties(label: NodeLabel, field: string): Record<EstimatePart, string> | undefined {
  const parts: Partial<Record<EstimatePart, string>> = {};
  for (const [name, property] of Object.entries(nodeTypes[label].properties as Readonly<Record<string, NodeProperty>>)) {
    if (!(property.fields ?? []).includes(field)) continue;
    const rest = name.startsWith(field) ? name.slice(field.length) : name;
    const part = `${rest.charAt(0).toLowerCase()}${rest.slice(1)}`;
    if (part === "low" || part === "high" || part === "qualifier" || part === "best") parts[part] = name;
  }
  return parts.low && parts.high && parts.qualifier && parts.best ? (parts as Record<EstimatePart, string>) : undefined;
}

/** Numbers the reads of one statement, so that no two share a variable. */
export interface Uses {
  next: number;
}

const capped = (expression: string) => `CASE WHEN ${expression} > ${INT_MAX} THEN ${INT_MAX} ELSE ${expression} END`;

/** The id after its prefix (`event:x` is `x`), in Cypher: resolvers/Participant.ts's and Evidence.ts's slug. */
const slug = (id: string) => `substring(${id}, size(split(${id}, ':')[0]) + 1)`;

function propertyValue(label: NodeLabel, variable: string, name: string): string {
  const property = (nodeTypes[label].properties as Readonly<Record<string, NodeProperty>>)[name]!;
  const value = `${variable}.${name}`;
  const fallback = propertyDefaults[label]?.[name];
  if (fallback !== undefined) return `coalesce(${value}, '${fallback}')`;
  switch (property.type) {
    case "date":
      return `toString(${value})`;
    case "strings":
      return `coalesce(${value}, [])`;
    default:
      return value;
  }
}

/**
 * A compiled selection over one node: `CALL` subqueries that bind each relationship field's list (one per field,
 * nested as the selection is), then the keys of the node's map projection, `key: value, …`, which read those lists.
 * The lists are bound by subqueries rather than `COLLECT {…}` expressions inside the projection: Cypher refuses the
 * read patterns' own aggregations (an ancestor's least depth) in an expression of an aggregated projection.
 */
export interface Projection {
  clauses: string;
  body: string;
}

/** The compiled selection of `entries` over the node bound to `variable`. */
export function projectionOf(label: NodeLabel, variable: string, entries: readonly Entry[], uses: Uses): Projection {
  const clauses: string[] = [];
  const body = entries.map((entry) => `${quoted(entry.key)}: ${value(label, variable, entry, uses, clauses)}`).join(", ");
  return { clauses: clauses.join("\n"), body };
}

/** A projection body with keys of the statement's own before it (a compiled page's cursor keys). */
export function withKeys(variable: string, keys: readonly string[], body: string): string {
  return `${variable} {${[...keys, ...(body === "" ? [] : [body])].join(", ")}}`;
}

/** Keys a statement adds to an item for itself: not GraphQL names, so no response key is ever one of them. */
export const CURSOR_KEY = "@key";
export const CURSOR_ID = "@id";

function value(label: NodeLabel, variable: string, entry: Entry, uses: Uses, clauses: string[]): string {
  switch (entry.kind) {
    case "property":
      return propertyValue(label, variable, entry.property);
    case "estimate": {
      const { properties } = entry;
      const parts = entry.parts.map(({ key, part }) => {
        const stored = `${variable}.${properties[part]}`;
        return `${quoted(key)}: ${part === "qualifier" ? stored : capped(stored)}`;
      });
      return `CASE WHEN ${variable}.${properties.qualifier} IS NULL THEN null ELSE {${parts.join(", ")}} END`;
    }
    case "read":
    case "through":
      return related(variable, entry, uses, clauses);
  }
}

function related(parent: string, entry: Extract<Entry, { kind: "read" | "through" }>, uses: Uses, clauses: string[]): string {
  const read = fieldRead(entry.read);
  const use = uses.next++;
  const v = patternVariables(parent, use, entry.param === null ? "{}" : `$${entry.param}`);
  const below: string[] = [];
  let returned: string;
  if (entry.kind === "read") {
    const inner = projectionOf(read.returns, v.m, entry.entries, uses);
    below.push(inner.clauses);
    returned = `${v.m} {${inner.body}}`;
  } else {
    const parts = entry.parts.map((part) => {
      switch (part.kind) {
        case "node": {
          const inner = projectionOf(read.returns, v.m, part.entries, uses);
          below.push(inner.clauses);
          return `${quoted(part.key)}: ${v.m} {${inner.body}}`;
        }
        case "datum":
          return `${quoted(part.key)}: ${part.name === null ? v.datum : `${v.datum}.${part.name}`}`;
        case "id":
          return `${quoted(part.key)}: ${
            read.datum === "role"
              ? `'participant:' + ${slug(`${parent}.id`)} + ':' + ${slug(`${v.m}.id`)} + ':' + ${v.datum}`
              : `'evidence:' + ${slug(`${v.m}.id`)} + ':' + toString(${v.datum}.start) + '-' + toString(${v.datum}.end)`
          }`;
      }
    });
    returned = `{${parts.join(", ")}}`;
  }
  const list = `list_${use}`;
  clauses.push(`CALL (${parent}) {
  CALL (${parent}) {
    ${read.pattern(v)}
  }
  ${below.filter((clause) => clause !== "").join("\n")}
  RETURN collect(${returned}) AS ${list}
}`);
  return read.cardinality === "one" ? `head(${list})` : list;
}
