import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { waitForValue } from "./waiting.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  /** The base URL the service logged once it listened. */
  url: string;
  /** Everything it logged so far, one JSON object per line. */
  logs(): Record<string, unknown>[];
  /** Everything it wrote so far to stdout and stderr, as written. */
  output(): string;
  /** Its exit code, once it has exited and its output has all been read. */
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
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const logs = () =>
    output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const serving = await waitForValue(
    () => {
      if (child.exitCode !== null) throw new Error("it exited");
      return logs().find((line) => line.msg === "conflict-graph is serving");
    },
    { timeoutMs: 60_000, what: 'the service\'s line "conflict-graph is serving"' },
  ).catch((error: Error) => {
    child.kill("SIGKILL");
    throw new Error(`The service did not start (${error.message}):\n${output}`);
  });
  return { child, url: String(serving.url).replace(/\/graphql$/, ""), logs, output: () => output, exited };
}
