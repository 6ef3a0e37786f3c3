/**
 * A project-owned Neo4j Community (embedded in Launcher.java) for development, tests and
 * benchmarks, so nobody needs Docker or a system-wide Neo4j.
 *
 * Instances (ports and data dirs are fixed so that they can run side by side):
 *   dev   bolt://127.0.0.1:7687  .neo4j/dev    (port overridable with NEO4J_LOCAL_PORT)
 *   test  bolt://127.0.0.1:7688  .neo4j/test
 *   bench bolt://127.0.0.1:7689  .neo4j/bench
 *
 * Plugins are opt-in per start: `startLocalNeo4j(instance, { plugins: true })` (cli: `--plugins`)
 * loads APOC core, which the benchmark's Neo4j GraphQL Library server needs; nothing else fetches it.
 *
 * Environment (all optional; the project's commands also read them from its .env file, see src/envFile.ts):
 *   NEO4J_LOCAL_PORT       Bolt port of the dev instance (default 7687)
 *   NEO4J_TEST_PORT        Bolt port of the test instance (default 7688; another port gets its own data folder)
 *   NEO4J_BENCH_PORT       Bolt port of the bench instance (default 7689; likewise)
 *   NEO4J_LOCAL_HEAP       JVM max heap, java -Xmx syntax (default 4g: room for a 20 MB import, see spawnLauncher)
 *   NEO4J_LOCAL_PAGECACHE  page cache, neo4j.conf syntax (default 256m; read by Launcher.java)
 *   NEO4J_LOCAL_TX_TIMEOUT transaction timeout, neo4j.conf syntax (default 30s; Launcher.java)
 *   JAVA_HOME              Java 17+ to use (default: `java` on PATH)
 *
 * Bolt listens on loopback only and auth is disabled: connect with neo4j.auth.none().
 * Files in a data dir: neo4j-local.pid, launcher.log (JVM stdout/stderr), data/ (the store),
 * logs/debug.log (Neo4j's own log).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import neo4j from "neo4j-driver";
import { isAlive, portFromEnv, signal, sleep, tail, waitForExit, withLock as withLockFile } from "./processes.js";

/** Keep in sync with pom.xml's default; this value wins (it is passed to mvn). */
const NEO4J_VERSION = "5.26.30";
/** The newest APOC for Neo4j 5.26; keep in sync with apoc.pom.xml's default (this value wins). */
const APOC_VERSION = "5.26.19";

/** This folder, found from wherever the code runs: here under tsx, or from a bundle in dist/. */
const HERE = neo4jLocalFolder(path.dirname(fileURLToPath(import.meta.url)));
const PROJECT_ROOT = path.resolve(HERE, "..");
const LIB_DIR = path.join(HERE, "lib");
const LIB_MARKER = path.join(LIB_DIR, ".neo4j-version");
/** On the classpath only with plugins on (java's `lib/*` takes just the jars directly in lib/); wiped with lib/. */
const APOC_DIR = path.join(LIB_DIR, "apoc");
const APOC_MARKER = path.join(APOC_DIR, ".apoc-version");

/** How long a start may take before it is given up; NEO4J_LOCAL_START_TIMEOUT_MS raises it on a loaded machine. */
const START_TIMEOUT_MS = Number(process.env.NEO4J_LOCAL_START_TIMEOUT_MS) || 120_000;
const STOP_TIMEOUT_MS = 30_000;
const POLL_MS = 250;
/** A first start may include a Maven fetch (about a minute) before the start itself. */
const LOCK_TIMEOUT_MS = 10 * 60_000;

/** Neo4j 5.26's own server flags (neo4j.conf server.jvm.additional) that matter when embedded. */
const JVM_FLAGS = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Dlog4j2.disable.jmx=true",
  // Without these Neo4j falls back to slower, more memory-hungry paths (it logs a warning).
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  // Native access for Java 21's foreign-function API; accepted (and unused) by Java 17.
  "--enable-native-access=ALL-UNNAMED",
];

