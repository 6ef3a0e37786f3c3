/**
 * docker-compose's Neo4j has the import capacity of the local Neo4j's defaults (issue 20, class 8): the same heap,
 * page cache and default transaction timeout as neo4j-local/ starts with, and 70% of the heap for transactions, so
 * that the imports the README promises on the defaults succeed in Docker too. Read from the files themselves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

const read = (file: string) => readFileSync(join(projectRoot, file), "utf8");

function setting(text: string, pattern: RegExp): string {
  const found = pattern.exec(text);
  expect(found, String(pattern)).not.toBeNull();
  return found![1]!;
}

/** Neo4j's byte sizes (`4g`, `2800m`) in megabytes. */
function megabytes(size: string): number {
  const [, amount, unit] = /^(\d+)([kmg])$/i.exec(size)!;
  return Number(amount) * { k: 1 / 1024, m: 1, g: 1024 }[unit!.toLowerCase() as "k" | "m" | "g"];
}

describe("docker-compose's Neo4j", () => {
  const compose = read("docker-compose.yml");
  const launcher = read("neo4j-local/Launcher.java");
  const local = read("neo4j-local/localNeo4j.ts");

  it("has the local defaults' heap, page cache and transaction timeout, and 70% of the heap for transactions", () => {
    const heap = setting(compose, /NEO4J_server_memory_heap_max__size: (\S+)/);
    expect(heap).toBe(setting(local, /NEO4J_LOCAL_HEAP \?\? "(\w+)"/));
    expect(setting(compose, /NEO4J_server_memory_pagecache_size: (\S+)/)).toBe(setting(launcher, /DEFAULT_PAGECACHE = "(\w+)"/));
    expect(setting(compose, /NEO4J_db_transaction_timeout: (\S+)/)).toBe(setting(launcher, /DEFAULT_TX_TIMEOUT = "(\w+)"/));
    expect(megabytes(setting(compose, /NEO4J_db_memory_transaction_total_max: (\S+)/))).toBe(Math.floor(megabytes(heap) * 0.7));
    expect(setting(compose, /NEO4J_db_transaction_monitor_check_interval: (\S+)/)).toBe("100ms");
  });
});

describe("docker-compose's Redis", () => {
  const compose = read("docker-compose.yml");
  const local = read("redis-local/localRedis.ts");

  it("runs as redis-local runs it: no persistence, the same memory bound and eviction policy, a password", () => {
    expect(setting(compose, /--maxmemory\n\s+- (\S+)/)).toBe(setting(local, /MAX_MEMORY = "(\w+)"/));
    expect(setting(compose, /--maxmemory-policy\n\s+- (\S+)/)).toBe(setting(local, /EVICTION_POLICY = "([\w-]+)"/));
    expect(setting(compose, /--save\n\s+- (\S+)/)).toBe('""');
    expect(setting(compose, /--appendonly\n\s+- (\S+)/)).toBe('"no"');
    expect(setting(compose, /--requirepass\n\s+- (\S+)/)).toMatch(/REDIS_PASSWORD/);
    expect(setting(compose, /REDIS_URL: (\S+)/)).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD[^}]*\}@redis:6379$/);
  });
});
