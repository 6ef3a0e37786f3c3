import { BadUserInputError } from "../errors.js";
import { withArticle } from "./text.js";

/** Id prefix -> Neo4j label. The only way a label enters Cypher from a request: checked against this list. */
export const labelByPrefix = {
  actor: "Actor",
  place: "Place",
  event: "Event",
  agreement: "Agreement",
  statement: "Statement",
  source: "Source",
  claim: "Claim",
} as const;

export type IdPrefix = keyof typeof labelByPrefix;
export type NodeLabel = (typeof labelByPrefix)[IdPrefix];

/** `<prefix>:<slug>`; slugs are ASCII letters, digits and `._~-` (ACLED's `SYR12345` keeps its case). */
const idPattern = /^([a-z]+):([A-Za-z0-9][A-Za-z0-9._~-]{0,199})$/;

export function parseId(id: string): { prefix: IdPrefix; label: NodeLabel } | null {
  const match = idPattern.exec(id);
  const prefix = match?.[1];
  if (!prefix || !(prefix in labelByPrefix)) return null;
  const known = prefix as IdPrefix;
  return { prefix: known, label: labelByPrefix[known] };
}

/** The label of a well-formed id, or a BAD_USER_INPUT error naming the argument. */
export function labelOf(id: string, argument: string): NodeLabel {
  const parsed = parseId(id);
  if (!parsed) {
    throw new BadUserInputError(
      `Malformed id "${truncate(id)}" in ${argument}: expected <type>:<slug> with type one of ${Object.keys(labelByPrefix).join(", ")}.`,
      argument,
    );
  }
  return parsed.label;
}

/** Checks that `id` is a well-formed id of the expected type. */
export function expectId(id: string, prefix: IdPrefix, argument: string): string {
  const label = labelOf(id, argument);
  if (label !== labelByPrefix[prefix]) {
    throw new BadUserInputError(`${argument} must be ${withArticle(prefix)} id (${prefix}:<slug>), got "${truncate(id)}".`, argument);
  }
  return id;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
