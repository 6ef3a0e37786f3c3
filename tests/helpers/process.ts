import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  /** The base URL the service logged once it listened. */
  url: string;
  /** Everything it logged so far, one JSON object per line. */
  logs(): Record<string, unknown>[];
  exited: Promise<number | null>;
}

/** Runs the real entry point (`npm start`'s src/main.ts) as its own process, as an operator would. */
export async function spawnService(environment: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "test", PORT: "0", LOG_LEVEL: "info", SHUTDOWN_READINESS_DELAY_MS: "500", ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const logs = () =>
    output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const serving = logs().find((line) => line.msg === "conflict-graph is serving");
    if (serving) return { child, url: String(serving.url).replace(/\/graphql$/, ""), logs, exited };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The service did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, stepMs = 200): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
