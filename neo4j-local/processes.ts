/**
 * Process handling shared by the project's local services, neo4j-local and redis-local: a lock file that names its
 * holder, liveness (zombies count as gone), signals, waiting for an exit, ports from the environment, a log's tail.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether the process runs (EPERM: it exists, but belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

/**
 * A detached server whose starter has exited is reaped by init, which may take a second or more after it has
 * finished; until then kill(pid, 0) still succeeds. Linux only (/proc).
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone: that is what we wanted.
  }
}

/** Whether the process exited within `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number, pollMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(pollMs);
  }
  return true;
}

/**
 * Runs fn while holding a lock file that names this process. A lock whose owner has died is taken over, so a killed
 * command never blocks later starts. `label` (e.g. `neo4j-local[test]`) prefixes what it says.
 */
export async function withLock<T>(
  label: string,
  file: string,
  fn: () => Promise<T>,
  options: { timeoutMs: number; pollMs: number },
): Promise<T> {
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + options.timeoutMs;
  let announced = false;
  while (!tryLock(file)) {
    const owner = lockOwner(file);
    if (owner === undefined) continue; // released just now
    if (!isAlive(owner)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${label}: ${file} is held by pid ${owner}`);
    if (!announced) process.stderr.write(`${label}: waiting for pid ${owner} (${path.basename(file)})…\n`);
    announced = true;
    await sleep(options.pollMs);
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}

/** link() is atomic and fails if the target exists, so the lock never appears half-written. */
function tryLock(file: string): boolean {
  const mine = `${file}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  try {
    linkSync(mine, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(mine, { force: true });
  }
}

function lockOwner(file: string): number | undefined {
  try {
    return Number.parseInt(readFileSync(file, "utf8").trim(), 10);
  } catch {
    return undefined;
  }
}

/** A TCP port from `variable`, else `fallback`; anything else than a port is refused. */
export function portFromEnv(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${variable} must be a TCP port, got "${raw}"`);
  }
  return port;
}

/** The last `lines` of a log, or "(no log)". */
export function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