export type InstanceName = "dev" | "test" | "bench";

export interface LocalInstance {
  name: InstanceName;
  port: number;
  dataDir: string;
  uri: string;
}

export interface StartOptions {
  /** Load the plugins: APOC core (fetched with Maven on first use). A running instance must have them already. */
  plugins?: boolean;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid?: number;
  /** The port checked: the running launcher's own (from its command line), else the configured one. */
  port: number;
  uri: string;
  /** The data folder whose pid file was read. */
  dataDir: string;
}

const DEFAULT_PORTS: Record<InstanceName, number> = { dev: 7687, test: 7688, bench: 7689 };

/** Environment variables that move an instance to another port (and then its own data folder). */
const PORT_VARIABLES: Record<InstanceName, string> = { dev: "NEO4J_LOCAL_PORT", test: "NEO4J_TEST_PORT", bench: "NEO4J_BENCH_PORT" };

/** The environment variable that sets an instance's port. */
export function portVariable(name: InstanceName): string {
  return PORT_VARIABLES[name];
}

/** `port` moves the instance (tests that stop and start a database of their own use this). */
export function localInstance(name: InstanceName, port = portFromEnv(PORT_VARIABLES[name], DEFAULT_PORTS[name])): LocalInstance {
  // A test or bench run on another port gets its own store, so two runs side by side never share data.
  const folder = name === "dev" || port === DEFAULT_PORTS[name] ? name : `${name}-${port}`;
  return {
    name,
    port,
    dataDir: path.join(PROJECT_ROOT, ".neo4j", folder),
    uri: `bolt://127.0.0.1:${port}`,
  };
}

export async function localNeo4jStatus(instance: LocalInstance): Promise<LocalNeo4jStatus> {
  const pid = livePid(instance);
  // The dev instance keeps one data folder whatever its port, so the launcher found there may listen elsewhere.
  const port = (pid === undefined ? undefined : launcherPort(pid)) ?? instance.port;
  const running = pid !== undefined && (await boltAnswers(port));
  const status = { running, port, uri: `bolt://127.0.0.1:${port}`, dataDir: instance.dataDir };
  return pid === undefined ? status : { ...status, pid };
}

/** Starts the instance unless it already runs; resolves once Bolt accepts connections. */
export async function startLocalNeo4j(instance: LocalInstance, options: StartOptions = {}): Promise<LocalNeo4jStatus> {
  mkdirSync(instance.dataDir, { recursive: true });
  // Serialised, because test runners may call this from several workers at once.
  return withLock(instance, path.join(instance.dataDir, "start.lock"), () => startUnlocked(instance, options));
}

async function startUnlocked(instance: LocalInstance, options: StartOptions): Promise<LocalNeo4jStatus> {
  const plugins = options.plugins ?? false;
  const running = livePid(instance);
  if (running !== undefined) {
    const port = launcherPort(running);
    if (port !== undefined && port !== instance.port) {
      throw new Error(
        `neo4j-local[${instance.name}]: already running on port ${port} (pid ${running}, data ${instance.dataDir}), ` +
          `not on the configured ${instance.port}: set ${PORT_VARIABLES[instance.name]}=${port} (in .env, for every command) ` +
          `or stop it first`,
      );
    }
    const args = launcherArgs(running);
    if (plugins && args.length > 0 && !args.includes(APOC_DIR)) {
      throw new Error(`neo4j-local[${instance.name}]: running without plugins (pid ${running}); stop it first`);
    }
    // Ours and alive: either ready, or being started by another caller right now.
    await waitForBolt(instance, running, undefined);
    return { running: true, pid: running, port: instance.port, uri: instance.uri, dataDir: instance.dataDir };
  }

  rmSync(pidFile(instance), { force: true });
  await assertPortFree(instance);
  await ensureJars(instance);
  if (plugins) await ensureApoc(instance);

  const startedAt = Date.now();
  log(instance, `starting Neo4j ${NEO4J_VERSION} on ${instance.uri}…`);
  const child = spawnLauncher(instance, plugins);
  if (child.pid === undefined) {
    throw new Error(`neo4j-local[${instance.name}]: could not run java (install Java 17+ or set JAVA_HOME)`);
  }
  writeFileSync(pidFile(instance), `${child.pid}\n`);

  try {
    await waitForBolt(instance, child.pid, child);
  } catch (error) {
    await stopPid(instance, child.pid);
    rmSync(pidFile(instance), { force: true });
    throw error;
  }
  log(instance, `started in ${seconds(Date.now() - startedAt)} (pid ${child.pid})`);
  return { running: true, pid: child.pid, port: instance.port, uri: instance.uri, dataDir: instance.dataDir };
}

