/**
 * Request budgets for /graphql (express-rate-limit; counted in memory per process, or in Redis across the replicas when
 * REDIS_URL is set: rateLimitStore.ts): anonymous callers per IP address,
 * readers and editors per key (their key's label or their token's subject), with budgets of their own that are higher
 * than the anonymous one and never unlimited. Failed authentication has a budget of its own per address, checked
 * before the credentials are, so that keys cannot be guessed at the speed of the network. Over a budget: 429 with
 * Retry-After, and RATE_LIMITED in the GraphQL-over-HTTP shape.
 */
import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit, type Options, type Store } from "express-rate-limit";
import { viewerOf } from "../auth/http.js";
import { ErrorCode } from "../errors.js";

export interface RateLimitSettings {
  /** Requests per IP and window; 0 is no budget. */
  anonymous: number;
  /** Requests per key and window for readers and editors (at least 1). */
  reader: number;
  editor: number;
  /** Refused credentials per IP and window; past them, requests with credentials are refused unchecked. */
  authFailures: number;
  windowMs: number;
}

function refuse(response: Response, status: number, message: string): void {
  response.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.RateLimited } }] });
}

/** `store`: where the counts are kept (default: this process's memory). */
export function anonymousRateLimit(settings: RateLimitSettings, store?: Store): RequestHandler {
  if (settings.anonymous === 0) return (_request, _response, next) => next();
  return rateLimit({
    ...(store ? { store } : {}),
    windowMs: settings.windowMs,
    limit: settings.anonymous,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    skip: (_request, response) => viewerOf(response).role !== "ANONYMOUS",
    handler: (_request, response, _next, options) => {
      const seconds = Math.ceil(options.windowMs / 1000);
      refuse(
        response,
        options.statusCode,
        `Too many requests: anonymous callers may send ${settings.anonymous} per ${seconds} s from one address. Wait for the time in Retry-After, or send credentials.`,
      );
    },
  });
}

/** Readers' and editors' budget, counted per key whatever address the requests come from. */
export function keyedRateLimit(settings: RateLimitSettings, store?: Store): RequestHandler {
  const limitOf = (response: Response) => (viewerOf(response).role === "EDITOR" ? settings.editor : settings.reader);
  return rateLimit({
    ...(store ? { store } : {}),
    windowMs: settings.windowMs,
    limit: (_request, response) => limitOf(response),
    standardHeaders: "draft-8",
    legacyHeaders: false,
    skip: (_request, response) => viewerOf(response).role === "ANONYMOUS",
    keyGenerator: (_request, response) => {
      const viewer = viewerOf(response);
      return `${viewer.role}:${viewer.id ?? ""}`;
    },
    handler: (_request, response, _next, options) => {
      const seconds = Math.ceil(options.windowMs / 1000);
      refuse(
        response,
        options.statusCode,
        `Too many requests: these credentials may send ${limitOf(response)} per ${seconds} s. Wait for the time in Retry-After.`,
      );
    },
  });
}

/** The most addresses whose failures are remembered; past it, the oldest are forgotten first. */
const MAX_TRACKED_ADDRESSES = 100_000;

/**
 * Failed authentication per address: `check` runs before the credentials are looked at and refuses (429) a request
 * that carries credentials from an address that has used up its failures; `failed` counts one refusal. A window starts
 * at an address's first failure. `store`: counts shared by the replicas (rateLimitStore.ts); else this process's own.
 */
export interface AuthenticationFailures {
  check: RequestHandler;
  failed: (request: Request) => void;
  /** The same by address, for requests outside Express (live updates' WebSocket): whether it may still try, and one refusal. */
  allows: (address: string | undefined) => boolean | Promise<boolean>;
  failedFrom: (address: string | undefined) => void;
}

export function authenticationFailureLimit(settings: RateLimitSettings, store?: Store): AuthenticationFailures {
  if (store) return sharedAuthenticationFailureLimit(settings, store);
  const failures = new Map<string, { count: number; resetAt: number }>();
  const keyOf = (request: Request) => keyOfAddress(request.ip);
  const keyOfAddress = (address: string | undefined) => ipKeyGenerator(address ?? "unknown");
  const current = (key: string, now: number) => {
    const entry = failures.get(key);
    if (entry && entry.resetAt <= now) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    check: (request, response, next) => {
      if (!request.header("authorization")) return next();
      const now = Date.now();
      const entry = current(keyOf(request), now);
      if (entry === undefined || entry.count < settings.authFailures) return next();
      refuseAuthenticationFailures(response, settings, entry.resetAt - now);
    },
    failed: (request) => failedAt(keyOf(request)),
    allows: (address) => {
      const entry = current(keyOfAddress(address), Date.now());
      return entry === undefined || entry.count < settings.authFailures;
    },
    failedFrom: (address) => failedAt(keyOfAddress(address)),
  };

  function failedAt(key: string): void {
    const now = Date.now();
    const entry = current(key, now);
    if (entry) {
      entry.count += 1;
      return;
    }
    if (failures.size >= MAX_TRACKED_ADDRESSES) failures.delete(failures.keys().next().value!);
    failures.set(key, { count: 1, resetAt: now + settings.windowMs });
  }
}

function refuseAuthenticationFailures(response: Response, settings: RateLimitSettings, remainingMs: number): void {
  response.setHeader("retry-after", String(Math.max(1, Math.ceil(remainingMs / 1000))));
  refuse(
    response,
    429,
    `Too many refused credentials from this address: ${settings.authFailures} per ${Math.ceil(settings.windowMs / 1000)} s. ` +
      "Wait for the time in Retry-After before sending credentials again.",
  );
}

/** The same budget with its counts in `store` (a counter per address whose window starts at its first failure). */
function sharedAuthenticationFailureLimit(settings: RateLimitSettings, store: Store): AuthenticationFailures {
  // Only the window is read from the options by the stores used here (rateLimitStore.ts).
  void store.init?.({ windowMs: settings.windowMs } as Options);
  const keyOfAddress = (address: string | undefined) => ipKeyGenerator(address ?? "unknown");
  const keyOf = (request: Request) => keyOfAddress(request.ip);
  const failedAt = (key: string) => {
    Promise.resolve(store.increment(key)).catch(() => undefined);
  };
  return {
    allows: async (address) => {
      const entry = await store.get?.(keyOfAddress(address));
      return entry === undefined || !(entry.totalHits >= settings.authFailures);
    },
    failedFrom: (address) => failedAt(keyOfAddress(address)),
    check: (request, response, next) => {
      if (!request.header("authorization")) return next();
      Promise.resolve(store.get?.(keyOf(request))).then((entry) => {
        // rate-limit-redis reads an absent counter as NaN (node-redis gives null, not false, for a missing key).
        if (entry === undefined || !(entry.totalHits >= settings.authFailures)) return next();
        refuseAuthenticationFailures(response, settings, (entry.resetTime?.getTime() ?? Date.now() + settings.windowMs) - Date.now());
      }, next);
    },
    failed: (request) => failedAt(keyOf(request)),
  };
}
