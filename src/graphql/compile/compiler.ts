/**
 * The operation compiler: a root field of a query becomes one Cypher statement that returns exactly the selected
 * shape (repositories/compiled.ts builds the Cypher). The model is read from the catalogues: relationship fields are
 * the relationship catalogue's reads (graph/catalogue.ts), leaves the node catalogue's stored properties
 * (graph/nodes.ts) that the type's GraphQL field reads as it is (no resolver of its own), estimates the properties
 * their field reads.
 *
 * Served: the root lists over the whole graph, `events`, `actors`, `places`, `agreements` and `statements` (every
 * filter, order and page; totalCount, edges with node and cursor, pageInfo; repositories/compiled.ts COMPILED_LISTS),
 * and the nodes by id (`event`, `actor`, `place`, `agreement`, `statement`, `source`, `claim`, and `node(id)` for the
 * type its id names: one plan per type), with, below them, up to LOOK_AHEAD_DEPTH levels of the catalogue's
 * relationship fields, participants and evidence, estimates, and the stored properties. Fragments, inline fragments,
 * aliases and variables are followed; fields under `@skip`/`@include` are fetched whatever the condition (a superset:
 * graphql-js leaves out what the condition drops). Anything else in a root field's selection (a connection below a
 * node such as `Place.events`, `Actor.events` or `Actor.statements`, computed fields such as `endDate`, `location` or
 * `incident`, identifiers, a node of a type whose resolvers do not read compiled objects: incidents) leaves the whole
 * root field to the resolvers and their loaders, which stay as they are.
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isLeafType,
  isObjectType,
  Kind,
  print,
  type SelectionSetNode,
} from "graphql";
import { argsOf, fieldRead, fieldReads, type ReadName } from "../../graph/catalogue.js";
import { nodeTypes } from "../../graph/nodes.js";
import type { NodeLabel } from "../../model/ids.js";
import {
  COMPILED_LISTS,
  type CompiledListName,
  type Entry,
  type EstimatePart,
  estimateProperties,
  type Projection,
  projectionOf,
  storedProperty,
  type ThroughPart,
  type Uses,
} from "../../repositories/compiled.js";
import { LOOK_AHEAD_DEPTH } from "../lookAheadPlan.js";

/** A read's arguments, taken from the request's variables each time the plan runs. */
export interface ArgumentBinding {
  param: string;
  read: ReadName;
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/** What a compiled connection's response holds, by response key. */
export interface ConnectionPlan {
  totalCount: string[];
  edges: { key: string; node: string[]; cursor: string[] }[];
  pageInfo: { key: string; parts: { key: string; name: PageInfoField }[] }[];
  /** Whether any cursor is shown: the items then carry their sort key and id. */
  cursors: boolean;
}

type PageInfoField = "hasNextPage" | "hasPreviousPage" | "startCursor" | "endCursor";
const PAGE_INFO_FIELDS: readonly string[] = ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"];

/** A root field compiled once per document and operation: its statement's projection and how its arguments are bound. */
export interface RootPlan {
  /** A node by id, or a page of the list of that name. */
  kind: "node" | CompiledListName;
  label: NodeLabel;
  /** The subqueries that bind the relationship fields' lists, run for the node (`n`) or each listed item. */
  clauses: string;
  /** The keys of the map projection over it, which read those lists. */
  body: string;
  /** Whether it reads relationships (the node's statement is then named `nodeAhead`, else `nodesById`). */
  reads: boolean;
  args: readonly ArgumentBinding[];
  connection: ConnectionPlan | null;
  /** Roughly what the plan holds in memory, for the plan cache's bound (its text and the document it points into). */
  bytes: number;
}

/** Fields whose resolvers compute what they answer (set once by resolvers/index.ts): those are never read as stored. */
let ownResolvers: ReadonlySet<string> = new Set();

/** The types whose resolvers read a compiled object's keys (set once by resolvers/index.ts): only those are compiled. */
let compiledTypes: ReadonlySet<string> = new Set();

/**
 * Tells the compiler which `Type.field` have resolvers of their own (computed values, loaders), and which types'
 * resolvers read compiled objects.
 */
export function registerOwnResolvers(fields: ReadonlySet<string>, types: ReadonlySet<string>): void {
  ownResolvers = fields;
  compiledTypes = types;
}

/** Why a selection cannot be compiled; caught by compileRootField, which then answers null. */
class NotCompiled extends Error {}

const refuse = (why: string): never => {
  throw new NotCompiled(why);
};

const isNodeLabel = (name: string): name is NodeLabel => Object.hasOwn(nodeTypes, name);

/** The compiled lists by root field name (a Map: a field's name never finds Object's own keys). */
const lists: ReadonlyMap<string, { name: CompiledListName; label: NodeLabel; variable: string }> = new Map(
  Object.entries(COMPILED_LISTS).map(([name, list]) => [name, { name: name as CompiledListName, ...list }]),
);

interface Walk {
  schema: GraphQLSchema;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  args: ArgumentBinding[];
  uses: Uses;
  reads: number;
}

/**
 * Compiles one root field of an operation (all the field nodes of its response key), or null when the compiler
 * cannot serve it. A root field by id whose type is the Node interface (`node(id)`) is compiled for the `concrete`
 * label its id names, and is left to the resolvers without one.
 */
export function compileRootField(
  schema: GraphQLSchema,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  fieldNodes: readonly FieldNode[],
  concrete?: NodeLabel,
): RootPlan | null {
  const queryType = schema.getQueryType();
  const name = fieldNodes[0]?.name.value;
  const field = name === undefined ? undefined : queryType?.getFields()[name];
  if (!field) return null;
  const walk: Walk = { schema, fragments, args: [], uses: { next: 0 }, reads: 0 };
  const source = fieldNodes[0]?.loc?.source.body.length ?? 0;
  try {
    const type = getNamedType(field.type);
    const list = lists.get(name!);
    if (list && isObjectType(type)) {
      const { connection, nodeSets } = compileConnection(walk, type, selectionSets(fieldNodes));
      const itemType = schema.getType(list.label) as GraphQLObjectType;
      const projection = projectionOf(list.label, list.variable, compileObject(walk, itemType, nodeSets, 0), walk.uses);
      return plan(list.name, list.label, projection, walk, connection, source);
    }
    if (field.args.length !== 1 || field.args[0]?.name !== "id") return null;
    // `node(id)`: the type its id names, when that type is the interface's.
    const nodeType = isAbstractType(type) && concrete !== undefined ? schema.getType(concrete) : type;
    if (!isObjectType(nodeType) || !isNodeLabel(nodeType.name)) return null;
    if (nodeType !== type && !(isAbstractType(type) && schema.isSubType(type, nodeType))) return null;
    const projection = projectionOf(nodeType.name, "n", compileObject(walk, nodeType, selectionSets(fieldNodes), 0), walk.uses);
    return plan("node", nodeType.name, projection, walk, null, source);
  } catch (error) {
    if (error instanceof NotCompiled) return null;
    throw error;
  }
}

function plan(
  kind: RootPlan["kind"],
  label: NodeLabel,
  { clauses, body }: Projection,
  walk: Walk,
  connection: ConnectionPlan | null,
  source: number,
): RootPlan {
  const bytes = 2 * (clauses.length + body.length) + 2 * source + 256 * walk.args.length + 512;
  return { kind, label, clauses, body, reads: walk.reads > 0, args: walk.args, connection, bytes };
}

/** The parameters of a plan's reads, from this request's variables. */
export function boundArguments(plan: RootPlan, variables: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const { param, read, field, node } of plan.args) params[param] = argsOf(fieldRead(read), getArgumentValues(field, node, variables));
  return params;
}

