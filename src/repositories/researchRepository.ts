/**
 * Traversals and statistics. Every variable-length pattern has a fixed upper bound checked before
 * it gets here, and every traversal starts from a node found through its id constraint's index.
 */
import type { Executor } from "../db/executor.js";
import { int } from "../db/values.js";
import type { EventRole } from "../model/enums.js";
import { UnreachableCaseError } from "../errors.js";
import { parseId, type NodeLabel } from "../model/ids.js";
import type { CoInvolvementRow, EdgeRow, NodeRow, PathRow, StatsBucketRow, SubgraphRow } from "../model/rows.js";
import { type EventConditions, eventWhere } from "./eventRepository.js";
import { TRAVERSED_TYPES } from "../graph/catalogue.js";
import { MAX_PLACE_DEPTH } from "../graph/limits.js";
import { actorEvents, perpetratorPaths, rolledUpPath } from "../graph/rules.js";
import { incidentsOfReports } from "../graph/incidentRules.js";
import { actorRow, anyRowProperties, nodeRow, rowProperties } from "./records.js";

export type StatsDimension = "PERPETRATOR" | "PLACE" | "PROVINCE" | "MONTH" | "TYPE";

/** The relationships that carry meaning for traversals, from the catalogue (provenance is left out). */
const traversed = TRAVERSED_TYPES.join("|");

const edgeProjection = "{type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role}";

function toNode(value: unknown): NodeRow {
  const id = (value as { id?: unknown }).id;
  const parsed = typeof id === "string" ? parseId(id) : null;
  if (!parsed) throw new Error(`Node without a well-formed id in a traversal: ${String(id)}`);
  return nodeRow(parsed.label, value);
}

/** Which of an actor's events coInvolved counts: the arguments of Actor.events that say so. */
export interface ActorEventsOptions {
  role: EventRole | null;
  includeMembers: boolean;
  credited: boolean;
}

/**
 * Buckets per dimension: the key of each (event, bucket) pair. Fixed Cypher, chosen by an enum. Perpetrators rolled
 * up also key every actor they are part of (rolledUpPath), as Actor.events(includeMembers) walks them down.
 */
function bucketKeys(dimension: StatsDimension, includeMembers: boolean): string {
  switch (dimension) {
    case "PERPETRATOR":
      return `CALL (e) {
        ${perpetratorPaths("e", "p")
          .map((path) =>
            includeMembers
              ? `MATCH ${path} MATCH ${rolledUpPath("a:Actor", "p", true)} RETURN a.id AS key`
              : `MATCH ${path} RETURN p.id AS key`,
          )
          .join("\n        UNION\n        ")}
        UNION
        MATCH (e)
        WHERE ${perpetratorPaths("e", "")
          .map((path) => `NOT EXISTS { ${path} }`)
          .join(" AND ")}
        RETURN 'none' AS key
      }`;
    case "PLACE":
      return "MATCH (e)-[:OCCURRED_IN]->(p:Place) WITH e, p.id AS key";
    case "PROVINCE":
      return `CALL (e) {
        MATCH (e)-[:OCCURRED_IN]->(:Place)-[:WITHIN*0..${MAX_PLACE_DEPTH}]->(p:Place {kind: 'PROVINCE'}) RETURN DISTINCT p.id AS key
        UNION
        MATCH (e) WHERE NOT EXISTS { (e)-[:OCCURRED_IN]->(:Place)-[:WITHIN*0..${MAX_PLACE_DEPTH}]->(:Place {kind: 'PROVINCE'}) }
        RETURN 'none' AS key
      }`;
    case "MONTH":
      return "WITH e, substring(toString(e.date), 0, 7) AS key";
    case "TYPE":
      return "WITH e, e.type AS key";
    default:
      throw new UnreachableCaseError(dimension);
  }
}

export class ResearchRepository {
  constructor(private readonly db: Executor) {}

  async shortestPath(
    from: { id: string; label: NodeLabel },
    to: { id: string; label: NodeLabel },
    maxHops: number,
  ): Promise<PathRow | null> {
    const rows = await this.db.read(
      `// shortestPath
      MATCH (a:${from.label} {id: $from}), (b:${to.label} {id: $to})
      MATCH p = shortestPath((a)-[:${traversed}*..${maxHops}]-(b))
      RETURN [n IN nodes(p) | ${anyRowProperties("n")}] AS nodes, [r IN relationships(p) | ${edgeProjection}] AS relationships`,
      { from: from.id, to: to.id },
    );
    const row = rows[0];
    if (!row) return null;
    const relationships = row.relationships as EdgeRow[];
    return { length: relationships.length, nodes: (row.nodes as unknown[]).map(toNode), relationships };
  }

