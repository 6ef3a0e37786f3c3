import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { ErrorCode } from "../errors.js";
import { isCalendarDate } from "../model/dates.js";

/** `node` ties the error to the literal in the document, so formatError can name the argument holding it. */
function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value !== "string" || !isCalendarDate(value)) {
    throw new GraphQLError(`Date must be a real calendar date written YYYY-MM-DD, got ${describe(value)}.`, {
      ...(node ? { nodes: node } : {}),
      extensions: { code: ErrorCode.BadUserInput },
    });
  }
  return value;
}

/** The refused value, short: a string clipped, anything else by its type (JSON.stringify would recurse into nested arrays). */
function describe(value: unknown): string {
  if (typeof value !== "string") return Array.isArray(value) ? "a list" : value === null ? "null" : `a ${typeof value}`;
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** `YYYY-MM-DD`; impossible dates such as 2019-02-30 are refused with BAD_USER_INPUT. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date, `YYYY-MM-DD`.",
  serialize: (value) => String(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});
