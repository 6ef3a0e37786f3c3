/**
 * Ids merged away (mergeNodes, src/ingest/write/mergeNodes.ts) keep answering: each is stored as
 * `(:Redirect {id})-[:MERGED_INTO]->(node)`, one hop, never a chain (a merge re-points the redirects of the node it
 * deletes). Reads by id and an import's references look an id up as a node first and as a redirect second.
 *
 * Pure string building, like the catalogue: labels come from the fixed lists here and in model/ids.ts.
 */
import type { NodeLabel } from "../model/ids.js";

/** The labels whose nodes can be merged, and so the only ones a redirect can lead to. */
export const MERGEABLE_LABELS = ["Actor", "Place"] as const satisfies readonly NodeLabel[];
export type MergeableLabel = (typeof MERGEABLE_LABELS)[number];

export const isMergeable = (label: NodeLabel): label is MergeableLabel => (MERGEABLE_LABELS as readonly string[]).includes(label);

/**
 * Cypher binding `node` to the `label` node whose id is `id` (a variable or parameter), or to the node that id was
 * merged into: a `CALL` of two index seeks (the label's id constraint, the redirect's). Labels that cannot be merged
 * get the plain seek.
 */
export function matchByIdOrRedirect(label: NodeLabel, id: string, node: string): string {
  if (!isMergeable(label)) return `MATCH (${node}:${label} {id: ${id}})`;
  const scope = /^[A-Za-z_][A-Za-z0-9_]*$/.test(id) ? id : "";
  return `CALL (${scope}) {
        MATCH (${node}:${label} {id: ${id}}) RETURN ${node}
        UNION ALL
        MATCH (:Redirect {id: ${id}})-[:MERGED_INTO]->(${node}:${label}) RETURN ${node}
      }`;
}
