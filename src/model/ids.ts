import { InvalidInputError } from "../errors.js";
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
  incident: "Incident",
} as const;

export type IdPrefix = keyof typeof labelByPrefix;
export type NodeLabel = (typeof labelByPrefix)[IdPrefix];

/** The most characters of an id after its `<prefix>:`. */
export const MAX_SLUG_LENGTH = 200;

/**
 * A slug of at most `maxLength` characters, as regular expression source: ASCII letters, digits and `._~-`, starting
 * with a letter or digit (ACLED's `SYR12345` keeps its case).
 */
export function slugPattern(maxLength: number): string {
  return `[A-Za-z0-9][A-Za-z0-9._~-]{0,${maxLength - 1}}`;
}

/** `<prefix>:<slug>`. */
const idPattern = new RegExp(`^([a-z]+):(${slugPattern(MAX_SLUG_LENGTH)})$`);

/** The same list for looking up text from a request: a Map, so `constructor:x` finds nothing (`in` and `[]` would find Object's). */
const labels: ReadonlyMap<string, NodeLabel> = new Map(Object.entries(labelByPrefix));

export function parseId(id: string): { prefix: IdPrefix; label: NodeLabel } | null {
  const prefix = idPattern.exec(id)?.[1];
  const label = prefix === undefined ? undefined : labels.get(prefix);
  return prefix !== undefined && label !== undefined ? { prefix: prefix as IdPrefix, label } : null;
}

/** The label of a well-formed id, or a BAD_USER_INPUT error naming the argument. */
export function labelOf(id: string, argument: string): NodeLabel {
  const parsed = parseId(id);
  if (!parsed) {
    throw new InvalidInputError(
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
    throw new InvalidInputError(`${argument} must be ${withArticle(prefix)} id (${prefix}:<slug>), got "${truncate(id)}".`, argument);
  }
  return id;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
