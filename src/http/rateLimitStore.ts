/**
 * The rate limits' counts in Redis (REDIS_URL), so that N replicas keep one budget per caller instead of N
 * (rate-limit-redis: a counter per caller and budget whose TTL is the window, updated by one Lua script).
 *
 * When Redis cannot take a count (unreachable, or no answer within REDIS_COMMAND_TIMEOUT_MS), this process counts the
 * request in its own memory instead, as it does without Redis: the budget then holds per replica until Redis is back,
 * rather than opening (no budget at all) or closing (every anonymous request refused because a helper is down).
 * SECURITY.md gives the reasons. Each such count is logged (once per outage and then every 30 s) and counted in
 * `rate_limit_store_failures_total`.
 */
import { MemoryStore, type ClientRateLimitInfo, type IncrementResponse, type Options, type Store } from "express-rate-limit";
import type { Logger } from "pino";
import { RedisStore } from "rate-limit-redis";
import { throttledWarning } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { RedisClient } from "../redis/connection.js";

/** The budgets whose counts the replicas share. */
export type SharedBudget = "anonymous" | "keyed" | "authFailures";

/** Prefix of the counters' keys in Redis; a budget's name follows, then the caller's key. */
export const RATE_LIMIT_KEY_PREFIX = "conflict-graph:rate:";

const WARNING_INTERVAL_MS = 30_000;

/** A store per budget (express-rate-limit wants one per limiter), all on one Redis connection. */
export function sharedRateLimitStores(
  client: RedisClient,
  logger: Logger,
  metrics: Pick<Metrics, "rateLimitStoreFailures">,
): (budget: SharedBudget) => Store {
  const warning = throttledWarning(WARNING_INTERVAL_MS, "failuresSinceLastWarning", (fields) =>
    logger.warn(
      fields,
      "Redis could not count a request: counted in this process's memory instead (a budget per replica until Redis answers again)",
    ),
  );
  const failed = (budget: SharedBudget, error: unknown) => {
    metrics.rateLimitStoreFailures.inc({ budget });
    warning.warn({ budget, reason: error instanceof Error ? error.message : String(error) });
  };
  const stores: SharedCountStore[] = [];
  // Redis forgets its scripts when it restarts, and a store made before the first connection could not load them.
  client.on("ready", () => stores.forEach((store) => store.loadScripts()));
  return (budget) => {
    const store = new SharedCountStore(
      new RedisStore({ prefix: `${RATE_LIMIT_KEY_PREFIX}${budget}:`, sendCommand: (...args: string[]) => client.sendCommand(args) }),
      (error) => failed(budget, error),
    );
    stores.push(store);
    return store;
  };
}

/** Redis's counts, with this process's memory standing in for any count Redis could not take. */
class SharedCountStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private readonly local = new MemoryStore();

  constructor(
    private readonly shared: RedisStore,
    private readonly failed: (error: unknown) => void,
  ) {
    this.prefix = shared.prefix;
  }

  init(options: Options): void {
    this.local.init(options);
    // Loads its scripts; when Redis is away now, they are loaded again once it connects (or after a failed count).
    this.shared.init(options).catch(() => undefined);
  }

  async increment(key: string): Promise<IncrementResponse> {
    try {
      return await this.shared.increment(key);
    } catch (error) {
      this.fellBack(error);
      return this.local.increment(key);
    }
  }

  async decrement(key: string): Promise<void> {
    try {
      await this.shared.decrement(key);
    } catch (error) {
      this.fellBack(error);
      await this.local.decrement(key);
    }
  }

  async resetKey(key: string): Promise<void> {
    try {
      await this.shared.resetKey(key);
    } catch (error) {
      this.fellBack(error);
    }
    await this.local.resetKey(key);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    try {
      return await this.shared.get(key);
    } catch (error) {
      this.fellBack(error);
      return this.local.get(key);
    }
  }

  shutdown(): void {
    this.local.shutdown();
  }

  /** rate-limit-redis keeps the promise of its scripts' hashes; one that failed to load would fail every later count. */
  loadScripts(): void {
    if (this.shared.windowMs === undefined) return; // not initialised yet: init loads them
    this.shared.incrementScriptSha = this.shared.loadIncrementScript();
    this.shared.getScriptSha = this.shared.loadGetScript();
    this.shared.incrementScriptSha.catch(() => undefined);
    this.shared.getScriptSha.catch(() => undefined);
  }

  private fellBack(error: unknown): void {
    this.failed(error);
    this.loadScripts();
  }
}
