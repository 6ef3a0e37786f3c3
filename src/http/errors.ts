import { GraphQLError, Kind, parse, visit, type ASTNode, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ErrorCode } from "../errors.js";

/** Codes whose messages are written for clients (ours and Apollo's request-level ones). */
const clientFacing = new Set<string>([
  ErrorCode.BadUserInput,
  ErrorCode.ServiceUnavailable,
  ErrorCode.QueryTimeout,
  ErrorCode.QueryTooComplex,
  ErrorCode.DatabaseOutOfMemory,
  ErrorCode.CommitOutcomeUnknown,
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** graphql-js's wording when a literal argument does not fit its type (ValuesOfCorrectTypeRule). */
const badLiteral =
  /^(Expected value of type|Value .* does not exist in|Enum .* cannot represent|Int cannot represent|Float cannot represent|String cannot represent|ID cannot represent|Boolean cannot represent)/;

/**
 * The last stop before an error leaves the server: known, coded errors pass with their message;
 * anything else is logged in full here and masked for the client, so no stack trace, Cypher or
 * driver message ever reaches a response.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    const originalExtensions = original instanceof GraphQLError ? original.extensions : undefined;
    const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : "";
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
    if (clientFacing.has(code)) {
      const { stacktrace: _ignored, ...extensions } = formatted.extensions ?? {};
      const argument =
        code === String(ErrorCode.BadUserInput) && !extensions.argument
          ? ((error instanceof GraphQLError ? literalArgument(error) : undefined) ?? variableArgument(formatted.message))
          : undefined;
      return { ...formatted, extensions: { ...extensions, ...(argument ? { argument } : {}) } };
    }
    logger.error({ err: original ?? error, path: formatted.path }, "internal error while resolving a request");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.InternalServerError },
    };
  };
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
