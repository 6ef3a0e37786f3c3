/**
 * tsx redis-local/cli.ts start|stop|status [--instance dev|test]
 *
 * npm scripts: redis:start, redis:stop, redis:status (pass options after `--`, e.g.
 * `npm run redis:start -- --instance test`). Exit codes: 0 ok (status: running), 1 failure,
 * 2 usage error, 3 status: not running. Progress goes to stderr, status answers to stdout.
 */
import { loadEnvFile } from "../src/envFile.js";
import {
  localRedisInstance,
  localRedisStatus,
  redisPortVariable,
  startLocalRedis,
  stopLocalRedis,
  type RedisInstanceName,
} from "./localRedis.js";

const USAGE = "usage: tsx redis-local/cli.ts start|stop|status [--instance dev|test]";
const INSTANCES: readonly RedisInstanceName[] = ["dev", "test"];
const COMMANDS = ["start", "stop", "status"] as const;
type Command = (typeof COMMANDS)[number];

function parse(argv: string[]): { command: Command; instance: RedisInstanceName } | string {
  let command: Command | undefined;
  let instance: RedisInstanceName = "dev";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--instance" || arg.startsWith("--instance=")) {
      const value = arg.includes("=") ? arg.slice("--instance=".length) : argv[++i];
      const known = INSTANCES.find((name) => name === value);
      if (!known) return `unknown instance: ${value ?? "(missing)"}`;
      instance = known;
    } else if (command === undefined && COMMANDS.some((c) => c === arg)) {
      command = arg as Command;
    } else {
      return `unexpected argument: ${arg}`;
    }
  }
  if (command === undefined) return "missing command";
  return { command, instance };
}

async function main(): Promise<number> {
  loadEnvFile();
  const invocation = parse(process.argv.slice(2));
  if (typeof invocation === "string") {
    process.stderr.write(`${invocation}\n${USAGE}\n`);
    return 2;
  }
  const instance = localRedisInstance(invocation.instance);
  switch (invocation.command) {
    case "start": {
      const status = await startLocalRedis(instance);
      process.stdout.write(`redis-local[${instance.name}]: running; ${status.url}; pid ${status.pid ?? "?"}; folder ${status.dataDir}\n`);
      return 0;
    }
    case "stop":
      await stopLocalRedis(instance);
      return 0;
    case "status": {
      const status = await localRedisStatus(instance);
      const state = status.running ? "running" : status.pid ? "not answering PING" : "stopped";
      const pid = status.pid ? `pid ${status.pid}` : "no live pid";
      process.stdout.write(`redis-local[${instance.name}]: ${state}; ${status.url}; ${pid}; folder ${status.dataDir}\n`);
      if (status.port !== instance.port) {
        process.stdout.write(
          `  this instance was started on port ${status.port}, but the configured port is ${instance.port}: ` +
            `set ${redisPortVariable(instance.name)}=${status.port} (e.g. in .env) so that every command finds it\n`,
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