function selectionSets(fields: readonly FieldNode[]): SelectionSetNode[] {
  return fields.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
}

/**
 * The fields selected on an object of `type`, by response key, through fragments whose condition the type meets. All
 * nodes of one key must be the same field with the same arguments (graphql-js merges them; selections merged here
 * from different parents could differ).
 */
function collect(walk: Walk, type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const byKey = new Map<string, FieldNode[]>();
  const applies = (condition: string | undefined) => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = walk.schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type);
  };
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const nodes = byKey.get(key) ?? [];
        const first = nodes[0];
        if (first && (first.name.value !== selection.name.value || argumentsOf(first) !== argumentsOf(selection))) {
          refuse(`${key}: two fields under one key`);
        }
        byKey.set(key, [...nodes, selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else {
        const fragment = walk.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return byKey;
}

const argumentsOf = (node: FieldNode) => (node.arguments ?? []).map((argument) => print(argument)).join(",");

function compileConnection(
  walk: Walk,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
): { connection: ConnectionPlan; nodeSets: SelectionSetNode[] } {
  const connection: ConnectionPlan = { totalCount: [], edges: [], pageInfo: [], cursors: false };
  const nodeSets: SelectionSetNode[] = [];
  for (const [key, nodes] of collect(walk, type, sets)) {
    const name = nodes[0]!.name.value;
    if (name === "__typename") continue;
    if (name === "totalCount") connection.totalCount.push(key);
    else if (name === "edges") {
      const edgeType = getNamedType(type.getFields().edges!.type) as GraphQLObjectType;
      const edge = { key, node: [] as string[], cursor: [] as string[] };
      for (const [edgeKey, edgeNodes] of collect(walk, edgeType, selectionSets(nodes))) {
        const edgeField = edgeNodes[0]!.name.value;
        if (edgeField === "node") {
          edge.node.push(edgeKey);
          nodeSets.push(...selectionSets(edgeNodes));
        } else if (edgeField === "cursor") {
          edge.cursor.push(edgeKey);
          connection.cursors = true;
        } else if (edgeField !== "__typename") refuse(`edges.${edgeField}`);
      }
      connection.edges.push(edge);
    } else if (name === "pageInfo") {
      const infoType = getNamedType(type.getFields().pageInfo!.type) as GraphQLObjectType;
      const parts: ConnectionPlan["pageInfo"][number]["parts"] = [];
      for (const [infoKey, infoNodes] of collect(walk, infoType, selectionSets(nodes))) {
        const infoField = infoNodes[0]!.name.value;
        if (infoField === "__typename") continue;
        if (!PAGE_INFO_FIELDS.includes(infoField)) refuse(`pageInfo.${infoField}`);
        if (infoField === "startCursor" || infoField === "endCursor") connection.cursors = true;
        parts.push({ key: infoKey, name: infoField as PageInfoField });
      }
      connection.pageInfo.push({ key, parts });
    } else refuse(`${type.name}.${name}`);
  }
  return { connection, nodeSets };
}

/** The entries of an object of a node type, `depth` levels of relationship fields below the root field. */
function compileObject(walk: Walk, type: GraphQLObjectType, sets: readonly SelectionSetNode[], depth: number): Entry[] {
  if (!isNodeLabel(type.name) || !compiledTypes.has(type.name)) return refuse(`${type.name} is not a compiled node type`);
  const label = type.name;
  const entries: Entry[] = [];
  for (const [key, nodes] of collect(walk, type, sets)) {
    const name = nodes[0]!.name.value;
    if (name === "__typename") continue;
    const definition = type.getFields()[name] ?? refuse(`${type.name}.${name}`);
    const coordinate = `${type.name}.${name}`;
    const named = getNamedType(definition.type);
    const read = fieldReads.get(coordinate as ReadName);
    if (read) {
      if (depth >= LOOK_AHEAD_DEPTH) refuse(`${coordinate}: deeper than the look-ahead`);
      walk.reads += 1;
      let param: string | null = null;
      if ((read.args ?? []).length > 0) {
        param = `read${walk.args.length}`;
        walk.args.push({ param, read: read.field, field: definition as GraphQLField<unknown, unknown>, node: nodes[0]! });
      }
      const children = selectionSets(nodes);
      if (read.through) {
        if (!isObjectType(named)) refuse(coordinate);
        entries.push({
          key,
          kind: "through",
          read: read.field,
          param,
          parts: throughParts(walk, named as GraphQLObjectType, read.through, read.datum, children, depth),
        });
      } else {
        if (!isObjectType(named)) refuse(coordinate);
        entries.push({
          key,
          kind: "read",
          read: read.field,
          param,
          entries: compileObject(walk, named as GraphQLObjectType, children, depth + 1),
        });
      }
      continue;
    }
    if (ownResolvers.has(coordinate)) refuse(`${coordinate} has a resolver of its own`);
    if (isObjectType(named) && named.name === "Estimate") {
      const properties = estimateProperties(label, name) ?? refuse(coordinate);
      const parts: { key: string; part: EstimatePart }[] = [];
      for (const [partKey, partNodes] of collect(walk, named, selectionSets(nodes))) {
        const part = partNodes[0]!.name.value;
        if (part === "__typename") continue;
        if (part !== "low" && part !== "high" && part !== "qualifier" && part !== "best") refuse(`Estimate.${part}`);
        parts.push({ key: partKey, part: part as EstimatePart });
      }
      entries.push({ key, kind: "estimate", properties, parts });
      continue;
    }
    if (isLeafType(named) && definition.args.length === 0 && storedProperty(label, name)) {
      entries.push({ key, kind: "property", property: name });
      continue;
    }
    refuse(coordinate);
  }
  return entries;
}

/** The parts of the objects between a field and its related nodes (Participant, Evidence). */
function throughParts(
  walk: Walk,
  type: GraphQLObjectType,
  through: string,
  datum: "role" | "evidence" | undefined,
  sets: readonly SelectionSetNode[],
  depth: number,
): ThroughPart[] {
  const parts: ThroughPart[] = [];
  for (const [key, nodes] of collect(walk, type, sets)) {
    const name = nodes[0]!.name.value;
    if (name === "__typename") continue;
    if (name === through) {
      const nodeType = getNamedType(type.getFields()[through]!.type);
      if (!isObjectType(nodeType)) refuse(`${type.name}.${through}`);
      parts.push({ key, kind: "node", entries: compileObject(walk, nodeType as GraphQLObjectType, selectionSets(nodes), depth + 1) });
    } else if (name === "id" && datum !== undefined) parts.push({ key, kind: "id" });
    else if (datum === "role" && name === "role") parts.push({ key, kind: "datum", name: null });
    else if (datum === "evidence" && (name === "quote" || name === "start" || name === "end")) parts.push({ key, kind: "datum", name });
    else refuse(`${type.name}.${name}`);
  }
  return parts;
}
