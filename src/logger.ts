import pino, { type Logger } from "pino";

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
