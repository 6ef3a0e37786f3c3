/**
 * Connections to the Redis that the API's replicas share (REDIS_URL): the live updates' pub/sub and the rate limits'
 * counts. Redis is a helper, never a dependency the API waits for: a connection reconnects by itself, and while it is
 * down its commands fail at once (no offline queue), so that every caller falls back within a request (a lost notice,
 * a count kept in memory) instead of hanging.
 */
import { createClient, type RedisClientType } from "@redis/client";
import type { Logger } from "pino";
import { throttledWarning } from "../logger.js";

export type RedisClient = RedisClientType;

/** How long a command may wait for its reply before its caller falls back. */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;
/** Commands waiting on one connection at most; past it, more are refused at once (their callers fall back). */
const MAX_QUEUED_COMMANDS = 10_000;
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnection backoff: 100 ms doubling, at most this. */
const MAX_RECONNECT_DELAY_MS = 2_000;
/** One warning per outage, then one at most this often while it lasts. */
const ERROR_LOG_INTERVAL_MS = 30_000;

export interface RedisConnectionOptions {
  /** What the connection serves, in logs and in Redis's CLIENT LIST (`conflict-graph:<role>`). */
  role: string;
  logger: Logger;
  /**
   * A subscriber's SUBSCRIBE may wait in the queue for the first connection (the client sends its subscriptions again
   * after each reconnection); commands of other connections fail at once while Redis is away.
   */
  queueWhileOffline?: boolean;
}

/** Where a URL points, without its credentials, for logs. */
export function redisTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

/** A client that is connecting (and later reconnecting) in the background; `close()` it when done. */
export function openRedis(url: string, options: RedisConnectionOptions): RedisClient {
  const log = options.logger.child({ redis: redisTarget(url), role: options.role });
  const client: RedisClient = createClient({
    url,
    name: `conflict-graph:${options.role}`,
    disableOfflineQueue: !options.queueWhileOffline,
    commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
    // Also for a command already sent: a Redis that stopped answering (paused, overloaded) must not hold requests.
    commandOptions: { timeout: REDIS_COMMAND_TIMEOUT_MS, rejectInFlight: true },
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 10), MAX_RECONNECT_DELAY_MS),
    },
  });
  let down = false;
  const unreachable = throttledWarning(ERROR_LOG_INTERVAL_MS, "errorsSinceLastWarning", (fields) =>
    log.warn(fields, "Redis is unreachable; retrying"),
  );
  // Without a listener an "error" event would end the process; each failed reconnection emits one.
  client.on("error", (error: Error) => {
    unreachable.warn({ reason: error.message });
    down = true;
  });
  client.on("ready", () => {
    if (down) log.info("Redis is reachable again");
    else log.debug("connected to Redis");
    down = false;
    unreachable.reset();
  });
  // Resolves once connected; rejects only if the client is closed before that. Errors meanwhile are the events above.
  client.connect().catch(() => undefined);
  return client;
}

/** Closes a client politely when it is connected (QUIT), else at once. */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  if (client.isReady) {
    try {
      await client.close();
      return;
    } catch {
      // Fall through: it went away while closing.
    }
  }
  client.destroy();
}