/** Stops the instance (SIGTERM, then SIGKILL after 30 s); fine if it is not running. */
export async function stopLocalNeo4j(instance: LocalInstance): Promise<void> {
  const pid = livePid(instance);
  if (pid === undefined) {
    rmSync(pidFile(instance), { force: true });
    log(instance, "not running");
    return;
  }
  const stoppedAt = Date.now();
  log(instance, `stopping pid ${pid}…`);
  await stopPid(instance, pid);
  rmSync(pidFile(instance), { force: true });
  log(instance, `stopped in ${seconds(Date.now() - stoppedAt)}`);
}

// ---------------------------------------------------------------------------------------------
// Process handling

function pidFile(instance: LocalInstance): string {
  return path.join(instance.dataDir, "neo4j-local.pid");
}

function launcherLog(instance: LocalInstance): string {
  return path.join(instance.dataDir, "launcher.log");
}

/** The pid from the pid file, if that process is alive and is this instance's launcher. */
function livePid(instance: LocalInstance): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFile(instance), "utf8").trim(), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return isOurLauncher(pid, instance) ? pid : undefined;
}

/**
 * Guards against a stale pid file whose pid was reused (e.g. after a reboot), so that we never
 * signal an unrelated process. Only Linux exposes /proc; elsewhere "alive" has to do.
 */
function isOurLauncher(pid: number, instance: LocalInstance): boolean {
  const args = launcherArgs(pid);
  if (args.length === 0) return process.platform !== "linux";
  return args.some((arg) => arg.endsWith("Launcher.java")) && args.includes(instance.dataDir);
}

/** A process's command line, or nothing where /proc cannot tell. */
function launcherArgs(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

/** The Bolt port a launcher was started with (its `--port`), where /proc can tell. */
function launcherPort(pid: number): number | undefined {
  const args = launcherArgs(pid);
  const at = args.indexOf("--port");
  const port = at < 0 ? Number.NaN : Number(args[at + 1]);
  return Number.isInteger(port) ? port : undefined;
}

function spawnLauncher(instance: LocalInstance, plugins: boolean): ChildProcess {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
  // An import is one transaction, and Neo4j holds all of it in the heap until it commits: about 50 kB per ACLED row
  // (docs/benchmarks.md). Neo4j lets transactions use 70% of the heap (dbms.memory.transaction.total.max), so 4 GB
  // gives 2.8 GB, room for a file of the editors' 20 MB body limit (~44,000 rows, 2.2 GB). -Xmx is a ceiling:
  // an instance that never imports that much never takes the memory (after one, the JVM keeps what it took until
  // the instance stops).
  const heap = process.env.NEO4J_LOCAL_HEAP ?? "4g";
  const args = [
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    "-cp",
    // Expanded by java itself, not by a shell. Plugins go on the classpath too, as Neo4j's server
    // scripts put them: APOC's kernel extensions (its config, pools) are only found there.
    [LIB_DIR, ...(plugins ? [APOC_DIR] : [])].map((dir) => `${dir}${path.sep}*`).join(path.delimiter),
    path.join(HERE, "Launcher.java"),
    "--data",
    instance.dataDir,
    "--port",
    String(instance.port),
    ...(plugins ? ["--plugins", APOC_DIR] : []),
  ];
  // Truncated per start: it only holds this run's JVM output; Neo4j's history is in logs/.
  const out = openSync(launcherLog(instance), "w");
  try {
    // detached + unref: the JVM outlives this CLI and gets no SIGINT from our terminal.
    const child = spawn(java, args, { cwd: instance.dataDir, detached: true, stdio: ["ignore", out, out] });
    child.on("error", () => undefined); // a spawn failure surfaces via the exit check instead
    child.unref();
    return child;
  } finally {
    closeSync(out);
  }
}

function launcherSaidReady(instance: LocalInstance): boolean {
  return existsSync(launcherLog(instance)) && readFileSync(launcherLog(instance), "utf8").includes("neo4j-local ready");
}

/** Polls Bolt until it answers; fails early if the launcher dies, or after START_TIMEOUT_MS. */
async function waitForBolt(instance: LocalInstance, pid: number, child: ChildProcess | undefined): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    // Bolt answers before the launcher has warmed the query compiler; "ready" comes after that.
    if (launcherSaidReady(instance) && (await boltAnswers(instance.port))) return;
    const exited = child ? child.exitCode !== null || child.signalCode !== null : !isAlive(pid);
    if (exited) throw new Error(failure(instance, "the launcher exited before Bolt was ready"));
    if (Date.now() > deadline) {
      throw new Error(failure(instance, `Bolt was not ready after ${seconds(START_TIMEOUT_MS)}`));
    }
    await sleep(POLL_MS);
  }
}

