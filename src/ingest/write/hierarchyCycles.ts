/**
 * No cycle in a hierarchy (graph/cycles.ts), kept on the write path and repaired in stored data:
 * - every write that adds PART_OF or WITHIN links (imports of every format, through importer.ts, and mergeNodes)
 *   checks, in its transaction and before it writes, that none of the links it adds closes a cycle, at any depth. Writes run behind the import lock (importStore.ts lockImports), one at a time, so two imports cannot each
 *   add half of a cycle: the second one sees the first's links and is refused;
 * - start-up reports cycles a graph written before this rule holds, and `npm run db:repair -- --break-cycles`
 *   removes them by the rule of graph/cycles.ts.
 */
import { z } from "zod";
import type { Executor, ReadTransaction, WriteTransaction } from "../../db/executor.js";
import type { ImportProblem } from "../../errors.js";
import { type CycleBreak, cycleBreaks, cycleText, type HierarchyLink, hierarchyOf } from "../../graph/cycles.js";
import { MERGEABLE_LABELS, type MergeableLabel } from "../../graph/redirects.js";
import { parseRows } from "../storedRows.js";
import { batches, countImport, lockImports } from "./importStore.js";

/** A link a write added, with where its input named the parent (for the problem's path). */
export interface AddedLink extends HierarchyLink {
  path: string;
}

const linkRow = z.object({ child: z.string(), parent: z.string() });

/**
 * One problem per cycle that the added links would close, naming the ids along it; run before anything is written
 * (so a dry run finds them too), on the graph as the import would leave it: the parents of the nodes it writes are
 * theirs (`written`), every other node's are read from the graph. Unbounded: the walk goes up from the added links'
 * parents, one statement per level, until no new ancestor turns up; a hierarchy's upper levels are few, so this costs
 * the depth of the hierarchy in statements and its ancestors in rows, not its size.
 */
export async function cycleProblems(
  tx: WriteTransaction,
  label: MergeableLabel,
  written: ReadonlyMap<string, readonly string[]>,
  added: readonly AddedLink[],
): Promise<ImportProblem[]> {
  if (added.length === 0) return [];
  const { type, verb } = hierarchyOf[label];
  const parentsOf = new Map<string, readonly string[]>(written);
  let frontier = [...new Set(added.map((link) => link.parent))];
  const seen = new Set(frontier);
  while (frontier.length > 0) {
    const unknown = frontier.filter((id) => !parentsOf.has(id));
    for (const batch of batches(unknown)) {
      for (const id of batch) parentsOf.set(id, []);
      const rows = parseRows(
        linkRow,
        await tx.run(
          `// hierarchyParents${label}
          UNWIND $ids AS id
          MATCH (:${label} {id: id})-[:${type}]->(parent:${label})
          RETURN id AS child, parent.id AS parent`,
          { ids: batch },
        ),
      );
      for (const row of rows) parentsOf.set(row.child, [...parentsOf.get(row.child)!, row.parent]);
    }
    const next: string[] = [];
    for (const id of frontier) {
      for (const parent of parentsOf.get(id) ?? []) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        next.push(parent);
      }
    }
    frontier = next;
  }
  // Several added links on one cycle (a bundle that closes it whole) are one problem.
  const reported = new Set<string>();
  const problems: ImportProblem[] = [];
  for (const link of added) {
    const back = link.child === link.parent ? [link.child] : pathUp(parentsOf, link.parent, link.child);
    if (back === null) continue;
    const ids = [link.child, ...back];
    const key = [...new Set(ids)].sort().join("\u0000");
    if (reported.has(key)) continue;
    reported.add(key);
    problems.push({
      path: link.path,
      message:
        `"${link.child}" ${verb} "${link.parent}" would close a cycle of ${type}: ${cycleText(ids)}. ` +
        `Nothing can be ${verb} itself; leave out one of these links.`,
    });
  }
  return problems;
}

