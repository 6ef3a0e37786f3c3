/**
 * UCDP GED rows, read as every data set's rows are (csvRows.ts: problems by `header` or `rows.<n>.<column>`, a CSV
 * syntax error ending the reading) and checked column by column with zod, in either layout (ucdpLayouts.ts). A row
 * whose figures break low <= best <= high is not refused: it is read with a warning saying what was kept
 * (`ImportReport.warnings`).
 */
import type { Readable } from "node:stream";
import { z } from "zod";
import type { ImportProblem, ImportWarning } from "../../errors.js";
import type { Pacer } from "../../pacer.js";
import { isCalendarDate } from "../../model/dates.js";
import { hasControlCharacters } from "../../model/identifiers.js";
import { MAX_NAME_LENGTH } from "../../model/text.js";
import { columnProblems, type CsvFormat, type CsvRows, readCsvRows, rowPath, tollCell } from "../csvRows.js";
import { GED_19_COLUMNS, GED_20_ADDED, looksLikeUcdp, type UcdpLayout, ucdpLayout } from "./ucdpLayouts.js";

/** UCDP's type_of_violence. */
export type UcdpViolence = "STATE_BASED_VIOLENCE" | "NON_STATE_VIOLENCE" | "ONE_SIDED_VIOLENCE";

export interface UcdpRow {
  /** 1 for the first data row. */
  number: number;
  layout: UcdpLayout;
  id: string;
  violence: UcdpViolence;
  conflict: { id: string; name: string };
  dyad: { id: string; name: string };
  sideA: { id: string; name: string };
  sideB: { id: string; name: string };
  /** source_office's offices, each once, in the order first given. */
  offices: string[];
  /** UCDP's citation of its sources (source_article). */
  article: string;
  /** where_prec, 1 (the exact place) to 6 (the country). */
  wherePrecision: number;
  whereCoordinates: string;
  adm1: string;
  adm2: string;
  country: string;
  latitude: number;
  longitude: number;
  /** date_prec, 1 (the day) to 5 (longer than a month). */
  datePrecision: number;
  dateStart: string;
  dateEnd: string;
  deaths: { a: number; b: number; civilians: number; unknown: number };
  /** The row's figures as kept: low <= best <= high (see the warnings for rows where they were not). */
  low: number;
  best: number;
  high: number;
  /** Every column of the row (rowColumns): the row's source text keeps them all. */
  columns: [string, string][];
}

export interface UcdpParse extends CsvRows<UcdpRow> {
  warnings: ImportWarning[];
  layout: UcdpLayout | null;
}

/** At most this many warnings are listed; the count of the others is given in one more. */
export const MAX_WARNINGS = 1_000;

// Column checks: each takes the cell's text and gives the value read, or a message saying what the column holds.
const cell = z.string();
const wholeNumber = (max: number, what: string) =>
  cell
    .trim()
    .regex(/^\d{1,15}$/, `must be ${what}`)
    .transform(Number)
    .refine((value) => value <= max, `must be ${what}`);
const ucdpId = wholeNumber(Number.MAX_SAFE_INTEGER, "UCDP's id, a whole number").transform(String);
const code = <T>(codes: ReadonlyMap<string, T>, message: string) =>
  cell
    .trim()
    .refine((value) => codes.has(value), message)
    .transform((value) => codes.get(value)!);
const text = (max: number) => cell.trim().max(max, `must be at most ${max.toLocaleString("en-US")} characters`);
const optionalName = text(MAX_NAME_LENGTH).refine((value) => !hasControlCharacters(value), "must not contain control characters");
const name = optionalName.refine((value) => value !== "", "is empty");
const side = name.refine(
  (value) => value.split(",").every((member) => member.trim() !== "" && member.trim().length <= MAX_NAME_LENGTH),
  "a coalition's members are separated by single commas",
);
const coordinate = (limit: number) =>
  cell
    .trim()
    .regex(/^-?\d{1,3}(\.\d+)?$/, `must be a number from -${limit} to ${limit}`)
    .transform(Number)
    .refine((value) => Math.abs(value) <= limit, `must be a number from -${limit} to ${limit}`);
/** `2019-07-22` (up to 19.x) or `2019-07-22 00:00:00.000` (20.1 on); a time other than midnight is not UCDP's. */
const date = cell
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}( 00:00:00(\.0{1,3})?)?$/, "must be a date, 2019-07-22 or 2019-07-22 00:00:00.000")
  .transform((value) => value.slice(0, 10))
  .refine(isCalendarDate, "is not a day of the calendar");
