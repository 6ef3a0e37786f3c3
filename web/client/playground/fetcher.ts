import type { GraphiQLProps } from "graphiql";
import { GraphQLError } from "graphql";

type Fetcher = GraphiQLProps["fetcher"];

/**
 * Posts to this server's /graphql with the headers from the headers editor (an editor key goes there).
 * Plain JSON over POST: the API has no subscriptions or incremental delivery.
 */
export function createFetcher(url: string): Fetcher {
  return async (params, options) => {
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