/** The shortest way up from `from` to `to` (both included), breadth first; null when `to` is not above `from`. */
function pathUp(parentsOf: ReadonlyMap<string, readonly string[]>, from: string, to: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  let level = [from];
  while (level.length > 0) {
    const next: string[] = [];
    for (const id of level) {
      for (const parent of parentsOf.get(id) ?? []) {
        if (cameFrom.has(parent)) continue;
        cameFrom.set(parent, id);
        if (parent === to) {
          const path = [to];
          for (let at = cameFrom.get(to); at != null; at = cameFrom.get(at)) path.unshift(at);
          return path;
        }
        next.push(parent);
      }
    }
    level = next;
  }
  return null;
}

/**
 * The stored links that lie on a cycle: a link from c to p does when p leads back to c. Read from the links whose
 * child has a parent at all, and walking up from each; a graph without cycles answers none.
 */
async function linksOnCycles(tx: ReadTransaction | WriteTransaction, label: MergeableLabel): Promise<HierarchyLink[]> {
  const { type } = hierarchyOf[label];
  return parseRows(
    linkRow,
    await tx.run(
      `// hierarchyLinksOnCycles${label}
      MATCH (c:${label})-[:${type}]->(p:${label})
      WHERE c = p OR EXISTS { (p)-[:${type}]->+(c) }
      RETURN c.id AS child, p.id AS parent`,
    ),
  );
}

export interface StoredCycles {
  label: MergeableLabel;
  /** Links that lie on a cycle. */
  links: number;
  /** The links the repair would remove, each with the cycle it closes. */
  breaks: CycleBreak[];
}

/** The cycles stored data holds, per hierarchy; empty when there are none. */
export async function storedCycles(db: Executor): Promise<StoredCycles[]> {
  return db.readTransaction(async (tx) => {
    const found: StoredCycles[] = [];
    for (const label of MERGEABLE_LABELS) {
      const links = await linksOnCycles(tx, label);
      if (links.length > 0) found.push({ label, links: links.length, breaks: cycleBreaks(links) });
    }
    return found;
  });
}

/**
 * Start-up's check: one warning per hierarchy with cycles, with how many, one example, and the command that repairs
 * them. A check that fails (a database too large to walk within the query budget) is reported, never fatal.
 */
export async function reportStoredCycles(db: Executor, warn: (fields: Record<string, unknown>, message: string) => void): Promise<void> {
  let found: StoredCycles[];
  try {
    found = await storedCycles(db);
  } catch (error) {
    warn({ err: error }, "could not check the hierarchies for cycles");
    return;
  }
  for (const { label, links, breaks } of found) {
    const { type } = hierarchyOf[label];
    warn(
      { relationship: type, cycles: breaks.length, linksOnCycles: links, example: cycleText(breaks[0]!.cycle) },
      `the graph holds ${breaks.length === 1 ? "1 cycle" : `${breaks.length} cycles`} of ${type} (e.g. ${cycleText(breaks[0]!.cycle)}), ` +
        "which no write makes any more; break them with npm run db:repair -- --break-cycles",
    );
  }
}

/**
 * Removes the links graph/cycles.ts picks, behind the import lock, and refreshes the content hash of each child that
 * lost one (`refreshHashes`, given by mergeNodes.ts), so that a re-import compares against what is stored. Returns
 * what it removed.
 */
export async function breakStoredCycles(
  db: Executor,
  writtenBy: string,
  refreshHashes: (tx: WriteTransaction, label: MergeableLabel, ids: string[], writtenBy: string) => Promise<unknown>,
): Promise<{ label: MergeableLabel; breaks: CycleBreak[] }[]> {
  return db.write(async (tx) => {
    await lockImports(tx);
    const removed: { label: MergeableLabel; breaks: CycleBreak[] }[] = [];
    for (const label of MERGEABLE_LABELS) {
      const breaks = cycleBreaks(await linksOnCycles(tx, label));
      if (breaks.length === 0) continue;
      const { type } = hierarchyOf[label];
      await tx.run(
        `// breakHierarchyCycles${label}
        UNWIND $links AS link
        MATCH (:${label} {id: link.child})-[r:${type}]->(:${label} {id: link.parent})
        DELETE r`,
        { links: breaks.map((cycleBreak) => cycleBreak.removed) },
      );
      await refreshHashes(tx, label, [...new Set(breaks.map((cycleBreak) => cycleBreak.removed.child))], writtenBy);
      removed.push({ label, breaks });
    }
    if (removed.length > 0) {
      await countImport(tx);
    }
    return removed;
  });
}
