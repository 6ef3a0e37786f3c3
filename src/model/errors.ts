/**
 * The model's own errors, free of any API: the GraphQL edge (src/http/errors.ts, formatError) reports an
 * InvalidInputError as BAD_USER_INPUT, naming the argument.
 */

/** Input the caller can fix; `argument` names what to fix (`filter.placeId`, `after`). */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(message);
    this.name = "InvalidInputError";
  }
}
