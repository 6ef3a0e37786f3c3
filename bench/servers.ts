/**
 * The contenders as separate processes, so that each one's memory can be read on its own and none shares an event
 * loop with the load generator. Cold start is the time from spawn to the first answer that says ready.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

export type ContenderName = "ours" | "peer" | "raw";

export interface RunningServer {
  name: ContenderName;
  url: string;
  pid: number;
  coldStartMs: number;
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

export async function startServer(name: ContenderName, neo4jUri: string): Promise<RunningServer> {
  const port = await freePort();
  const startedAt = performance.now();
  const child =
    name === "ours"
      ? // Production as the Docker image runs it: the bundle, NODE_ENV=production, request logs on.
        spawn(process.execPath, ["dist/server.mjs"], {
          cwd: root,
          env: {
            ...process.env,
            NODE_ENV: "production",
            HOST: "127.0.0.1",
            PORT: String(port),
            NEO4J_URI: neo4jUri,
            SEED_ON_START: "false",
            // The load generator is one client sending thousands of requests: not what the anonymous budget is for.
            RATE_LIMIT_ANONYMOUS: "0",
          },
          stdio: ["ignore", "ignore", "pipe"],
        })
      : spawn(process.execPath, ["--import", "tsx", `bench/${name}/server.ts`, "--port", String(port), "--neo4j", neo4jUri], {
          cwd: root,
          env: { ...process.env, NODE_ENV: "production" },
          stdio: ["ignore", "pipe", "pipe"],
        });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(name, child, url, () => stderr);
  const coldStartMs = performance.now() - startedAt;
  return {
    name,
    url,
    pid: child.pid!,
    coldStartMs,
    stop: () => stopChild(child),
  };
}

async function waitUntilReady(name: ContenderName, child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  let printedReady = false;
  child.stdout?.on("data", (chunk: Buffer) => (printedReady ||= chunk.toString().includes("ready")));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${stderr()}`);
    if (Date.now() > deadline) throw new Error(`${name} was not ready within 60 s:\n${stderr()}`);
    if (name === "ours") {
      const ready = await fetch(`${url}/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return;
    } else if (printedReady) return;
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
