/** The calendar arithmetic of time series (model/timeSeries.ts) and the cost of a series (http/queryCost.ts). */
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ErrorCode } from "../../src/errors.js";
import { incidentBucketKeys, incidentIntervalStart } from "../../src/graph/statsRules.js";
import { queryCost, SERIES_GROUPS } from "../../src/http/queryCost.js";
import { TIME_INTERVALS } from "../../src/model/enums.js";
import { denseSeries, intervalCount, intervalStart, intervalStarts, MAX_SERIES_POINTS } from "../../src/model/timeSeries.js";
import { schema } from "../helpers/queryCosts.js";

describe("intervals", () => {
  it("starts a week on its Monday (ISO), whatever day it is given", () => {
    // Sunday 21 July 2019 closes the week of Monday the 15th; Monday the 22nd opens the next.
    expect(intervalStart("2019-07-21", "WEEK")).toBe("2019-07-15");
    expect(intervalStart("2019-07-22", "WEEK")).toBe("2019-07-22");
    // 2019 starts on a Tuesday: its first week began in 2018; 2020 ends on a Thursday, in a week that ends in 2021.
    expect(intervalStart("2019-01-01", "WEEK")).toBe("2018-12-31");
    expect(intervalStart("2021-01-03", "WEEK")).toBe("2020-12-28");
  });

  it("starts a month, a quarter and a year on their first day", () => {
    expect(intervalStart("2019-07-22", "DAY")).toBe("2019-07-22");
    expect(intervalStart("2019-07-22", "MONTH")).toBe("2019-07-01");
    expect(intervalStart("2019-07-22", "QUARTER")).toBe("2019-07-01");
    expect(intervalStart("2019-06-30", "QUARTER")).toBe("2019-04-01");
    expect(intervalStart("2019-12-31", "YEAR")).toBe("2019-01-01");
    expect(intervalStart("0050-03-01", "YEAR")).toBe("0050-01-01");
  });

  it("lists every interval a range touches, the partial first and last included, and counts them alike", () => {
    const weeks = intervalStarts("2019-01-01", "2019-12-31", "WEEK");
    expect(weeks).toHaveLength(53);
    expect(weeks[0]).toBe("2018-12-31");
    expect(weeks.at(-1)).toBe("2019-12-30");
    expect(intervalStarts("2019-11-15", "2020-02-01", "MONTH")).toEqual(["2019-11-01", "2019-12-01", "2020-01-01", "2020-02-01"]);
    expect(intervalStarts("2019-03-31", "2019-04-01", "QUARTER")).toEqual(["2019-01-01", "2019-04-01"]);
    expect(intervalStarts("2019-02-27", "2019-03-02", "DAY")).toEqual(["2019-02-27", "2019-02-28", "2019-03-01", "2019-03-02"]);
    expect(intervalStarts("2016-02-28", "2016-03-01", "DAY")).toHaveLength(3);
    expect(intervalStarts("2019-07-22", "2019-07-22", "YEAR")).toEqual(["2019-01-01"]);
    expect(intervalCount("2010-01-01", "2019-12-31", "DAY")).toBe(3652);
    const ranges = [
      ["2018-12-30", "2019-01-06"],
      ["2019-07-21", "2019-07-22"],
      ["2000-02-29", "2024-02-29"],
      ["1999-12-31", "2000-01-01"],
    ] as const;
    for (const [from, to] of ranges) {
      for (const interval of TIME_INTERVALS) {
        const starts = intervalStarts(from, to, interval);
        expect(starts).toHaveLength(intervalCount(from, to, interval));
        expect(new Set(starts).size).toBe(starts.length);
        expect(starts.every((start) => intervalStart(start, interval) === start)).toBe(true);
        expect(starts[0]).toBe(intervalStart(from, interval));
        expect(starts.at(-1)).toBe(intervalStart(to, interval));
      }
    }
  });
});