async function stopPid(instance: LocalInstance, pid: number): Promise<void> {
  signal(pid, "SIGTERM"); // the launcher's shutdown hook closes the store cleanly
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  log(instance, `pid ${pid} ignored SIGTERM for ${seconds(STOP_TIMEOUT_MS)}; sending SIGKILL`);
  signal(pid, "SIGKILL");
  await waitForExit(pid, 5_000);
}

// ---------------------------------------------------------------------------------------------
// Bolt and ports

async function boltAnswers(port: number): Promise<boolean> {
  // No auth token means scheme "none" (neo4j.auth.none() exists at runtime, not in the typings).
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, undefined, {
    connectionTimeout: 2_000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** Binding the port ourselves is the surest test that nobody else holds it. */
async function assertPortFree(instance: LocalInstance): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => {
      resolve(false);
    });
    server.listen({ port: instance.port, host: "127.0.0.1", exclusive: true }, () => {
      server.close(() => {
        resolve(true);
      });
    });
  });
  if (!free) {
    throw new Error(
      `neo4j-local[${instance.name}]: port ${instance.port} is in use by another process ` +
        `(not this project's ${instance.name} instance). Stop it` +
        (instance.name === "dev" ? " or choose another port with NEO4J_LOCAL_PORT." : "."),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Jars

/** lib/ is shared by all instances, so two instances starting for the first time must not both run Maven into it. */
const FETCH_LOCK = path.join(PROJECT_ROOT, ".neo4j", "fetch-jars.lock");

/** Fetches Neo4j's jars into lib/ unless they are there for NEO4J_VERSION already. */
async function ensureJars(instance: LocalInstance): Promise<void> {
  if (jarsPresent()) return;
  await withLock(instance, FETCH_LOCK, async () => {
    if (!jarsPresent()) await fetchJars(instance);
  });
}

function jarsPresent(): boolean {
  const marker = existsSync(LIB_MARKER) ? readFileSync(LIB_MARKER, "utf8").trim() : "";
  return marker === NEO4J_VERSION && existsSync(path.join(LIB_DIR, `neo4j-${NEO4J_VERSION}.jar`));
}

async function fetchJars(instance: LocalInstance): Promise<void> {
  const startedAt = Date.now();
  log(instance, `fetching Neo4j ${NEO4J_VERSION} jars with Maven…`);
  // Start clean: jars of another version left in lib/ would end up on the same classpath.
  rmSync(LIB_DIR, { recursive: true, force: true });
  await copyDependencies(instance, "pom.xml", LIB_DIR);
  writeFileSync(LIB_MARKER, `${NEO4J_VERSION}\n`);
  log(instance, `fetched jars in ${seconds(Date.now() - startedAt)}`);
}

/** Fetches APOC core and its libraries into lib/apoc/ unless they are there for APOC_VERSION already. */
async function ensureApoc(instance: LocalInstance): Promise<void> {
  if (apocPresent()) return;
  await withLock(instance, FETCH_LOCK, async () => {
    if (!apocPresent()) await fetchApoc(instance);
  });
}

function apocPresent(): boolean {
  const marker = existsSync(APOC_MARKER) ? readFileSync(APOC_MARKER, "utf8").trim() : "";
  return marker === APOC_VERSION && existsSync(path.join(APOC_DIR, `apoc-core-${APOC_VERSION}.jar`));
}

async function fetchApoc(instance: LocalInstance): Promise<void> {
  const startedAt = Date.now();
  log(instance, `fetching APOC ${APOC_VERSION} jars with Maven…`);
  rmSync(APOC_DIR, { recursive: true, force: true });
  await copyDependencies(instance, "apoc.pom.xml", APOC_DIR);
  // Libraries Neo4j has too resolve to Neo4j's versions (apoc.pom.xml); one copy on the classpath is enough.
  const neo4jJars = new Set(readdirSync(LIB_DIR));
  for (const jar of readdirSync(APOC_DIR)) {
    if (neo4jJars.has(jar)) rmSync(path.join(APOC_DIR, jar));
  }
  writeFileSync(APOC_MARKER, `${APOC_VERSION}\n`);
  log(instance, `fetched APOC in ${seconds(Date.now() - startedAt)}`);
}

/** `mvn dependency:copy-dependencies` of one of our poms into a folder. */
async function copyDependencies(instance: LocalInstance, pom: string, outputDirectory: string): Promise<void> {
  const args = [
    "-B",
    "-q",
    "-f",
    path.join(HERE, pom),
    `-Dneo4j.version=${NEO4J_VERSION}`,
    `-Dapoc.version=${APOC_VERSION}`,
    "dependency:copy-dependencies",
    `-DoutputDirectory=${outputDirectory}`,
  ];
  const { code, output } = await run("mvn", args);
  if (code !== 0) {
    const shown = stripVTControlCharacters(output).trim().split("\n").slice(-40).join("\n");
    throw new Error(`neo4j-local[${instance.name}]: mvn ${args.join(" ")} failed (exit ${code}):\n${shown}`);
  }
}

/**
 * Runs a command and collects its output, shown only if it fails: a successful `mvn -q` still
 * prints stray ANSI resets (Debian's Maven 3.8), and errors go to its stdout, not stderr.
 */
function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    const collect = (chunk: Buffer): void => {
      chunks.push(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", reject);
    child.once("close", (code) => {
      resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString("utf8") });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Runs fn holding a lock file (processes.ts), as this instance. */
function withLock<T>(instance: LocalInstance, file: string, fn: () => Promise<T>): Promise<T> {
  return withLockFile(`neo4j-local[${instance.name}]`, file, fn, { timeoutMs: LOCK_TIMEOUT_MS, pollMs: POLL_MS });
}

function failure(instance: LocalInstance, what: string): string {
  return `neo4j-local[${instance.name}]: ${what}. Last lines of ${launcherLog(instance)}:\n${tail(launcherLog(instance), 30)}`;
}

function log(instance: LocalInstance, message: string): void {
  process.stderr.write(`neo4j-local[${instance.name}]: ${message}\n`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function neo4jLocalFolder(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, "Launcher.java"))) return directory;
    if (existsSync(path.join(directory, "neo4j-local", "Launcher.java"))) return path.join(directory, "neo4j-local");
    if (path.dirname(directory) === directory) return start;
  }
}