const flag = code(
  new Map([
    ["0", false],
    ["1", true],
    ["false", false],
    ["true", true],
    ["FALSE", false],
    ["TRUE", true],
  ]),
  "must be 0 or 1",
);
/** Gleditsch-Ward numbers: empty, or numbers separated by commas. */
const gwno = cell.trim().regex(/^(\d{1,4}(\s*,\s*\d{1,4})*)?$/, "must be empty or Gleditsch-Ward country numbers separated by commas");
const LONG_TEXT = 100_000;

const violenceCodes = new Map<string, UcdpViolence>([
  ["1", "STATE_BASED_VIOLENCE"],
  ["2", "NON_STATE_VIOLENCE"],
  ["3", "ONE_SIDED_VIOLENCE"],
]);
const range = (from: number, to: number) => new Map(Array.from({ length: to - from + 1 }, (_, i) => [String(from + i), from + i]));

/** Every column of both layouts; a 19.x file lacks 20.1's eight, which are then not checked. */
const columnChecks = {
  id: ucdpId,
  relid: text(200),
  year: wholeNumber(9999, "a year").refine((year) => year >= 1946 && year <= 2100, "must be a year from 1946 to 2100"),
  active_year: flag,
  code_status: text(200),
  type_of_violence: code(violenceCodes, "must be 1 (state-based), 2 (non-state) or 3 (one-sided)"),
  conflict_dset_id: text(200),
  conflict_new_id: ucdpId,
  conflict_name: name,
  dyad_dset_id: text(200),
  dyad_new_id: ucdpId,
  dyad_name: name,
  side_a_dset_id: text(200),
  side_a_new_id: ucdpId,
  side_a: side,
  side_b_dset_id: text(200),
  side_b_new_id: ucdpId,
  side_b: side,
  number_of_sources: cell.trim().regex(/^-?\d{1,6}$/, "must be a whole number"),
  source_article: text(LONG_TEXT),
  source_office: text(LONG_TEXT),
  source_date: text(LONG_TEXT),
  source_headline: text(LONG_TEXT),
  source_original: text(LONG_TEXT),
  where_prec: code(range(1, 6), "must be 1 (the exact place) to 6 (the country)"),
  where_coordinates: name,
  where_description: text(LONG_TEXT),
  adm_1: optionalName,
  adm_2: optionalName,
  latitude: coordinate(90),
  longitude: coordinate(180),
  geom_wkt: text(1_000),
  priogrid_gid: cell.trim().regex(/^\d{0,7}$/, "must be empty or a PRIO-GRID cell number"),
  country: name,
  country_id: cell.trim().regex(/^(\d{1,4}(\s*,\s*\d{1,4})*)?$/, "must be a Gleditsch-Ward country number"),
  region: text(200),
  event_clarity: code(range(1, 2), "must be 1 (clear) or 2 (unclear)"),
  date_prec: code(range(1, 5), "must be 1 (the day) to 5 (longer than a month)"),
  date_start: date,
  date_end: date,
  deaths_a: tollCell,
  deaths_b: tollCell,
  deaths_civilians: tollCell,
  deaths_unknown: tollCell,
  low: tollCell,
  best: tollCell,
  high: tollCell,
  gwnoa: gwno,
  gwnob: gwno,
} satisfies Record<string, z.ZodType>;

const rowSchemas: Record<UcdpLayout, z.ZodObject> = {
  GED_19: z.object(columnChecks).omit({
    relid: true,
    code_status: true,
    conflict_dset_id: true,
    dyad_dset_id: true,
    side_a_dset_id: true,
    side_b_dset_id: true,
    where_description: true,
    gwnoa: true,
  }),
  GED_20: z.object(columnChecks),
};
type Checked = z.output<z.ZodObject<typeof columnChecks>>;

