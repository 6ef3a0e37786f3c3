/**
 * Nodes by id and the relationships between them, always for a batch of keys at once
 * (`UNWIND $keys`), so that loaders fetch a whole level of a nested query in one round trip.
 */
import type { Executor } from "../db/executor.js";
import type { NodeLabel } from "../model/ids.js";
import type { EvidenceRow, NodeRow } from "../model/rows.js";
import { MAX_ACTOR_DEPTH, MAX_PLACE_DEPTH, VIOLENT_CATEGORIES } from "./graphShape.js";
import { evidenceRow, nodeRow, rowProperties } from "./rows.js";
import { type PrefetchField, prefetchCypher, rowWithAhead } from "./prefetch.js";

export interface Relation {
  /** Label of the key nodes (so the lookup uses the id constraint's index). */
  from: NodeLabel;
  /** Label of the related nodes, to shape their rows. */
  to: NodeLabel;
  /** Cypher from `(n)` to `(m)`, returning `m` (and optionally `extra`) ordered; sees `$args`. */
  pattern: string;
}

/**
 * Every relationship field the API serves, by name. Patterns are fixed strings: no part of a
 * request ever becomes Cypher text.
 */
export const relations = {
  actorPartOf: {
    from: "Actor",
    to: "Actor",
    pattern: `MATCH path = (n)-[:PART_OF*1..${MAX_ACTOR_DEPTH}]->(m:Actor)
      WITH m, min(length(path)) AS depth ORDER BY depth, m.name RETURN m`,
  },
  actorMembers: { from: "Actor", to: "Actor", pattern: "MATCH (n)<-[:PART_OF]-(m:Actor) RETURN m ORDER BY m.name, m.id" },
  actorAllies: {
    from: "Actor",
    to: "Actor",
    pattern: "MATCH (n)-[:ALLIED_WITH]-(m:Actor) WITH DISTINCT m ORDER BY m.name, m.id RETURN m",
  },
  actorAgreements: {
    from: "Actor",
    to: "Agreement",
    pattern: "MATCH (n)-[:PARTY_TO]->(m:Agreement) RETURN m ORDER BY m.signedOn DESC, m.id",
  },
  placeParent: { from: "Place", to: "Place", pattern: "MATCH (n)-[:WITHIN]->(m:Place) RETURN m" },
  placeAncestors: {
    from: "Place",
    to: "Place",
    pattern: `MATCH path = (n)-[:WITHIN*1..${MAX_PLACE_DEPTH}]->(m:Place) RETURN m ORDER BY length(path)`,
  },
  placeChildren: { from: "Place", to: "Place", pattern: "MATCH (n)<-[:WITHIN]-(m:Place) RETURN m ORDER BY m.name, m.id" },
  placeAgreements: {
    from: "Place",
    to: "Agreement",
    pattern: `MATCH (n)-[:WITHIN*0..${MAX_PLACE_DEPTH}]->(:Place)<-[:COVERS]-(m:Agreement)
      WITH DISTINCT m ORDER BY m.signedOn DESC, m.id RETURN m`,
  },
  eventPlaces: { from: "Event", to: "Place", pattern: "MATCH (n)-[:OCCURRED_IN]->(m:Place) RETURN m ORDER BY m.name, m.id" },
  eventParticipants: {
    from: "Event",
    to: "Actor",
    pattern: `MATCH (n)<-[r:PARTICIPATED_IN]-(m:Actor) WHERE $args.role IS NULL OR r.role = $args.role
      RETURN m, r.role AS extra ORDER BY r.role, m.name, m.id`,
  },
  eventPerpetrators: {
    from: "Event",
    to: "Actor",
    pattern: `CALL (n) {
        MATCH (n)<-[:ABOUT]-(:Claim {kind: 'PERPETRATOR'})-[:NAMES]->(m:Actor) RETURN m
        UNION
        MATCH (n)<-[:PARTICIPATED_IN {role: 'PERPETRATOR'}]-(m:Actor) RETURN m
      }
      RETURN m ORDER BY m.name, m.id`,
  },
  eventClaims: { from: "Event", to: "Claim", pattern: "MATCH (n)<-[:ABOUT]-(m:Claim) RETURN m ORDER BY m.kind, m.id" },
  eventStatements: {
    from: "Event",
    to: "Statement",
    pattern: `MATCH (n)<-[:ABOUT]-(m:Statement) WHERE $args.stance IS NULL OR m.stance = $args.stance
      RETURN m ORDER BY m.sortDate, m.id`,
  },
  eventViolates: {
    from: "Event",
    to: "Agreement",
    pattern: `MATCH (n)-[:OCCURRED_IN]->(:Place)-[:WITHIN*0..${MAX_PLACE_DEPTH}]->(:Place)<-[:COVERS]-(m:Agreement)
      WHERE n.category IN $violentCategories AND m.signedOn <= n.date AND (m.endsOn IS NULL OR n.date < m.endsOn)
      WITH DISTINCT m ORDER BY m.signedOn DESC, m.id RETURN m`,
  },
  claimEvent: { from: "Claim", to: "Event", pattern: "MATCH (n)-[:ABOUT]->(m:Event) RETURN m" },
  claimActors: { from: "Claim", to: "Actor", pattern: "MATCH (n)-[:NAMES]->(m:Actor) RETURN m ORDER BY m.name, m.id" },
  claimAssertedBy: { from: "Claim", to: "Actor", pattern: "MATCH (n)-[:ASSERTED_BY]->(m:Actor) RETURN m" },
  claimSource: { from: "Claim", to: "Source", pattern: "MATCH (n)-[:REPORTED_IN]->(m:Source) RETURN m" },
  claimDisputedBy: {
    from: "Claim",
    to: "Statement",
    pattern: "MATCH (n)<-[:DISPUTES]-(m:Statement) RETURN m ORDER BY m.sortDate, m.id",
  },
  agreementParties: { from: "Agreement", to: "Actor", pattern: "MATCH (n)<-[:PARTY_TO]-(m:Actor) RETURN m ORDER BY m.name, m.id" },
  agreementCovers: { from: "Agreement", to: "Place", pattern: "MATCH (n)-[:COVERS]->(m:Place) RETURN m ORDER BY m.name, m.id" },
  statementSpeaker: { from: "Statement", to: "Actor", pattern: "MATCH (n)-[:SPOKEN_BY]->(m:Actor) RETURN m" },
  statementOnBehalfOf: { from: "Statement", to: "Actor", pattern: "MATCH (n)-[:ON_BEHALF_OF]->(m:Actor) RETURN m" },
  statementAbout: { from: "Statement", to: "Event", pattern: "MATCH (n)-[:ABOUT]->(m:Event) RETURN m ORDER BY m.date, m.id" },
  statementTargets: { from: "Statement", to: "Actor", pattern: "MATCH (n)-[:TARGETS]->(m:Actor) RETURN m ORDER BY m.name, m.id" },
  statementInvokes: { from: "Statement", to: "Agreement", pattern: "MATCH (n)-[:INVOKES]->(m:Agreement) RETURN m ORDER BY m.id" },
  statementDisputes: { from: "Statement", to: "Claim", pattern: "MATCH (n)-[:DISPUTES]->(m:Claim) RETURN m ORDER BY m.id" },
  statementSource: { from: "Statement", to: "Source", pattern: "MATCH (n)-[:REPORTED_IN]->(m:Source) RETURN m" },
  sourcePublisher: { from: "Source", to: "Actor", pattern: "MATCH (n)-[:PUBLISHED_BY]->(m:Actor) RETURN m" },
  // Evidence as a relation (the quoted source, the quote in `extra`), for fetching ahead; the evidence loader serves
  // the same rows on its own.
  evidence: {
    from: "Claim",
    to: "Source",
    pattern: `MATCH (n)-[r:EVIDENCED_BY]->(m:Source)
      RETURN m, {quote: r.quote, start: r.start, end: r.end} AS extra ORDER BY m.id, r.start`,
  },
} satisfies Record<string, Relation>;

