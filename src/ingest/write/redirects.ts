/**
 * Ids merged away (write/mergeNodes.ts), as imports meet them. Before anything else is checked, every actor or place
 * id of the draft that a redirect names is rewritten to the node it was merged into: a reference then links to that
 * node, and a definition under the old id adds to it as a name match would (authority `fill`: aliases, relationships,
 * missing values), so an old bundle can neither recreate the merged node nor rename the one it became.
 *
 * `mergedIds` on an actor or place (an export's) names the ids merged into it: each becomes a redirect when the node
 * is written. A listed id that is a live node's, or that already answers as another node, is a problem of the import.
 */
import { z } from "zod";
import type { WriteTransaction } from "../../db/executor.js";
import type { ImportProblem } from "../../errors.js";
import { rel } from "../../graph/catalogue.js";
import { isMergeable } from "../../graph/redirects.js";
import type { Draft, DraftNode } from "../draft.js";
import { relationshipSpec } from "../draft.js";
import type { TargetNode } from "../resolve/merge.js";
import type { EntityMatch } from "../resolve/resolution.js";
import { parseRows } from "../storedRows.js";
import { type ElementIds, existingIds } from "./importStore.js";

export interface Redirected {
  draft: Draft;
  /** Definitions given under an id merged away, as the report's `resolved` lists them (`by: MERGED`). */
  matches: EntityMatch[];
  problems: ImportProblem[];
}

const BATCH = 5_000;

/** The draft with ids merged away replaced by the nodes they answer as (stored redirects and the draft's mergedIds). */
export async function followRedirects(tx: WriteTransaction, draft: Draft): Promise<Redirected> {
  const ids = new Set<string>();
  const claims: { mergedId: string; node: DraftNode; path: string }[] = [];
  for (const node of draft.nodes) {
    if (isMergeable(node.label)) {
      ids.add(node.id);
      if (node.entity?.sameAs) ids.add(node.entity.sameAs);
      mergedIdsOf(node).forEach((mergedId, i) => claims.push({ mergedId, node, path: `${node.path}.mergedIds.${i}` }));
    }
    for (const link of node.links) if (isMergeable(relationshipSpec(node.label, link.type).other)) ids.add(link.target);
  }
  for (const claim of claims) ids.add(claim.mergedId);
  if (ids.size === 0) return { draft, matches: [], problems: [] };

  const rewrite = await storedRedirects(tx, [...ids]);
  const to = (id: string) => rewrite.get(id) ?? id;
  const problems: ImportProblem[] = [];
  if (claims.length > 0) {
    const claimed = [...new Set(claims.map((claim) => claim.mergedId))];
    const live = await existingIds(
      tx,
      new Map([
        ["Actor", claimed],
        ["Place", claimed],
      ]),
    );
    const defined = new Set(draft.nodes.map((node) => node.id));
    const claimedBy = new Map<string, string>();
    for (const { mergedId, node, path } of claims) {
      const owner = to(node.id);
      const stored = rewrite.get(mergedId);
      if (live.has(mergedId) || defined.has(mergedId)) {
        problems.push({
          path,
          message: `"${mergedId}" is the id of a node, not of one merged away, so it cannot be merged into "${owner}"`,
        });
      } else if (stored !== undefined && stored !== owner) {
        problems.push({ path, message: `"${mergedId}" was merged into "${stored}", not into "${owner}"` });
      } else if (claimedBy.has(mergedId) && claimedBy.get(mergedId) !== owner) {
        problems.push({ path, message: `"${mergedId}" is listed as merged into both "${claimedBy.get(mergedId)}" and "${owner}"` });
      } else {
        claimedBy.set(mergedId, owner);
      }
    }
    for (const [mergedId, owner] of claimedBy) rewrite.set(mergedId, owner);
  }
  if (rewrite.size === 0) return { draft, matches: [], problems };

  const matches = new Map<string, EntityMatch>();
  const nodes = draft.nodes.map((node): DraftNode => {
    const id = to(node.id);
    const renamed = id !== node.id;
    if (renamed && !matches.has(node.id)) {
      matches.set(node.id, { id: node.id, matchedId: id, name: String(node.properties.name), by: "MERGED" });
    }
    return {
      ...node,
      id,
      links: node.links.map((link) => ({ ...link, target: to(link.target) })),
      ...(node.entity
        ? {
            entity: {
              ...node.entity,
              sameAs: node.entity.sameAs === null ? null : to(node.entity.sameAs),
              ...(renamed ? { authority: "fill" as const } : {}),
            },
          }
        : {}),
    };
  });
  return { draft: { nodes }, matches: [...matches.values()], problems };
}

const redirectRow = z.object({ id: z.string(), target: z.string() });

/** Id merged away -> the id of the node it answers as, for those of `ids` that are redirects. */
async function storedRedirects(tx: WriteTransaction, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let offset = 0; offset < ids.length; offset += BATCH) {
    const rows = await tx.run(
      `// redirectsOf
      UNWIND $ids AS id
      MATCH (:Redirect {id: id})-[:${rel("MERGED_INTO")}]->(n)
      RETURN id, n.id AS target`,
      { ids: ids.slice(offset, offset + BATCH) },
    );
    for (const row of parseRows(redirectRow, rows)) found.set(row.id, row.target);
  }
  return found;
}

/** Creates the redirects that written actors and places list in `mergedIds` and the graph lacks. */
export async function writeRedirects(
  tx: WriteTransaction,
  written: readonly TargetNode[],
  elements: ElementIds,
  writtenBy: string,
): Promise<void> {
  const rows = written
    .filter((node) => isMergeable(node.label) && mergedIdsOf(node).length > 0)
    .flatMap((node) => mergedIdsOf(node).map((mergedId) => [elements.get(node.id), mergedId]))
    .filter(([element]) => element !== undefined);
  for (let offset = 0; offset < rows.length; offset += BATCH) {
    await tx.run(
      `// writeRedirects
      UNWIND $rows AS row
      MATCH (n) WHERE elementId(n) = row[0]
      MERGE (redirect:Redirect {id: row[1]})
        ON CREATE SET redirect.createdAt = datetime.transaction(), redirect.createdBy = $writtenBy
      MERGE (redirect)-[:${rel("MERGED_INTO")}]->(n)`,
      { rows: rows.slice(offset, offset + BATCH), writtenBy },
    );
  }
}

function mergedIdsOf(node: { properties: Record<string, unknown> }): string[] {
  const value = node.properties.mergedIds;
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
