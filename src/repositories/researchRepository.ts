/**
 * Traversals and statistics. Every variable-length pattern has a fixed upper bound checked before
 * it gets here, and every traversal starts from a node found through its id constraint's index.
 */
import type { Executor, Params } from "../db/executor.js";
import { int } from "../db/values.js";
import type { EventRole } from "../model/enums.js";
import { parseId, type NodeLabel } from "../model/ids.js";
import { z } from "zod";
import type {
  CoInvolvementRow,
  EdgeRow,
  NodeRow,
  PathRow,
  SeriesBucketRow,
  StatsBucketRow,
  SubgraphRow,
  VictimTollRow,
} from "../model/rows.js";
import { type EventConditions, eventWhere } from "./eventRepository.js";
import { pointIndexHint } from "../graph/eventLocation.js";
import { rel, TRAVERSED_TYPES } from "../graph/catalogue.js";
import { actorEvents, rolledUpPath } from "../graph/rules.js";
import { incidentBucketKeys, incidentIntervalStart, TIME_DIMENSIONS, type StatsDimension } from "../graph/statsRules.js";
import { tollProperties } from "../model/eventAggregates.js";
import { type TimeInterval, VICTIM_GROUPS, type VictimGroup } from "../model/enums.js";
import { actorRow, anyRowProperties, nodeRow, rowProperties } from "./records.js";

export type { StatsDimension };

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

/** The sum of `value` over a list, as a float: it cannot overflow, and is exact up to 2^53 (see groupSums). */
const sumOf = (list: string, value: (item: string) => string) => `reduce(total = 0.0, i IN ${list} | total + coalesce(${value("i")}, 0))`;

/**
 * The toll of one victim group over a bucket's incidents, from their stored tolls (model/eventAggregates.ts): the
 * incidents that count the group, how many give a figure, and the sums of their low, high and best figures (high null
 * when one of them is open, best null when one of them gives none). Sums are floats: they cannot overflow whatever
 * the stored figures, and are exact up to 2^53, far beyond any bucket of figures capped at MAX_TOLL.
 */
function groupSums(incidents: string, group: VictimGroup): string {
  const names = tollProperties(group);
  const counting = `[i IN ${incidents} WHERE i.${names.qualifier} IS NOT NULL]`;
  return `{victims: '${group}', incidents: size(${counting}),
        figures: size([i IN ${counting} WHERE i.${names.low} IS NOT NULL OR i.${names.high} IS NOT NULL]),
        low: ${sumOf(counting, (i) => `${i}.${names.low}`)},
        high: CASE WHEN any(i IN ${counting} WHERE i.${names.high} IS NULL) THEN null ELSE ${sumOf(counting, (i) => `${i}.${names.high}`)} END,
        best: CASE WHEN any(i IN ${counting} WHERE i.${names.best} IS NULL) THEN null ELSE ${sumOf(counting, (i) => `${i}.${names.best}`)} END}`;
}

const groupSumsRow = z.object({
  victims: z.enum(VICTIM_GROUPS),
  incidents: z.number(),
  figures: z.number(),
  low: z.number(),
  high: z.number().nullable(),
  best: z.number().nullable(),
});

/** A group's summed toll as an estimate: open above when a summand is, exact when its bounds meet. */
function summedToll(sums: z.infer<typeof groupSumsRow>): VictimTollRow | null {
  if (sums.incidents === 0) return null;
  if (sums.figures === 0) return { victims: sums.victims, estimate: { low: null, high: null, qualifier: "UNKNOWN" } };
  const qualifier = sums.high === null ? "AT_LEAST" : sums.high === sums.low ? "EXACT" : "RANGE";
  return {
    victims: sums.victims,
    estimate: { low: sums.low, high: sums.high, qualifier, ...(sums.best !== null ? { best: sums.best } : {}) },
  };
}

