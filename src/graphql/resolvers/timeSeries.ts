/**
 * Query.timeSeries and its points. The series' length is fixed by its arguments: both ends of the range are required,
 * and a series past MAX_SERIES_POINTS is refused (the cost model refuses it first, before any database work, from its
 * estimate of the groups; here once the groups are known). The intervals come from model/timeSeries.ts, the counts
 * from the same rules as eventStats (graph/statsRules.ts).
 */
import { GraphQLError } from "graphql";
import { ErrorCode, InvalidInputError } from "../../errors.js";
import type { TimeInterval } from "../../model/enums.js";
import { parseId } from "../../model/ids.js";
import { denseSeries, intervalCount, intervalStarts, MAX_SERIES_POINTS, seriesPoints } from "../../model/timeSeries.js";
import type { QueryResolvers, SeriesPointResolvers } from "../generated/resolvers.js";
import { checkedEventFilter } from "./shared.js";

const INTERVAL_NAMES: Readonly<Record<TimeInterval, string>> = {
  DAY: "days",
  WEEK: "weeks",
  MONTH: "months",
  QUARTER: "quarters",
  YEAR: "years",
};

/**
 * QUERY_TOO_COMPLEX for a series of `points` points: `intervals` intervals times `groups` groups of `by` (estimated
 * before the database is asked, or counted after).
 */
export function seriesTooLong(
  interval: TimeInterval,
  intervals: number,
  by: string | null,
  groups: number,
  estimated: boolean,
): GraphQLError {
  const points = intervals * groups;
  const split = by === null ? "" : ` × ${groups.toLocaleString("en")} ${by} groups${estimated ? " (assumed)" : ""}`;
  return new GraphQLError(
    `timeSeries would return ${points.toLocaleString("en")} points (${intervals.toLocaleString("en")} ${INTERVAL_NAMES[interval]}${split}), ` +
      `more than the ${MAX_SERIES_POINTS.toLocaleString("en")} a series may have: ask for a longer interval, a shorter range from filter.from ` +
      `to filter.to${by === null ? "" : ", a narrower filter or no split"}.`,
    { extensions: { code: ErrorCode.QueryTooComplex, points, maximumPoints: MAX_SERIES_POINTS, http: { status: 400 } } },
  );
}

export const timeSeriesQuery: Pick<QueryResolvers, "timeSeries"> = {
  timeSeries: async (_, { interval, by, filter }, context) => {
    const conditions = checkedEventFilter(filter);
    const { from, to } = conditions;
    for (const [end, value] of [
      ["from", from],
      ["to", to],
    ] as const) {
      if (value == null) {
        throw new InvalidInputError(
          `timeSeries needs filter.from and filter.to: a series covers every interval of a fixed range, so both ends must be given.`,
          `filter.${end}`,
        );
      }
    }
    const intervals = intervalCount(from!, to!, interval);
    if (intervals > MAX_SERIES_POINTS) throw seriesTooLong(interval, intervals, null, 1, false);
    const split = by != null;
    const rows = await context.repositories.research.timeSeries(interval, by ?? null, conditions);
    const points = seriesPoints(intervals, rows, split);
    if (points > MAX_SERIES_POINTS) throw seriesTooLong(interval, intervals, by ?? null, points / intervals, false);
    return denseSeries(intervalStarts(from!, to!, interval), rows, split, (start, key) => ({
      start,
      key,
      events: 0,
      reports: 0,
      tolls: [],
    }));
  },
};

export const SeriesPoint: SeriesPointResolvers = {
  /** Keys that are ids (perpetrators, places, provinces) name a node; intervals and types do not. */
  node: (point, _, context) => (point.key !== null && parseId(point.key) ? context.loaders.nodes.load(point.key) : null),
};
