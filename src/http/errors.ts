import { STATUS_CODES } from "node:http";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { GraphQLError, Kind, parse, visit, type ASTNode, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { DomainError, ErrorCode, type ErrorKind } from "../errors.js";

/** An HTTP-level refusal in the GraphQL-over-HTTP shape: `{ errors: [{ message, extensions: { code } }] }`. */
export function sendHttpError(response: Response, status: number, code: ErrorCode, message: string): void {
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Paths nothing serves: a coded JSON 404 rather than Express's HTML page. */
export const notFound: RequestHandler = (request, response) => {
  sendHttpError(response, 404, ErrorCode.NotFound, `Nothing is served at ${request.method} ${request.path.slice(0, 100)}.`);
};

/**
 * The last Express error handler, replacing Express's own (an HTML page, with the stack trace unless
 * NODE_ENV=production). Client errors keep their status with a generic message; anything else is logged and
 * answered 500 without detail.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: unknown; statusCode?: unknown }, _request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const status = typeof error.status === "number" ? error.status : typeof error.statusCode === "number" ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      sendHttpError(response, status, ErrorCode.BadRequest, `${STATUS_CODES[status] ?? "Bad Request"}.`);
      return;
    }
    logger.error({ err: error, requestId: response.locals.requestId as unknown }, "internal error while handling a request");
    sendHttpError(response, 500, ErrorCode.InternalServerError, "Internal server error");
  };
}

/** What the client is sent for each kind of domain error: its code and, for credentials, the HTTP status. */
const edgeOfKind: Readonly<Record<ErrorKind, { code: ErrorCode; http?: { status: number; headers?: [string, string][] } }>> = {
  invalidInput: { code: ErrorCode.BadUserInput },
  unavailable: { code: ErrorCode.ServiceUnavailable },
  timeout: { code: ErrorCode.QueryTimeout },
  outOfMemory: { code: ErrorCode.DatabaseOutOfMemory },
  commitOutcomeUnknown: { code: ErrorCode.CommitOutcomeUnknown },
  unauthenticated: { code: ErrorCode.Unauthenticated, http: { status: 401, headers: [["www-authenticate", "Bearer"]] } },
  forbidden: { code: ErrorCode.Forbidden, http: { status: 403 } },
};

/** The coded GraphQL error a domain error is to a client: its message, its kind's code and its details. */
export function graphQLErrorOf(error: DomainError): GraphQLError {
  const { code, http } = edgeOfKind[error.kind];
  const status = http ? { http: { status: http.status, ...(http.headers ? { headers: new Map(http.headers) } : {}) } } : {};
  return new GraphQLError(error.message, { originalError: error, extensions: { code, ...error.details, ...status } });
}

/**
 * Gives a response the HTTP status (and headers) of the domain errors in it that have one (401, 403): Apollo reads
 * a status only from GraphQL errors' `extensions.http`, which the domain's errors do not carry.
 */
export const domainErrorStatus: ApolloServerPlugin<BaseContext> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ errors, response }) {
        for (const error of errors ?? []) {
          const original = error.originalError;
          const http = original instanceof DomainError ? edgeOfKind[original.kind].http : undefined;
          if (!http) continue;
          response.http.status = http.status;
          for (const [name, value] of http.headers ?? []) response.http.headers.set(name, value);
        }
        return Promise.resolve();
      },
    });
  },
};

