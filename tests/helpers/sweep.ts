/**
 * Walks the served schema for every argument of every query and mutation, and every field of the input objects
 * below them, so that sweep tests can send hostile values to each position without a hand-kept list.
 */
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from "graphql";
import { loadTypeDefs } from "../../src/graphql/schema.js";

export const schema = buildSchema(loadTypeDefs());

export const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

/** One place a value can be sent: a root field's argument, or a field inside an input object below it (`bundle.actors.0.name`). */
export interface Position {
  operation: "query" | "mutation";
  field: GraphQLField<unknown, unknown>;
  /** The argument, then input fields and list indexes. */
  path: (string | number)[];
  type: GraphQLInputType;
}

/** The root fields of an operation type. */
export function rootFields(operation: "query" | "mutation"): GraphQLField<unknown, unknown>[] {
  const root: GraphQLObjectType | null | undefined = operation === "query" ? schema.getQueryType() : schema.getMutationType();
  return root ? Object.values(root.getFields()) : [];
}

/**
 * Every position of a root field: each argument and, through `baseline`, each field of the input objects it holds
 * (list elements through the baseline's first element).
 */
export function positionsOf(
  operation: "query" | "mutation",
  field: GraphQLField<unknown, unknown>,
  baseline: Record<string, unknown>,
): Position[] {
  const positions: Position[] = [];
  const walk = (path: (string | number)[], type: GraphQLInputType, value: unknown) => {
    positions.push({ operation, field, path, type });
    const inner = getNullableType(type);
    if (isListType(inner)) {
      if (Array.isArray(value) && value.length > 0) walk([...path, 0], inner.ofType, value[0]);
      return;
    }
    if (isInputObjectType(inner)) {
      const object = (value ?? {}) as Record<string, unknown>;
      for (const child of Object.values(inner.getFields())) walk([...path, child.name], child.type, object[child.name]);
    }
  };
  for (const argument of field.args) walk([argument.name], argument.type, baseline[argument.name]);
  return positions;
}

/** A document that sends every argument of `field` as a variable and selects only `__typename` below it. */
export function documentOf(operation: "query" | "mutation", field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(", ");
  const args = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(", ");
  const selection = isCompositeType(getNamedType(field.type)) ? " { __typename }" : "";
  return `${operation} Sweep${variables ? `(${variables})` : ""} { ${field.name}${args ? `(${args})` : ""}${selection} }`;
}

