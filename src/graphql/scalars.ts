import { GraphQLScalarType, Kind } from "graphql";
import { BadUserInputError } from "../errors.js";
import { isCalendarDate } from "../model/dates.js";

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isCalendarDate(value)) {
    throw new BadUserInputError(`Date must be a real calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** `YYYY-MM-DD`; impossible dates such as 2019-02-30 are refused with BAD_USER_INPUT. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date, `YYYY-MM-DD`.",
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
