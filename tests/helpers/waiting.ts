/**
 * Waiting in tests without sleeping: a test waits for a condition (polled, with a deadline that fails it), never for
 * a fixed time that is too short on a busy machine and wasted on a quiet one. Load generators keep a pace of their
 * own (`paced`, `probeUntil`): that is what they measure, not a wait.
 */
import { setTimeout as delay } from "node:timers/promises";

export interface WaitOptions {
  /** Fails the wait after this long. */
  timeoutMs: number;
  /** Time between two checks (default 100 ms). */
  stepMs?: number;
  /** What is awaited, for the error at the deadline. */
  what?: string;
}

/** Polls `condition` until it holds and gives the time it took; throws at the deadline. */
export async function waitFor(condition: () => boolean | Promise<boolean>, options: WaitOptions): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - started;
    if (Date.now() - started > options.timeoutMs) {
      throw new Error(`Not met within ${options.timeoutMs} ms: ${options.what ?? "the condition"}`);
    }
    await delay(options.stepMs ?? 100);
  }
}

/** Polls `read` until it gives a value that is not `undefined`, and gives that value; throws at the deadline. */
export async function waitForValue<T>(read: () => T | undefined | Promise<T | undefined>, options: WaitOptions): Promise<T> {
  let value: T | undefined;
  await waitFor(async () => (value = await read()) !== undefined, options);
  return value!;
}

/** Sends `probe` again and again, `intervalMs` apart, until `done` settles; gives every probe's result. */
export async function probeUntil<T>(done: Promise<unknown>, probe: () => Promise<T>, intervalMs: number): Promise<T[]> {
  let finished = false;
  const settled = done.then(
    () => (finished = true),
    () => (finished = true),
  );
  const results: T[] = [];
  while (!finished) {
    results.push(await probe());
    // The pause ends early when `done` settles.
    await Promise.race([delay(intervalMs), settled]);
  }
  return results;
}

/** Starts `count` calls of `send`, the i-th `i × intervalMs` after the first, and gives their results in order. */
export function paced<T>(count: number, intervalMs: number, send: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      await delay(i * intervalMs);
      return send(i);
    }),
  );
}
