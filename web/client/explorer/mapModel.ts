/**
 * What the map and the timeline show, as plain data: the events of the current filter with their points, the
 * weekly counts stacked by perpetrator, and the brushed range. Pure: no DOM, so unit tests read it directly.
 */
import { eventCategoryName } from "../../../src/model/eventNames.js";

/** An event as the map draws it (`MAP_EVENTS_QUERY`). */
export interface MapEvent {
  id: string;
  title: string;
  date: string;
  category: string;
  location: { latitude: number; longitude: number } | null;
  fatalities: { low: number | null; high: number | null } | null;
  perpetrators: { id: string; name: string }[];
}

/** One point of the weekly series (`Query.timeSeries` split by perpetrator). */
export interface WeekCount {
  start: string;
  key: string | null;
  name: string | null;
  events: number;
}

/** A date range, inclusive at both ends, as YYYY-MM-DD; an empty string is an open end. */
export interface DateRange {
  from: string;
  to: string;
}

/** Category colours: ACLED's violent categories warm, UCDP's types of violence in their own hues, the rest grey. */
const CATEGORY_COLORS: Record<string, string> = {
  BATTLES: "#b91c1c",
  EXPLOSIONS_REMOTE_VIOLENCE: "#ea580c",
  VIOLENCE_AGAINST_CIVILIANS: "#7e22ce",
  PROTESTS: "#0369a1",
  RIOTS: "#0f766e",
  STRATEGIC_DEVELOPMENTS: "#4b5563",
  STATE_BASED_VIOLENCE: "#be123c",
  NON_STATE_VIOLENCE: "#a16207",
  ONE_SIDED_VIOLENCE: "#6d28d9",
};

export const categoryColor = (category: string): string => CATEGORY_COLORS[category] ?? "#4b5563";

/** Categories as ACLED and UCDP write them (src/model/eventNames.ts). */
export const categoryName = eventCategoryName;

/** The perpetrators' colours in the timeline's stacks, in order of their share; "other" and "none" after them. */
export const STACK_COLORS = ["#1d4ed8", "#b91c1c", "#15803d", "#b45309", "#7e22ce", "#0f766e"] as const;
export const OTHER_COLOR = "#9ca3af";

/** An event's toll for sizing: the conservative figure where there is one, else the high one, else none. */
export function tollOf(event: MapEvent): number {
  return event.fatalities?.low ?? event.fatalities?.high ?? 0;
}

/** A point's radius in pixels: by area, so a strike that killed 40 reads as 40 times one that killed one. */
export function radiusOf(toll: number): number {
  return Math.min(22, 4 + 2.2 * Math.sqrt(Math.max(0, toll)));
}

export function inRange(date: string, range: DateRange | null): boolean {
  return range === null || ((range.from === "" || date >= range.from) && (range.to === "" || date <= range.to));
}

/** The events the map shows: those located, within the brushed range. */
export function visibleEvents(events: readonly MapEvent[], brush: DateRange | null): MapEvent[] {
  return events.filter((event) => event.location !== null && inRange(event.date, brush));
}

/** The first and last date of the events, or null when there are none. */
export function dateExtent(events: readonly MapEvent[]): DateRange | null {
  if (events.length === 0) return null;
  let from = events[0]!.date;
  let to = from;
  for (const { date } of events) {
    if (date < from) from = date;
    if (date > to) to = date;
  }
  return { from, to };
}

export interface Stack {
  key: string;
  name: string;
  color: string;
}

export interface WeekBar {
  start: string;
  /** Counts per stack, in the order of `stacks`. */
  counts: number[];
  total: number;
}

/** How many perpetrators get a colour of their own; the rest are stacked as "other". */
const NAMED_STACKS = STACK_COLORS.length;

/**
 * The weekly series as stacked bars: the perpetrators with the most incidents over the whole range get a colour
 * each, the others share "other", events with no perpetrator on record are "none". A split series counts an
 * incident once per perpetrator, as `eventStats` by PERPETRATOR does, so a bar may exceed the week's incidents.
 */
