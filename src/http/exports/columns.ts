/**
 * The columns of the exports (GET /export/events.csv and the rest, README "Exports"): what a researcher needs to cite
 * an event or an incident, one flat record per row, shared by the CSV and the GeoJSON properties. Pure: rows in,
 * records out. A cell holding several values (places, perpetrators, sources) joins them with "; " in a stable order.
 */
import type { LookAheadField } from "../../repositories/lookAhead.js";
import { fetchedAhead } from "../../repositories/lookAhead.js";
import { parseIdentifierKey, ACLED_EVENT_SCHEME } from "../../model/identifiers.js";
import { VICTIM_GROUPS, type PlaceKind } from "../../model/enums.js";
import type { EstimateRow, EventRow, IncidentRow, PlaceRow, Related, VictimTollRow } from "../../model/rows.js";
import { UCDP_SCHEME } from "../../ingest/ucdp/ucdpDraft.js";

/** A cell: text, a number, or empty. Numbers stay numbers in the CSV (never quoted, never neutralised). */
export type Cell = string | number | boolean | null;
export type ExportRecord = Record<string, Cell>;

/** Several values in one cell. */
export const JOIN = "; ";

/** What an event row of the export is read with, in the same statement as the page (repositories/lookAhead.ts). */
export const EVENT_AHEAD: readonly LookAheadField[] = [
  {
    read: "Event.places",
    args: {},
    selected: ["location"],
    children: [{ read: "Place.ancestors", args: {}, selected: ["location"], children: [] }],
  },
  { read: "Event.perpetrators", args: {}, selected: [], children: [] },
  { read: "Event.evidence", args: {}, children: [] },
  { read: "Event.claims", args: {}, children: [{ read: "Claim.source", args: {}, children: [] }] },
];

/** The event properties the export reads (records.ts `selectedOnly`): everything but the summary. */
export const EVENT_SELECTED = [
  "endDate",
  "fatalities",
  "injuries",
  "tolls",
  "location",
  "locationPrecision",
  "locationPlace",
  "geoPrecision",
  "identifiers",
  "ucdpConflictId",
  "ucdpDyadId",
  "responsibilityContested",
] as const;

/** The administrative levels named in their own columns, from the event's places and the places they lie within. */
const ADMIN_LEVELS = [
  ["district", "DISTRICT"],
  ["province", "PROVINCE"],
  ["country", "COUNTRY"],
] as const satisfies readonly (readonly [string, PlaceKind])[];

/** Where an event is drawn: its own point, or a place's; `precision` as `Event.locationPrecision` gives it. */
export interface ExportLocation {
  latitude: number;
  longitude: number;
  from: "EVENT" | "PLACE";
  precision: string | null;
  placeId: string | null;
}

const related = (row: EventRow, field: Parameters<typeof fetchedAhead>[1]): readonly Related[] => fetchedAhead(row, field, {}) ?? [];
const places = (row: EventRow) => related(row, "Event.places").map(({ node }) => node as PlaceRow);
const ancestors = (place: PlaceRow) => (fetchedAhead(place, "Place.ancestors", {}) ?? []).map(({ node }) => node as PlaceRow);
const distinct = (values: Iterable<string>) => [...new Set(values)];
const joined = (values: Iterable<string>): string | null => {
  const list = distinct(values);
  return list.length > 0 ? list.join(JOIN) : null;
};

/**
 * Where the event is located: `Event.location`, its own point or else its nearest located place's, with the precision
 * the spatial filters count (graph/eventLocation.ts, derived by the write path).
 */
export function eventLocation(row: EventRow): ExportLocation | null {
  if (!row.location) return null;
  return {
    ...row.location,
    from: row.locationPlaceId === null ? "EVENT" : "PLACE",
    precision: row.locationPrecision,
    placeId: row.locationPlaceId,
  };
}

/** Low, best and high of an estimate, and its qualifier, under `prefix`. */
function estimateCells(prefix: string, estimate: EstimateRow | null | undefined): ExportRecord {
  return {
    [`${prefix}_low`]: estimate?.low ?? null,
    [`${prefix}_best`]: estimate?.best ?? null,
    [`${prefix}_high`]: estimate?.high ?? null,
    [`${prefix}_qualifier`]: estimate?.qualifier ?? null,
  };
}

/** Deaths per victim group: a column group for each, empty when no claim counts that group. */
function tollCells(tolls: readonly VictimTollRow[]): ExportRecord {
  const byGroup = new Map(tolls.map((toll) => [toll.victims, toll.estimate]));
  return VICTIM_GROUPS.reduce<ExportRecord>(
    (cells, group) => ({ ...cells, ...estimateCells(`deaths_${group.toLowerCase()}`, byGroup.get(group)) }),
    {},
  );
}

/** The values of one identifier scheme among stored keys (`acled:SYR1`), joined. */
function identifierCell(keys: readonly string[], scheme: string): string | null {
  return joined(keys.map(parseIdentifierKey).flatMap((id) => (id.scheme === scheme ? [id.value] : [])));
}

