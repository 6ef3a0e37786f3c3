import { GraphQLError } from "graphql";

/** Every `extensions.code` this service sends. Clients may switch on these. */
export enum ErrorCode {
  BadUserInput = "BAD_USER_INPUT",
  ServiceUnavailable = "SERVICE_UNAVAILABLE",
  QueryTimeout = "QUERY_TIMEOUT",
  QueryTooComplex = "QUERY_TOO_COMPLEX",
  InternalServerError = "INTERNAL_SERVER_ERROR",
}

/** Input the caller can fix; `argument` names what to fix. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: ErrorCode.BadUserInput, ...(argument ? { argument } : {}) } });
  }
}

/** The database cannot be reached now; retrying later may work. */
export class ServiceUnavailableError extends GraphQLError {
  constructor() {
    super("The database is unavailable; try again shortly.", {
      extensions: { code: ErrorCode.ServiceUnavailable },
    });
  }
}

/** The database gave up on a query that ran longer than the configured budget. */
export class QueryTimeoutError extends GraphQLError {
  constructor() {
    super("The query took longer than the server allows; narrow it down.", {
      extensions: { code: ErrorCode.QueryTimeout },
    });
  }
}

/** For exhaustive switches: the compiler proves this is never reached. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
