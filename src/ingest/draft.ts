/**
 * What an import writes, whatever it came from (a bundle, an ACLED file, an export): nodes with their properties,
 * the relationships each node owns and the evidence it has in each source. Building a draft is pure; the importer
 * resolves entities against the graph, compares the draft with what is stored and writes the difference.
 *
 * Ownership decides what a re-import may replace: a node's owned relationships and its evidence in the importing
 * source are part of its content, as its properties are. Which end owns each relationship is the catalogue's say
 * (src/graph/catalogue.ts): an event owns its places and participants (although `PARTICIPATED_IN` points from the
 * actor), a claim the statements disputing it, an agreement its parties.
 */
import { relationshipList, type RelationshipType as CatalogueType } from "../graph/catalogue.js";
import { propertiesOf, writeLabels, type PropertyType, type WriteLabel } from "../graph/nodes.js";

export type { DocumentLabel, EntityLabel, WriteLabel } from "../graph/nodes.js";
export { isEntityLabel, writeLabels } from "../graph/nodes.js";

/**
 * Every property an import sets, by label, with its type: the catalogue's given properties (src/graph/nodes.ts), the
 * allow-list of what a bundle can express and an export reads back. Derived properties (search text, name keys,
 * content hash) and event aggregates are computed, never given.
 */
export const propertyTypes = Object.fromEntries(
  writeLabels.map((label) => [label, Object.fromEntries(propertiesOf(label, "given").map(([key, property]) => [key, property.type]))]),
) as Record<WriteLabel, Readonly<Record<string, PropertyType>>>;

export type PropertyValue = string | number | string[] | null;
export type Properties = Record<string, PropertyValue>;

/** The relationships an import writes as links (evidence is written from each node's quotes). */
export type RelationshipType = Exclude<CatalogueType, "EVIDENCED_BY">;

export interface RelationshipSpec {
  type: RelationshipType;
  owner: WriteLabel;
  other: WriteLabel;
  /** `out`: (owner)-[type]->(other); `in`: (other)-[type]->(owner). */
  direction: "out" | "in";
}

/** The relationships imports write, with their owners, from the catalogue. Types and labels reach Cypher only from this list. */
export const relationshipSpecs: readonly RelationshipSpec[] = relationshipList.flatMap((relationship): RelationshipSpec[] =>
  relationship.type === "EVIDENCED_BY"
    ? []
    : [
        relationship.owner === "from"
          ? { type: relationship.type, owner: relationship.from, other: relationship.to, direction: "out" }
          : { type: relationship.type, owner: relationship.to, other: relationship.from, direction: "in" },
      ],
);

const specsByOwnerAndType = new Map(relationshipSpecs.map((spec) => [`${spec.owner}:${spec.type}`, spec]));

export function relationshipSpec(owner: WriteLabel, type: RelationshipType): RelationshipSpec {
  const spec = specsByOwnerAndType.get(`${owner}:${type}`);
  if (!spec) throw new Error(`No ${type} relationship is owned by ${owner}`);
  return spec;
}

/** A relationship as its owner sees it. Only `PARTICIPATED_IN` has a role, which is part of its identity. */
export interface Link {
  type: RelationshipType;
  target: string;
  role?: string;
  /** Where the input named the target, for problems. */
  path?: string;
  /**
   * Added only to an entity that has no relationship of this type yet (stored or drafted before): a parent derived
   * from a name (ACLED's `Military Forces of X` PART_OF X) never adds to the one a curator gave.
   */
  fillOnly?: boolean;
}

/** How an actor or place came into the import, which decides how it merges with a stored node. */
export interface EntityIntent {
  /**
   * `define`: the input speaks for this node (a bundle): given values replace stored ones, a new name pushes the
   * old one into the aliases. `fill`: the input only adds what is missing (ACLED rows, name matches): aliases and
   * relationships are added, values set where none is stored.
   */
  authority: "define" | "fill";
  /** Whether a new id may be linked to an existing node by name. */
  resolve: boolean;
  /** An existing node this one is, by the input's say-so. */
  sameAs: string | null;
  /** Spellings to drop from the stored aliases. */
  removeAliases: string[];
}

/** A quote located in a source's text: where the node's evidence stands. */
export interface Located {
  quote: string;
  start: number;
  end: number;
}

export interface DraftNode {
  label: WriteLabel;
  id: string;
  /** The given properties; a document's absent ones are null, an entity's absent ones are left as stored. */
  properties: Properties;
  links: Link[];
  /** Source id -> the node's evidence in that source's text; each source listed is replaced whole. */
  evidence: Map<string, Located[]>;
  entity?: EntityIntent;
  /** Where the input gave the node, for problems (`actors.2`, `rows.17`). */
  path: string;
  /** Where the input gave each identifier, by key (`actors.2.identifiers.0`), for problems; else `path`. */
  identifierPaths?: ReadonlyMap<string, string>;
}

export interface Draft {
  nodes: DraftNode[];
}