/** Reads and checks every row; `pacer` gives other requests turns of the event loop between rows. */
export async function readUcdp(input: Readable, pacer: Pacer, onProgress?: (bytes: number) => void): Promise<UcdpParse> {
  const warnings: ImportWarning[] = [];
  let layout: UcdpLayout | null = null;
  const format: CsvFormat<UcdpRow> = {
    header(names) {
      const check = ucdpLayout(names);
      if (check.problem !== undefined) return { problem: check.problem };
      const read = check.layout;
      layout = read;
      return { checkRow: (number, record, problems) => checkRow(number, read, record, { problems, warnings }) };
    },
    key: { column: "id", of: (row) => row.id, shown: (id) => id },
    noRows: (names) => (looksLikeUcdp(names) ? "the file has no data rows" : "not a UCDP GED file"),
  };
  const read = await readCsvRows(input, format, { pacer, onProgress });
  return { ...read, warnings: limitWarnings(warnings), layout };
}

/** Checks one row of a file in `layout`, adding its problems and the warnings of figures out of order. */
function checkRow(
  number: number,
  layout: UcdpLayout,
  record: Record<string, string>,
  { problems, warnings }: { problems: ImportProblem[]; warnings: ImportWarning[] },
): UcdpRow | null {
  const path = (column: string) => rowPath(number, column);
  const parsed = rowSchemas[layout].safeParse(record);
  if (!parsed.success) {
    problems.push(...columnProblems(number, parsed.error));
    return null;
  }
  const row = parsed.data as Checked;
  if (row.date_end < row.date_start) {
    problems.push({ path: path("date_end"), message: `${row.date_end} is before date_start ${row.date_start}` });
    return null;
  }

  const deaths = { a: row.deaths_a, b: row.deaths_b, civilians: row.deaths_civilians, unknown: row.deaths_unknown };
  const sum = deaths.a + deaths.b + deaths.civilians + deaths.unknown;
  if (sum !== row.best) {
    warnings.push({
      path: path("best"),
      message: `best ${row.best} is not deaths_a + deaths_b + deaths_civilians + deaths_unknown (${sum}): kept both as given`,
    });
  }
  // Out of order: best is kept (UCDP's figure, the sum of its split), and the range widened to hold it.
  let { low, high } = row;
  const best = row.best;
  if (low > best || best > high) {
    const kept = { low: Math.min(low, high, best), high: Math.max(low, high, best) };
    warnings.push({
      path: path(low > best ? "low" : "high"),
      message:
        `low ${low}, best ${best}, high ${high} break low <= best <= high: kept best ${best} and the range ` +
        `${kept.low} to ${kept.high}`,
    });
    ({ low, high } = kept);
  }

  return {
    number,
    layout,
    id: row.id,
    violence: row.type_of_violence,
    conflict: { id: row.conflict_new_id, name: row.conflict_name },
    dyad: { id: row.dyad_new_id, name: row.dyad_name },
    sideA: { id: row.side_a_new_id, name: row.side_a },
    sideB: { id: row.side_b_new_id, name: row.side_b },
    offices: [
      ...new Set(
        row.source_office
          .split(";")
          .map((office) => office.trim())
          .filter(Boolean),
      ),
    ],
    article: row.source_article,
    wherePrecision: row.where_prec,
    whereCoordinates: row.where_coordinates,
    adm1: row.adm_1,
    adm2: row.adm_2,
    country: row.country,
    latitude: row.latitude,
    longitude: row.longitude,
    datePrecision: row.date_prec,
    dateStart: row.date_start,
    dateEnd: row.date_end,
    deaths,
    low,
    best,
    high,
    columns: rowColumns(record, row),
  };
}

/**
 * The row's cells for its source text, the same whichever layout gave them: the 41 columns of 19.x in their order,
 * dates as read (`2019-07-22`), then those of 20.1's added columns that hold something. So the two layouts of one
 * row give one text, but for what only 20.1 says, written last so that every quote before it stays where it is.
 */
function rowColumns(record: Record<string, string>, row: Checked): [string, string][] {
  const dates = new Map([
    ["date_start", row.date_start],
    ["date_end", row.date_end],
  ]);
  return [
    ...GED_19_COLUMNS.map((column): [string, string] => [column, dates.get(column) ?? record[column] ?? ""]),
    ...GED_20_ADDED.flatMap((column): [string, string][] => ((record[column] ?? "").trim() === "" ? [] : [[column, record[column]!]])),
  ];
}

function limitWarnings(warnings: ImportWarning[]): ImportWarning[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [
    ...warnings.slice(0, MAX_WARNINGS),
    {
      path: "rows",
      message: `… and ${warnings.length - MAX_WARNINGS} more warnings of the same kind (only the first ${MAX_WARNINGS} are listed)`,
    },
  ];
}