/** The sources an event rests on: those its evidence quotes and those its claims are reported in, by id. */
function sources(row: EventRow): { id: string; title: string }[] {
  const quoted = related(row, "Event.evidence").map(({ node }) => node);
  const reporting = related(row, "Event.claims").flatMap(({ node }) =>
    (fetchedAhead(node, "Claim.source", {}) ?? []).map((source) => source.node),
  );
  const byId = new Map([...quoted, ...reporting].map((node) => [node.id, (node as { title?: string }).title ?? ""]));
  return [...byId].sort(([a], [b]) => a.localeCompare(b)).map(([id, title]) => ({ id, title }));
}

/** One event as the export's record; `location` is `eventLocation(row)`. */
export function eventRecord(row: EventRow, location: ExportLocation | null = eventLocation(row)): ExportRecord {
  const own = places(row);
  const everyPlace = [...own, ...own.flatMap(ancestors)];
  const perpetrators = related(row, "Event.perpetrators").map(({ node }) => node as { id: string; name: string });
  const cited = sources(row);
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    end_date: row.endDate,
    date_precision: row.datePrecision,
    category: row.category,
    type: row.type,
    place_ids: joined(own.map((place) => place.id)),
    place: joined(own.map((place) => place.name)),
    ...Object.fromEntries(
      ADMIN_LEVELS.map(([column, kind]) => [column, joined(everyPlace.filter((place) => place.kind === kind).map((place) => place.name))]),
    ),
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    location_from: location?.from ?? null,
    location_precision: location?.precision ?? null,
    location_place_id: location?.placeId ?? null,
    perpetrator_ids: joined(perpetrators.map((actor) => actor.id)),
    perpetrators: joined(perpetrators.map((actor) => actor.name)),
    ...estimateCells("fatalities", row.fatalities),
    ...tollCells(row.tolls ?? []),
    ...estimateCells("injuries", row.injuries),
    responsibility_contested: row.contested,
    source_ids: joined(cited.map((source) => source.id)),
    source_titles: cited.length > 0 ? cited.map((source) => source.title).join(JOIN) : null,
    acled_id: identifierCell(row.identifiers, ACLED_EVENT_SCHEME),
    ucdp_id: identifierCell(row.identifiers, UCDP_SCHEME),
    ucdp_conflict_id: row.ucdpConflictId,
    ucdp_dyad_id: row.ucdpDyadId,
    identifiers: joined(row.identifiers),
  };
}

/** An incident and its reports (oldest first, each read as `EVENT_AHEAD` reads an event). */
export interface IncidentWithReports {
  incident: IncidentRow;
  reports: readonly EventRow[];
}

/** Where an incident is drawn: the most precise location among its reports' (an own point before a place's), oldest first. */
export function incidentLocation(reports: readonly EventRow[]): ExportLocation | null {
  const located = reports.flatMap((report) => {
    const location = eventLocation(report);
    return location ? [location] : [];
  });
  return located.find((location) => location.from === "EVENT") ?? located[0] ?? null;
}

/** One incident as the export's record. */
export function incidentRecord({ incident, reports }: IncidentWithReports, location = incidentLocation(reports)): ExportRecord {
  const records = reports.map((report) => eventRecord(report, null));
  const column = (name: string) =>
    joined(
      records.flatMap((record) => {
        const cell = record[name];
        return typeof cell === "string" ? cell.split(JOIN) : [];
      }),
    );
  return {
    id: incident.id,
    date: incident.date,
    match: incident.match,
    reports_count: reports.length,
    report_ids: joined(reports.map((report) => report.id)),
    categories: joined(reports.map((report) => report.category)),
    place: column("place"),
    district: column("district"),
    province: column("province"),
    country: column("country"),
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    location_from: location?.from ?? null,
    location_precision: location?.precision ?? null,
    perpetrator_ids: column("perpetrator_ids"),
    perpetrators: column("perpetrators"),
    ...estimateCells("fatalities", incident.fatalities),
    ...tollCells(incident.tolls),
    ...estimateCells("injuries", incident.injuries),
    source_ids: column("source_ids"),
    acled_ids: column("acled_id"),
    ucdp_ids: column("ucdp_id"),
  };
}

/** The column names, in order, of each export: a record's keys (the header is written before any row is read). */
export const EVENT_COLUMNS = Object.keys(eventRecord(emptyEvent()));
export const INCIDENT_COLUMNS = Object.keys(incidentRecord({ incident: emptyIncident(), reports: [] }));

function emptyEvent(): EventRow {
  return {
    id: "",
    title: "",
    category: "BATTLES",
    type: "OTHER",
    date: "",
    endDate: null,
    datePrecision: "DAY",
    summary: null,
    fatalities: null,
    injuries: null,
    contested: false,
    location: null,
    locationPrecision: null,
    locationPlaceId: null,
    geoPrecision: null,
    identifiers: [],
    ucdpConflictId: null,
    ucdpDyadId: null,
  };
}

function emptyIncident(): IncidentRow {
  return { id: "", date: "", match: "SINGLE", fatalities: null, injuries: null, tolls: [] };
}
