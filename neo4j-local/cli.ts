/**
 * tsx neo4j-local/cli.ts start|stop|status [--instance dev|test|bench] [--plugins]
 *
 * npm scripts: db:start, db:stop, db:status (pass options after `--`, e.g.
 * `npm run db:start -- --instance test`). Exit codes: 0 ok (status: running), 1 failure,
 * 2 usage error, 3 status: not running. Progress goes to stderr, status answers to stdout.
 * `--plugins` (start only) loads APOC core, fetching it on first use (the benchmark needs it).
 */
import { loadEnvFile } from "../src/envFile.js";
import { localInstance, localNeo4jStatus, portVariable, startLocalNeo4j, stopLocalNeo4j, type InstanceName } from "./localNeo4j.js";

const USAGE = "usage: tsx neo4j-local/cli.ts start|stop|status [--instance dev|test|bench] [--plugins]";
const INSTANCES: readonly InstanceName[] = ["dev", "test", "bench"];
const COMMANDS = ["start", "stop", "status"] as const;
type Command = (typeof COMMANDS)[number];

interface Invocation {
  command: Command;
  instance: InstanceName;
  plugins: boolean;
}

function parse(argv: string[]): Invocation | string {
  let command: Command | undefined;
  let instance: InstanceName = "dev";
  let plugins = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--instance" || arg.startsWith("--instance=")) {
      const value = arg.includes("=") ? arg.slice("--instance=".length) : argv[++i];
      const known = INSTANCES.find((name) => name === value);
      if (!known) return `unknown instance: ${value ?? "(missing)"}`;
      instance = known;
    } else if (arg === "--plugins") {
      plugins = true;
    } else if (command === undefined && COMMANDS.some((c) => c === arg)) {
      command = arg as Command;
    } else {
      return `unexpected argument: ${arg}`;
    }
  }
  if (command === undefined) return "missing command";
  if (plugins && command !== "start") return "--plugins goes with start";
  return { command, instance, plugins };
}

async function main(): Promise<number> {
  loadEnvFile();
  const invocation = parse(process.argv.slice(2));
  if (typeof invocation === "string") {
    process.stderr.write(`${invocation}\n${USAGE}\n`);
    return 2;
  }
  const instance = localInstance(invocation.instance);
  switch (invocation.command) {
    case "start": {
      const status = await startLocalNeo4j(instance, { plugins: invocation.plugins });
      process.stdout.write(
        `neo4j-local[${instance.name}]: running; port ${status.port} (${status.uri}); pid ${status.pid ?? "?"}; data ${status.dataDir}\n`,
      );
      return 0;
    }
    case "stop":
      await stopLocalNeo4j(instance);
      return 0;
    case "status": {
      const status = await localNeo4jStatus(instance);
      const state = status.running ? "running" : status.pid ? "not answering on Bolt" : "stopped";
      const pid = status.pid ? `pid ${status.pid}` : "no live pid";
      process.stdout.write(
        `neo4j-local[${instance.name}]: ${state}; port ${status.port} (${status.uri}); ${pid}; data ${status.dataDir}\n`,
      );
      if (status.port !== instance.port) {
        process.stdout.write(
          `  this instance was started on port ${status.port}, but the configured port is ${instance.port}: ` +
            `set ${portVariable(instance.name)}=${status.port} (e.g. in .env) so that every command finds it\n`,
        );
      }
      return status.running ? 0 : 3;
    }
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
