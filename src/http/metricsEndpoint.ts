/**
 * Prometheus's scrape endpoint, GET /metrics. It shows the Node version, the heap, statement names and editors'
 * activity, so it is not for everyone: on a port of its own when METRICS_PORT is set (one that need not be exposed
 * where the API is), behind `Authorization: Bearer <METRICS_KEY>` when that is set, and otherwise on the API's port
 * only outside production. METRICS_ENABLED=false serves it nowhere.
 */
import http from "node:http";
import express, { type RequestHandler } from "express";
import type { Logger } from "pino";
import { type ApiKey, matchApiKey } from "../auth/apiKeys.js";
import { ErrorCode } from "../errors.js";
import type { Metrics } from "../metrics.js";
import { httpErrorHandler, notFound, sendHttpError } from "./errors.js";

export function serveMetrics(metrics: Metrics, keys: readonly ApiKey[] = []): RequestHandler {
  return (request, response, next) => {
    if (keys.length > 0) {
      const token = /^Bearer[ \t]+(\S+)\s*$/i.exec(request.header("authorization") ?? "")?.[1];
      if (token === undefined || matchApiKey(keys, token) === undefined) {
        response.setHeader("www-authenticate", "Bearer");
        sendHttpError(response, 401, ErrorCode.Unauthenticated, "/metrics needs Authorization: Bearer <METRICS_KEY>.");
        return;
      }
    }
    metrics.registry.metrics().then((text) => response.type(metrics.registry.contentType).send(text), next);
  };
}

/** A server that answers /metrics only; the caller listens on it. */
export function metricsServer(metrics: Metrics, logger: Logger, keys: readonly ApiKey[] = []): http.Server {
  const app = express();
  app.disable("x-powered-by");
  app.get("/metrics", serveMetrics(metrics, keys));
  app.use(notFound);
  app.use(httpErrorHandler(logger));
  return http.createServer(app);
}
