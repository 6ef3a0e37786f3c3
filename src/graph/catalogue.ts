/**
 * The catalogue of the graph: every relationship the graph holds, once. Each entry says how it is stored (type, the
 * labels at its ends, its properties), who gives it in a bundle (the owning end and its field), what it means (its
 * family, whether traversals walk it) and which GraphQL fields read it, with their arguments and their Cypher as a
 * function of variable names. The loaders, the look-ahead, the import, the export, the traversals, the explorer's
 * edge styles and the README's list derive from this file or are checked against it (tests/unit/catalogue.test.ts).
 * The relationships no bundle gives (an event's incident, editors' keep-aparts, merge redirects, identifier lookups)
 * are listed apart (`derivedRelationships`), with what writes them. Outside src/graph/, a relationship type enters
 * Cypher only through `rel` (tests/unit/cypherTypes.test.ts holds src/ to that).
 *
 * Pure data and string building, with no import from the server: the explorer's bundle imports it too.
 */
import type { NodeLabel } from "../model/ids.js";

/**
 * The labels the relationships bundles give join. Incidents are not among them: which incident an event reports is
 * derived by matching and editors' decisions (`derivedRelationships.reportOf`), never given in a bundle's fields.
 */
export type CatalogueLabel = Exclude<NodeLabel, "Incident">;
import { MAX_ACTOR_DEPTH, MAX_PLACE_DEPTH } from "./limits.js";
import { MERGEABLE_LABELS } from "./redirects.js";
import { coveringAgreementPath, perpetratorPaths, placeWithinPath, violationCondition } from "./rules.js";

export type RelationshipType =
  | "PUBLISHED_BY"
  | "PART_OF"
  | "ALLIED_WITH"
  | "WITHIN"
  | "PARTY_TO"
  | "COVERS"
  | "OCCURRED_IN"
  | "PARTICIPATED_IN"
  | "ABOUT"
  | "NAMES"
  | "ASSERTED_BY"
  | "REPORTED_IN"
  | "DISPUTES"
  | "SPOKEN_BY"
  | "ON_BEHALF_OF"
  | "TARGETS"
  | "INVOKES"
  | "EVIDENCED_BY";

/** The types of the relationships no bundle gives (`derivedRelationships`). */
export type DerivedRelationshipType = "REPORT_OF" | "NOT_SAME_INCIDENT" | "MERGED_INTO" | "IDENTIFIES";

/** Every relationship type the graph holds. */
export type GraphRelationshipType = RelationshipType | DerivedRelationshipType;

/** What a relationship says: how things are organised, who did what where, who said what, and where it is written. */
export type RelationshipFamily = "structure" | "involvement" | "discourse" | "provenance";

/** The variable names a read pattern is written in; the statement that embeds the pattern chooses them. */
export interface PatternVariables {
  /** The node whose field is read, bound before the pattern runs. */
  n: string;
  /** The related nodes: the pattern binds and returns them. */
  m: string;
  /** What the relationship adds to each related node; returned beside `m` when the read declares a datum. */
  datum: string;
  /** The parameter holding the field's arguments, as in `${args}.role`. */
  args: string;
  /** A variable of the pattern's own, named apart from every other variable of the statement. */
  local: (name: string) => string;
}

/** How one GraphQL field reads a relationship. */
export interface Read {
  /** The label of the related nodes. */
  returns: CatalogueLabel;
  /** A list, or at most one node. */
  cardinality: "many" | "one";
  /** The field's GraphQL arguments the pattern reads (null when a request leaves one out). */
  args?: readonly string[];
  /** The object between the field and the node (`participants { actor { … } }`). */
  through?: string;
  /** What the relationship contributes to each related node: a participant's role, a quote and its place in the text. */
  datum?: "role" | "evidence";
  /**
   * Cypher from `n` to the related nodes, which binds and returns `m` (and `datum` when declared), ordered. It runs
   * inside a `CALL` subquery of its own, so its other variables stay local to it.
   */
  pattern: (v: PatternVariables) => string;
}

/**
 * A relationship's field in a bundle: one id (`parent`), a list of ids (`partOf`), a list of participants (objects
 * with `actor` and `role`), the bundle's own source (`source.id`: what it reports), or the owner's quotes (evidence).
 */
export interface BundleField {
  field: string;
  holds: "id" | "ids" | "participants" | "source" | "quotes";
}