export type RelationName = keyof typeof relations;

/** A related node, with the relationship's own datum where it has one (a participant's role). */
export interface Related {
  node: NodeRow;
  extra: unknown;
}

export class GraphRepository {
  constructor(private readonly db: Executor) {}

  /** Nodes of one label by id; missing ids are absent from the map. */
  async nodesByIds(label: NodeLabel, ids: readonly string[]): Promise<Map<string, NodeRow>> {
    const rows = await this.db.read(
      `// nodesById
      UNWIND $ids AS id
      MATCH (n:${label} {id: id})
      RETURN ${rowProperties(label, "n")} AS node`,
      { ids },
    );
    const found = new Map<string, NodeRow>();
    for (const row of rows) {
      const node = nodeRow(label, row.node);
      found.set(node.id, node);
    }
    return found;
  }

  /** One node by id with the relationship fields planned ahead, in one statement; null when there is none. */
  async nodeAhead(label: NodeLabel, id: string, ahead: readonly PrefetchField[]): Promise<NodeRow | null> {
    const params: Record<string, unknown> = { id };
    const expanded = prefetchCypher("n", label, ahead, params);
    const rows = await this.db.read(
      `// nodeAhead
      MATCH (n:${label} {id: $id})
      ${expanded.clauses}
      RETURN ${expanded.projection} AS item`,
      params,
    );
    return rows[0] ? rowWithAhead(rows[0].item, (node) => nodeRow(label, node), ahead) : null;
  }

  /** The related nodes of each key, in the relation's order. */
  async related(name: RelationName, keys: readonly string[], args: Record<string, unknown> = {}): Promise<Map<string, Related[]>> {
    const relation: Relation = relations[name];
    const rows = await this.db.read(
      `// ${name}
      UNWIND $keys AS key
      MATCH (n:${relation.from} {id: key})
      CALL (n) {
        ${relation.pattern}
      }
      RETURN key, ${rowProperties(relation.to, "m")} AS node, ${relation.pattern.includes("AS extra") ? "extra" : "null AS extra"}`,
      { keys, args, violentCategories: VIOLENT_CATEGORIES },
    );
    const byKey = new Map<string, Related[]>(keys.map((key) => [key, []]));
    for (const row of rows) {
      byKey.get(String(row.key))?.push({ node: nodeRow(relation.to, row.node), extra: row.extra });
    }
    return byKey;
  }

  /** Evidence of nodes of one label: quotes with their offsets into each source's text. */
  async evidence(label: NodeLabel, keys: readonly string[]): Promise<Map<string, EvidenceRow[]>> {
    const rows = await this.db.read(
      `// evidenceOf${label}
      UNWIND $keys AS key
      MATCH (n:${label} {id: key})-[r:EVIDENCED_BY]->(s:Source)
      RETURN key, s.id AS sourceId, r.quote AS quote, r.start AS start, r.end AS end
      ORDER BY key, sourceId, start`,
      { keys },
    );
    const byKey = new Map<string, EvidenceRow[]>(keys.map((key) => [key, []]));
    for (const row of rows) byKey.get(String(row.key))?.push(evidenceRow(row));
    return byKey;
  }
}