describe("the Cypher of time groupings", () => {
  it("puts an incident in the interval of its defining report's date, for series and eventStats alike", () => {
    const start = incidentIntervalStart("WEEK", "reports");
    expect(start).toContain("ORDER BY CASE report.datePrecision WHEN 'DAY' THEN 0");
    expect(start).toContain("RETURN date.truncate('week', report.date) AS start");
    expect(incidentIntervalStart("DAY", "reports")).toContain("RETURN report.date AS start");
    expect(incidentBucketKeys("WEEK", "reports", false)).toContain("RETURN toString(date.truncate('week', report.date)) AS key");
    expect(incidentBucketKeys("MONTH", "reports", false)).toContain(
      "RETURN substring(toString(date.truncate('month', report.date)), 0, 7) AS key",
    );
    expect(incidentBucketKeys("YEAR", "reports", false)).toContain(
      "RETURN substring(toString(date.truncate('year', report.date)), 0, 4) AS key",
    );
  });
});

describe("dense series", () => {
  const empty = (start: string, key: string | null) => ({ start, key, events: 0 });

  it("fills every interval of every group, groups with the most incidents first, then by key", () => {
    const rows = [
      { start: "2019-07-15", key: "actor:b", events: 1 },
      { start: "2019-07-22", key: "actor:a", events: 1 },
      { start: "2019-07-22", key: "actor:c", events: 2 },
    ];
    expect(denseSeries(["2019-07-15", "2019-07-22"], rows, true, empty)).toEqual([
      { start: "2019-07-15", key: "actor:c", events: 0 },
      { start: "2019-07-15", key: "actor:a", events: 0 },
      { start: "2019-07-15", key: "actor:b", events: 1 },
      { start: "2019-07-22", key: "actor:c", events: 2 },
      { start: "2019-07-22", key: "actor:a", events: 1 },
      { start: "2019-07-22", key: "actor:b", events: 0 },
    ]);
  });

  it("has every interval unsplit even without incidents, and no point split without groups", () => {
    expect(denseSeries(["2019-01-01", "2020-01-01"], [], false, empty)).toEqual([empty("2019-01-01", null), empty("2020-01-01", null)]);
    expect(denseSeries(["2019-01-01"], [], true, empty)).toEqual([]);
  });
});

describe("the cost of a series", () => {
  const cost = (args: string) => queryCost(schema, parse(`{ timeSeries(${args}) { start key events } }`));
  const range = (from: string, to: string) => `filter: { from: "${from}", to: "${to}" }`;

  it("grows with its intervals times its groups", () => {
    const weekly = cost(`interval: WEEK, ${range("2019-01-01", "2019-12-31")}`);
    const split = cost(`interval: WEEK, by: PROVINCE, ${range("2019-01-01", "2019-12-31")}`);
    const daily = cost(`interval: DAY, ${range("2019-01-01", "2019-12-31")}`);
    expect(split - weekly).toBe(53 * (SERIES_GROUPS.get("PROVINCE")! - 1));
    expect(daily - weekly).toBe(365 - 53);
    // A time grouping counts its own intervals: 53 weeks by 12 months.
    expect(cost(`interval: WEEK, by: MONTH, ${range("2019-01-01", "2019-12-31")}`) - weekly).toBe(53 * 11);
  });

  it("refuses a ten-year daily series by perpetrator, with its figures and a way out", () => {
    let error: unknown;
    try {
      cost(`interval: DAY, by: PERPETRATOR, ${range("2010-01-01", "2019-12-31")}`);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({
      message: expect.stringContaining("365,200 points (3,652 days × 100 PERPETRATOR groups (assumed))"),
      extensions: { code: ErrorCode.QueryTooComplex, points: 365_200, maximumPoints: MAX_SERIES_POINTS },
    });
    // The same range weekly, or monthly by perpetrator, is a series one may ask for (readers, beyond the anonymous limit).
    expect(cost(`interval: WEEK, ${range("2010-01-01", "2019-12-31")}`)).toBeLessThanOrEqual(loadConfig({}).limits.cost.ANONYMOUS);
    expect(cost(`interval: MONTH, by: PERPETRATOR, ${range("2019-01-01", "2019-12-31")}`)).toBeLessThanOrEqual(
      loadConfig({}).limits.cost.ANONYMOUS,
    );
  });

  it("counts one point without both ends of the range, which the resolver refuses", () => {
    expect(cost(`interval: DAY, by: PERPETRATOR`)).toBe(cost(`interval: YEAR, ${range("2019-01-01", "2019-12-31")}`));
  });
});
