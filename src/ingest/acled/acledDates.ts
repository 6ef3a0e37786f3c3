/**
 * ACLED's event_date as people have it (pure). Accepted, and nothing else:
 * - `2019-07-22`, as current exports write it;
 * - `22 July 2019` (also `22 Jul 2019`, `22 Sept 2019`), as older exports wrote it;
 * - `22-Jul-19` (also `22-Jul-2019`), as spreadsheets write a date when they resave a file.
 * A two-digit year only comes from a spreadsheet, and only in that form. It is read with ACLED's first year, 1997, as
 * the pivot: 97 to 99 are 1997 to 1999, 00 to 96 are 2000 to 2096. When the row's `year` column is given, it must
 * agree. Day and month in figures (`07/08/2019`) are refused as ambiguous (the 7th of August or July the 8th), like
 * anything else that is not one of the forms above or not a day of the calendar (`31-Feb-19`).
 */
import { isCalendarDate } from "../../model/dates.js";

export type AcledDate = { date: string; problem?: never } | { date?: never; problem: string };

/** ACLED's data begins in 1997: the pivot that places a two-digit year in its century. */
export const FIRST_ACLED_YEAR = 1997;

const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const isoForm = /^(\d{4})-(\d{2})-(\d{2})$/;
const wordsForm = /^(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})$/;
const spreadsheetForm = /^(\d{1,2})-([A-Za-z]{3,9})-(\d{2}|\d{4})$/;
/** Three figures, day and month among them in an order the text cannot tell. */
const figuresForm = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;
const twoDigitYearInWords = /^\d{1,2} [A-Za-z]{3,9} \d{2}$/;

const FORMS = "use 2019-07-22, 22 July 2019 or 22-Jul-19";

/** `value` (the event_date cell) as `YYYY-MM-DD`, or why not; `year` is the row's year column, "" when absent. */
export function acledDate(value: string, year = ""): AcledDate {
  const text = value.trim();
  const shown = `"${text.slice(0, 40)}"`;
  const iso = isoForm.exec(text);
  if (iso) return calendar(text, shown);

  const parts = wordsForm.exec(text) ?? spreadsheetForm.exec(text);
  if (parts) {
    const [, day, monthName, yearText] = parts as unknown as [string, string, string, string];
    const month = monthNumber(monthName);
    if (month === null) return { problem: `${shown} has no month ACLED writes (${monthName.slice(0, 12)}): ${FORMS}` };
    const fullYear = yearText.length === 2 ? pivot(Number(yearText)) : Number(yearText);
    if (yearText.length === 2 && /^\d{4}$/.test(year.trim()) && Number(year.trim()) !== fullYear) {
      return { problem: `${shown} reads as ${fullYear}, but the year column says ${year.trim()}` };
    }
    return calendar(`${fullYear}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}`, shown);
  }
  if (figuresForm.test(text)) return { problem: `${shown} is ambiguous (day and month in figures): ${FORMS}` };
  if (twoDigitYearInWords.test(text)) return { problem: `${shown} has a two-digit year, read only as 22-Jul-19: ${FORMS}` };
  return { problem: `${shown} is not a date: ${FORMS}` };
}

/** A two-digit year's century, by the pivot: 97 -> 1997, 19 -> 2019, 96 -> 2096. */
export function pivot(twoDigits: number): number {
  const pivotDigits = FIRST_ACLED_YEAR % 100;
  return (twoDigits >= pivotDigits ? 1900 : 2000) + twoDigits;
}

/** A month's number from its English name, its three-letter abbreviation or `Sept`; null otherwise. */
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  const index = months.findIndex((month) => lower === month || lower === month.slice(0, 3) || (month === "september" && lower === "sept"));
  return index < 0 ? null : index + 1;
}

function calendar(date: string, shown: string): AcledDate {
  return isCalendarDate(date) ? { date } : { problem: `${shown} is not a day of the calendar` };
}
