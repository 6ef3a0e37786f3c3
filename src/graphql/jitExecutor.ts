/**
 * graphql-jit as the executor (GRAPHQL_EXECUTOR=jit; graphql-js's `execute` is the default): each operation is compiled
 * once into a JavaScript function and kept in a bounded cache. Apollo Server takes another executor only through its
 * gateway interface, so the schema is made here (makeExecutableSchema, as Apollo makes it from typeDefs and
 * resolvers) and handed to Apollo by `jitGateway`; Apollo still parses, validates and runs every plugin, and calls
 * the gateway's executor where it would have called `execute`. Fields without a resolver get `defaultResolver`, as
 * Apollo's `fieldResolver` option gives them under graphql-js.
 */
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType, printSchema } from "graphql";
import { compileQuery, type CompiledQuery, isCompiledQuery } from "graphql-jit";
import { LruCache } from "../http/boundedCache.js";

/**
 * Compiled operations: each is a function of a few kB to some tens of kB (about 30 bytes per character of the query's
 * text, measured on the bench's queries), so 4 MB hold some hundreds; a flood of distinct documents evicts the oldest.
 */
export const JIT_CACHE = { maxBytes: 4 * 1024 * 1024, maxEntries: 1_000 };
const BYTES_PER_QUERY_CHARACTER = 30;

interface Compiled {
  query: CompiledQuery;
  bytes: number;
}

/** The executable schema with `defaultResolver` on every object field without a resolver of its own. */
export function executableSchema<TContext>(
  typeDefs: string,
  resolvers: object,
  defaultResolver: GraphQLFieldResolver<unknown, TContext>,
): GraphQLSchema {
  const schema = makeExecutableSchema({ typeDefs, resolvers: resolvers as never });
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= defaultResolver as GraphQLFieldResolver<unknown, unknown>;
  }
  return schema;
}

/** The gateway that gives Apollo graphql-jit's executor over `schema`. */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new LruCache<Compiled>(JIT_CACHE, (key, value) => key.length + value.bytes);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: () =>
      Promise.resolve({
        executor: async (request) => {
          const key = `${request.queryHash}\u0000${request.operationName ?? ""}`;
          let entry = await compiled.get(key);
          if (!entry) {
            const made = compileQuery(schema, request.document, request.operationName ?? undefined);
            // Not compiled: the document's errors (validation has passed, so an operation that cannot be chosen).
            if (!isCompiledQuery(made)) return made;
            entry = { query: made, bytes: BYTES_PER_QUERY_CHARACTER * (request.source?.length ?? 0) };
            await compiled.set(key, entry);
          }
          return entry.query.query(undefined, request.context, request.request.variables ?? {});
        },
      }),
    stop: () => Promise.resolve(),
  };
}
