/**
 * Where a node's new neighbours go when it is opened: on an arc around it, in the widest gap its neighbours already
 * drawn leave (the whole ring when there are none), then settled clear of the nodes near them. Everything drawn
 * before is held in place, so that the reader's picture, and the nodes they moved, stay where they were.
 */
import type { Collection, Core, NodeCollection, NodeSingular } from "cytoscape";

export interface Point {
  x: number;
  y: number;
}

/** Room along the arc per new node, in the drawing's units (a node and a short label). */
export const RING_SPACING = 70;
/** The arc is never drawn closer than this to the opened node. */
export const MIN_RING_RADIUS = 110;

/**
 * The widest gap between the given directions (radians), as [start, width]; the whole circle when there are none.
 * The new nodes go there, away from the lines already drawn from the node.
 */
export function widestGap(angles: readonly number[]): { start: number; width: number } {
  if (angles.length === 0) return { start: 0, width: 2 * Math.PI };
  const sorted = angles.map((angle) => ((angle % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)).sort((a, b) => a - b);
  let best = { start: sorted.at(-1)!, width: sorted[0]! + 2 * Math.PI - sorted.at(-1)! };
  for (let index = 1; index < sorted.length; index++) {
    const width = sorted[index]! - sorted[index - 1]!;
    if (width > best.width) best = { start: sorted[index - 1]!, width };
  }
  return best;
}

/**
 * `count` points around `centre`, evenly spread over the widest gap between `neighbourAngles` (a gap narrower than
 * half the circle leaves too little room: the points then take the half circle centred on it), far enough out that
 * neighbouring points are RING_SPACING apart.
 */
export function ringPositions(centre: Point, neighbourAngles: readonly number[], count: number): Point[] {
  if (count === 0) return [];
  const gap = widestGap(neighbourAngles);
  const width = Math.max(gap.width, Math.PI);
  const start = gap.start + (gap.width - width) / 2;
  const fullCircle = width >= 2 * Math.PI - 1e-9;
  // On a full circle n points make n steps; on an arc they keep a step's margin from both of its ends.
  const step = width / (fullCircle ? count : count + 1);
  const radius = Math.max(MIN_RING_RADIUS, RING_SPACING / step);
  return Array.from({ length: count }, (_, index) => {
    const angle = start + step * (fullCircle ? index : index + 1);
    return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
  });
}

/** Directions from `node` to its neighbours among `drawn`. */
export function neighbourAngles(node: NodeSingular, drawn: NodeCollection): number[] {
  const { x, y } = node.position();
  return node
    .neighborhood("node")
    .intersection(drawn)
    .map((neighbour) => {
      const position = (neighbour as NodeSingular).position();
      return Math.atan2(position.y - y, position.x - x);
    });
}

/** Nodes closer than this push each other apart while the new ones settle (a node and its label's height). */
export const CLEARANCE = 60;
const SETTLE_ROUNDS = 60;
/** How strongly a new node is held to its place on the arc, against the others' push. */
const ANCHOR_PULL = 0.15;
/** The most a node moves in one round, so that the settling cannot fling it off. */
const MAX_STEP = 12;

/**
 * Lets the new nodes settle: each is held to its place on the arc and pushed clear of every node nearer than
 * CLEARANCE. Only the new nodes move; everything drawn before stays exactly where it was.
 */
export function settleNewNodes(cy: Core, fresh: Collection): void {
  const moving = fresh.nodes().map((node) => ({ node, anchor: { ...node.position() }, at: { ...node.position() } }));
  const before = cy.nodes().difference(fresh.nodes());
  const fixed = before.nodes().map((node) => ({ ...node.position() }));
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    for (const item of moving) {
      let dx = (item.anchor.x - item.at.x) * ANCHOR_PULL;
      let dy = (item.anchor.y - item.at.y) * ANCHOR_PULL;
      const others = [...fixed, ...moving.filter((other) => other !== item).map((other) => other.at)];
      for (const other of others) {
        const ox = item.at.x - other.x;
        const oy = item.at.y - other.y;
        const distance = Math.hypot(ox, oy);
        if (distance >= CLEARANCE) continue;
        // Coincident nodes part along a direction of their own (by index), not all the same way.
        const [ux, uy] =
          distance > 0.01
            ? [ox / distance, oy / distance]
            : [Math.cos(round + moving.indexOf(item)), Math.sin(round + moving.indexOf(item))];
        const push = (CLEARANCE - distance) / 2;
        dx += ux * push;
        dy += uy * push;
      }
      const step = Math.hypot(dx, dy);
      const scale = step > MAX_STEP ? MAX_STEP / step : 1;
      item.at = { x: item.at.x + dx * scale, y: item.at.y + dy * scale };
    }
  }
  cy.batch(() => {
    for (const item of moving) item.node.position(item.at);
  });
}
