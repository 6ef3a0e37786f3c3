/**
 * Redis for the tests that run several API processes (REDIS_URL): each test file starts a Redis of its own, from
 * redis-local (Debian's redis-server, installed on first use when missing), on a free port and in a folder of its own,
 * so that files stay independent and one may stop its Redis without disturbing another. The unit tier never needs it.
 */
import { rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, inject } from "vitest";
import { localRedisInstance, startLocalRedis, stopLocalRedis, type RedisInstance } from "../../redis-local/localRedis.js";
import { spawnService, type ServiceProcess } from "./process.js";

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (its port stays this Redis's: `start()` brings it back on it, empty). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A Redis of the caller's own, answering PING; `stop()` it when done (its folder goes with it). */
export async function startRedis(): Promise<TestRedis & { remove(): Promise<void> }> {
  const instance: RedisInstance = localRedisInstance("test", await freePort());
  await startLocalRedis(instance);
  return {
    url: instance.url,
    port: instance.port,
    stop: () => stopLocalRedis(instance),
    start: async () => {
      await startLocalRedis(instance);
    },
    async remove() {
      await stopLocalRedis(instance);
      rmSync(instance.dataDir, { recursive: true, force: true });
    },
  };
}

/** A Redis for the file or `describe` block it is called in: started before its tests, removed after them. */
export function useRedis(): TestRedis {
  let current: Awaited<ReturnType<typeof startRedis>> | undefined;
  beforeAll(async () => {
    current = await startRedis();
  });
  afterAll(async () => {
    await current?.remove();
    current = undefined;
  });
  const started = () => {
    if (!current) throw new Error("useRedis(): Redis runs only inside its block's tests and hooks");
    return current;
  };
  return {
    get url() {
      return started().url;
    },
    get port() {
      return started().port;
    },
    stop: () => started().stop(),
    start: () => started().start(),
  };
}

export interface ApiProcess extends ServiceProcess {
  /** Posts a GraphQL request as an anonymous caller from 127.0.0.1 (or with `headers`); gives the status and body. */
  graphql(query: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** The value of one Prometheus sample of /metrics, e.g. `live_change_notices_total{outcome="received"}` (0 when absent). */
  metric(sample: string): Promise<number>;
  /** SIGTERM, then the exit. */
  stop(): Promise<void>;
}

/**
 * The real service (src/main.ts) as a process of its own on the test Neo4j, with `redisUrl` as REDIS_URL: replicas of
 * one deployment are several of these with the same Redis. `environment` adds or overrides settings.
 */
export async function spawnApi(options: { redisUrl?: string; environment?: Record<string, string> } = {}): Promise<ApiProcess> {
  const service = await spawnService({
    NEO4J_URI: inject("neo4jUri"),
    SEED_ON_START: "false",
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.environment,
  });
  return {
    ...service,
    async graphql(query, headers = {}) {
      const response = await fetch(`${service.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: await response.json() };
    },
    async metric(sample) {
      const text = await (await fetch(`${service.url}/metrics`)).text();
      const line = text.split("\n").find((candidate) => candidate.startsWith(`${sample} `));
      return line === undefined ? 0 : Number(line.slice(sample.length + 1));
    },
    async stop() {
      service.child.kill("SIGTERM");
      await service.exited;
    },
  };
}
