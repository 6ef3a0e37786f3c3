/**
 * ACLED export rows, streamed through `csv-parse` and checked one by one. Every problem is collected (up to a limit)
 * with its place: `header`, or `rows.<n>` and the column, n counting data rows from 1 (row 1 is the line after the
 * header, whatever line of the file it starts on), so a CSV syntax error is numbered like any other problem of its
 * row. Such an error ends the reading, since what follows it cannot be trusted.
 */
import type { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { ImportProblem } from "../../errors.js";
import type { Pacer } from "../../pacer.js";
import type { ActorKind, DatePrecision, EventCategory, EventType, GeoPrecision } from "../../model/enums.js";
import { MAX_NAME_LENGTH } from "../../model/text.js";
import { MAX_TOLL } from "../../graph/limits.js";
import { hasControlCharacters } from "../../model/identifiers.js";
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

export interface AcledParse {
  /** The rows without problems. */
  rows: AcledRow[];
  /** Data rows read, with or without problems. */
  count: number;
  problems: ImportProblem[];
  /** The reading stopped at the header or at a CSV syntax error: the rows after it are unknown. */
  unreadable: boolean;
}

/** Slugs of ids are ASCII letters, digits and `._~-`; event_id_cnty (SYR12345) keeps its case. */
const eventIdPattern = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,150}$/;
const STOP_AFTER_PROBLEMS = 1_000;

/** Reads and checks every row; `pacer` gives other requests turns of the event loop between rows. */
export async function readAcled(input: Readable, pacer: Pacer, onProgress?: (bytes: number) => void): Promise<AcledParse> {
  const rows: AcledRow[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  let header: string[] = [];
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
    columns: (names: string[]) => {
      header = names.map((name) => name.trim().toLowerCase());
      return header;
    },
  });
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let number = 0;
  let unreadable = false;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (number === 0) {
        const missing = requiredColumns.filter((column) => !header.includes(column));
        if (missing.length > 0) {
          problems.push({
            path: "header",
            message: `not an ACLED export: missing ${missing.length === 1 ? "column" : "columns"} ${missing.join(", ")}`,
          });
          unreadable = true;
          break;
        }
      }
      number += 1;
      const row = checkRow(number, record, header, problems);
      if (row) {
        const first = seen.get(row.eventId);
        if (first !== undefined) problems.push({ path: `rows.${number}.event_id_cnty`, message: `"${row.eventId}" repeats row ${first}` });
        else seen.set(row.eventId, number);
        rows.push(row);
      }
      if (number % 500 === 0) onProgress?.(parser.info.bytes);
      if (problems.length >= STOP_AFTER_PROBLEMS) break;
      await pacer.pace();
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The parser reads ahead of this loop: its count of good records says which row broke.
    problems.push({ path: `rows.${parser.info.records + 1}`, message: `not valid CSV: ${error.message}` });
    unreadable = true;
  } finally {
    input.unpipe(parser);
    parser.destroy();
  }
  if (number === 0 && problems.length === 0) {
    problems.push({ path: "header", message: "the file has no data rows" });
    unreadable = true;
  }
  onProgress?.(parser.info.bytes);
  return { rows, count: number, problems, unreadable };
}

function checkRow(number: number, record: Record<string, string>, header: readonly string[], problems: ImportProblem[]): AcledRow | null {
  const before = problems.length;
  const value = (column: string) => (record[column] ?? "").trim();
  const problem = (column: string, message: string) => problems.push({ path: `rows.${number}.${column}`, message });

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

  const fatalities = Number(value("fatalities"));
  if (!/^\d+$/.test(value("fatalities"))) problem("fatalities", "must be a whole number, 0 or more");
  else if (!(fatalities <= MAX_TOLL)) {
    problem("fatalities", `must be at most ${MAX_TOLL}, the largest toll one event may have; got ${value("fatalities").slice(0, 24)}`);
  }

  const timestampText = value("timestamp");
  const timestamp = /^\d{1,12}$/.test(timestampText) ? Number(timestampText) : null;
  if (timestampText !== "" && timestamp === null) problem("timestamp", "must be seconds since 1970");

  if (problems.length > before || !date || !datePrecision || !eventType || !type || !geoPrecision) return null;
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
    fatalities,
    timestamp,
    columns: header.map((column) => [column, record[column] ?? ""]),
  };
}