/** `baseline` with `value` at `path` (a copy; the baseline is not changed). */
export function withValueAt(
  baseline: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(baseline);
  let node: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((key, i) => {
    const next = path[i + 1];
    node[key] ??= typeof next === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  node[path.at(-1)!] = value;
  return copy;
}

/** Stands for a deeply nested array in variables; `requestBody` writes it out (JSON.stringify would recurse). */
export const DEEP = "\u0000deep-array\u0000";

export function requestBody(query: string, variables: Record<string, unknown>, depth = 20_000): string {
  return JSON.stringify({ query, variables }).replaceAll(JSON.stringify(DEEP), "[".repeat(depth) + "]".repeat(depth));
}

/** Hostile values for a position of this type: sizes, emptiness, nesting, Unicode, control characters, prototype names. */
export function hostileValues(type: GraphQLInputType, options: { long: number; few?: boolean }): { label: string; value: unknown }[] {
  const named: GraphQLNamedType = getNamedType(type);
  const values: { label: string; value: unknown }[] = [
    { label: "null", value: null },
    { label: "deep array", value: DEEP },
  ];
  const leaves = leafValues(named, options);
  values.push(...leaves);
  if (isListType(getNullableType(type))) {
    const sample = leaves.find(({ label }) => !label.startsWith("long"))?.value ?? "x";
    values.push(
      { label: "empty list", value: [] },
      { label: "10,000 items", value: Array.from({ length: 10_000 }, () => sample) },
      ...leaves.filter(({ label }) => !label.startsWith("long")).map(({ label, value }) => ({ label: `[${label}]`, value: [value] })),
    );
  }
  if (isInputObjectType(named)) values.push({ label: "empty object", value: {} }, { label: "a string", value: "x" });
  return values;
}

function leafValues(named: GraphQLNamedType, options: { long: number; few?: boolean }): { label: string; value: unknown }[] {
  if (isEnumType(named)) {
    return [
      { label: "empty", value: "" },
      ...prototypeNames.map((name) => ({ label: name, value: name })),
      { label: "lower case", value: named.getValues()[0]!.name.toLowerCase() },
    ];
  }
  switch (named.name) {
    case "Int":
      return [0, -1, 2_147_483_647, -2_147_483_648, 1.5].map((value) => ({ label: String(value), value }));
    case "Float":
      return [0, -0, 1e308, -1e308].map((value) => ({ label: String(value), value }));
    case "Boolean":
      return [true, false].map((value) => ({ label: String(value), value }));
    case "String":
    case "ID":
    case "Date":
      return hostileStrings(options);
    default:
      return [];
  }
}

/** Strings that have broken services: long, empty, expanding under NFKD, NUL, bidi, Lucene and Cypher syntax, prototype names. */
export function hostileStrings({ long, few = false }: { long: number; few?: boolean }): { label: string; value: string }[] {
  const essential = [
    { label: "empty", value: "" },
    { label: `long (${long})`, value: "x".repeat(long) },
    { label: "ﷺ × 200", value: "ﷺ".repeat(200) },
    { label: "NUL", value: "a\u0000b" },
    { label: "constructor", value: "constructor" },
    { label: "constructor:x", value: "constructor:x" },
    { label: "__proto__:x", value: "__proto__:x" },
    { label: "nested brackets", value: "(".repeat(2_000) + "[".repeat(2_000) },
  ];
  if (few) return essential;
  return [
    ...essential,
    { label: "blank", value: "   " },
    { label: "ﷺ × 5,000", value: "ﷺ".repeat(5_000) },
    { label: "bidi override", value: "\u202eabc" },
    { label: "lone surrogate", value: "\ud800x" },
    { label: "Lucene syntax", value: 'a AND (b OR "c*" ~2) NOT d^3 \\ / :' },
    { label: "many words", value: "ab ".repeat(3_000) },
    { label: "Cypher", value: "x}) DETACH DELETE n //" },
    { label: "bad date", value: "2019-02-30" },
    { label: "huge year", value: "999999999-01-01" },
    ...prototypeNames.map((name) => ({ label: name, value: name })),
    ...prototypeNames.map((name) => ({ label: `${name}:x`, value: `${name}:x` })),
  ];
}

/** What no response may contain: stack frames, file paths, HTML, driver internals. */
export const LEAK = /node_modules|\/work\/|\/src\/|\bat [\w.<>$]+ \(|\.[cm]?[jt]s:\d+|<html|<!doctype|stacktrace|Neo4jError|neo4j-driver/i;

/** Runs `task` over `items` with at most `concurrency` at once. */
export async function inPool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** One request-level probe: a POST body (any JSON, not only an object), or the parameters of a GET. */
export interface RequestProbe {
  label: string;
  post?: unknown;
  get?: Record<string, string | string[]>;
}

const KNOWN_QUERY = "query Known { viewer { role } }";

/** Every JSON type, and the shapes that have broken request parsers: prototype keys, nesting, huge numbers. */
export const jsonValues: { label: string; value: unknown }[] = [
  { label: "null", value: null },
  { label: "true", value: true },
  { label: "0", value: 0 },
  { label: "-1.5", value: -1.5 },
  { label: "1e308", value: 1e308 },
  { label: "empty string", value: "" },
  { label: "string", value: "x" },
  { label: "long string", value: "x".repeat(50_000) },
  { label: "empty list", value: [] },
  { label: "list", value: [1, "x", null] },
  { label: "empty object", value: {} },
  { label: "object", value: { x: 1 } },
  { label: "nested object", value: { a: { b: { c: [{}] } } } },
  ...prototypeNames.map((name) => ({ label: `{ ${name} }`, value: JSON.parse(`{"${name}": {"x": 1}}`) as unknown })),
];

/**
 * Hostile values for the fields of a request itself (query, operationName, variables, extensions and the body as a
 * whole), as POST bodies and as GET parameters. `sha256` hashes a query for persisted-query extensions.
 */
export function hostileRequests(sha256: (text: string) => string): RequestProbe[] {
  const probes: RequestProbe[] = [];
  const hash = sha256(KNOWN_QUERY);
  const twoOperations = `${KNOWN_QUERY} query Other { viewer { id } }`;
  // The body as a whole.
  for (const { label, value } of jsonValues) probes.push({ label: `body ${label}`, post: value });
  // Each field with every JSON type.
  for (const field of ["query", "operationName", "variables", "extensions"] as const) {
    for (const { label, value } of jsonValues) {
      probes.push({ label: `${field} ${label}`, post: { query: KNOWN_QUERY, [field]: value } });
    }
  }
  // operationName against an anonymous operation, and documents of one and of two named operations.
  for (const name of ["Nope", "", "known", "x".repeat(10_000), ...prototypeNames]) {
    probes.push({
      label: `operationName "${name.slice(0, 20)}" of an anonymous operation`,
      post: { query: "{ viewer { role } }", operationName: name },
    });
    probes.push({ label: `operationName "${name.slice(0, 20)}" of one operation`, post: { query: KNOWN_QUERY, operationName: name } });
    probes.push({ label: `operationName "${name.slice(0, 20)}" of two operations`, post: { query: twoOperations, operationName: name } });
  }
  probes.push({ label: "no operationName for two operations", post: { query: twoOperations } });
  // Persisted queries, well and badly formed.
  const persisted: { label: string; value: unknown; withQuery: boolean }[] = [
    { label: '"x"', value: "x", withQuery: true },
    { label: "1", value: 1, withQuery: true },
    { label: "a list", value: [], withQuery: true },
    { label: "empty object", value: {}, withQuery: true },
    { label: "version 2", value: { version: 2, sha256Hash: hash }, withQuery: true },
    { label: 'version "1"', value: { version: "1", sha256Hash: hash }, withQuery: true },
    { label: "a hash that is a number", value: { version: 1, sha256Hash: 12 }, withQuery: true },
    { label: "a hash that is an object", value: { version: 1, sha256Hash: { constructor: 1 } }, withQuery: true },
    { label: "a short hash", value: { version: 1, sha256Hash: "abc" }, withQuery: true },
    { label: "a mismatched hash", value: { version: 1, sha256Hash: sha256("another query") }, withQuery: true },
    { label: "an upper-case hash", value: { version: 1, sha256Hash: hash.toUpperCase() }, withQuery: true },
    { label: "an unknown hash alone", value: { version: 1, sha256Hash: sha256(`unknown ${Math.random()}`) }, withQuery: false },
    { label: "a prototype name as hash", value: { version: 1, sha256Hash: "constructor" }, withQuery: false },
    { label: "version 2 alone", value: { version: 2, sha256Hash: hash }, withQuery: false },
  ];
  for (const { label, value, withQuery } of persisted) {
    const extensions = { persistedQuery: value };
    probes.push({ label: `persistedQuery ${label}`, post: withQuery ? { query: KNOWN_QUERY, extensions } : { extensions } });
    probes.push({
      label: `GET persistedQuery ${label}`,
      get: { ...(withQuery ? { query: KNOWN_QUERY } : {}), extensions: JSON.stringify(extensions) },
    });
  }
  // Operation types and documents that are not what they seem.
  for (const query of [
    "subscription { x }",
    "subscription S { viewer { role } }",
    "mutation { x }",
    "{ __typename }",
    "# only a comment",
    "   ",
    "query A { viewer { role } } query A { viewer { role } }",
    "fragment F on Query { viewer { role } }",
    "{ viewer { role } } extend type Query { x: Int }",
  ]) {
    probes.push({ label: `query ${query.slice(0, 30)}`, post: { query } });
    probes.push({ label: `GET query ${query.slice(0, 30)}`, get: { query } });
  }
  // Variables of every JSON type against a document that declares one.
  const declared = "query Page($first: Int, $filter: EventFilter) { events(first: $first, filter: $filter) { totalCount } }";
  for (const { label, value } of jsonValues) {
    probes.push({ label: `variables.first ${label}`, post: { query: declared, variables: { first: value } } });
    probes.push({ label: `variables.filter ${label}`, post: { query: declared, variables: { filter: value } } });
  }
  // GET parameters: JSON that is not JSON, repeated parameters, every field as text.
  for (const text of ["", "x", "{", "null", "1", "[]", '"x"', '{"__proto__":{"x":1}}', "[".repeat(5_000)]) {
    probes.push({ label: `GET variables ${text.slice(0, 20)}`, get: { query: declared, variables: text } });
    probes.push({ label: `GET extensions ${text.slice(0, 20)}`, get: { query: KNOWN_QUERY, extensions: text } });
  }
  for (const name of ["Nope", "", ...prototypeNames])
    probes.push({ label: `GET operationName ${name}`, get: { query: KNOWN_QUERY, operationName: name } });
  probes.push({ label: "GET repeated query", get: { query: [KNOWN_QUERY, KNOWN_QUERY] } });
  probes.push({ label: "GET repeated operationName", get: { query: KNOWN_QUERY, operationName: ["Known", "Known"] } });
  probes.push({ label: "GET mutation", get: { query: 'mutation { mergeNodes(from: "actor:a", into: "actor:b") { created } }' } });
  probes.push({ label: "GET no query", get: {} });
  return probes;
}
