/**
 * The command line as a developer runs it: `npm run db:status` says which instance, port, data folder and pid it
 * checked, and `npm run load` targets the server on PORT without being told its URL.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { localInstance } from "../../neo4j-local/localNeo4j.js";
import { projectRoot } from "../../src/paths.js";
import { useServer } from "../helpers/server.js";

const run = promisify(execFile);

async function command(file: string, args: string[], environment: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", file, ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...environment },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run db:status", () => {
  const instance = localInstance("test");
  const local = inject("neo4jUri") === instance.uri;

  it.runIf(local)("names the instance, port, data folder and pid it checked", async () => {
    const pid = readFileSync(join(instance.dataDir, "neo4j-local.pid"), "utf8").trim();
    const { code, stdout } = await command("neo4j-local/cli.ts", ["status", "--instance", "test"]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `neo4j-local[test]: running; port ${instance.port} (bolt://127.0.0.1:${instance.port}); pid ${pid}; data ${instance.dataDir}\n`,
    );
  });

  it("says which port and data folder it found stopped, and exits with 3", async () => {
    // A port nothing of this project uses: its own data folder, with no pid file.
    const port = String(instance.port + 97);
    const { code, stdout } = await command("neo4j-local/cli.ts", ["status", "--instance", "test"], { NEO4J_TEST_PORT: port });
    expect(code).toBe(3);
    expect(stdout).toBe(
      `neo4j-local[test]: stopped; port ${port} (bolt://127.0.0.1:${port}); no live pid; data ${localInstance("test", Number(port)).dataDir}\n`,
    );
  });
});

describe("npm run load", () => {
  const server = useServer();

  it("targets the server on PORT when no --url is given", async () => {
    const port = new URL(server.url).port;
    const before = await server.queriesSent();
    const { code, stdout, stderr } = await command("scripts/httpLoad.ts", ["--connections", "2", "--duration", "3"], { PORT: port });
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as { url: string; errorRate: number };
    expect(result.url).toBe(server.url);
    expect(result.errorRate).toBe(0);
    // The requests reached this server (how many finish in 3 s depends on the machine's load).
    expect(await server.queriesSent()).toBeGreaterThan(before);
  });
});
