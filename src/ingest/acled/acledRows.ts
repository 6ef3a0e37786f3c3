/**
 * ACLED export rows, read as every data set's rows are (csvRows.ts: problems by `header` or `rows.<n>.<column>`, a
 * CSV syntax error ending the reading) and checked one by one here.
 */
import type { Readable } from "node:stream";
import type { ImportProblem } from "../../errors.js";
import type { Pacer } from "../../pacer.js";
import type { ActorKind, DatePrecision, EventCategory, EventType, GeoPrecision } from "../../model/enums.js";
import { MAX_NAME_LENGTH } from "../../model/text.js";
import { MAX_SLUG_LENGTH, slugPattern } from "../../model/ids.js";
import { hasControlCharacters } from "../../model/identifiers.js";
import { type CsvFormat, type CsvRows, readCsvRows, rowPath, tollCell } from "../csvRows.js";
import { eventTypes, geoPrecisions, interNumber, kindOfInter, timePrecisions } from "./acledCodes.js";
import { acledDate } from "./acledDates.js";

/** Columns a row cannot do without; the others of DOMAIN.md's list are read when present. */
export const requiredColumns = [
  "event_id_cnty",
  "event_date",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "country",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "fatalities",
] as const;

export interface AcledRow {
  /** 1 for the first data row. */
  number: number;
  eventId: string;
  date: string;
  datePrecision: DatePrecision;
  category: EventCategory;
  type: EventType;
  subEventType: string;
  /** actor1 then actor2 (when given): the name, its associates, the kind and the inter code (1 to 8) of the side. */
  sides: { actor: string; associates: string[]; kind: ActorKind | null; inter: number | null }[];
  /** country, admin1, admin2, admin3 (the empty ones left out), then the location. */
  admins: string[];
  location: string;
  latitude: number;
  longitude: number;
  geoPrecision: GeoPrecision;
  sources: string;
  notes: string;
  fatalities: number;
  /** Seconds since 1970 of ACLED's last change to the row. */
  timestamp: number | null;
  /** Every column of the row, in the file's order: the row's source text keeps them all. */
  columns: [string, string][];
}

export type AcledParse = CsvRows<AcledRow>;

/**
 * The longest event_id_cnty: the longest id a row makes from it, its claim's `claim:acled-<event_id_cnty>-fatalities`,
 * keeps within an id's slug (model/ids.ts). Its case is kept (SYR12345).
 */
const MAX_EVENT_ID_LENGTH = MAX_SLUG_LENGTH - "acled-".length - "-fatalities".length;
const eventIdPattern = new RegExp(`^${slugPattern(MAX_EVENT_ID_LENGTH)}$`);

const acledFormat: CsvFormat<AcledRow> = {
  header(names) {
    const missing = requiredColumns.filter((column) => !names.includes(column));
    if (missing.length > 0)
      return { problem: `not an ACLED export: missing ${missing.length === 1 ? "column" : "columns"} ${missing.join(", ")}` };
    return { checkRow: (number, record, problems) => checkRow(number, record, names, problems) };
  },
  key: { column: "event_id_cnty", of: (row) => row.eventId, shown: (eventId) => `"${eventId}"` },
  noRows: () => "the file has no data rows",
};

/** Reads and checks every row; `pacer` gives other requests turns of the event loop between rows. */
export function readAcled(input: Readable, pacer: Pacer, onProgress?: (bytes: number) => void): Promise<AcledParse> {
  return readCsvRows(input, acledFormat, { pacer, onProgress });
}

function checkRow(number: number, record: Record<string, string>, header: readonly string[], problems: ImportProblem[]): AcledRow | null {
  const before = problems.length;
  const value = (column: string) => (record[column] ?? "").trim();
  const problem = (column: string, message: string) => problems.push({ path: rowPath(number, column), message });

  const eventId = value("event_id_cnty");
  if (!eventIdPattern.test(eventId)) problem("event_id_cnty", `"${eventId.slice(0, 40)}" is not an ACLED event id (letters, digits, ._~-)`);

  const { date, problem: dateProblem } = acledDate(value("event_date"), value("year"));
  if (dateProblem !== undefined) problem("event_date", dateProblem);

  const datePrecision = timePrecisions.get(value("time_precision"));
  if (!datePrecision) problem("time_precision", "must be 1, 2 or 3");

  const eventType = eventTypes.get(value("event_type").toLowerCase());
  const subEventType = value("sub_event_type");
  const type = eventType?.subEvents.get(subEventType.toLowerCase());
  if (!eventType) problem("event_type", `"${value("event_type").slice(0, 60)}" is not an ACLED event type`);
  else if (!type) problem("sub_event_type", `"${subEventType.slice(0, 60)}" is not a sub-event type of ${value("event_type")}`);

  const sides = ([1, 2] as const).flatMap((side) => {
    const actor = value(`actor${side}`);
    const kind = kindOfInter(value(`inter${side}`));
    if (kind === undefined) problem(`inter${side}`, `"${value(`inter${side}`).slice(0, 40)}" is not an ACLED actor type (1 to 8)`);
    const associates = value(`assoc_actor_${side}`)
      .split(";")
      .map((name) => name.trim())
      .filter(Boolean);
    if (actor === "") {
      if (side === 1) problem("actor1", "is empty");
      return [];
    }
    return [{ actor, associates, kind: kind ?? null, inter: interNumber(value(`inter${side}`)) }];
  });

  // Actors and places are named by these columns; names have a maximum length (see MAX_NAME_LENGTH).
  for (const column of ["actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2", "admin3", "location"]) {
    const names = column.startsWith("assoc_") ? value(column).split(";") : [value(column)];
    if (names.some((name) => name.trim().length > MAX_NAME_LENGTH)) problem(column, `a name is longer than ${MAX_NAME_LENGTH} characters`);
    // An actor's name is its identifier `acled-actor:<name>` (model/identifiers.ts).
    if (column.includes("actor") && names.some(hasControlCharacters)) problem(column, "a name must not contain control characters");
  }

  const admins = ["country", "admin1", "admin2", "admin3"].map(value).filter(Boolean);
  if (value("country") === "") problem("country", "is empty");
  const location = value("location");
  if (location === "") problem("location", "is empty");

  const latitude = Number(value("latitude"));
  const longitude = Number(value("longitude"));
  if (value("latitude") === "" || !Number.isFinite(latitude) || latitude < -90 || latitude > 90)
    problem("latitude", "must be a number from -90 to 90");
  if (value("longitude") === "" || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    problem("longitude", "must be a number from -180 to 180");
  }
  const geoPrecision = geoPrecisions.get(value("geo_precision"));
  if (!geoPrecision) problem("geo_precision", "must be 1, 2 or 3");

  const toll = tollCell.safeParse(value("fatalities"));
  if (!toll.success) problem("fatalities", toll.error.issues[0]!.message);

  const timestampText = value("timestamp");
  const timestamp = /^\d{1,12}$/.test(timestampText) ? Number(timestampText) : null;
  if (timestampText !== "" && timestamp === null) problem("timestamp", "must be seconds since 1970");

  if (problems.length > before || !toll.success || !date || !datePrecision || !eventType || !type || !geoPrecision) return null;
  return {
    number,
    eventId,
    date,
    datePrecision,
    category: eventType.category,
    type,
    subEventType,
    sides,
    admins,
    location,
    latitude,
    longitude,
    geoPrecision,
    sources: value("source"),
    notes: value("notes"),
    fatalities: toll.data,
    timestamp,
    columns: header.map((column) => [column, record[column] ?? ""]),
  };
}
