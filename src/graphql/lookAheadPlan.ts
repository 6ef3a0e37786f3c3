/**
 * Which relationship fields a query selects below a list or a node, as a plan for fetching them ahead in the same
 * statement (see repositories/lookAhead.ts). The fields planned are the catalogue's reads (src/graph/catalogue.ts),
 * with the arguments its `argsOf` takes from the request, the same the resolvers pass to the loaders. Connections,
 * research fields and anything deeper than `LOOK_AHEAD_DEPTH` are left to the loaders.
 */
import {
  type FieldNode,
  getArgumentValues,
  getNamedType,
  type GraphQLResolveInfo,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from "graphql";
import { argsOf, fieldReads, type ReadName } from "../graph/catalogue.js";
import { aheadKey, type LookAheadField } from "../repositories/lookAhead.js";

/** Levels of relationship fields fetched ahead below a list or a node; deeper ones go through the loaders. */
export const LOOK_AHEAD_DEPTH = 4;

/** The plan for the node selected by the resolved field itself (`event(id) { … }`). */
export function planForField(info: GraphQLResolveInfo, typeName: string): LookAheadField[] {
  return plan(info, typeName, selectionSets(info.fieldNodes), 0);
}

/** The plan for the nodes of a connection (`events { edges { node { … } } }`). */
export function planForConnection(info: GraphQLResolveInfo, typeName: string): LookAheadField[] {
  return plan(info, typeName, connectionNodeSets(info), 0);
}

/** The names of the fields selected on the nodes of a connection (through fragments, whatever their type condition). */
export function selectedOnConnection(info: GraphQLResolveInfo): string[] {
  return selectedNames(info, connectionNodeSets(info));
}

function connectionNodeSets(info: GraphQLResolveInfo): SelectionSetNode[] {
  return selectionSets(fieldsNamed(info, selectionSets(fieldsNamed(info, selectionSets(info.fieldNodes), "edges")), "node"));
}

function selectedNames(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[]): string[] {
  return [...new Set(fieldsNamed(info, sets).map((node) => node.name.value))];
}

function selectionSets(fields: readonly FieldNode[]): SelectionSetNode[] {
  return fields.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
}

/** Fields selected in `sets` (through fragments), all of them or only those called `name`. */
function fieldsNamed(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], name?: string): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (name === undefined || selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return found;
}

function plan(info: GraphQLResolveInfo, typeName: string, sets: readonly SelectionSetNode[], depth: number): LookAheadField[] {
  const type = info.schema.getType(typeName);
  if (depth >= LOOK_AHEAD_DEPTH || !isObjectType(type)) return [];
  const byKey = new Map<string, { field: LookAheadField; sets: SelectionSetNode[]; childType: string }>();
  for (const node of fieldsNamed(info, sets)) {
    const name = `${typeName}.${node.name.value}` as ReadName;
    const read = fieldReads.get(name);
    const definition = type.getFields()[node.name.value];
    if (!read || !definition) continue;
    const args = argsOf(read, getArgumentValues(definition, node, info.variableValues));
    let childType = getNamedType(definition.type).name;
    let childSets = selectionSets([node]);
    if (read.through) {
      const wrapper = info.schema.getType(childType);
      const inner = isObjectType(wrapper) ? wrapper.getFields()[read.through] : undefined;
      if (!inner) continue;
      childType = getNamedType(inner.type).name;
      childSets = selectionSets(fieldsNamed(info, childSets, read.through));
    }
    const key = aheadKey(name, args);
    const entry = byKey.get(key) ?? { field: { read: name, args, children: [] }, sets: [], childType };
    entry.sets.push(...childSets);
    byKey.set(key, entry);
  }
  return [...byKey.values()].map(({ field, sets: childSets, childType }) => ({
    ...field,
    children: plan(info, childType, childSets, depth + 1),
    selected: selectedNames(info, childSets),
  }));
}
