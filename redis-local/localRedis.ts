/**
 * A project-owned Redis (Debian's `redis-server`) for development and tests, the way neo4j-local runs Neo4j: our own
 * process on our own port and folder, never the system's service. Redis is optional for the API (REDIS_URL); the
 * tests that run several API processes start one of these.
 *
 * Instances (side by side; ports avoid 6379, where Debian's package starts the system's own service):
 *   dev   redis://127.0.0.1:6380  .redis/dev    (port overridable with REDIS_LOCAL_PORT)
 *   test  redis://127.0.0.1:6381  .redis/test   (REDIS_TEST_PORT; another port gets its own folder)
 *
 * Each runs with no persistence (no RDB, no AOF: the counts and notices it holds are worth nothing after a restart),
 * bound to 127.0.0.1 with protected mode, and a memory bound past which it evicts the keys nearest to expiry
 * (rate-limit counters all carry their window as a TTL; pub/sub keeps no keys).
 *
 * When `redis-server` is missing, the first start installs Debian's package as root with apt-get (once, under a lock,
 * as the browser tests install Chromium); elsewhere it stops at once, saying what to run.
 *
 * Files in an instance's folder: redis-local.pid, redis.log (the server's own log, truncated per start).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isAlive, portFromEnv, signal, sleep, tail, waitForExit, withLock as withLockFile } from "../neo4j-local/processes.js";

/** This project's root, from here under tsx (redis-local/) or from a bundle in dist/. */
const PROJECT_ROOT = projectRootFrom(path.dirname(fileURLToPath(import.meta.url)));

/** Debian's package puts the server here; `redis-server` on PATH is used first when there is one. */
const DEBIAN_REDIS_SERVER = "/usr/bin/redis-server";

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const POLL_MS = 50;
const LOCK_TIMEOUT_MS = 60_000;
/** apt-get may have to wait for another install (the browser tests' Chromium) holding dpkg's lock. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Ample for rate-limit counters (about 100 bytes each: a million addresses fit in 100 MB, and the budget's window
 * lets them expire) and for pub/sub, whose messages are held in client output buffers bounded by Redis's own
 * `client-output-buffer-limit pubsub` (32 MB per subscriber), not in this.
 */
const MAX_MEMORY = "128mb";
/** Of keys with a TTL, evict those nearest to expiry first: a rate-limit counter about to reset loses least. */
const EVICTION_POLICY = "volatile-ttl";

export type RedisInstanceName = "dev" | "test";

export interface RedisInstance {
  name: RedisInstanceName;
  port: number;
  dataDir: string;
  url: string;
}

export interface LocalRedisStatus {
  running: boolean;
  pid?: number;
  port: number;
  url: string;
  dataDir: string;
}

const DEFAULT_PORTS: Record<RedisInstanceName, number> = { dev: 6380, test: 6381 };
const PORT_VARIABLES: Record<RedisInstanceName, string> = { dev: "REDIS_LOCAL_PORT", test: "REDIS_TEST_PORT" };

/** The environment variable that sets an instance's port. */
export function redisPortVariable(name: RedisInstanceName): string {
  return PORT_VARIABLES[name];
}

/** `port` moves the instance (tests that start a Redis of their own pass a free port). */
export function localRedisInstance(name: RedisInstanceName, port = portFromEnv(PORT_VARIABLES[name], DEFAULT_PORTS[name])): RedisInstance {
  const folder = name === "dev" || port === DEFAULT_PORTS[name] ? name : `${name}-${port}`;
  return { name, port, dataDir: path.join(PROJECT_ROOT, ".redis", folder), url: `redis://127.0.0.1:${port}` };
}

export async function localRedisStatus(instance: RedisInstance): Promise<LocalRedisStatus> {
  const pid = livePid(instance);
  const port = (pid === undefined ? undefined : serverPort(pid)) ?? instance.port;
  const running = pid !== undefined && (await pingAnswers(port));
  const status = { running, port, url: `redis://127.0.0.1:${port}`, dataDir: instance.dataDir };
  return pid === undefined ? status : { ...status, pid };
}

