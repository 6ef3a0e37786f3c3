/**
 * The resolvers of the catalogue's plain relationship fields (src/graph/catalogue.ts): those with no object between
 * the field and the related node. Each gives a list, or at most one node, from the look-ahead or the loaders. The
 * resolver files hold only the fields that need more (a wrapper object, a connection, a computed value).
 */
import type { GraphQLFieldResolver } from "graphql";
import { fieldReads } from "../../graph/catalogue.js";
import type { NodeLabel } from "../../model/ids.js";
import type { NodeRow } from "../../model/rows.js";
import type { Context } from "../context.js";
import { relatedRows } from "./shared.js";

type FieldResolver = GraphQLFieldResolver<NodeRow, Context, Record<string, unknown>>;

function relationshipFieldsByType(): Map<NodeLabel, Record<string, FieldResolver>> {
  const byType = new Map<NodeLabel, Record<string, FieldResolver>>();
  for (const read of fieldReads.values()) {
    if (read.through) continue;
    const resolve: FieldResolver =
      read.cardinality === "one"
        ? async (parent, args, context) => (await relatedRows(context, read.field, parent, args))[0]?.node ?? null
        : async (parent, args, context) => (await relatedRows(context, read.field, parent, args)).map(({ node }) => node);
    const fields = byType.get(read.from) ?? {};
    fields[read.field.slice(read.from.length + 1)] = resolve;
    byType.set(read.from, fields);
  }
  return byType;
}

const byType = relationshipFieldsByType();

/** The plain relationship fields of one type, to be merged under the type's own resolvers. */
export function relationshipFields(type: NodeLabel): Record<string, FieldResolver> {
  return byType.get(type) ?? {};
}