export interface Relationship {
  type: RelationshipType;
  /** Stored as `(from)-[:type]->(to)`. */
  from: CatalogueLabel;
  to: CatalogueLabel;
  /** The end whose definition gives the relationship: an import replaces a node's owned relationships with its new ones. */
  owner: "from" | "to";
  /** Where a bundle gives it: a field of the owner's definition, and what that field holds. */
  bundle: BundleField;
  /** Properties stored on the relationship; `role` is part of a participation's identity. */
  properties: readonly string[];
  family: RelationshipFamily;
  /** Whether traversals walk it. Provenance does not: every node of a document would be two hops from every other. */
  traversed: boolean;
  /** The GraphQL fields (`Type.field`) that read it, each once. */
  reads: Record<string, Read>;
}

/** Evidence: the quoted source, with the quote and its offsets as the datum; one entry per label that carries it. */
function evidenceOf<L extends "Agreement" | "Event" | "Claim" | "Statement">(
  label: L,
): Omit<Relationship, "reads"> & { reads: Record<`${L}.evidence`, Read> } {
  const read: Read = {
    returns: "Source",
    cardinality: "many",
    through: "source",
    datum: "evidence",
    pattern: ({ n, m, datum, local }) => {
      const r = local("r");
      return `MATCH (${n})-[${r}:EVIDENCED_BY]->(${m}:Source)
      RETURN ${m}, {quote: ${r}.quote, start: ${r}.start, end: ${r}.end} AS ${datum} ORDER BY ${m}.id, ${r}.start`;
    },
  };
  return {
    type: "EVIDENCED_BY",
    from: label,
    to: "Source",
    owner: "from",
    bundle: { field: "quotes", holds: "quotes" },
    properties: ["start", "end", "quote"],
    family: "provenance",
    traversed: false,
    reads: { [`${label}.evidence`]: read } as Record<`${L}.evidence`, Read>,
  };
}

