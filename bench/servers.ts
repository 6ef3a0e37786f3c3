/**
 * The contenders as separate processes, so that each one's memory can be read on its own and none shares an event
 * loop with the load generator. All run alike: a bundle under `node` (ours: dist/server.mjs, what the Docker image
 * runs; the peers and raw: dist/bench/*.mjs, bench/build.ts), NODE_ENV=production, the same driver options, one
 * JSON log line per request to stdout, which goes to a file per contender in bench/results/logs/. Each listens on
 * an ephemeral loopback port. Cold start is the time from spawn to the first 200 from `GET /ready`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/** `tunedAuto`: the tuned peer with its reads auto-committed (bench/peer/server.ts `--auto-commit`, not documented). */
export type ContenderName = "ours" | "peer" | "tuned" | "tunedAuto" | "raw";

export const contenderTitles: Record<ContenderName, string> = {
  ours: "ours",
  peer: "library, out of the box",
  tuned: "library, tuned",
  tunedAuto: "library, tuned, auto-commit",
  raw: "raw Cypher",
};

export interface RunningServer {
  name: ContenderName;
  url: string;
  pid: number;
  coldStartMs: number;
  /** Why the process ended, when it ended before `stop` (a signal from outside, a crash); null while it runs. */
  ended(): string | null;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the benchmark must not collide with a development server). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const programs: Record<ContenderName, (port: number, neo4jUri: string) => string[]> = {
  ours: () => ["dist/server.mjs"],
  peer: (port, uri) => ["dist/bench/peer.mjs", "--port", String(port), "--neo4j", uri],
  tuned: (port, uri) => ["dist/bench/peer.mjs", "--port", String(port), "--neo4j", uri, "--tuned"],
  tunedAuto: (port, uri) => ["dist/bench/peer.mjs", "--port", String(port), "--neo4j", uri, "--tuned", "--auto-commit"],
  raw: (port, uri) => ["dist/bench/raw.mjs", "--port", String(port), "--neo4j", uri],
};

/** A variant of a contender (bench/variants.ts): its own settings, its own bundle if given, and a log file of its own. */
export interface ServerVariant {
  label: string;
  env: Readonly<Record<string, string>>;
  /** Another build of the program (another commit's dist/server.mjs), relative to the project or absolute. */
  bundle?: string;
}

export async function startServer(
  name: ContenderName,
  neo4jUri: string,
  logDirectory: string,
  variant?: ServerVariant,
): Promise<RunningServer> {
  const port = await freePort();
  mkdirSync(logDirectory, { recursive: true });
  const log = openSync(`${logDirectory}/${variant?.label ?? name}.log`, "a");
  const startedAt = performance.now();
  const [program, ...args] = programs[name](port, neo4jUri);
  const child = spawn(process.execPath, [variant?.bundle ?? program!, ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      HOST: "127.0.0.1",
      PORT: String(port),
      NEO4J_URI: neo4jUri,
      SEED_ON_START: "false",
      // The load generator is one client sending thousands of requests: not what the anonymous budget is for.
      RATE_LIMIT_ANONYMOUS: "0",
      ...variant?.env,
    },
    stdio: ["ignore", log, "pipe"],
  });
  closeSync(log);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(name, child, url, () => stderr);
  const coldStartMs = performance.now() - startedAt;
  let stopping = false;
  let ended: string | null = null;
  child.once("exit", (code, signal) => {
    if (!stopping) ended = signal ? `ended by ${signal}` : `exited with ${code}`;
  });
  const stop = () => ((stopping = true), stopChild(child));
  return { name, url, pid: child.pid!, coldStartMs, ended: () => ended, stop };
}

async function waitUntilReady(name: ContenderName, child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${stderr()}`);
    if (Date.now() > deadline) throw new Error(`${name} was not ready within 60 s:\n${stderr()}`);
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}
