/**
 * Validates records on their way in from Neo4j and shapes them into the model's rows. A record that
 * does not fit is a data error worth failing loudly on, not something to pass half-formed to clients.
 */
import { z } from "zod";
import type {
  ActorRow,
  AgreementRow,
  ClaimRow,
  EstimateRow,
  EventRow,
  EvidenceRow,
  IncidentRow,
  NodeRow,
  PlaceRow,
  SourceRow,
  StatementRow,
} from "../model/rows.js";
import type { NodeLabel } from "../model/ids.js";
import { nodeTypes, propertiesOf, type NodeProperty } from "../graph/nodes.js";
import { storedTolls } from "../model/eventAggregates.js";

const text = z.string();
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const optionalNumber = z
  .number()
  .nullish()
  .transform((value) => value ?? null);
const texts = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);

/** How a stored property of a type is read into a row: absent texts and numbers as null, absent lists as empty. */
function rowValue(property: NodeProperty): z.ZodType {
  switch (property.type) {
    case "strings":
      return texts;
    case "int":
    case "float":
      return property.optional ? optionalNumber : z.number();
    case "boolean":
      return z.boolean().nullish();
    case "point":
      return z
        .object({ latitude: z.number(), longitude: z.number() })
        .nullish()
        .transform((value) => value ?? null);
    case "string":
    case "date":
      return property.optional ? optionalText : text;
  }
}

/** A row as read, before it is shaped: the stored properties a row is made of (the catalogue's, derived ones aside). */
type Stored = Record<string, unknown>;

/** Each label's row schema: its id, given and computed properties (src/graph/nodes.ts). */
const schemas = Object.fromEntries(
  (Object.keys(nodeTypes) as NodeLabel[]).map((label) => [
    label,
    z.object(Object.fromEntries(propertiesOf(label, "id", "given", "computed").map(([key, property]) => [key, rowValue(property)]))),
  ]),
) as Record<NodeLabel, z.ZodObject<Record<string, z.ZodType>>>;

const parse = (label: NodeLabel, value: unknown): Stored => schemas[label].parse(value);

/**
 * The Cypher map projection of the properties a row is made of, e.g. `p {.id, .name, …}`. Nodes also carry what
 * only the write path and the search index read (content hashes, name keys, search text, audit fields), often
 * more than the row itself; leaving it in the database keeps responses small.
 */
export function rowProperties(label: NodeLabel, variable: string): string {
  return `${variable} {${Object.keys(schemas[label].shape)
    .map((key) => `.${key}`)
    .join(", ")}}`;
}

/**
 * Row properties that only some fields read, per label: each with the GraphQL fields of that type that need it
 * (resolvers and the row functions below), from the catalogue's `selectedOnly` properties. They are all optional in
 * the row's schema, so a row without them still parses; it must then only serve the selection it was fetched for: a
 * page's rows, and the events, places and actors fetched ahead below them, are never put in a loader's cache (only
 * sources fetched ahead are, whole).
 */
export const selectedOnly: Partial<Record<NodeLabel, Record<string, readonly string[]>>> = Object.fromEntries(
  (Object.keys(nodeTypes) as NodeLabel[]).flatMap((label) => {
    const optional = propertiesOf(label, "given", "computed").filter(([, property]) => property.selectedOnly);
    return optional.length === 0 ? [] : [[label, Object.fromEntries(optional.map(([key, property]) => [key, property.fields ?? []]))]];
  }),
);

/**
 * `rowProperties` for a row that serves one selection only: without the properties that none of the `selected`
 * fields reads. Decoding every property of every row was most of a page's cost (docs/benchmarks.md).
 */
export function selectedRowProperties(label: NodeLabel, variable: string, selected: readonly string[] | undefined): string {
  const optional = selectedOnly[label];
  if (selected === undefined || optional === undefined) return rowProperties(label, variable);
  const keys = Object.keys(schemas[label].shape).filter((key) => optional[key]?.some((field) => selected.includes(field)) ?? true);
  return `${variable} {${keys.map((key) => `.${key}`).join(", ")}}`;
}

/**
 * The same for a node whose label the statement does not fix: the row properties of its own label, chosen in Cypher
 * (reading every label's ~40 keys of each node cost a search five times raw's database hits, docs/benchmarks.md).
 */
export function anyRowProperties(variable: string): string {
  const keys = new Set(Object.values(schemas).flatMap((schema) => Object.keys(schema.shape)));
  const branches = (Object.keys(schemas) as NodeLabel[]).map((label) => `WHEN ${variable}:${label} THEN ${rowProperties(label, variable)}`);
  return `CASE ${branches.join(" ")} ELSE ${variable} {${[...keys].map((key) => `.${key}`).join(", ")}} END`;
}

// Enum-typed fields are stored by the write path from validated input, as the catalogue's types say; the casts below
// trust that.

