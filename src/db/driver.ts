import neo4j, { type Driver } from "neo4j-driver";
import type { Config } from "../config.js";

/**
 * One driver per process. The timeouts are chosen so that with the database gone a query fails
 * within about 5 s (connect 2 s, one retry window of 2 s) instead of hanging for the driver's 30 s default.
 */
export function createDriver(settings: Config["neo4j"] & { uri: string }): Driver {
  const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
  return neo4j.driver(settings.uri, auth, {
    connectionTimeout: settings.connectTimeoutMs,
    connectionAcquisitionTimeout: settings.connectTimeoutMs + 1_000,
    maxTransactionRetryTime: settings.connectTimeoutMs,
    maxConnectionPoolSize: settings.maxPoolSize,
    // Integers arrive as JavaScript numbers: every one the graph holds is a count, an offset or a figure far below
    // 2^53, and decoding each into an Integer object was a measurable share of a page's CPU and garbage.
    disableLosslessIntegers: true,
    userAgent: "conflict-graph",
  });
}
