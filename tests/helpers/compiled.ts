/**
 * The compiled-Cypher tier's view of the compiler (src/graphql/compile/): a GraphQL operation in, each root field's
 * statement and parameters out, as the server would send them, with no database.
 */
import { buildASTSchema, type FieldNode, getOperationAST, Kind, parse, type SelectionSetNode, type ValueNode } from "graphql";
import "../../src/graphql/resolvers/index.js";
import { boundArguments, compileRootField, type RootPlan } from "../../src/graphql/compile/compiler.js";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { parseId } from "../../src/model/ids.js";
import { type PageArgs, pageRequest } from "../../src/model/pagination.js";
import { compiledEventPageCypher } from "../../src/repositories/eventRepository.js";
import { compiledNodeCypher } from "../../src/repositories/graphRepository.js";
import { compiledListPageCypher } from "../../src/repositories/listRepositories.js";

export const schema = buildASTSchema(parse(loadTypeDefs()));

export interface CompiledStatement {
  plan: RootPlan;
  cypher: string;
  params: Record<string, unknown>;
}

/** The root fields of an operation by response key (fragments on Query followed). */
function rootFields(set: SelectionSetNode, fragments: Record<string, { selectionSet: SelectionSetNode }>): Map<string, FieldNode[]> {
  const byKey = new Map<string, FieldNode[]>();
  const visit = (selections: SelectionSetNode) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        byKey.set(key, [...(byKey.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(fragments[selection.name.value]!.selectionSet);
    }
  };
  visit(set);
  return byKey;
}

/** The order each root list's pages follow, as its resolver names it (resolvers/Query.ts). */
const listOrders: Readonly<Record<string, string>> = {
  actors: "NAME_ASC",
  places: "NAME_ASC",
  agreements: "SIGNED_DESC",
  statements: "DATE_DESC",
};

/**
 * Each root field's compiled statement, or null where the compiler leaves the field to the resolvers. Root arguments
 * are read literally or from `variables` (only what the tests use: `id`, the page's, `filter`, `orderBy`); `node(id)`
 * is compiled for the label its id names, as the server does.
 */
export function compiled(query: string, variables: Record<string, unknown> = {}): Record<string, CompiledStatement | null> {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  const fragments = Object.fromEntries(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const result: Record<string, CompiledStatement | null> = {};
  for (const [key, nodes] of rootFields(operation.selectionSet, fragments)) {
    const name = nodes[0]!.name.value;
    const args = Object.fromEntries(
      (nodes[0]!.arguments ?? []).map((argument) => [
        argument.name.value,
        argument.value.kind === Kind.VARIABLE ? variables[argument.value.name.value] : JSON.parse(JSON.stringify(valueOf(argument.value))),
      ]),
    );
    const plan = compileRootField(schema, fragments, nodes, name === "node" ? parseId(String(args.id))?.label : undefined);
    if (!plan) {
      result[key] = null;
      continue;
    }
    const params = boundArguments(plan, variables);
    if (plan.kind === "node") {
      result[key] = { plan, ...compiledNodeCypher(plan.label, String(args.id), plan, params, plan.reads) };
      continue;
    }
    const order = plan.kind === "events" ? ((args.orderBy as "DATE_DESC" | undefined) ?? "DATE_DESC") : listOrders[plan.kind]!;
    const page: PageArgs = {
      first: args.first as number | undefined,
      after: args.after as string | undefined,
      last: args.last as number | undefined,
      before: args.before as string | undefined,
    };
    const items = {
      request: pageRequest(page, order, {
        // As connectionParts reads the selection.
        total: plan.connection!.totalCount.length > 0,
        items: plan.connection!.edges.length > 0 || plan.connection!.pageInfo.length > 0,
      }),
      projection: plan,
      params,
      cursors: plan.connection!.cursors,
    };
    const filter = (args.filter as object | undefined) ?? {};
    result[key] = {
      plan,
      ...(plan.kind === "events"
        ? compiledEventPageCypher({ filter, order: order as "DATE_DESC", ...items })
        : compiledListPageCypher(plan.kind === "agreements" ? { list: plan.kind, ...items } : { list: plan.kind, filter, ...items })),
    };
  }
  return result;
}

function valueOf(value: ValueNode): unknown {
  switch (value.kind) {
    case Kind.INT:
      return Number(value.value);
    case Kind.STRING:
    case Kind.ENUM:
      return value.value;
    case Kind.BOOLEAN:
      return value.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return value.values.map(valueOf);
    case Kind.OBJECT:
      return Object.fromEntries(value.fields.map((field) => [field.name.value, valueOf(field.value)]));
    default:
      return undefined;
  }
}
