/**
 * What the write path and the export read back from Neo4j, checked with zod rather than cast: a row that does not
 * fit is a data error to fail on loudly, not something to compare against or export half-formed.
 */
import { z } from "zod";
import type { Row } from "../db/executor.js";
import { EVENT_POINT } from "../graph/eventLocation.js";

/** The rows of one statement, each parsed by `schema`. */
export function parseRows<T>(schema: z.ZodType<T>, rows: readonly Row[]): T[] {
  return rows.map((row) => schema.parse(row));
}

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);

/** A node found by id: its id and element id. */
export const elementRow = z.object({ id: z.string(), element: z.string() });

/** A stored property value as the driver's values become plain (integers as numbers, dates as ISO strings). */
const storedValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/**
 * A node's stored properties as a map projection of `variable`, for the export and merges: all but an event's derived
 * point (graph/eventLocation.ts), which no import writes, so that every value is one `storedValue` takes.
 */
export const storedPropertiesOf = (variable: string): string => `${variable} {.*, ${EVENT_POINT.point}: null}`;
export const storedProperties = z.record(z.string(), storedValue);
export type StoredProperties = z.infer<typeof storedProperties>;

/** What an import sets, read back: the property values a draft can hold (no booleans: those are aggregates). */
export const writtenProperties = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()]));

/** One piece of evidence: offsets into the source text and the quote they hold. */
export const locatedRow = z.object({ start: z.number().int(), end: z.number().int(), quote: z.string() });

export const optionalText = nullable(z.string());
export const optionalNumber = nullable(z.number());
export const texts = nullable(z.array(z.string())).transform((value) => value ?? []);