export function actorRow(value: unknown): ActorRow {
  return parse("Actor", value) as unknown as ActorRow;
}

export function placeRow(value: unknown): PlaceRow {
  return parse("Place", value) as unknown as PlaceRow;
}

const count = (value: unknown) => (typeof value === "number" ? value : null);
const textOf = (value: unknown) => (typeof value === "string" ? value : null);

function estimate(low: unknown, high: unknown, qualifier: unknown, best: unknown = null): EstimateRow | null {
  if (typeof qualifier !== "string") return null;
  return {
    low: count(low),
    high: count(high),
    qualifier: qualifier as EstimateRow["qualifier"],
    ...(typeof best === "number" ? { best } : {}),
  };
}

/** A stored headline toll (`fatalities`, `injuries`) as an estimate. */
const toll = (row: Stored, figure: "fatalities" | "injuries") =>
  estimate(row[`${figure}Low`], row[`${figure}High`], row[`${figure}Qualifier`], row[`${figure}Best`]);

/** Whether a row was read with its victim groups' tolls (selectedOnly leaves them out when `tolls` is not asked for). */
const withTolls = (row: Record<string, unknown>) => Object.keys(row).some((key) => key.startsWith("deaths"));

/** Values a row reads in place of an absent property: UCDP's events have no ACLED type, served as OTHER. */
export const propertyDefaults: Partial<Record<NodeLabel, Readonly<Record<string, string>>>> = { Event: { type: "OTHER" } };

export function eventRow(value: unknown): EventRow {
  const row = parse("Event", value);
  const [latitude, longitude] = [count(row.latitude), count(row.longitude)];
  const point = (row.point ?? null) as { latitude: number; longitude: number } | null;
  return {
    id: row.id as string,
    title: row.title as string,
    category: row.category as EventRow["category"],
    type: (row.type ?? propertyDefaults.Event!.type) as EventRow["type"],
    date: row.date as string,
    endDate: textOf(row.endDate),
    datePrecision: row.datePrecision as EventRow["datePrecision"],
    summary: textOf(row.summary),
    fatalities: toll(row, "fatalities"),
    injuries: toll(row, "injuries"),
    ...(withTolls(value as Record<string, unknown>) ? { tolls: storedTolls(row) } : {}),
    contested: row.contested === true,
    // The derived point; an event's own coordinates stand in for a point not yet derived.
    location: point ?? (latitude === null || longitude === null ? null : { latitude, longitude }),
    geoPrecision: row.geoPrecision as EventRow["geoPrecision"],
    locationPrecision: (textOf(row.pointPrecision) ??
      (point === null && latitude !== null ? (textOf(row.geoPrecision) ?? "TOWN") : null)) as EventRow["locationPrecision"],
    locationPlaceId: textOf(row.pointPlaceId),
    identifiers: row.identifiers as string[],
    ucdpConflictId: textOf(row.ucdpConflictId),
    ucdpDyadId: textOf(row.ucdpDyadId),
  };
}

export function incidentRow(value: unknown): IncidentRow {
  const row = parse("Incident", value);
  return {
    id: row.id as string,
    date: row.date as string,
    match: row.match as IncidentRow["match"],
    fatalities: toll(row, "fatalities"),
    injuries: toll(row, "injuries"),
    tolls: storedTolls(row),
  };
}

export function claimRow(value: unknown): ClaimRow {
  const row = parse("Claim", value);
  return {
    id: row.id as string,
    kind: row.kind as ClaimRow["kind"],
    text: row.text as string,
    estimate: estimate(row.low, row.high, row.qualifier, row.best),
    victims: row.victims as ClaimRow["victims"],
    victimsOf: textOf(row.victimsOf),
  };
}

export function agreementRow(value: unknown): AgreementRow {
  return parse("Agreement", value) as unknown as AgreementRow;
}

export function statementRow(value: unknown): StatementRow {
  return parse("Statement", value) as unknown as StatementRow;
}

export function sourceRow(value: unknown): SourceRow {
  return parse("Source", value) as unknown as SourceRow;
}

const evidenceSchema = z.object({
  sourceId: text,
  quote: text,
  start: z.number().int(),
  end: z.number().int(),
});

export function evidenceRow(value: unknown): EvidenceRow {
  return evidenceSchema.parse(value);
}

/** The labels whose rows are shaped beyond their stored properties (estimates, a location, defaults). */
const shapedRows: Partial<Record<NodeLabel, (value: unknown) => NodeRow>> = { Event: eventRow, Incident: incidentRow, Claim: claimRow };

/** The row for a node of any label: its shaped row, or else its stored properties as the catalogue reads them. */
export function nodeRow(label: NodeLabel, value: unknown): NodeRow {
  return shapedRows[label]?.(value) ?? (parse(label, value) as unknown as NodeRow);
}