/** Rows of `incident, reports` (its Event nodes the filter selects), one per incident with a selected report. */
function selectedIncidents(filter: EventConditions): { cypher: string; params: Params } {
  const { where, params } = eventWhere(filter);
  return {
    cypher: `MATCH (e:Event) ${pointIndexHint("e", filter)}
      ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
      MATCH (e)-[:${rel("REPORT_OF")}]->(incident:Incident)
      WITH incident, collect(DISTINCT e) AS reports`,
    params,
  };
}

/**
 * The sums of a bucket's `incidents` (each once) and `reports`, as `bucketSums` reads them. The victim groups' tolls
 * read a dozen properties of every incident (two thirds of eventStats' db hits for a year by month at 10k): a request
 * that selects no `tolls` gets an empty list without them.
 */
const bucketSumsCypher = (tolls: boolean) => `size(incidents) AS events, reports,
        ${sumOf("incidents", (i) => `${i}.fatalitiesLow`)} AS fatalitiesLow,
        CASE WHEN any(i IN incidents WHERE i.fatalitiesHigh IS NULL) THEN null
             ELSE ${sumOf("incidents", (i) => `${i}.fatalitiesHigh`)} END AS fatalitiesHigh,
        ${tolls ? `[${VICTIM_GROUPS.map((group) => groupSums("incidents", group)).join(",\n        ")}]` : "[]"} AS tolls`;

function bucketSums(row: Record<string, unknown>): Omit<StatsBucketRow, "key"> {
  return {
    events: Number(row.events),
    reports: Number(row.reports),
    fatalitiesLow: Number(row.fatalitiesLow),
    fatalitiesHigh: row.fatalitiesHigh === null ? null : Number(row.fatalitiesHigh),
    tolls: z
      .array(groupSumsRow)
      .parse(row.tolls)
      .flatMap((sums) => summedToll(sums) ?? []),
  };
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

  /**
   * `includeMembers` rolls PERPETRATOR buckets up (the resolver allows it with that dimension only); `tolls: false`
   * leaves every bucket's tolls empty, for a request that does not select them.
   */
  async eventStats(dimension: StatsDimension, filter: EventConditions, includeMembers = false, tolls = true): Promise<StatsBucketRow[]> {
    const order = TIME_DIMENSIONS.has(dimension) ? "key ASC" : "events DESC, key ASC";
    const selected = selectedIncidents(filter);
    const rows = await this.db.read(
      `// eventStats${dimension}${includeMembers ? "RolledUp" : ""}
      ${selected.cypher}
      ${incidentBucketKeys(dimension, "reports", includeMembers)}
      WITH key, collect(incident) AS incidents, sum(size(reports)) AS reports
      RETURN key, ${bucketSumsCypher(tolls)}
      ORDER BY ${order}`,
      selected.params,
    );
    return rows.map((row) => ({ key: String(row.key), ...bucketSums(row) }));
  }

  /**
   * The non-empty intervals of a time series, per group of `by` when given: each incident the filter selects counts
   * once, in the interval of its defining report's date (statsRules.ts), and once per group as eventStats counts it.
   * Ordered by start, then key; the intervals and groups without incidents are left to the caller to fill.
   */
  async timeSeries(interval: TimeInterval, by: StatsDimension | null, filter: EventConditions): Promise<SeriesBucketRow[]> {
    const selected = selectedIncidents(filter);
    const rows = await this.db.read(
      `// timeSeries${interval}${by ? `By${by}` : ""}
      ${selected.cypher}
      ${by ? incidentBucketKeys(by, "reports", false) : "WITH incident, reports, null AS key"}
      ${incidentIntervalStart(interval, "reports")}
      WITH start, key, collect(incident) AS incidents, sum(size(reports)) AS reports
      RETURN toString(start) AS start, key, ${bucketSumsCypher(true)}
      ORDER BY start, key`,
      selected.params,
    );
    return rows.map((row) => ({ start: String(row.start), key: typeof row.key === "string" ? row.key : null, ...bucketSums(row) }));
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
      MATCH (e)<-[:${rel("PARTICIPATED_IN")}]-(other:Actor)
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
