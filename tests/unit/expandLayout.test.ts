import { describe, expect, it } from "vitest";
import { MIN_RING_RADIUS, RING_SPACING, ringPositions, widestGap } from "../../web/client/explorer/expandLayout.js";

const centre = { x: 100, y: -50 };
const angleOf = (point: { x: number; y: number }) => Math.atan2(point.y - centre.y, point.x - centre.x);
const norm = (angle: number) => ((angle % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);

describe("where an opened node's new neighbours go", () => {
  it("finds the widest gap between the lines already drawn from the node, across the zero angle too", () => {
    expect(widestGap([])).toEqual({ start: 0, width: 2 * Math.PI });
    const gap = widestGap([0.2, 1, -0.3]);
    expect(gap.start).toBeCloseTo(1);
    expect(gap.width).toBeCloseTo(2 * Math.PI - 1.3);
    expect(widestGap([Math.PI / 2, Math.PI]).start).toBeCloseTo(Math.PI);
  });

  it("spreads them over the whole ring when nothing else is drawn from the node, at least MIN_RING_RADIUS out", () => {
    const points = ringPositions(centre, [], 6);
    expect(points).toHaveLength(6);
    for (const point of points) expect(Math.hypot(point.x - centre.x, point.y - centre.y)).toBeCloseTo(MIN_RING_RADIUS);
    const angles = points.map((point) => norm(angleOf(point))).sort((a, b) => a - b);
    angles.slice(1).forEach((angle, index) => expect(angle - angles[index]!).toBeCloseTo(Math.PI / 3));
  });

  it("keeps them in the free gap, away from the drawn neighbours, and far enough out for RING_SPACING between them", () => {
    // Neighbours drawn to the right and below: the new nodes go up and to the left.
    const points = ringPositions(centre, [0, Math.PI / 2], 12);
    for (const point of points) {
      const angle = norm(angleOf(point));
      expect(angle).toBeGreaterThan(Math.PI / 2);
      expect(angle).toBeLessThan(2 * Math.PI);
    }
    const gaps = points.slice(1).map((point, index) => Math.hypot(point.x - points[index]!.x, point.y - points[index]!.y));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(RING_SPACING * 0.95);
  });

  it("takes half the ring when the widest gap is narrower", () => {
    const drawn = Array.from({ length: 8 }, (_, index) => (index * Math.PI) / 4);
    const points = ringPositions(centre, drawn, 3);
    const angles = points.map((point) => norm(angleOf(point) - angleOf(points[0]!)));
    expect(Math.max(...angles)).toBeCloseTo(Math.PI / 2);
    expect(ringPositions(centre, drawn, 0)).toEqual([]);
  });
});
