/**
 * `npx tsx bench/exportStream.ts [--uri bolt://…] [--export events.csv] [--filter '{"from":"2015-01-01"}']`: streams one
 * export (GET /export/…) of the whole graph from a server in a process of its own (src/main.ts, NODE_ENV=production)
 * and prints its time, bytes, rows, bytes per second and the server's peak resident memory (sampled from
 * /proc/<pid>/status every 50 ms). Load the graph first, e.g. `npx tsx bench/loadDataset.ts --events 100000`.
 * The default database is the local bench instance (`npx tsx neo4j-local/cli.ts start --instance bench`).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { localInstance } from "../neo4j-local/localNeo4j.js";
import { loadEnvFile } from "../src/envFile.js";

loadEnvFile();

const { values } = parseArgs({
  options: {
    uri: { type: "string" },
    export: { type: "string", default: "events.csv" },
    filter: { type: "string" },
  },
});

const root = fileURLToPath(new URL("../", import.meta.url));
const uri = values.uri ?? localInstance("bench").uri;
const say = (line: string) => process.stdout.write(`${line}\n`);

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

/** The resident memory of a process, in bytes (Linux). */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((candidate) => candidate.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? 0) * 1024;
}

const port = await freePort();
const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: String(port),
    NEO4J_URI: uri,
    SEED_ON_START: "false",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const url = `http://127.0.0.1:${port}`;
try {
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${url}/ready`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error("the server did not become ready");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const idle = rssOf(child.pid!);
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 50);
  const started = performance.now();
  const query = values.filter ? `?filter=${encodeURIComponent(values.filter)}` : "";
  const response = await fetch(`${url}/export/${values.export}${query}`);
  if (!response.ok || !response.body) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const mb = (value: number) => `${(value / 1024 / 1024).toFixed(0)} MB`;
  say(
    `export ${values.export}${query ? ` ${values.filter}` : ""}: ${bytes.toLocaleString("en")} bytes, ${lines.toLocaleString("en")} lines`,
  );
  say(
    `time ${seconds.toFixed(1)} s (first byte ${(firstByteMs / 1000).toFixed(2)} s), ${mb(bytes / seconds)}/s, ${Math.round(lines / seconds)} lines/s`,
  );
  say(`server RSS: ${mb(idle)} idle before, ${mb(peak)} peak during the export`);
} finally {
  child.kill("SIGTERM");
}
