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
import { COUNT_AGGREGATES, storedTolls, TOLL_AGGREGATES } from "../model/eventAggregates.js";
import { UnreachableCaseError } from "../errors.js";

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

/** The stored toll aggregates beyond fatalities' and injuries' low, high and qualifier: best estimates, victim groups. */
const moreTolls = Object.fromEntries(
  TOLL_AGGREGATES.filter((name) => !/^(fatalities|injuries)/.test(name)).map((name) => [
    name,
    COUNT_AGGREGATES.includes(name) ? optionalNumber : optionalText,
  ]),
);

/** The victim groups' tolls are read by `tolls` only. */
const moreTollFields = Object.fromEntries(Object.keys(moreTolls).map((name) => [name, ["tolls"]]));

const actorSchema = z.object({
  id: text,
  name: text,
  aliases: texts,
  kind: text,
  description: optionalText,
  wikidataId: optionalText,
  period: optionalText,
  mergedIds: texts,
  identifiers: texts,
});

const placeSchema = z.object({
  id: text,
  name: text,
  aliases: texts,
  kind: text,
  latitude: optionalNumber,
  longitude: optionalNumber,
  wikidataId: optionalText,
  mergedIds: texts,
  identifiers: texts,
});

const eventSchema = z.object({
  id: text,
  title: text,
  category: text,
  // UCDP's events have no ACLED type (served as OTHER).
  type: optionalText,
  date: text,
  endDate: optionalText,
  datePrecision: text,
  summary: optionalText,
  fatalitiesLow: optionalNumber,
  fatalitiesHigh: optionalNumber,
  fatalitiesQualifier: optionalText,
  injuriesLow: optionalNumber,
  injuriesHigh: optionalNumber,
  injuriesQualifier: optionalText,
  fatalitiesBest: optionalNumber,
  injuriesBest: optionalNumber,
  ...moreTolls,
  contested: z.boolean().nullish(),
  latitude: optionalNumber,
  longitude: optionalNumber,
  geoPrecision: optionalText,
  // Where the event is located, derived by the write path (graph/eventLocation.ts).
  point: z
    .object({ latitude: z.number(), longitude: z.number() })
    .nullish()
    .transform((value) => value ?? null),
  pointPrecision: optionalText,
  pointPlaceId: optionalText,
  identifiers: texts,
  ucdpConflictId: optionalText,
  ucdpDyadId: optionalText,
});

const claimSchema = z.object({
  id: text,
  kind: text,
  text: text,
  low: optionalNumber,
  high: optionalNumber,
  qualifier: optionalText,
  best: optionalNumber,
  victims: optionalText,
  victimsOf: optionalText,
});

const agreementSchema = z.object({
  id: text,
  name: text,
  signedOn: optionalText,
  datePrecision: optionalText,
  endsOn: optionalText,
  summary: optionalText,
});

const statementSchema = z.object({
  id: text,
  date: optionalText,
  datePrecision: optionalText,
  stance: text,
  text: text,
  sortDate: optionalText,
});

const sourceSchema = z.object({
  id: text,
  title: text,
  publishedOn: optionalText,
  url: optionalText,
  text: optionalText,
});

const evidenceSchema = z.object({
  sourceId: text,
  quote: text,
  start: z.number().int(),
  end: z.number().int(),
});

const incidentSchema = z.object({
  id: text,
  date: text,
  match: text,
  fatalitiesLow: optionalNumber,
  fatalitiesHigh: optionalNumber,
  fatalitiesQualifier: optionalText,
  injuriesLow: optionalNumber,
  injuriesHigh: optionalNumber,
  injuriesQualifier: optionalText,
  fatalitiesBest: optionalNumber,
  injuriesBest: optionalNumber,
  ...moreTolls,
});

const schemas = {
  Actor: actorSchema,
  Place: placeSchema,
  Event: eventSchema,
  Claim: claimSchema,
  Agreement: agreementSchema,
  Statement: statementSchema,
  Source: sourceSchema,
  Incident: incidentSchema,
} satisfies Record<NodeLabel, z.ZodObject>;

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
 * (resolvers and the row functions below). They are all optional in the row's schema, so a row without them still
 * parses; it must then only serve the selection it was fetched for: a page's rows, and the events, places and
 * actors fetched ahead below them, are never put in a loader's cache (only sources fetched ahead are, whole).
 */
export const selectedOnly: Partial<Record<NodeLabel, Record<string, readonly string[]>>> = {
  Event: {
    endDate: ["endDate"],
    summary: ["summary"],
    fatalitiesLow: ["fatalities"],
    fatalitiesHigh: ["fatalities"],
    fatalitiesQualifier: ["fatalities"],
    injuriesLow: ["injuries"],
    injuriesHigh: ["injuries"],
    injuriesQualifier: ["injuries"],
    fatalitiesBest: ["fatalities"],
    injuriesBest: ["injuries"],
    ...moreTollFields,
    contested: ["responsibilityContested"],
    latitude: ["location"],
    longitude: ["location"],
    geoPrecision: ["geoPrecision"],
    point: ["location"],
    pointPrecision: ["locationPrecision"],
    identifiers: ["identifiers"],
    ucdpConflictId: ["ucdpConflictId"],
    ucdpDyadId: ["ucdpDyadId"],
  },
  Place: {
    aliases: ["aliases"],
    latitude: ["location"],
    longitude: ["location"],
    wikidataId: ["wikidataId", "identifiers"],
    mergedIds: ["mergedIds"],
    identifiers: ["identifiers"],
  },
  Actor: {
    aliases: ["aliases"],
    description: ["description"],
    wikidataId: ["wikidataId", "identifiers"],
    period: ["period"],
    mergedIds: ["mergedIds"],
    identifiers: ["identifiers"],
  },
};

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

