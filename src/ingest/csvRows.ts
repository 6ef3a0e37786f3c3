/**
 * A data set's CSV rows (ACLED's, UCDP's), read alike: streamed through `csv-parse`, the header's names trimmed and
 * lower-cased, each row checked by its format. Every problem is collected (up to a limit) with its place: `header`,
 * or `rows.<n>` and the column, n counting data rows from 1 (row 1 is the line after the header, whatever line of the
 * file it starts on), so a CSV syntax error is numbered like any other problem of its row. Such an error ends the
 * reading, since what follows it cannot be trusted; so does a header the format refuses.
 */
import type { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { z } from "zod";
import type { ImportProblem } from "../errors.js";
import { MAX_TOLL } from "../graph/limits.js";
import type { Pacer } from "../pacer.js";

export interface CsvRows<Row> {
  /** The rows without problems. */
  rows: Row[];
  /** Data rows read, with or without problems. */
  count: number;
  problems: ImportProblem[];
  /** The reading stopped at the header or at a CSV syntax error: the rows after it are unknown. */
  unreadable: boolean;
}

/** Checks one data row (`number` counts from 1), adding its problems; null when it has any. */
export type RowCheck<Row> = (number: number, record: Record<string, string>, problems: ImportProblem[]) => Row | null;

/** What tells one data set's rows from another's. */
export interface CsvFormat<Row> {
  /** Read from the header, before the first row: a problem that refuses the file, or how its rows are checked. */
  header(names: readonly string[]): { problem: string } | { checkRow: RowCheck<Row> };
  /** Each row's key, which must not repeat: its column, and how a problem shows it. */
  key: { column: string; of(row: Row): string; shown(key: string): string };
  /** What a file without data rows is told; its header may say it is not of this format at all. */
  noRows(names: readonly string[]): string;
}

const STOP_AFTER_PROBLEMS = 1_000;

/**
 * Reads and checks every row; `pacer` gives other requests turns of the event loop between rows, `onProgress` hears
 * of the bytes read every 500 rows and at the end.
 */
export async function readCsvRows<Row>(
  input: Readable,
  format: CsvFormat<Row>,
  { pacer, onProgress }: { pacer: Pacer; onProgress?: ((bytes: number) => void) | undefined },
): Promise<CsvRows<Row>> {
  const rows: Row[] = [];
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
  let checkRow: RowCheck<Row> | null = null;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (checkRow === null) {
        const read = format.header(header);
        if ("problem" in read) {
          problems.push({ path: "header", message: read.problem });
          unreadable = true;
          break;
        }
        checkRow = read.checkRow;
      }
      number += 1;
      const row = checkRow(number, record, problems);
      if (row) {
        const key = format.key.of(row);
        const first = seen.get(key);
        if (first !== undefined)
          problems.push({ path: rowPath(number, format.key.column), message: `${format.key.shown(key)} repeats row ${first}` });
        else seen.set(key, number);
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
    problems.push({ path: "header", message: format.noRows(header) });
    unreadable = true;
  }
  onProgress?.(parser.info.bytes);
  return { rows, count: number, problems, unreadable };
}

/** Where a problem of a row's cell is: `rows.<n>.<column>`. */
export function rowPath(number: number, column: string): string {
  return `rows.${number}.${column}`;
}

/** One problem per column that a row's schema refused: the first thing wrong with it. */
export function columnProblems(number: number, error: z.ZodError): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const columns = new Set<string>();
  for (const issue of error.issues) {
    const column = String(issue.path[0] ?? "");
    if (columns.has(column)) continue;
    columns.add(column);
    problems.push({ path: rowPath(number, column), message: issue.message });
  }
  return problems;
}

/**
 * Worded as a bundle's figure over the bound is (bundle/validation.ts), whatever is wrong with the cell: a whole
 * number, at most MAX_TOLL.
 */
const TOLL_MESSAGE = `must be a whole number of deaths from 0 to ${MAX_TOLL.toLocaleString("en-US")}: at most ${MAX_TOLL}, the largest toll one event may have`;

/** A cell of deaths (or injuries): a whole number from 0 to MAX_TOLL, the largest toll one event may have. */
export const tollCell = z
  .string()
  .trim()
  .regex(/^\d{1,15}$/, TOLL_MESSAGE)
  .transform(Number)
  .refine((value) => value <= MAX_TOLL, TOLL_MESSAGE);