export function weekBars(points: readonly WeekCount[]): { stacks: Stack[]; bars: WeekBar[] } {
  const totals = new Map<string, { name: string; events: number }>();
  for (const point of points) {
    const key = point.key ?? "none";
    const entry = totals.get(key) ?? { name: point.name ?? key, events: 0 };
    entry.events += point.events;
    totals.set(key, entry);
  }
  const ranked = [...totals]
    .filter(([key, entry]) => key !== "none" && entry.events > 0)
    .sort(([a, x], [b, y]) => y.events - x.events || a.localeCompare(b));
  const named = ranked.slice(0, NAMED_STACKS);
  const stacks: Stack[] = named.map(([key, entry], i) => ({ key, name: entry.name, color: STACK_COLORS[i]! }));
  const hasOther = ranked.length > NAMED_STACKS;
  if (hasOther) stacks.push({ key: "other", name: "Other perpetrators", color: OTHER_COLOR });
  if ((totals.get("none")?.events ?? 0) > 0) stacks.push({ key: "none", name: "No perpetrator on record", color: "#e5e7eb" });
  const stackOf = new Map(stacks.map((stack, i) => [stack.key, i]));
  const bars = new Map<string, WeekBar>();
  for (const point of points) {
    const bar = bars.get(point.start) ?? { start: point.start, counts: stacks.map(() => 0), total: 0 };
    bars.set(point.start, bar);
    const key = point.key ?? "none";
    const index = stackOf.get(key) ?? stackOf.get("other");
    if (index === undefined || point.events === 0) continue;
    bar.counts[index]! += point.events;
    bar.total += point.events;
  }
  return { stacks, bars: [...bars.values()].sort((a, b) => a.start.localeCompare(b.start)) };
}

/** The intervals the timeline can count by: weeks (ISO, from Monday), months or years. */
export type Interval = "WEEK" | "MONTH" | "YEAR";

/** The timeline shows at most this many bars: a year of weeks, five years of months, then years. */
export const MAX_BARS = 60;

const day = (date: string): Date => new Date(`${date}T00:00:00Z`);
const iso = (date: Date): string => date.toISOString().slice(0, 10);

/** The first day of the interval holding `date`. */
export function intervalStart(date: string, interval: Interval): string {
  const d = day(date);
  if (interval === "YEAR") return `${date.slice(0, 4)}-01-01`;
  if (interval === "MONTH") return `${date.slice(0, 7)}-01`;
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return iso(d);
}

/** The last day of the interval starting on `start`. */
export function intervalEnd(start: string, interval: Interval): string {
  const d = day(start);
  if (interval === "WEEK") d.setUTCDate(d.getUTCDate() + 6);
  else {
    if (interval === "MONTH") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCFullYear(d.getUTCFullYear() + 1);
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return iso(d);
}

/** How many intervals from `from` to `to` touch. */
export function intervalCount(from: string, to: string, interval: Interval): number {
  let count = 0;
  for (let start = intervalStart(from, interval); start <= to && count <= MAX_BARS * 60; count++) {
    start = iso(new Date(day(intervalEnd(start, interval)).getTime() + 86_400_000));
  }
  return count;
}

/**
 * The finest interval that keeps the timeline within MAX_BARS bars, so that a long range stays legible and its series
 * within an anonymous caller's cost (intervals × perpetrators).
 */
export function timelineInterval(from: string, to: string): Interval {
  return (["WEEK", "MONTH"] as const).find((interval) => intervalCount(from, to, interval) <= MAX_BARS) ?? "YEAR";
}

/** The range covered by the bars from index `first` to `last`, inclusive. */
export function barsRange(bars: readonly WeekBar[], first: number, last: number, interval: Interval): DateRange | null {
  const start = bars[Math.min(first, last)];
  const end = bars[Math.max(first, last)];
  return start && end ? { from: start.start, to: intervalEnd(end.start, interval) } : null;
}
