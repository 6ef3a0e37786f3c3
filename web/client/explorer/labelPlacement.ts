/**
 * Which labels the drawing shows: a label is drawn only where it is legible and overlaps nothing drawn
 * before it, most important first. Pure: boxes in, names of the labels to show out.
 */

/** A rectangle on screen, in CSS pixels. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  box: Box;
  /** Shown whatever it overlaps (the node in focus, the path, the node under the pointer). */
  required: boolean;
}

export interface Obstacle {
  /** The element the obstacle belongs to: a node's own body does not hide its label. */
  owner: string;
  box: Box;
}

/** Labels closer than this read as one. */
const GAP = 2;

export function overlaps(a: Box, b: Box, gap = GAP): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

/**
 * Goes through the candidates in order (most important first) and keeps each label that overlaps neither
 * a label kept before it nor an obstacle of another element. Required labels are kept in any case, and
 * the others avoid them.
 */
export function placeLabels(candidates: readonly LabelCandidate[], obstacles: readonly Obstacle[]): Set<string> {
  const kept: LabelCandidate[] = candidates.filter((candidate) => candidate.required);
  for (const candidate of candidates) {
    if (candidate.required) continue;
    const blocked =
      kept.some((other) => overlaps(candidate.box, other.box)) ||
      obstacles.some((obstacle) => obstacle.owner !== candidate.id && overlaps(candidate.box, obstacle.box, 0));
    if (!blocked) kept.push(candidate);
  }
  return new Set(kept.map((candidate) => candidate.id));
}
