/**
 * One log line per GraphQL request: request id, operation, duration, database round trips and the
 * error codes sent. The request id comes from `X-Request-Id` when a proxy set one, and is echoed back.
 * A request that was answered INTERNAL_SERVER_ERROR adds one error line: its request id, the first such error with
 * its stack, and the messages of the others (a failing database fails many fields alike, and one stack tells it).
 * The query's variables are never logged: they may hold anything a caller sent.
 */
import { randomUUID } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError, GraphQLFormattedError } from "graphql";
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

const INTERNAL = "INTERNAL_SERVER_ERROR";

const codeOf = (code: unknown): string => (typeof code === "string" ? code : INTERNAL);

/**
 * The errors sent as INTERNAL_SERVER_ERROR, found by position among the raw ones (Apollo formats them in order), with
 * the original error of each: one line, one stack.
 */
function logInternalErrors(
  logger: Logger,
  request: { requestId: string; operationName: string | null },
  errors: { sent: readonly GraphQLFormattedError[]; raw: readonly GraphQLError[] },
): void {
  const { sent, raw } = errors;
  const internal = sent.flatMap((error, i) => (codeOf(error.extensions?.code) === INTERNAL ? [raw[i]] : []));
  const originals = internal.map((error) => error?.originalError ?? error).filter((error) => error !== undefined);
  const [first] = originals;
  logger.error(
    {
      ...request,
      err: first,
      count: internal.length,
      paths: internal.slice(0, 10).map((error) => error?.path?.join(".") ?? null),
      ...(originals.length > 1 ? { otherMessages: [...new Set(originals.slice(1).map((error) => error.message))].slice(0, 10) } : {}),
    },
    "internal error while resolving a request",
  );
}

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
          if (codes.includes(INTERNAL)) {
            logInternalErrors(
              logger,
              { requestId: contextValue.requestId, operationName: operationName ?? null },
              { sent: sent ?? [], raw: errors ?? [] },
            );
          }
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
