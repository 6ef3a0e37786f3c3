/**
 * The anonymous request budget: each IP address may send so many requests to /graphql per window
 * (express-rate-limit, in memory, per process). Callers with credentials are accountable and skip it. Over
 * the budget: 429 with Retry-After, and a coded error in the GraphQL-over-HTTP shape.
 */
import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { viewerOf } from "../auth/http.js";
import { ErrorCode } from "../errors.js";

export interface RateLimitSettings {
  /** Requests per IP and window; 0 is no budget. */
  anonymous: number;
  windowMs: number;
}

export function anonymousRateLimit(settings: RateLimitSettings): RequestHandler {
  if (settings.anonymous === 0) return (_request, _response, next) => next();
  return rateLimit({
    windowMs: settings.windowMs,
    limit: settings.anonymous,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    skip: (_request, response) => viewerOf(response).role !== "ANONYMOUS",
    handler: (_request, response, _next, options) => {
      const seconds = Math.ceil(options.windowMs / 1000);
      response.status(options.statusCode).json({
        errors: [
          {
            message: `Too many requests: anonymous callers may send ${settings.anonymous} per ${seconds} s from one address. Wait for the time in Retry-After, or send credentials.`,
            extensions: { code: ErrorCode.RateLimited },
          },
        ],
      });
    },
  });
}