/** Starts the instance unless it already runs; resolves once it answers PING. */
export async function startLocalRedis(instance: RedisInstance): Promise<LocalRedisStatus> {
  mkdirSync(instance.dataDir, { recursive: true });
  return withLock(instance, path.join(instance.dataDir, "start.lock"), () => startUnlocked(instance));
}

async function startUnlocked(instance: RedisInstance): Promise<LocalRedisStatus> {
  const running = livePid(instance);
  if (running !== undefined) {
    const port = serverPort(running);
    if (port !== undefined && port !== instance.port) {
      throw new Error(
        `redis-local[${instance.name}]: already running on port ${port} (pid ${running}), not on the configured ${instance.port}: ` +
          `set ${PORT_VARIABLES[instance.name]}=${port} or stop it first`,
      );
    }
    await waitForPing(instance, running, undefined);
    return { running: true, pid: running, port: instance.port, url: instance.url, dataDir: instance.dataDir };
  }

  rmSync(pidFile(instance), { force: true });
  await assertPortFree(instance);
  const server = ensureRedisServer();
  const startedAt = Date.now();
  const child = spawnServer(instance, server);
  if (child.pid === undefined) throw new Error(`redis-local[${instance.name}]: could not run ${server}`);
  writeFileSync(pidFile(instance), `${child.pid}\n`);
  try {
    await waitForPing(instance, child.pid, child);
  } catch (error) {
    await stopPid(child.pid);
    rmSync(pidFile(instance), { force: true });
    throw error;
  }
  log(instance, `started on ${instance.url} in ${Date.now() - startedAt} ms (pid ${child.pid})`);
  return { running: true, pid: child.pid, port: instance.port, url: instance.url, dataDir: instance.dataDir };
}

/** Stops the instance (SIGTERM, then SIGKILL); fine if it is not running. */
export async function stopLocalRedis(instance: RedisInstance): Promise<void> {
  const pid = livePid(instance);
  rmSync(pidFile(instance), { force: true });
  if (pid === undefined) {
    log(instance, "not running");
    return;
  }
  await stopPid(pid);
  log(instance, `stopped pid ${pid}`);
}

// ---------------------------------------------------------------------------------------------
// The server binary

/** The redis-server to run: on PATH, or Debian's package installed now (root with apt-get), or an error saying what to run. */
function ensureRedisServer(): string {
  const found = onPath("redis-server") ?? (existsSync(DEBIAN_REDIS_SERVER) ? DEBIAN_REDIS_SERVER : undefined);
  if (found) return found;
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) {
    throw new Error("redis-local: no redis-server: run `sudo apt-get install -y redis-server` (Debian's package).");
  }
  process.stderr.write("redis-local: installing Debian's redis-server package (once)…\n");
  // Test files start instances in parallel: one installs under the lock, the others wait and then find it. The
  // package's own service (port 6379) is not ours: where it starts, it runs beside ours and nothing uses it.
  const install =
    `test -x ${DEBIAN_REDIS_SERVER} || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive ` +
    `apt-get install -y -qq -o DPkg::Lock::Timeout=${INSTALL_TIMEOUT_MS / 1000} --no-install-recommends redis-server; }`;
  execFileSync("flock", ["/tmp/conflict-graph-redis-server.lock", "sh", "-c", install], {
    stdio: ["ignore", "ignore", "inherit"],
    timeout: INSTALL_TIMEOUT_MS,
  });
  return DEBIAN_REDIS_SERVER;
}

