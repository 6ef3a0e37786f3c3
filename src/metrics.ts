import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The Prometheus metrics of one running service; a registry per instance keeps tests independent. */
export interface Metrics {
  registry: Registry;
  queriesTotal: Counter<"query" | "mode" | "outcome">;
  queryDuration: Histogram<"query" | "mode">;
  /**
   * GraphQL responses carrying an error of a code, once per code per response. Execution errors are HTTP 200, as
   * GraphQL over HTTP wants, so an outage shows here (`code="SERVICE_UNAVAILABLE"`) rather than in status codes.
   */
  errorResponses: Counter<"code">;
  /** Change notices through the shared bus (REDIS_URL): sent, received from other processes, lost or dropped. */
  changeNotices: Counter<"outcome">;
  /** Rate-limit counts Redis could not take (unreachable, slow): counted in this process's memory instead. */
  rateLimitStoreFailures: Counter<"budget">;
  /** Downloads at /export being streamed now (http/exports/): back to 0 once each has finished or its client has gone. */
  exportsInProgress: Gauge<"export">;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    queriesTotal: new Counter({
      name: "neo4j_queries_total",
      help: "Cypher statements sent to Neo4j, one per statement.",
      labelNames: ["query", "mode", "outcome"],
      registers: [registry],
    }),
    queryDuration: new Histogram({
      name: "neo4j_query_duration_seconds",
      help: "Time from sending a Cypher statement to having all its records.",
      labelNames: ["query", "mode"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errorResponses: new Counter({
      name: "graphql_error_responses_total",
      help: "GraphQL responses carrying at least one error with this extensions.code (SERVICE_UNAVAILABLE: the database was unreachable).",
      labelNames: ["code"],
      registers: [registry],
    }),
    changeNotices: new Counter({
      name: "live_change_notices_total",
      help: "Change notices through Redis by outcome: published, received (from another process), lost (Redis unreachable: not sent), invalid or oversized (dropped on receipt or before sending).",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    rateLimitStoreFailures: new Counter({
      name: "rate_limit_store_failures_total",
      help: "Rate-limit counts that Redis could not take, by budget; each was counted in this process's memory instead (a budget per replica while Redis is away).",
      labelNames: ["budget"],
      registers: [registry],
    }),
    exportsInProgress: new Gauge({
      name: "exports_in_progress",
      help: "Exports (GET /export/…) being streamed now, by export (events or incidents).",
      labelNames: ["export"],
      registers: [registry],
    }),
  };
}
