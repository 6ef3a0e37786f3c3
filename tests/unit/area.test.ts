import { describe, expect, it } from "vitest";
import { areaWhere, pointIndexHint } from "../../src/graph/eventLocation.js";
import { checkArea, MAX_NEAR_KM } from "../../src/model/area.js";
import { InvalidInputError } from "../../src/errors.js";

const refusal = (area: Parameters<typeof checkArea>[0]): string | undefined => {
  try {
    checkArea(area, "filter");
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).argument;
  }
};

describe("checkArea", () => {
  it("accepts circles and boxes on the globe, edges included, and boxes across the antimeridian", () => {
    expect(refusal({ near: { latitude: 90, longitude: -180, km: MAX_NEAR_KM } })).toBeUndefined();
    expect(refusal({ near: { latitude: -90, longitude: 180, km: 0.001 } })).toBeUndefined();
    expect(refusal({ within: { south: 35, north: 35, west: 170, east: -170 } })).toBeUndefined();
  });

  it("names the argument of each value the globe has no place for", () => {
    const near = { latitude: 0, longitude: 0, km: 1 };
    const box = { south: 0, north: 1, west: 0, east: 1 };
    expect(refusal({ near: { ...near, latitude: 90.0001 } })).toBe("filter.near.latitude");
    expect(refusal({ near: { ...near, latitude: Number.NaN } })).toBe("filter.near.latitude");
    expect(refusal({ near: { ...near, longitude: -Infinity } })).toBe("filter.near.longitude");
    expect(refusal({ near: { ...near, km: 0 } })).toBe("filter.near.km");
    expect(refusal({ near: { ...near, km: -1 } })).toBe("filter.near.km");
    expect(refusal({ near: { ...near, km: MAX_NEAR_KM + 0.5 } })).toBe("filter.near.km");
    expect(refusal({ near: { ...near, km: Number.POSITIVE_INFINITY } })).toBe("filter.near.km");
    expect(refusal({ within: { ...box, south: 2 } })).toBe("filter.within.south");
    expect(refusal({ within: { ...box, east: 181 } })).toBe("filter.within.east");
    expect(refusal({ within: { ...box, north: Number.NaN } })).toBe("filter.within.north");
  });
});

describe("areaWhere", () => {
  it("compiles near and within to the forms the point index answers, precise locations only by default", () => {
    const { where, params } = areaWhere("e", {
      near: { latitude: 35.6, longitude: 36.6, km: 10 },
      within: { south: 35, west: 36, north: 36, east: 37 },
    });
    expect(where).toEqual([
      "point.distance(e.point, point({latitude: $nearLatitude, longitude: $nearLongitude})) <= $nearMetres",
      "point.withinBBox(e.point, point({latitude: $withinSouth, longitude: $withinWest}), point({latitude: $withinNorth, longitude: $withinEast}))",
      "e.pointPrecision IN $pointPrecisions",
    ]);
    expect(params).toEqual({
      nearLatitude: 35.6,
      nearLongitude: 36.6,
      nearMetres: 10_000,
      withinSouth: 35,
      withinWest: 36,
      withinNorth: 36,
      withinEast: 37,
      pointPrecisions: ["TOWN", "NEAR_TOWN"],
    });
  });

  it("counts REGION locations only when every spatial part asks for them", () => {
    const near = { latitude: 0, longitude: 0, km: 1, includeImprecise: true };
    expect(areaWhere("e", { near }).where).not.toContain("e.pointPrecision IN $pointPrecisions");
    expect(areaWhere("e", { near, within: { south: 0, west: 0, north: 1, east: 1 } }).where).toContain(
      "e.pointPrecision IN $pointPrecisions",
    );
  });

  it("adds nothing, and no index hint, without a spatial part", () => {
    expect(areaWhere("e", {})).toEqual({ where: [], params: {} });
    expect(pointIndexHint("e", {})).toBe("");
    expect(pointIndexHint("e", { near: { latitude: 0, longitude: 0, km: 1 } })).toBe("USING POINT INDEX e:Event(point)");
  });
});
