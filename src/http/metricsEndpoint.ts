/**
 * Prometheus's scrape endpoint, GET /metrics: on the API's own port by default, on a port of its own when
 * METRICS_PORT is set (so that it need not be exposed where the API is), or nowhere when METRICS_ENABLED=false.
 */
import http from "node:http";
import express, { type RequestHandler } from "express";
import type { Logger } from "pino";
import type { Metrics } from "../metrics.js";
import { httpErrorHandler, notFound } from "./errors.js";

export function serveMetrics(metrics: Metrics): RequestHandler {
  return (_request, response, next) => {
    metrics.registry.metrics().then((text) => response.type(metrics.registry.contentType).send(text), next);
  };
}

/** A server that answers /metrics only; the caller listens on it. */
export function metricsServer(metrics: Metrics, logger: Logger): http.Server {
  const app = express();
  app.disable("x-powered-by");
  app.get("/metrics", serveMetrics(metrics));
  app.use(notFound);
  app.use(httpErrorHandler(logger));
  return http.createServer(app);
}
