import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { ErrorCode } from "../errors.js";
import { isCalendarDate } from "../model/dates.js";

/** `node` ties the error to the literal in the document, so formatError can name the argument holding it. */
function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value !== "string" || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a real calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`, {
      ...(node ? { nodes: node } : {}),
      extensions: { code: ErrorCode.BadUserInput },
    });
  }
  return value;
}

/** `YYYY-MM-DD`; impossible dates such as 2019-02-30 are refused with BAD_USER_INPUT. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date, `YYYY-MM-DD`.",
  serialize: (value) => String(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});
