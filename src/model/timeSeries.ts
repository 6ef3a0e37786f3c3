/**
 * Calendar intervals for time series and time groupings, in UTC on `YYYY-MM-DD` dates: the first day of the interval
 * holding a date (weeks are ISO weeks, Monday to Sunday), the intervals from one date to another, and how many there
 * are (counted without listing them, so that a cost can be estimated for any range). The Cypher that buckets events
 * the same way is statsRules.ts' `intervalStart`; tests/integration/timeSeries.test.ts holds the two to the same
 * answers.
 */
import type { TimeInterval } from "./enums.js";

const DAY_MS = 86_400_000;

/** A `YYYY-MM-DD` date as a UTC timestamp. setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999. */
function timestamp(date: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const value = new Date(0);
  value.setUTCFullYear(year, month - 1, day);
  return value.getTime();
}

function isoDate(time: number): string {
  const value = new Date(time);
  const year = String(value.getUTCFullYear()).padStart(4, "0");
  return `${year}-${String(value.getUTCMonth() + 1).padStart(2, "0")}-${String(value.getUTCDate()).padStart(2, "0")}`;
}

const MONTHS: Readonly<Record<"MONTH" | "QUARTER" | "YEAR", number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** The first day of the interval that holds `date`: the day itself, the Monday of its week, or its month's, quarter's or year's first day. */
export function intervalStart(date: string, interval: TimeInterval): string {
  const time = timestamp(date);
  if (interval === "DAY") return date;
  if (interval === "WEEK") return isoDate(time - ((new Date(time).getUTCDay() + 6) % 7) * DAY_MS);
  const [year, month] = date.split("-").map(Number) as [number, number];
  const first = month - 1 - ((month - 1) % MONTHS[interval]);
  return `${String(year).padStart(4, "0")}-${String(first + 1).padStart(2, "0")}-01`;
}

/** How many intervals `from`..`to` touches (`from` ≤ `to`), each counted once, the partial first and last included. */
export function intervalCount(from: string, to: string, interval: TimeInterval): number {
  if (interval === "DAY" || interval === "WEEK") {
    const days = Math.round((timestamp(intervalStart(to, interval)) - timestamp(intervalStart(from, interval))) / DAY_MS);
    return (interval === "DAY" ? days : days / 7) + 1;
  }
  const months = (date: string) => {
    const [year, month] = date.split("-").map(Number) as [number, number];
    return year * 12 + month - 1;
  };
  return Math.floor(months(to) / MONTHS[interval]) - Math.floor(months(from) / MONTHS[interval]) + 1;
}

/** The first day of each interval `from`..`to` touches, in order (the first may lie before `from`). */
export function intervalStarts(from: string, to: string, interval: TimeInterval): string[] {
  const first = intervalStart(from, interval);
  const count = intervalCount(from, to, interval);
  if (interval === "DAY" || interval === "WEEK") {
    const step = interval === "DAY" ? DAY_MS : 7 * DAY_MS;
    return Array.from({ length: count }, (_, i) => isoDate(timestamp(first) + i * step));
  }
  const [year, month] = first.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const months = year * 12 + month - 1 + i * MONTHS[interval];
    return `${String(Math.floor(months / 12)).padStart(4, "0")}-${String((months % 12) + 1).padStart(2, "0")}-01`;
  });
}

/**
 * The most points one series may have (intervals × groups): the cost model refuses a series estimated beyond it before
 * any database work, and a series whose groups turn out more than estimated is refused once they are known.
 */
export const MAX_SERIES_POINTS = 10_000;

interface SeriesPoint {
  start: string;
  key: string | null;
  events: number;
}

/** How many points a series of `intervals` intervals has with `rows`' groups (one when unsplit, however empty). */
export function seriesPoints(intervals: number, rows: readonly SeriesPoint[], split: boolean): number {
  return split ? intervals * new Set(rows.map((row) => row.key)).size : intervals;
}

/**
 * Every interval of `starts` for every group of `rows` (unsplit: the one group `null`), the intervals a group has no
 * row for filled by `empty`. Ordered by start, then group as eventStats orders its buckets (most incidents over the
 * series first, then by key), so that each interval's groups stack in the same order.
 */
export function denseSeries<T extends SeriesPoint>(
  starts: readonly string[],
  rows: readonly T[],
  split: boolean,
  empty: (start: string, key: string | null) => T,
): T[] {
  const totals = new Map<string | null, number>(split ? [] : [[null, 0]]);
  const found = new Map<string, T>();
  for (const row of rows) {
    totals.set(row.key, (totals.get(row.key) ?? 0) + row.events);
    found.set(`${row.start} ${row.key ?? ""}`, row);
  }
  // Keys compare as Cypher compares strings (by code point), as eventStats' `ORDER BY events DESC, key ASC`.
  const byKey = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);
  const groups = [...totals].sort(([a, x], [b, y]) => y - x || byKey(a, b)).map(([key]) => key);
  return starts.flatMap((start) => groups.map((key) => found.get(`${start} ${key ?? ""}`) ?? empty(start, key)));
}