/** Codes whose messages are written for clients (ours and Apollo's request-level ones). */
const clientFacing = new Set<string>([
  ErrorCode.BadUserInput,
  ErrorCode.ServiceUnavailable,
  ErrorCode.RateLimited,
  ErrorCode.QueryTimeout,
  ErrorCode.QueryTooComplex,
  ErrorCode.QueryTooDeep,
  ErrorCode.DatabaseOutOfMemory,
  ErrorCode.CommitOutcomeUnknown,
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  ErrorCode.BadRequest,
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** Codes of the query limits that run as validation rules: Apollo files their errors under GRAPHQL_VALIDATION_FAILED. */
const limitCodes = new Set<unknown>([ErrorCode.QueryTooComplex, ErrorCode.QueryTooDeep]);

const TOO_MANY_VARIABLE_ERRORS = "Too many errors processing variables";

/** graphql-js's wording when a literal argument does not fit its type (ValuesOfCorrectTypeRule). */
const badLiteral =
  /^(Expected value of type|Value .* does not exist in|Enum .* cannot represent|Int cannot represent|Float cannot represent|String cannot represent|ID cannot represent|Boolean cannot represent)/;

/**
 * The last stop before an error leaves the server: known, coded errors pass with their message;
 * anything else is masked for the client (and logged once per request by logging.ts), so no stack trace, Cypher or
 * driver message ever reaches a response. Without `suggestions`, graphql-js's "Did you mean …?" hints
 * (fields, arguments, types, input fields, enum values) are cut, so a schema hidden from introspection
 * cannot be guessed from them either.
 */
export function formatError(options: { suggestions: boolean }) {
  const format = codedOrMasked();
  if (options.suggestions) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return { ...result, message: withoutSuggestion(result.message) };
  };
}

/** graphql-js appends its hint last: `… Did you mean "a" or "b"?`. */
function withoutSuggestion(message: string): string {
  const at = message.lastIndexOf(" Did you mean ");
  return at === -1 ? message : message.slice(0, at);
}

function codedOrMasked() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    const originalExtensions = original instanceof GraphQLError ? original.extensions : undefined;
    const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : "";
    if (code === "GRAPHQL_VALIDATION_FAILED" && limitCodes.has(originalExtensions?.code)) {
      const { http: _http, ...extensions } = originalExtensions ?? {};
      return { message: formatted.message, extensions };
    }
    // A bad literal argument (`date: "2019-02-30"`, `groupBy: COUNTRY`) fails validation; it is still the caller's input.
    if (
      code === "GRAPHQL_VALIDATION_FAILED" &&
      (originalExtensions?.code === ErrorCode.BadUserInput || badLiteral.test(formatted.message))
    ) {
      const argument = error instanceof GraphQLError ? literalArgument(error) : undefined;
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { ...originalExtensions, code: ErrorCode.BadUserInput, ...(argument ? { argument } : {}) },
      };
    }
    // The domain's errors know no API: each kind gets its code here.
    if (original instanceof DomainError) {
      const { http: _http, ...extensions } = graphQLErrorOf(original).extensions;
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    // graphql-js stops coercing variables after 50 errors with an error of its own, uncoded (Apollo codes only the 50).
    if (error instanceof GraphQLError && !original && formatted.message.startsWith(TOO_MANY_VARIABLE_ERRORS)) {
      return { message: formatted.message, extensions: { code: ErrorCode.BadUserInput } };
    }
    if (clientFacing.has(code)) {
      const { stacktrace: _ignored, ...extensions } = formatted.extensions ?? {};
      const argument =
        code === String(ErrorCode.BadUserInput) && !extensions.argument
          ? ((error instanceof GraphQLError ? literalArgument(error) : undefined) ?? variableArgument(formatted.message))
          : undefined;
      return { ...formatted, extensions: { ...extensions, ...(argument ? { argument } : {}) } };
    }
    // Apollo's own refusals of a request it cannot serve (a persisted-query mismatch, say) carry an HTTP status of 4xx
    // and no code: the caller's mistake, not the server's.
    if (error instanceof GraphQLError && !original && error.extensions.code === undefined && isClientStatus(error.extensions.http)) {
      return { message: formatted.message, extensions: { code: ErrorCode.BadRequest } };
    }
    // Logged once per request, with its id, by the request logging plugin (logging.ts).
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.InternalServerError },
    };
  };
}

function isClientStatus(http: unknown): boolean {
  const status = typeof http === "object" && http !== null ? (http as { status?: unknown }).status : undefined;
  return typeof status === "number" && status >= 400 && status < 500;
}

/**
 * The argument path (`filter.from`) holding a literal that failed validation, found by walking the
 * document to the offending value: the scalar that refused it could not know where it stood.
 */
function literalArgument(error: GraphQLError): string | undefined {
  const start = error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (start === undefined || body === undefined) return undefined;
  let found: string | undefined;
  visit(parse(body), {
    enter(node, _key, parent, _path, ancestors) {
      if (found || node.loc?.start !== start || !("value" in node)) return;
      // `ancestors` stops short of the direct parent (the ObjectField of `filter: { from: … }`).
      const names = [...ancestors, parent]
        .filter((item): item is ASTNode => typeof item === "object" && item !== null && "kind" in item)
        .flatMap((item) => (item.kind === Kind.ARGUMENT || item.kind === Kind.OBJECT_FIELD ? [item.name.value] : []));
      if (names.length > 0) found = names.join(".");
    },
  });
  return found;
}

/** The argument path in Apollo's message for a variable that failed coercion: `Variable "$filter" got invalid value … at "filter.from"`. */
function variableArgument(message: string): string | undefined {
  const match = /^Variable "\$(\w+)" got invalid value .*? at "([\w.[\]]+)"/.exec(message) ?? /^Variable "\$(\w+)"/.exec(message);
  return match?.[2] ?? match?.[1];
}
