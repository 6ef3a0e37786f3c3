/**
 * One log line per GraphQL request: request id, operation, duration, database round trips and the
 * error codes sent. The request id comes from `X-Request-Id` when a proxy set one, and is echoed back.
 */
import { randomUUID } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import type { Context } from "../graphql/context.js";
import type { Metrics } from "../metrics.js";

const requestIdPattern = /^[\w.-]{1,128}$/;

export function requestId(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header("x-request-id");
  const id = incoming && requestIdPattern.test(incoming) ? incoming : randomUUID();
  response.locals.requestId = id;
  response.setHeader("x-request-id", id);
  next();
}

const codeOf = (code: unknown): string => (typeof code === "string" ? code : "INTERNAL_SERVER_ERROR");

/** Logs the request and counts its error codes into `graphql_error_responses_total`. */
export function requestLoggingPlugin(logger: Logger, metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    requestDidStart: ({ contextValue }) => {
      const startedAt = performance.now();
      return Promise.resolve({
        willSendResponse: ({ operationName, errors, response }) => {
          // The codes the client was sent (after formatError maps domain errors), not those of the raw errors.
          const sent = response.body.kind === "single" ? response.body.singleResult.errors : response.body.initialResult.errors;
          const codes = [...new Set((sent ?? errors ?? []).map((error) => codeOf(error.extensions?.code)))];
          for (const code of codes) metrics.errorResponses.inc({ code });
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
              dbRoundTrips: contextValue.stats.roundTrips,
              status: response.http.status ?? 200,
              ...(codes.length > 0 ? { errorCodes: codes } : {}),
            },
            "graphql request",
          );
          return Promise.resolve();
        },
      });
    },
  };
}
