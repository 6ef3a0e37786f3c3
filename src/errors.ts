/**
 * The service's errors, free of any API: lower layers (model, db, repositories, ingest, auth) throw these, and only
 * the edge (src/http/errors.ts) turns them into coded GraphQL errors, each kind with its `extensions.code`.
 */

/** Every `extensions.code` this service sends. Clients may switch on these. */
export enum ErrorCode {
  BadUserInput = "BAD_USER_INPUT",
  ServiceUnavailable = "SERVICE_UNAVAILABLE",
  QueryTimeout = "QUERY_TIMEOUT",
  QueryTooComplex = "QUERY_TOO_COMPLEX",
  QueryTooDeep = "QUERY_TOO_DEEP",
  RateLimited = "RATE_LIMITED",
  DatabaseOutOfMemory = "DATABASE_OUT_OF_MEMORY",
  CommitOutcomeUnknown = "COMMIT_OUTCOME_UNKNOWN",
  Unauthenticated = "UNAUTHENTICATED",
  Forbidden = "FORBIDDEN",
  InternalServerError = "INTERNAL_SERVER_ERROR",
  /** HTTP-level refusals, answered before GraphQL runs. */
  BadRequest = "BAD_REQUEST",
  PayloadTooLarge = "PAYLOAD_TOO_LARGE",
  /** The query document is over MAX_QUERY_BYTES (comments and whitespace count). */
  DocumentTooLarge = "DOCUMENT_TOO_LARGE",
  UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE",
  NotFound = "NOT_FOUND",
  /** A CORS preflight from an origin CORS_ORIGINS does not list (403). */
  CorsOriginNotAllowed = "CORS_ORIGIN_NOT_ALLOWED",
}

/**
 * What kind of failure an expected error is. The edge gives each kind its code (src/http/errors.ts, `edgeOfKind`):
 * invalidInput is BAD_USER_INPUT, unavailable SERVICE_UNAVAILABLE, timeout QUERY_TIMEOUT, outOfMemory
 * DATABASE_OUT_OF_MEMORY, commitOutcomeUnknown COMMIT_OUTCOME_UNKNOWN, unauthenticated UNAUTHENTICATED (401) and
 * forbidden FORBIDDEN (403).
 */
export type ErrorKind =
  "invalidInput" | "unavailable" | "timeout" | "outOfMemory" | "commitOutcomeUnknown" | "unauthenticated" | "forbidden";

/** An expected failure, with a message written for the caller; anything else is masked and logged at the edge. */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  /** What the caller is told besides the message (`argument`, `problems`, `budget`), sent beside the code. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, details: Readonly<Record<string, unknown>> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Input the caller can fix; `argument` names what to fix (`filter.placeId`, `after`). */
export class InvalidInputError extends DomainError {
  readonly kind = "invalidInput";

  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(message, argument ? { argument } : {});
  }
}

/** The database cannot be reached now; retrying later may work. */
export class ServiceUnavailableError extends DomainError {
  readonly kind = "unavailable";

  constructor() {
    super("The database is unavailable; try again shortly.");
  }
}

/** The database gave up on a query that ran longer than the configured budget. */
export class QueryTimeoutError extends DomainError {
  readonly kind = "timeout";

  constructor() {
    super("The query took longer than the server allows; narrow it down.");
  }
}

/**
 * An import (or a merge, or an incident decision) ran past its own budget, `IMPORT_TIMEOUT_MS`, which is not a query's:
 * the message names that setting, where it is set (the server's, or the command line's own environment) and what to
 * do. Same kind as a query's timeout, so clients that handle one handle both.
 */
export class ImportTimeoutError extends DomainError {
  readonly kind = "timeout";

  constructor(timeoutMs: number, caller: "api" | "cli") {
    const budget = timeoutMs < 10_000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    super(
      caller === "cli"
        ? `The import ran past its budget of ${budget} (IMPORT_TIMEOUT_MS=${timeoutMs}, read by npm run import from its ` +
            "environment or .env) and nothing was written. Run it again with a larger budget, e.g. " +
            `IMPORT_TIMEOUT_MS=${timeoutMs * 2} npm run import -- <file>, or split the file.`
        : `The import ran past the server's import budget of ${budget} (IMPORT_TIMEOUT_MS) and nothing was written. ` +
            "Split the file, ask the server's operator to raise IMPORT_TIMEOUT_MS, or import it with npm run import -- <file>, " +
            "whose budget is IMPORT_TIMEOUT_MS in its own environment.",
      { budget: "IMPORT_TIMEOUT_MS", timeoutMs },
    );
  }
}

/**
 * The database refused the transaction for lack of memory (its transaction memory pool, or the heap). Trying again
 * fails the same way: the work must be smaller, or the database given more memory.
 */
export class DatabaseOutOfMemoryError extends DomainError {
  readonly kind = "outOfMemory";

  /** `cause`: Neo4j's own error, for the server's logs; never sent. */
  constructor(cause?: Error) {
    super(
      "The database ran out of memory for this transaction, and nothing was written. Retrying will not help: " +
        "import a smaller file (or fewer bundles at once), or give the database more transaction memory.",
      {},
      cause ? { cause } : undefined,
    );
  }
}

/** The connection was lost while a write was being committed: it may or may not have been written. */
export class CommitOutcomeUnknownError extends DomainError {
  readonly kind = "commitOutcomeUnknown";

  constructor() {
    super(
      "The connection to the database was lost while the import was being committed, so it may or may not have been " +
        "written. Imports are idempotent: running the same import again is safe, and writes whatever is missing.",
    );
  }
}

/** No credentials, or credentials the server does not accept (HTTP 401 at the edge). The message never repeats them. */
export class UnauthenticatedError extends DomainError {
  readonly kind = "unauthenticated";
}

/** Valid credentials whose role may not do this (HTTP 403 at the edge). */
export class ForbiddenError extends DomainError {
  readonly kind = "forbidden";
}

/** One thing wrong with an import, at a path into its input (`claims.3.quotes.0`, `rows.12.event_type`). */
export interface ImportProblem {
  path: string;
  message: string;
}

/** Something an import accepted but had to decide about (a figure out of order); reported, never refused. */
export interface ImportWarning {
  path: string;
  message: string;
}

/** An import refused whole: every problem found, in `extensions.problems`; nothing was written. */
export class InvalidImportError extends DomainError {
  readonly kind = "invalidInput";

  constructor(readonly problems: readonly ImportProblem[]) {
    super(`The import has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}; nothing was written.`, {
      problems,
    });
  }
}

/** For exhaustive switches: the compiler proves this is never reached. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
