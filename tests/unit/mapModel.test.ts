/** The explorer's map and timeline as data: point sizes, the weekly stacks and the brushed range (web/client/explorer/mapModel.ts). */
import { describe, expect, it } from "vitest";
import {
  dateExtent,
  radiusOf,
  visibleEvents,
  weekBars,
  barsRange,
  intervalCount,
  intervalEnd,
  intervalStart,
  timelineInterval,
  type MapEvent,
  type WeekCount,
} from "../../web/client/explorer/mapModel.js";

const event = (id: string, date: string, located = true): MapEvent => ({
  id,
  title: id,
  date,
  category: "BATTLES",
  location: located ? { latitude: 35.6, longitude: 36.6 } : null,
  fatalities: null,
  perpetrators: [],
});

describe("the map's points", () => {
  it("grow with the toll by area, within bounds", () => {
    expect(radiusOf(0)).toBe(4);
    expect(radiusOf(4)).toBeGreaterThan(radiusOf(1));
    expect(radiusOf(1_000_000)).toBe(22);
    expect(radiusOf(-5)).toBe(4);
  });

  it("are the located events within the brushed range, ends included", () => {
    const events = [
      event("a", "2019-07-21"),
      event("b", "2019-07-22"),
      event("c", "2019-07-28"),
      event("d", "2019-07-29"),
      event("e", "2019-07-23", false),
    ];
    expect(visibleEvents(events, null).map((e) => e.id)).toEqual(["a", "b", "c", "d"]);
    expect(visibleEvents(events, { from: "2019-07-22", to: "2019-07-28" }).map((e) => e.id)).toEqual(["b", "c"]);
    expect(dateExtent(events)).toEqual({ from: "2019-07-21", to: "2019-07-29" });
    expect(dateExtent([])).toBeNull();
  });
});

describe("the timeline's weeks", () => {
  const point = (start: string, key: string | null, events: number): WeekCount => ({ start, key, name: key && `Actor ${key}`, events });

  it("stack the perpetrators with most incidents in colours of their own, the rest as other, unattributed last", () => {
    const points = [
      ...["a", "b", "c", "d", "e", "f", "g"].map((key, i) => point("2019-01-07", key, 10 - i)),
      point("2019-01-07", null, 2),
      point("2019-01-14", null, 0),
      point("2019-01-14", "a", 1),
    ];
    const { stacks, bars } = weekBars(points);
    expect(stacks.map((stack) => stack.key)).toEqual(["a", "b", "c", "d", "e", "f", "other", "none"]);
    expect(new Set(stacks.map((stack) => stack.color)).size).toBe(stacks.length);
    expect(bars.map((bar) => bar.start)).toEqual(["2019-01-07", "2019-01-14"]);
    expect(bars[0]!.counts).toEqual([10, 9, 8, 7, 6, 5, 4, 2]);
    expect(bars[0]!.total).toBe(51);
    expect(bars[1]!.total).toBe(1);
  });

  it("keep empty weeks as bars of zero", () => {
    const { stacks, bars } = weekBars([point("2019-01-07", null, 0), point("2019-01-14", null, 0)]);
    expect(stacks).toEqual([]);
    expect(bars.map((bar) => bar.total)).toEqual([0, 0]);
  });

  it("cover whole ISO weeks, Monday to Sunday, across a year's end", () => {
    expect(intervalEnd("2019-12-30", "WEEK")).toBe("2020-01-05");
    expect(intervalStart("2019-01-06", "WEEK")).toBe("2018-12-31");
    expect(intervalStart("2019-01-07", "WEEK")).toBe("2019-01-07");
    const bars = weekBars([point("2018-12-31", null, 0), point("2019-01-07", null, 0), point("2019-01-14", null, 0)]).bars;
    expect(barsRange(bars, 2, 0, "WEEK")).toEqual({ from: "2018-12-31", to: "2019-01-20" });
    expect(barsRange(bars, 1, 1, "WEEK")).toEqual({ from: "2019-01-07", to: "2019-01-13" });
    expect(barsRange([], 0, 0, "WEEK")).toBeNull();
  });

  it("count by the finest interval that keeps the timeline within 60 bars", () => {
    expect(intervalCount("2019-01-01", "2019-12-31", "WEEK")).toBe(53);
    expect(timelineInterval("2019-01-01", "2019-12-31")).toBe("WEEK");
    expect(timelineInterval("2016-01-16", "2019-07-24")).toBe("MONTH");
    expect(timelineInterval("1989-01-01", "2019-12-31")).toBe("YEAR");
    expect(intervalEnd("2019-02-01", "MONTH")).toBe("2019-02-28");
    expect(intervalEnd("2020-01-01", "YEAR")).toBe("2020-12-31");
  });
});
