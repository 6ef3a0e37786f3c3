/** What a client selected under a field, so that repositories fetch no more than is asked. */
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import type { PageParts } from "../model/pagination.js";

/** Names of the fields selected directly under the resolved field, through fragments; `@skip`/`@include` are ignored (a superset is safe). */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

/** The parts of a connection the client asked for: `totalCount`, and items for `edges` or `pageInfo`. */
export function connectionParts(info: GraphQLResolveInfo): PageParts {
  const fields = selectedFields(info);
  return { total: fields.has("totalCount"), items: fields.has("edges") || fields.has("pageInfo") };
}
