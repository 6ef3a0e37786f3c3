/**
 * The urql settings this schema needs, derived from the schema itself like apolloPolicies.ts derives Apollo's:
 * graphcache `keys` for every object type without an `id` that is always set (`Estimate`, `GeoPoint`, the connections and their
 * edges…), each kept embedded in its parent (`() => null`) instead of warning "Invalid key"; the implementations of
 * each interface (`possibleTypes`), so fragments on `Node` match without graphcache's heuristic; and
 * `preferGetMethod: false`, so queries go as JSON POSTs that Apollo's CSRF prevention accepts (SECURITY.md).
 * docs/clients.md shows `urqlSettingsSource`; urql.test.ts checks it is current and runs it.
 */
import { isNonNullType, isObjectType, type GraphQLSchema } from "graphql";

export interface UrqlSettings {
  /**
   * Object types without a non-null `id` (root types aside), graphcache keeps inside their parent: an object whose
   * `id` may be null (`Viewer`'s, null when anonymous) has no key either.
   */
  embedded: string[];
}

export function urqlSettings(schema: GraphQLSchema): UrqlSettings {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((type) => type?.name));
  const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));
  const embedded = types
    .filter((type) => isObjectType(type) && !roots.has(type.name) && !isNonNullType(type.getFields().id?.type))
    .map((type) => type.name)
    .sort();
  return { embedded };
}

/** The setup as the TypeScript a client pastes in (the ```ts block under "## urql" in docs/clients.md). */
export function urqlSettingsSource(settings: UrqlSettings): string {
  return [
    'import { Client, fetchExchange } from "@urql/core";',
    'import { cacheExchange } from "@urql/exchange-graphcache";',
    "// The served schema's introspection (docs/clients.md says how to save it).",
    'import schema from "./schema.json";',
    "",
    "export const client = new Client({",
    '  url: "https://api.example.org/graphql",',
    "  // Queries as JSON POSTs, which Apollo's CSRF prevention accepts (urql's default GET is refused).",
    "  preferGetMethod: false,",
    "  exchanges: [",
    "    cacheExchange({",
    "      schema,",
    "      keys: {",
    ...settings.embedded.map((type) => `        ${type}: () => null,`),
    "      },",
    "    }),",
    "    fetchExchange,",
    "  ],",
    "});",
  ].join("\n");
}