  /** Breadth-first, one level at a time, so a hub's thousands of neighbours are cut at the limit rather than all walked. */
  async neighborhood(start: { id: string; label: NodeLabel }, depth: number, limit: number): Promise<SubgraphRow | null> {
    const levels = Array.from(
      { length: depth },
      (_, level) => `CALL (frontier, seen) {
        UNWIND frontier AS x
        MATCH (x)-[:${traversed}]-(y)
        WHERE NOT y IN seen
        WITH DISTINCT y
        LIMIT $limit
        RETURN collect(y) AS found${level}
      }
      WITH seen + found${level} AS seen, found${level} AS frontier`,
    );
    const rows = await this.db.read(
      `// neighborhood
      MATCH (start:${start.label} {id: $id})
      WITH [start] AS seen, [start] AS frontier
      ${levels.join("\n      ")}
      WITH seen[0..$limit] AS kept, size(seen) > $limit AS truncated
      CALL (kept) {
        UNWIND kept AS a
        MATCH (a)-[r:${traversed}]->(b)
        WHERE b IN kept
        RETURN collect(${edgeProjection}) AS edges
      }
      RETURN [n IN kept | ${anyRowProperties("n")}] AS nodes, edges, truncated`,
      // No level can add more than the limit, so each stops early even at a hub; the surplus only says "truncated".
      { id: start.id, limit: int(limit) },
    );
    const row = rows[0];
    if (!row) return null;
    return { nodes: (row.nodes as unknown[]).map(toNode), edges: row.edges as EdgeRow[], truncated: row.truncated === true };
  }

  /** `includeMembers` rolls PERPETRATOR buckets up (the resolver allows it with that dimension only). */
  async eventStats(dimension: StatsDimension, filter: EventConditions, includeMembers = false): Promise<StatsBucketRow[]> {
    const { where, params } = eventWhere(filter);
    const order = dimension === "MONTH" ? "key ASC" : "events DESC, key ASC";
    const rows = await this.db.read(
      `// eventStats${dimension}${includeMembers ? "RolledUp" : ""}
      MATCH (e:Event)
      ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
      ${bucketKeys(dimension, includeMembers)}
      WITH key, collect(DISTINCT e) AS reports
      ${incidentsOfReports("reports", "incidents")}
      RETURN key, size(incidents) AS events, size(reports) AS reports,
        reduce(total = 0, i IN incidents | total + coalesce(i.fatalitiesLow, 0)) AS fatalitiesLow,
        CASE WHEN any(i IN incidents WHERE i.fatalitiesHigh IS NULL) THEN null
             ELSE reduce(total = 0, i IN incidents | total + i.fatalitiesHigh) END AS fatalitiesHigh
      ORDER BY ${order}`,
      params,
    );
    return rows.map((row) => ({
      key: String(row.key),
      events: Number(row.events),
      reports: Number(row.reports),
      fatalitiesLow: Number(row.fatalitiesLow),
      fatalitiesHigh: row.fatalitiesHigh === null ? null : Number(row.fatalitiesHigh),
    }));
  }

  /** The other participants of an actor's events, as Actor.events with the same options counts them (rules.ts). */
  async coInvolved(actorId: string, options: ActorEventsOptions, first: number): Promise<CoInvolvementRow[]> {
    const events = actorEvents("self", "e", "mine", { role: options.role, roleParameter: "$role", credited: options.credited });
    const rows = await this.db.read(
      `// coInvolved
      MATCH (actor:Actor {id: $actorId})
      CALL (actor) {
        MATCH ${rolledUpPath("actor", "member", options.includeMembers)}
        RETURN collect(DISTINCT member) AS selves
      }
      CALL (selves) {
        UNWIND selves AS self
        ${events.match}
        ${events.where.length > 0 ? `WHERE ${events.where.join(" AND ")}` : ""}
        RETURN DISTINCT e
      }
      MATCH (e)<-[:PARTICIPATED_IN]-(other:Actor)
      WHERE NOT other IN selves
      WITH other, count(DISTINCT e) AS sharedEvents
      ORDER BY sharedEvents DESC, other.name, other.id
      LIMIT $first
      RETURN ${rowProperties("Actor", "other")} AS actor, sharedEvents`,
      { actorId, role: options.role, first: int(first) },
    );
    return rows.map((row) => ({ actor: actorRow(row.actor), sharedEvents: Number(row.sharedEvents) }));
  }
}
