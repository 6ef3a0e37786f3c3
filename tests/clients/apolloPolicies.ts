/**
 * The Apollo Client cache settings this schema needs, derived from the schema itself: the implementations of
 * each interface (`possibleTypes`), a `relayStylePagination` for each connection field (keyed by its
 * arguments other than the page ones), and `merge: true` for each object type without an `id` that a field
 * holds on its own (`Estimate`, `GeoPoint`…): a second query selecting fewer of its fields then merges into
 * it instead of replacing it. docs/clients.md shows `cacheSettingsSource`; apollo.test.ts checks it is current.
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";

const PAGE_ARGUMENTS = new Set(["first", "after", "last", "before"]);

export interface CacheSettings {
  possibleTypes: Record<string, string[]>;
  /** Per type, per connection field: the arguments that tell one list from another. */
  connections: Record<string, Record<string, string[]>>;
  /** Object types without an id, held by a field on their own (not in a list). */
  merged: string[];
  /** Object types without an id that come in lists: replaced as a whole on each write. */
  listed: string[];
}

const isConnection = (field: GraphQLField<unknown, unknown>) => getNamedType(field.type).name.endsWith("Connection");

export function cacheSettings(schema: GraphQLSchema): CacheSettings {
  const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));
  const possibleTypes: Record<string, string[]> = {};
  for (const type of types) {
    if (isInterfaceType(type) || isUnionType(type)) {
      possibleTypes[type.name] = schema
        .getPossibleTypes(type)
        .map((member) => member.name)
        .sort();
    }
  }
  // A connection's own types (the connection and its edges) are the pagination policy's.
  const paginated = new Set<string>();
  for (const type of types) {
    if (!isObjectType(type) || !type.name.endsWith("Connection")) continue;
    paginated.add(type.name);
    const edges = type.getFields().edges;
    if (edges) paginated.add(getNamedType(edges.type).name);
  }
  const connections: Record<string, Record<string, string[]>> = {};
  const merged = new Set<string>();
  const listed = new Set<string>();
  for (const type of types) {
    if (!isObjectType(type) || type.name === "Mutation") continue;
    for (const field of Object.values(type.getFields())) {
      if (isConnection(field)) {
        (connections[type.name] ??= {})[field.name] = field.args.map((arg) => arg.name).filter((name) => !PAGE_ARGUMENTS.has(name));
        continue;
      }
      const held = getNamedType(field.type);
      // Objects with an id are normalised by it.
      if (!isObjectType(held) || "id" in held.getFields() || paginated.has(held.name) || paginated.has(type.name)) continue;
      if (isListType(getNullableType(field.type))) listed.add(held.name);
      else merged.add(held.name);
    }
  }
  return { possibleTypes, connections, merged: [...merged].sort(), listed: [...listed].filter((name) => !merged.has(name)).sort() };
}

/** The settings as the TypeScript a client pastes in (the block in docs/clients.md). */
export function cacheSettingsSource(settings: CacheSettings): string {
  const lines = [
    'import { InMemoryCache } from "@apollo/client";',
    'import { relayStylePagination } from "@apollo/client/utilities";',
    "",
    "export const cache = new InMemoryCache({",
    "  possibleTypes: {",
    ...Object.entries(settings.possibleTypes).map(
      ([name, members]) => `    ${name}: [${members.map((member) => `"${member}"`).join(", ")}],`,
    ),
    "  },",
    "  typePolicies: {",
    ...Object.entries(settings.connections).flatMap(([type, fields]) => [
      `    ${type}: {`,
      "      fields: {",
      ...Object.entries(fields).map(
        ([field, keyArgs]) =>
          `        ${field}: relayStylePagination(${keyArgs.length ? `[${keyArgs.map((arg) => `"${arg}"`).join(", ")}]` : "false"}),`,
      ),
      "      },",
      "    },",
    ]),
    ...settings.merged.map((type) => `    ${type}: { merge: true },`),
    "  },",
    "});",
  ];
  return lines.join("\n");
}
