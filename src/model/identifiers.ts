/**
 * External identifiers (pure): an identifier of an outside registry, `scheme:value`, names one node. Stored as the
 * node's content property `identifiers`, a sorted list of keys, and as `(:ExternalId {key})-[:IDENTIFIES]->(node)`
 * for lookups (ingest/write/identifiers.ts). A node's `wikidataId` counts as its identifier `wikidata:<Q…>`.
 */
import { z } from "zod";
import { MAX_NAME_LENGTH } from "./text.js";

export const identifierLimits = {
  /** Characters of a scheme. */
  scheme: 32,
  /** Characters of a value: an ACLED actor name is a name. */
  value: MAX_NAME_LENGTH,
  /** Identifiers of one node. */
  perNode: 100,
} as const;

export const WIKIDATA = "wikidata";

/**
 * ACLED's event ids (`acled:SYR12345`) and ACLED's actor names (`acled-actor:Military Forces of Syria (2000-)`) are two
 * schemes, so that an actor ACLED names like an event id ("SYR90002") is no second claim on that event's identifier.
 */
export const ACLED_EVENT_SCHEME = "acled";
export const ACLED_ACTOR_SCHEME = "acled-actor";

/**
 * An actor's identifier as stored: `acled` on an actor, as bundles and exports written before ACLED_ACTOR_SCHEME existed give
 * it, means ACLED_ACTOR_SCHEME (no actor is an ACLED event).
 */
export const actorIdentifier = (id: ExternalId): ExternalId =>
  id.scheme === ACLED_EVENT_SCHEME ? { scheme: ACLED_ACTOR_SCHEME, value: id.value } : id;

const SCHEME = /^[a-z][a-z0-9_.-]*$/;
const WIKIDATA_ITEM = /^Q\d+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const identifierScheme = z
  .string()
  .max(identifierLimits.scheme, `a scheme has at most ${identifierLimits.scheme} characters`)
  .regex(SCHEME, "a scheme is lower case letters, digits, _, - or ., starting with a letter (e.g. acled, wikidata, geonames)");

/** Control characters have no place in an identifier (nor in a name that becomes one, as ACLED's actor names do). */
export const hasControlCharacters = (value: string): boolean => CONTROL.test(value);

export const identifierValue = z
  .string()
  .trim()
  .min(1, "an identifier's value must not be empty")
  .max(identifierLimits.value, `an identifier's value has at most ${identifierLimits.value} characters`)
  .refine((value) => !hasControlCharacters(value), "an identifier's value must not contain control characters");

/** One identifier as the API gives it; a `wikidata` value must look like an item id, as `wikidataId` does. */
export const externalId = z
  .object({ scheme: identifierScheme, value: identifierValue })
  .refine((id) => id.scheme !== WIKIDATA || WIKIDATA_ITEM.test(id.value), {
    message: "a wikidata identifier looks like Q123",
    path: ["value"],
  });

export const externalIds = z.array(externalId).max(identifierLimits.perNode, `at most ${identifierLimits.perNode} identifiers per node`);

export interface ExternalId {
  scheme: string;
  value: string;
}

export const identifierKey = (id: ExternalId): string => `${id.scheme}:${id.value}`;

/** A stored key as scheme and value: the scheme has no colon, so the value is everything after the first one. */
export function parseIdentifierKey(key: string): ExternalId {
  const colon = key.indexOf(":");
  return { scheme: key.slice(0, colon), value: key.slice(colon + 1) };
}

/** Keys without repeats, sorted: the stored form. */
export function identifierKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort();
}

/** Every identifier a node answers to: its `identifiers` (stored sorted) and its `wikidataId`. */
export function effectiveIdentifierKeys(identifiers: readonly string[] | null | undefined, wikidataId: unknown): readonly string[] {
  const keys = identifiers ?? [];
  if (typeof wikidataId !== "string" || wikidataId === "") return keys;
  const wikidata = identifierKey({ scheme: WIKIDATA, value: wikidataId });
  return keys.includes(wikidata) ? keys : identifierKeys([...keys, wikidata]);
}