function onPath(command: string): string | undefined {
  for (const directory of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(directory, command);
    if (directory !== "" && existsSync(candidate)) return candidate;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Process handling

function pidFile(instance: RedisInstance): string {
  return path.join(instance.dataDir, "redis-local.pid");
}

function serverLog(instance: RedisInstance): string {
  return path.join(instance.dataDir, "redis.log");
}

function spawnServer(instance: RedisInstance, server: string): ChildProcess {
  const args = [
    "--port",
    String(instance.port),
    "--bind",
    "127.0.0.1",
    "--protected-mode",
    "yes",
    "--dir",
    instance.dataDir,
    "--save",
    "",
    "--appendonly",
    "no",
    "--maxmemory",
    MAX_MEMORY,
    "--maxmemory-policy",
    EVICTION_POLICY,
    "--daemonize",
    "no",
    "--logfile",
    "",
  ];
  const out = openSync(serverLog(instance), "w");
  try {
    // detached + unref: the server outlives the CLI and gets no SIGINT from our terminal.
    const child = spawn(server, args, { cwd: instance.dataDir, detached: true, stdio: ["ignore", out, out] });
    child.on("error", () => undefined); // a spawn failure surfaces via the exit check instead
    child.unref();
    return child;
  } finally {
    closeSync(out);
  }
}

/** The pid from the pid file, if that process is alive and is a redis-server working in this instance's folder. */
function livePid(instance: RedisInstance): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFile(instance), "utf8").trim(), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return isOurServer(pid, instance) ? pid : undefined;
}

/** Guards against a reused pid: Redis rewrites its command line, so its working folder (`--dir`) tells it apart. */
function isOurServer(pid: number, instance: RedisInstance): boolean {
  try {
    return readlinkSync(`/proc/${pid}/cwd`) === instance.dataDir && path.basename(readlinkSync(`/proc/${pid}/exe`)).startsWith("redis");
  } catch {
    return process.platform !== "linux";
  }
}

/** The port in Redis's process title (`redis-server 127.0.0.1:6381`), where /proc can tell. */
function serverPort(pid: number): number | undefined {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    const port = Number(/:(\d+)/.exec(title)?.[1]);
    return Number.isInteger(port) ? port : undefined;
  } catch {
    return undefined;
  }
}

/** Ready means answering PING; fails early if the server exits, or after START_TIMEOUT_MS. */
async function waitForPing(instance: RedisInstance, pid: number, child: ChildProcess | undefined): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (await pingAnswers(instance.port)) return;
    const exited = child ? child.exitCode !== null || child.signalCode !== null : !isAlive(pid);
    if (exited) throw new Error(failure(instance, "redis-server exited before it answered PING"));
    if (Date.now() > deadline) throw new Error(failure(instance, `no answer to PING after ${START_TIMEOUT_MS / 1000} s`));
    await sleep(POLL_MS);
  }
}

async function stopPid(pid: number): Promise<void> {
  signal(pid, "SIGTERM"); // with nothing to save, Redis exits at once
  if (await waitForExit(pid, STOP_TIMEOUT_MS, POLL_MS)) return;
  signal(pid, "SIGKILL");
  await waitForExit(pid, 5_000, POLL_MS);
}

// ---------------------------------------------------------------------------------------------
// PING and ports

/** Sends PING in Redis's inline form and waits for `+PONG` (a server still loading answers `-LOADING`: not ready). */
export function pingAnswers(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    let reply = "";
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk: Buffer) => {
      reply += chunk.toString("latin1");
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

async function assertPortFree(instance: RedisInstance): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port: instance.port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new Error(
      `redis-local[${instance.name}]: port ${instance.port} is in use by another process (not this project's ${instance.name} instance). ` +
        `Stop it, or choose another port with ${PORT_VARIABLES[instance.name]}.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Runs fn holding a lock file (neo4j-local/processes.ts), as this instance. */
function withLock<T>(instance: RedisInstance, file: string, fn: () => Promise<T>): Promise<T> {
  return withLockFile(`redis-local[${instance.name}]`, file, fn, { timeoutMs: LOCK_TIMEOUT_MS, pollMs: POLL_MS });
}

function failure(instance: RedisInstance, what: string): string {
  return `redis-local[${instance.name}]: ${what}. Last lines of ${serverLog(instance)}:\n${tail(serverLog(instance), 20)}`;
}

function log(instance: RedisInstance, message: string): void {
  process.stderr.write(`redis-local[${instance.name}]: ${message}\n`);
}

function projectRootFrom(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, "package.json"))) return directory;
    if (path.dirname(directory) === directory) return path.resolve(start, "..");
  }
}
