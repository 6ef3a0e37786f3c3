import type { GraphiQLProps } from "graphiql";
import { getOperationAST, GraphQLError, OperationTypeNode, parse, type ExecutionResult } from "graphql";
import { createClient } from "graphql-ws";

type Fetcher = GraphiQLProps["fetcher"];

/** Whether the operation to run is a subscription (an unparsable document goes to HTTP, which says what is wrong). */
function isSubscription(query: string, operationName: string | null | undefined): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === OperationTypeNode.SUBSCRIPTION;
  } catch {
    return false;
  }
}

/**
 * A subscription over graphql-ws on the same path, its results as they come; the headers editor's Authorization
 * goes in `connectionParams`, as the server reads it. One connection per subscription, closed when GraphiQL stops it.
 */
function subscribe(
  url: string,
  params: Parameters<Fetcher>[0],
  headers: Record<string, unknown> | undefined,
): AsyncIterable<ExecutionResult> {
  const authorization = headers?.authorization ?? headers?.Authorization;
  const socketUrl: string = new URL(url, window.location.href).href.replace(/^http/, "ws");
  const client = createClient({
    url: socketUrl,
    retryAttempts: 0,
    ...(typeof authorization === "string" ? { connectionParams: { authorization } } : {}),
  });
  const variables = (params.variables ?? {}) as Record<string, unknown>;
  const results = client.iterate({ query: params.query, variables, operationName: params.operationName ?? null });
  return {
    [Symbol.asyncIterator]: () => ({
      // Results arrive as JSON, errors as plain objects: GraphiQL shows them as it shows HTTP's.
      next: async () => (await results.next()) as IteratorResult<ExecutionResult>,
      return: async () => {
        await results.return?.();
        await client.dispose();
        return { done: true as const, value: undefined };
      },
    }),
  };
}

/**
 * Posts to this server's /graphql with the headers from the headers editor (an editor key goes there), as plain JSON;
 * subscriptions go over graphql-ws to the same path.
 */
export function createFetcher(url: string): Fetcher {
  return async (params, options) => {
    if (isSubscription(params.query, params.operationName)) return subscribe(url, params, options?.headers);
    const response = await fetch(url, {
      method: "POST",
      headers: {
        ...options?.headers,
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text) as Awaited<ReturnType<Fetcher>>;
    } catch {
      // A proxy's HTML error page or an empty body: show what came back rather than a parse error.
      return { errors: [new GraphQLError(`HTTP ${response.status}: ${text.slice(0, 500) || response.statusText}`)] };
    }
  };
}
