/**
 * Hierarchies without cycles (pure): actors PART_OF actors, places WITHIN places. No write may close a cycle
 * (ingest/write/hierarchyCycles.ts checks every write); a graph written before that rule may hold some, which start-up
 * reports and `npm run db:repair -- --break-cycles` and the export break by the one rule below.
 */
import type { MergeableLabel } from "./redirects.js";

/** The relationship that orders each label into a hierarchy. */
export const hierarchyOf: Record<MergeableLabel, { type: "PART_OF" | "WITHIN"; verb: string }> = {
  Actor: { type: "PART_OF", verb: "part of" },
  Place: { type: "WITHIN", verb: "within" },
};

/** One link of a hierarchy: `child` PART_OF (or WITHIN) `parent`, by node id. */
export interface HierarchyLink {
  child: string;
  parent: string;
}

/** The ids along a cycle, its first id repeated at the end: `a → b → a`. */
export const cycleText = (ids: readonly string[]): string => ids.join(" → ");

/** A link removed to break a cycle, and the cycle it closed (ids, the first repeated at the end). */
export interface CycleBreak {
  removed: HierarchyLink;
  cycle: string[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The links to remove so that no cycle is left, by the documented rule: cycles are found in id order (a depth-first
 * walk from each node in code-point order of ids, parents in the same order), and of each cycle found the link out
 * of the node whose id sorts last is removed; then the walk starts again, until none is found. Deterministic, so the
 * repair command and the export remove the same links from the same graph.
 */
export function cycleBreaks(links: readonly HierarchyLink[]): CycleBreak[] {
  const parents = new Map<string, string[]>();
  for (const { child, parent } of links) {
    const list = parents.get(child);
    if (list) {
      if (!list.includes(parent)) list.push(parent);
    } else parents.set(child, [parent]);
  }
  for (const list of parents.values()) list.sort(byCodePoint);
  const nodes = [...parents.keys()].sort(byCodePoint);
  const breaks: CycleBreak[] = [];
  for (;;) {
    const cycle = firstCycle(nodes, parents);
    if (cycle === null) return breaks;
    // The cycle without its repeated end: the node sorting last, and its link to the next node on the cycle.
    const members = cycle.slice(0, -1);
    const last = members.reduce((max, id) => (id > max ? id : max));
    const next = cycle[cycle.indexOf(last) + 1]!;
    parents.set(
      last,
      parents.get(last)!.filter((parent) => parent !== next),
    );
    breaks.push({ removed: { child: last, parent: next }, cycle });
  }
}

/** The first cycle a depth-first walk meets (iterative, so a long chain cannot overflow the stack); null when none. */
function firstCycle(nodes: readonly string[], parents: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  for (const start of nodes) {
    if (done.has(start)) continue;
    const path: string[] = [start];
    const onPath = new Map<string, number>([[start, 0]]);
    const next: number[] = [0];
    while (path.length > 0) {
      const node = path.at(-1)!;
      const list = parents.get(node) ?? [];
      const index = next.at(-1)!;
      if (index >= list.length) {
        done.add(node);
        onPath.delete(node);
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = index + 1;
      const parent = list[index]!;
      const at = onPath.get(parent);
      if (at !== undefined) return [...path.slice(at), parent];
      if (done.has(parent)) continue;
      onPath.set(parent, path.length);
      path.push(parent);
      next.push(0);
    }
  }
  return null;
}
