/**
 * CORS: lets a browser app served on another origin call /graphql, /export, /health and /ready, when its origin is
 * listed in CORS_ORIGINS (none is by default). Mounted before authentication and the request budgets: a preflight
 * carries no credentials, so it must neither answer 401 nor spend the anonymous budget; it is answered here, without
 * touching the database. Why this fits with Apollo's CSRF prevention: SECURITY.md, "Cross-origin requests and CSRF".
 *
 * Written here rather than with the `cors` package: that package writes `Access-Control-Allow-Credentials`,
 * `-Methods` and `-Headers` whatever the origin, and passes a refused origin's preflight on to the next handler (here
 * Apollo's CSRF 400), so the allow-list check and the refusal would be ours anyway; what is left is six headers.
 */
import type { RequestHandler } from "express";
import { ErrorCode } from "../errors.js";
import { sendHttpError } from "./errors.js";

/** The methods the API serves: queries by GET or POST, mutations by POST. */
export const CORS_METHODS = ["GET", "POST", "OPTIONS"] as const;

/**
 * The request headers a listed origin may send: JSON bodies, credentials, Apollo's CSRF headers (Apollo Client sets
 * `x-apollo-operation-name` and `apollo-require-preflight`, and its client-awareness headers), and a request id to
 * follow a request through the logs. `accept` is safelisted by browsers for short values only, so it is listed too.
 */
export const CORS_REQUEST_HEADERS = [
  "accept",
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "apollographql-client-name",
  "apollographql-client-version",
  "x-request-id",
] as const;

/** Response headers a listed origin's script may read: the budgets' (429s), the request id, a download's file name. */
export const CORS_EXPOSED_HEADERS = ["retry-after", "ratelimit", "ratelimit-policy", "x-request-id", "content-disposition"] as const;

/** How long a browser may reuse a preflight's answer: 2 hours, Chromium's own cap (Firefox allows a day). */
export const CORS_MAX_AGE_SECONDS = 7_200;

/**
 * The CORS handler for the listed origins (exact `scheme://host[:port]` strings, as browsers send `Origin`).
 * - A listed origin: its preflight is answered 204 with the `Access-Control-Allow-*` headers, credentials included;
 *   its other requests go on, with `Access-Control-Allow-Origin` echoing it and credentials allowed.
 * - Any other origin: no CORS header at all, so the browser keeps the answer from the page. Its preflight is answered
 *   403 `CORS_ORIGIN_NOT_ALLOWED` (the browser refuses, and the network panel says why); its other requests go on
 *   unchanged, since same-origin pages (the playground, the explorer) send `Origin` too and non-browser clients are
 *   not held by CORS at all. Apollo's CSRF prevention still refuses what a cross-site form or simple request sends.
 */
export function crossOrigin(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (request, response, next) => {
    // The answer depends on Origin: caches must keep one per origin.
    response.vary("Origin");
    const origin = request.header("origin");
    const preflight = request.method === "OPTIONS" && origin !== undefined && request.header("access-control-request-method") !== undefined;
    if (origin === undefined || !allowed.has(origin)) {
      if (preflight) {
        sendHttpError(
          response,
          403,
          ErrorCode.CorsOriginNotAllowed,
          `Requests from the origin ${origin.slice(0, 100)} are not allowed: CORS_ORIGINS lists the origins that may call this API from a browser.`,
        );
        return;
      }
      next();
      return;
    }
    response.set({ "access-control-allow-origin": origin, "access-control-allow-credentials": "true" });
    if (preflight) {
      response.set({
        "access-control-allow-methods": CORS_METHODS.join(", "),
        "access-control-allow-headers": CORS_REQUEST_HEADERS.join(", "),
        "access-control-max-age": String(CORS_MAX_AGE_SECONDS),
      });
      response.status(204).end();
      return;
    }
    response.set("access-control-expose-headers", CORS_EXPOSED_HEADERS.join(", "));
    next();
  };
}
