import pino, { type Logger } from "pino";

/** A warning that bursts would repeat: `warn` it each time, `reset` it when the burst is over. */
export interface ThrottledWarning {
  warn(fields?: Record<string, unknown>): void;
  reset(): void;
}

/**
 * Written at once, then at most once per `intervalMs` while it goes on, each time with how many were left unwritten
 * since the last (under `sinceField`): a pool with nothing free, Redis away, or a flood of bad messages is one line
 * per interval, not one per request. After `reset()` the next one is written at once.
 */
export function throttledWarning(
  intervalMs: number,
  sinceField: string,
  write: (fields: Record<string, unknown>) => void,
): ThrottledWarning {
  let lastAt = -Infinity;
  let since = 0;
  return {
    warn(fields = {}) {
      const now = performance.now();
      if (now - lastAt < intervalMs) {
        since += 1;
        return;
      }
      write({ ...fields, ...(since > 0 ? { [sinceField]: since } : {}) });
      lastAt = now;
      since = 0;
    },
    reset() {
      lastAt = -Infinity;
      since = 0;
    },
  };
}

/** JSON logs; credentials never reach them (headers that carry them are redacted). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ["req.headers.authorization", "headers.authorization", "authorization", "*.apiKey", "*.password"],
      censor: "[redacted]",
    },
  });
}
