/**
 * The domain's errors (src/errors.ts) know no API; the edge (src/http/errors.ts) gives each its code, the details
 * clients read beside it, and, for credentials, the HTTP status. These are the codes clients switch on.
 */
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import {
  CommitOutcomeUnknownError,
  DatabaseOutOfMemoryError,
  type DomainError,
  ForbiddenError,
  ImportTimeoutError,
  InvalidImportError,
  InvalidInputError,
  QueryTimeoutError,
  ServiceUnavailableError,
  UnauthenticatedError,
} from "../../src/errors.js";
import { formatError, graphQLErrorOf } from "../../src/http/errors.js";

/** What a client is sent for `error` thrown by a resolver at `path`. */
function sent(error: DomainError) {
  const located = new GraphQLError(error.message, { path: ["field"], originalError: error });
  return formatError({ suggestions: false })(located.toJSON(), located);
}

describe("the domain's errors at the edge", () => {
  it("are coded by kind, with the details clients read", () => {
    expect(sent(new InvalidInputError("first must be between 0 and 100, got 101.", "first"))).toEqual({
      message: "first must be between 0 and 100, got 101.",
      path: ["field"],
      extensions: { code: "BAD_USER_INPUT", argument: "first" },
    });
    expect(sent(new InvalidInputError("The search has too many terms."))).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    const problems = [{ path: "rows.2.event_date", message: "not a date" }];
    expect(sent(new InvalidImportError(problems))).toMatchObject({
      message: "The import has a problem; nothing was written.",
      extensions: { code: "BAD_USER_INPUT", problems },
    });
    expect(sent(new ServiceUnavailableError())).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    expect(sent(new QueryTimeoutError())).toMatchObject({ extensions: { code: "QUERY_TIMEOUT" } });
    expect(sent(new ImportTimeoutError(600_000, "api"))).toMatchObject({
      message: expect.stringContaining("IMPORT_TIMEOUT_MS") as string,
      extensions: { code: "QUERY_TIMEOUT", budget: "IMPORT_TIMEOUT_MS", timeoutMs: 600_000 },
    });
    expect(sent(new DatabaseOutOfMemoryError(new Error("Neo4j's own words")))).toEqual({
      message: expect.not.stringContaining("Neo4j's own words") as string,
      path: ["field"],
      extensions: { code: "DATABASE_OUT_OF_MEMORY" },
    });
    expect(sent(new CommitOutcomeUnknownError())).toMatchObject({ extensions: { code: "COMMIT_OUTCOME_UNKNOWN" } });
    expect(sent(new UnauthenticatedError("Send a key."))).toEqual({
      message: "Send a key.",
      path: ["field"],
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(sent(new ForbiddenError("Read only."))).toMatchObject({ extensions: { code: "FORBIDDEN" } });
  });

  it("give credentials' refusals their HTTP status, which Apollo sends", () => {
    expect(graphQLErrorOf(new UnauthenticatedError("Send a key.")).extensions.http).toEqual({
      status: 401,
      headers: new Map([["www-authenticate", "Bearer"]]),
    });
    expect(graphQLErrorOf(new ForbiddenError("Read only.")).extensions.http).toEqual({ status: 403 });
    expect(graphQLErrorOf(new QueryTimeoutError()).extensions.http).toBeUndefined();
  });

  it("are plain errors below the edge, named after their class", () => {
    const error = new InvalidInputError("bad", "after");
    expect(error).not.toBeInstanceOf(GraphQLError);
    expect(error.name).toBe("InvalidInputError");
    expect(error.kind).toBe("invalidInput");
    expect(error.argument).toBe("after");
  });

  it("mask anything else as INTERNAL_SERVER_ERROR", () => {
    const located = new GraphQLError("Cypher said no", { path: ["field"], originalError: new Error("Cypher said no") });
    expect(formatError({ suggestions: false })(located.toJSON(), located)).toMatchObject({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});