export const relationships = {
  publishedBy: {
    type: "PUBLISHED_BY",
    from: "Source",
    to: "Actor",
    owner: "from",
    bundle: { field: "publisher", holds: "id" },
    properties: [],
    family: "provenance",
    traversed: true,
    reads: {
      "Source.publisher": {
        returns: "Actor",
        cardinality: "one",
        pattern: ({ n, m }) => `MATCH (${n})-[:PUBLISHED_BY]->(${m}:Actor) RETURN ${m}`,
      },
    },
  },
  partOf: {
    type: "PART_OF",
    from: "Actor",
    to: "Actor",
    owner: "from",
    bundle: { field: "partOf", holds: "ids" },
    properties: [],
    family: "structure",
    traversed: true,
    reads: {
      "Actor.partOf": {
        returns: "Actor",
        cardinality: "many",
        pattern: ({ n, m, local }) => {
          const [path, hops, depth] = [local("path"), local("hops"), local("depth")];
          // WHERE: a cycle in stored data (which no write makes; hierarchyCycles.ts) never lists the actor itself.
          // The hops are named before min(): min(length(path)) itself makes the planner choose its pruning BFS expand,
          // which read 3× the db hits of a plain one here (Q1's chains at 10k; docs/benchmarks.md). Paths are bounded.
          return `MATCH ${path} = (${n})-[:PART_OF*1..${MAX_ACTOR_DEPTH}]->(${m}:Actor) WHERE ${m} <> ${n}
      WITH ${m}, length(${path}) AS ${hops}
      WITH ${m}, min(${hops}) AS ${depth} ORDER BY ${depth}, ${m}.name RETURN ${m}`;
        },
      },
      "Actor.members": {
        returns: "Actor",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})<-[:PART_OF]-(${m}:Actor) WHERE ${m} <> ${n} RETURN ${m} ORDER BY ${m}.name, ${m}.id`,
      },
    },
  },
  alliedWith: {
    type: "ALLIED_WITH",
    from: "Actor",
    to: "Actor",
    owner: "from",
    bundle: { field: "allies", holds: "ids" },
    properties: [],
    family: "structure",
    traversed: true,
    reads: {
      "Actor.allies": {
        returns: "Actor",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})-[:ALLIED_WITH]-(${m}:Actor) WITH DISTINCT ${m} ORDER BY ${m}.name, ${m}.id RETURN ${m}`,
      },
    },
  },
  within: {
    type: "WITHIN",
    from: "Place",
    to: "Place",
    owner: "from",
    bundle: { field: "parent", holds: "id" },
    properties: [],
    family: "structure",
    traversed: true,
    reads: {
      "Place.parent": {
        returns: "Place",
        cardinality: "one",
        pattern: ({ n, m }) => `MATCH (${n})-[:WITHIN]->(${m}:Place) WHERE ${m} <> ${n} RETURN ${m}`,
      },
      "Place.ancestors": {
        returns: "Place",
        cardinality: "many",
        pattern: ({ n, m, local }) => {
          const [path, hops, depth] = [local("path"), local("hops"), local("depth")];
          // As Actor.partOf: each ancestor once, never the place itself, even on a cycle in stored data; a plain expand.
          return `MATCH ${path} = (${n})-[:WITHIN*1..${MAX_PLACE_DEPTH}]->(${m}:Place) WHERE ${m} <> ${n}
      WITH ${m}, length(${path}) AS ${hops}
      WITH ${m}, min(${hops}) AS ${depth} ORDER BY ${depth} RETURN ${m}`;
        },
      },
      "Place.children": {
        returns: "Place",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})<-[:WITHIN]-(${m}:Place) WHERE ${m} <> ${n} RETURN ${m} ORDER BY ${m}.name, ${m}.id`,
      },
    },
  },
  partyTo: {
    type: "PARTY_TO",
    from: "Actor",
    to: "Agreement",
    owner: "to",
    bundle: { field: "parties", holds: "ids" },
    properties: [],
    family: "structure",
    traversed: true,
    reads: {
      "Actor.agreements": {
        returns: "Agreement",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})-[:PARTY_TO]->(${m}:Agreement) RETURN ${m} ORDER BY ${m}.signedOn DESC, ${m}.id`,
      },
      "Agreement.parties": {
        returns: "Actor",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})<-[:PARTY_TO]-(${m}:Actor) RETURN ${m} ORDER BY ${m}.name, ${m}.id`,
      },
    },
  },
  covers: {
    type: "COVERS",
    from: "Agreement",
    to: "Place",
    owner: "from",
    bundle: { field: "covers", holds: "ids" },
    properties: [],
    family: "structure",
    traversed: true,
    reads: {
      "Agreement.covers": {
        returns: "Place",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})-[:COVERS]->(${m}:Place) RETURN ${m} ORDER BY ${m}.name, ${m}.id`,
      },
      // An agreement covering a place covers every place inside it.
      "Place.agreements": {
        returns: "Agreement",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH ${placeWithinPath(n, ":Place")}<-[:COVERS]-(${m}:Agreement)
      WITH DISTINCT ${m} ORDER BY ${m}.signedOn DESC, ${m}.id RETURN ${m}`,
      },
      "Event.violates": {
        returns: "Agreement",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH ${coveringAgreementPath(n, m)}
      WHERE ${violationCondition(n, m)}
      WITH DISTINCT ${m} ORDER BY ${m}.signedOn DESC, ${m}.id RETURN ${m}`,
      },
    },
  },
  occurredIn: {
    type: "OCCURRED_IN",
    from: "Event",
    to: "Place",
    owner: "from",
    bundle: { field: "places", holds: "ids" },
    properties: [],
    family: "involvement",
    traversed: true,
    reads: {
      "Event.places": {
        returns: "Place",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})-[:OCCURRED_IN]->(${m}:Place) RETURN ${m} ORDER BY ${m}.name, ${m}.id`,
      },
    },
  },
  participatedIn: {
    type: "PARTICIPATED_IN",
    from: "Actor",
    to: "Event",
    owner: "to",
    bundle: { field: "participants", holds: "participants" },
    properties: ["role"],
    family: "involvement",
    traversed: true,
    reads: {
      "Event.participants": {
        returns: "Actor",
        cardinality: "many",
        args: ["role"],
        through: "actor",
        datum: "role",
        pattern: ({ n, m, datum, args, local }) => {
          const r = local("r");
          return `MATCH (${n})<-[${r}:PARTICIPATED_IN]-(${m}:Actor) WHERE ${args}.role IS NULL OR ${r}.role = ${args}.role
      RETURN ${m}, ${r}.role AS ${datum} ORDER BY ${r}.role, ${m}.name, ${m}.id`;
        },
      },
      // Perpetrators are named by claims as well as by participation (rules.ts).
      "Event.perpetrators": {
        returns: "Actor",
        cardinality: "many",
        pattern: ({ n, m }) => `CALL (${n}) {
        ${perpetratorPaths(n, m)
          .map((path) => `MATCH ${path} RETURN ${m}`)
          .join("\n        UNION\n        ")}
      }
      RETURN ${m} ORDER BY ${m}.name, ${m}.id`,
      },
    },
  },
  claimAbout: {
    type: "ABOUT",
    from: "Claim",
    to: "Event",
    owner: "from",
    bundle: { field: "event", holds: "id" },
    properties: [],
    family: "discourse",
    traversed: true,
    reads: {
      "Claim.event": {
        returns: "Event",
        cardinality: "one",
        pattern: ({ n, m }) => `MATCH (${n})-[:ABOUT]->(${m}:Event) RETURN ${m}`,
      },
      "Event.claims": {
        returns: "Claim",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})<-[:ABOUT]-(${m}:Claim) RETURN ${m} ORDER BY ${m}.kind, ${m}.id`,
      },
    },
  },
  names: {
    type: "NAMES",
    from: "Claim",
    to: "Actor",
    owner: "from",
    bundle: { field: "actors", holds: "ids" },
    properties: [],
    family: "discourse",
    traversed: true,
    reads: {
      "Claim.actors": {
        returns: "Actor",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})-[:NAMES]->(${m}:Actor) RETURN ${m} ORDER BY ${m}.name, ${m}.id`,
      },
    },
  },
  assertedBy: {
    type: "ASSERTED_BY",
    from: "Claim",
    to: "Actor",
    owner: "from",
    bundle: { field: "assertedBy", holds: "id" },
    properties: [],
    family: "discourse",
    traversed: true,
    reads: {
      "Claim.assertedBy": {
        returns: "Actor",
        cardinality: "one",
        pattern: ({ n, m }) => `MATCH (${n})-[:ASSERTED_BY]->(${m}:Actor) RETURN ${m}`,
      },
    },
  },
  claimReportedIn: {
    type: "REPORTED_IN",
    from: "Claim",
    to: "Source",
    owner: "from",
    bundle: { field: "source.id", holds: "source" },
    properties: [],
    family: "provenance",
    traversed: false,
    reads: {
      "Claim.source": {
        returns: "Source",
        cardinality: "one",
        pattern: ({ n, m }) => `MATCH (${n})-[:REPORTED_IN]->(${m}:Source) RETURN ${m}`,
      },
    },
  },
  disputes: {
    type: "DISPUTES",
    from: "Statement",
    to: "Claim",
    owner: "to",
    bundle: { field: "disputedBy", holds: "ids" },
    properties: [],
    family: "discourse",
    traversed: true,
    reads: {
      "Claim.disputedBy": {
        returns: "Statement",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})<-[:DISPUTES]-(${m}:Statement) RETURN ${m} ORDER BY ${m}.sortDate, ${m}.id`,
      },
      "Statement.disputes": {
        returns: "Claim",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})-[:DISPUTES]->(${m}:Claim) RETURN ${m} ORDER BY ${m}.id`,
      },
    },
  },
  spokenBy: {
    type: "SPOKEN_BY",
    from: "Statement",
    to: "Actor",
    owner: "from",
    bundle: { field: "speaker", holds: "id" },
    properties: [],
    family: "discourse",
    traversed: true,
    reads: {
      "Statement.speaker": {
        returns: "Actor",
        cardinality: "one",
        pattern: ({ n, m }) => `MATCH (${n})-[:SPOKEN_BY]->(${m}:Actor) RETURN ${m}`,
      },
    },
  },
  onBehalfOf: {
    type: "ON_BEHALF_OF",
    from: "Statement",
    to: "Actor",
    owner: "from",
    bundle: { field: "onBehalfOf", holds: "id" },
    properties: [],
    family: "discourse",
    traversed: true,
    reads: {
      "Statement.onBehalfOf": {
        returns: "Actor",
        cardinality: "one",
        pattern: ({ n, m }) => `MATCH (${n})-[:ON_BEHALF_OF]->(${m}:Actor) RETURN ${m}`,
      },
    },
  },
  statementAbout: {
    type: "ABOUT",
    from: "Statement",
    to: "Event",
    owner: "from",
    bundle: { field: "about", holds: "ids" },
    properties: [],
    family: "discourse",
    traversed: true,
    reads: {
      "Statement.about": {
        returns: "Event",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})-[:ABOUT]->(${m}:Event) RETURN ${m} ORDER BY ${m}.date, ${m}.id`,
      },
      "Event.statements": {
        returns: "Statement",
        cardinality: "many",
        args: ["stance"],
        pattern: ({ n, m, args }) => `MATCH (${n})<-[:ABOUT]-(${m}:Statement) WHERE ${args}.stance IS NULL OR ${m}.stance = ${args}.stance
      RETURN ${m} ORDER BY ${m}.sortDate, ${m}.id`,
      },
    },
  },
  targets: {
    type: "TARGETS",
    from: "Statement",
    to: "Actor",
    owner: "from",
    bundle: { field: "targets", holds: "ids" },
    properties: [],
    family: "discourse",
    traversed: true,
    reads: {
      "Statement.targets": {
        returns: "Actor",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})-[:TARGETS]->(${m}:Actor) RETURN ${m} ORDER BY ${m}.name, ${m}.id`,
      },
    },
  },
  invokes: {
    type: "INVOKES",
    from: "Statement",
    to: "Agreement",
    owner: "from",
    bundle: { field: "invokes", holds: "ids" },
    properties: [],
    family: "discourse",
    traversed: true,
    reads: {
      "Statement.invokes": {
        returns: "Agreement",
        cardinality: "many",
        pattern: ({ n, m }) => `MATCH (${n})-[:INVOKES]->(${m}:Agreement) RETURN ${m} ORDER BY ${m}.id`,
      },
    },
  },
  statementReportedIn: {
    type: "REPORTED_IN",
    from: "Statement",
    to: "Source",
    owner: "from",
    bundle: { field: "source.id", holds: "source" },
    properties: [],
    family: "provenance",
    traversed: false,
    reads: {
      "Statement.source": {
        returns: "Source",
        cardinality: "one",
        pattern: ({ n, m }) => `MATCH (${n})-[:REPORTED_IN]->(${m}:Source) RETURN ${m}`,
      },
    },
  },
  agreementEvidence: evidenceOf("Agreement"),
  eventEvidence: evidenceOf("Event"),
  claimEvidence: evidenceOf("Claim"),
  statementEvidence: evidenceOf("Statement"),
} satisfies Record<string, Relationship>;

export type RelationshipName = keyof typeof relationships;

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** A GraphQL field that reads a relationship, as `Type.field`. */
export type ReadName = Extract<KeysOfUnion<(typeof relationships)[RelationshipName]["reads"]>, string>;

/** A read with what it belongs to. */
export interface FieldRead extends Read {
  field: ReadName;
  /** The label of the node the field belongs to. */
  from: CatalogueLabel;
  relationship: RelationshipName;
  /** The name of the loader's statement (`Event.places` is `eventPlaces`). */
  statement: string;
}

/** Every relationship with its name, in catalogue order. */
export const relationshipList: readonly (Relationship & { name: RelationshipName })[] = Object.entries(relationships).map(
  ([name, relationship]: [string, Relationship]) => ({ ...relationship, name: name as RelationshipName }),
);

/** Every field read, by `Type.field`. */
export const fieldReads: ReadonlyMap<ReadName, FieldRead> = new Map(
  relationshipList.flatMap((relationship) =>
    Object.entries(relationship.reads).map(([field, read]): [ReadName, FieldRead] => {
      const [type = "", name = ""] = field.split(".");
      return [
        field as ReadName,
        {
          ...read,
          field: field as ReadName,
          from: type as CatalogueLabel,
          relationship: relationship.name,
          statement: `${type.charAt(0).toLowerCase()}${type.slice(1)}${name.charAt(0).toUpperCase()}${name.slice(1)}`,
        },
      ];
    }),
  ),
);

export function fieldRead(field: ReadName): FieldRead {
  return fieldReads.get(field)!;
}

/** The relationship types traversals walk (paths, neighbourhoods, the explorer's drawings). */
export const TRAVERSED_TYPES: readonly RelationshipType[] = [
  ...new Set(relationshipList.filter((relationship) => relationship.traversed).map((relationship) => relationship.type)),
];

/** A read's arguments from a field's GraphQL argument values: those the pattern reads, null when left out. */
export function argsOf(read: Read, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries((read.args ?? []).map((name) => [name, values[name] ?? null]));
}

/** The end that owns a relationship, and the other end. */
export const ownerLabel = (relationship: Relationship): CatalogueLabel =>
  relationship.owner === "from" ? relationship.from : relationship.to;
export const otherLabel = (relationship: Relationship): CatalogueLabel =>
  relationship.owner === "from" ? relationship.to : relationship.from;

/** The relationships a label's nodes own (give in a bundle), in catalogue order. */
export function ownedBy(label: NodeLabel): readonly (Relationship & { name: RelationshipName })[] {
  return relationshipList.filter((relationship) => ownerLabel(relationship) === label);
}

/**
 * Fields that answer a node whose id is stored as a property of the row rather than as a relationship:
 * `Claim.victimsOf`, the side whose fighters a COMBATANTS figure counts (a claim's content, written with its figure), and
 * `Event.locationPlace`, the place whose point locates an event (derived with the point, graph/eventLocation.ts). They
 * are resolved through the node loader, so they follow merge redirects as `node(id)` does. `victimsOf` stays a
 * property for now: as a relationship it would need a migration of every stored claim, and its owner-field machinery
 * (validation's references, the draft, bundleDraft, export) is being rebuilt from the node catalogue (issue 21.1).
 */
export const STORED_ID_FIELDS: readonly string[] = ["Claim.victimsOf", "Event.locationPlace"];

/**
 * The labels at the ends of the relationships no bundle gives: node labels, and the lookup nodes of merge redirects
 * (`Redirect`, graph/redirects.ts) and of external identifiers (`ExternalId`, model/identifiers.ts).
 */
export type GraphLabel = NodeLabel | "Redirect" | "ExternalId";

/**
 * A relationship no bundle gives: written by the write path itself (matching, an editor's decision, a merge, an
 * identifier's lookup node), and carried by an export, when at all, in a section of its own.
 */
export interface DerivedRelationship {
  type: DerivedRelationshipType;
  /** Stored as `(from)-[:type]->(to)`, `to` one of these labels. */
  from: GraphLabel;
  to: readonly GraphLabel[];
  /** No bundle field gives it. */
  bundle: null;
  /** What writes it, and where. */
  derivedBy: string;
  properties: readonly string[];
  /** Traversals never walk it: it is bookkeeping of the write path, not a fact of the conflict. */
  traversed: false;
  /** The GraphQL fields (`Type.field`) whose answers read it, through their repositories rather than the loaders. */
  readBy: readonly string[];
}

export const derivedRelationships = {
  reportOf: {
    type: "REPORT_OF",
    from: "Event",
    to: ["Incident"],
    bundle: null,
    derivedBy:
      "incident matching on import and editors' decisions (ingest/write/incidentMatching.ts, incidentDecisions.ts); an export's incidents section restores it",
    properties: [],
    traversed: false,
    readBy: ["Event.incident", "Event.incidentCandidates", "Incident.reports", "Query.incidents", "Query.eventStats"],
  },
  notSameIncident: {
    type: "NOT_SAME_INCIDENT",
    from: "Event",
    to: ["Event"],
    bundle: null,
    derivedBy:
      "an editor's keep-apart (`linkIncident`, ingest/write/incidentDecisions.ts); stored once per pair, its direction carries no meaning",
    properties: ["createdBy", "createdAt"],
    traversed: false,
    readBy: ["Event.incidentCandidates"],
  },
  mergedInto: {
    type: "MERGED_INTO",
    from: "Redirect",
    to: MERGEABLE_LABELS,
    bundle: null,
    derivedBy: "mergeNodes (ingest/write/mergeNodes.ts), and an import of a node's `mergedIds` (ingest/write/redirects.ts)",
    properties: [],
    traversed: false,
    readBy: ["Query.node"],
  },
  identifies: {
    type: "IDENTIFIES",
    from: "ExternalId",
    to: ["Actor", "Place", "Event"],
    bundle: null,
    derivedBy:
      "the import, from each node's `identifiers` (ingest/write/identifiers.ts), and start-up for nodes that lack it (db/migrations.ts)",
    properties: [],
    traversed: false,
    readBy: ["Query.nodeByIdentifier"],
  },
} as const satisfies Record<string, DerivedRelationship>;

export const derivedRelationshipList: readonly DerivedRelationship[] = Object.values(derivedRelationships);

const cataloguedTypes: ReadonlySet<string> = new Set<string>([
  ...relationshipList.map((relationship) => relationship.type),
  ...derivedRelationshipList.map((relationship) => relationship.type),
]);

/**
 * A relationship type for Cypher (`-[:${rel("REPORT_OF")}]->`), checked against the catalogue: the only way a type
 * enters Cypher outside src/graph/, so that every type the graph holds has its entry here.
 */
export function rel<T extends GraphRelationshipType>(type: T): T {
  if (!cataloguedTypes.has(type)) throw new Error(`${type} is not a relationship of the catalogue`);
  return type;
}