// Enum-typed fields are stored by the write path from validated input; the casts below trust that.

export function actorRow(value: unknown): ActorRow {
  const row = actorSchema.parse(value);
  return { ...row, kind: row.kind as ActorRow["kind"] };
}

export function placeRow(value: unknown): PlaceRow {
  const row = placeSchema.parse(value);
  return { ...row, kind: row.kind as PlaceRow["kind"] };
}

function estimate(low: number | null, high: number | null, qualifier: string | null, best: unknown = null): EstimateRow | null {
  if (qualifier === null) return null;
  return { low, high, qualifier: qualifier as EstimateRow["qualifier"], ...(typeof best === "number" ? { best } : {}) };
}

/** Whether a row was read with its victim groups' tolls (selectedOnly leaves them out when `tolls` is not asked for). */
const withTolls = (row: Record<string, unknown>) => Object.keys(row).some((key) => key.startsWith("deaths"));

export function eventRow(value: unknown): EventRow {
  const row = eventSchema.parse(value);
  return {
    id: row.id,
    title: row.title,
    category: row.category as EventRow["category"],
    type: (row.type ?? "OTHER") as EventRow["type"],
    date: row.date,
    endDate: row.endDate ?? null,
    datePrecision: row.datePrecision as EventRow["datePrecision"],
    summary: row.summary,
    fatalities: estimate(row.fatalitiesLow, row.fatalitiesHigh, row.fatalitiesQualifier, row.fatalitiesBest),
    injuries: estimate(row.injuriesLow, row.injuriesHigh, row.injuriesQualifier, row.injuriesBest),
    ...(withTolls(value as Record<string, unknown>) ? { tolls: storedTolls(row) } : {}),
    contested: row.contested ?? false,
    // The derived point; an event's own coordinates stand in for a point not yet derived.
    location: row.point ?? (row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude }),
    geoPrecision: row.geoPrecision as EventRow["geoPrecision"],
    locationPrecision: (row.pointPrecision ??
      (row.point === null && row.latitude !== null ? (row.geoPrecision ?? "TOWN") : null)) as EventRow["locationPrecision"],
    locationPlaceId: row.pointPlaceId,
    identifiers: row.identifiers,
    ucdpConflictId: row.ucdpConflictId,
    ucdpDyadId: row.ucdpDyadId,
  };
}

export function incidentRow(value: unknown): IncidentRow {
  const row = incidentSchema.parse(value);
  return {
    id: row.id,
    date: row.date,
    match: row.match as IncidentRow["match"],
    fatalities: estimate(row.fatalitiesLow, row.fatalitiesHigh, row.fatalitiesQualifier, row.fatalitiesBest),
    injuries: estimate(row.injuriesLow, row.injuriesHigh, row.injuriesQualifier, row.injuriesBest),
    tolls: storedTolls(row),
  };
}

export function claimRow(value: unknown): ClaimRow {
  const row = claimSchema.parse(value);
  return {
    id: row.id,
    kind: row.kind as ClaimRow["kind"],
    text: row.text,
    estimate: estimate(row.low, row.high, row.qualifier, row.best),
    victims: row.victims as ClaimRow["victims"],
    victimsOf: row.victimsOf,
  };
}

export function agreementRow(value: unknown): AgreementRow {
  const row = agreementSchema.parse(value);
  return { ...row, datePrecision: row.datePrecision as AgreementRow["datePrecision"] };
}

export function statementRow(value: unknown): StatementRow {
  const row = statementSchema.parse(value);
  return {
    ...row,
    stance: row.stance as StatementRow["stance"],
    datePrecision: row.datePrecision as StatementRow["datePrecision"],
  };
}

export function sourceRow(value: unknown): SourceRow {
  return sourceSchema.parse(value);
}

export function evidenceRow(value: unknown): EvidenceRow {
  return evidenceSchema.parse(value);
}

/** The row for a node of any label. */
export function nodeRow(label: NodeLabel, value: unknown): NodeRow {
  switch (label) {
    case "Actor":
      return actorRow(value);
    case "Place":
      return placeRow(value);
    case "Event":
      return eventRow(value);
    case "Claim":
      return claimRow(value);
    case "Agreement":
      return agreementRow(value);
    case "Statement":
      return statementRow(value);
    case "Source":
      return sourceRow(value);
    case "Incident":
      return incidentRow(value);
    default:
      throw new UnreachableCaseError(label);
  }
}
