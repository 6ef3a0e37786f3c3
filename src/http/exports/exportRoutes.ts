/**
 * GET /export/events.csv, /export/events.geojson, /export/incidents.csv and /export/incidents.geojson: every event (or
 * incident) a filter selects, streamed. Mounted behind the same authentication and request budgets as /graphql
 * (app.ts), checked like the GraphQL read it stands for (exportRequest.ts), and holding a heavy slot of admission
 * control while it runs.
 *
 * The database is read by the events' (incidents') keyset, a page of `EXPORT_PAGE_SIZE` at a time, each page one
 * statement; a page is written before the next is read, and the next waits while the client is slower than the
 * server (the socket's buffer is full: back-pressure). A client that goes away stops the loop before its next page.
 * Memory is one page, whatever the export's size.
 */
import { once } from "node:events";
import express, { type Request, type Response, type Router } from "express";
import { GraphQLError, type GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import { viewerOf } from "../../auth/http.js";
import type { Executor } from "../../db/executor.js";
import { ErrorCode } from "../../errors.js";
import type { Metrics } from "../../metrics.js";
import { InvalidInputError } from "../../errors.js";
import type { EventRow, IncidentRow, Page } from "../../model/rows.js";
import type { PageRequest } from "../../model/pagination.js";
import { EventRepository, type EventConditions } from "../../repositories/eventRepository.js";
import { IncidentRepository } from "../../repositories/incidentRepository.js";
import { incidentReportsAhead } from "../../repositories/incidentReportsAhead.js";
import { type Admission, type Release, callerOf } from "../admission.js";
import { formatError } from "../errors.js";
import type { CostLimits } from "../../config.js";
import {
  EVENT_AHEAD,
  EVENT_COLUMNS,
  EVENT_SELECTED,
  INCIDENT_COLUMNS,
  eventLocation,
  eventRecord,
  incidentLocation,
  incidentRecord,
} from "./columns.js";
import { checkedExport, filterParameter, type ExportKind } from "./exportRequest.js";
import { csvWriter, geoJsonWriter, type ExportFormat, type LocatedRecord, type Writer } from "./formats.js";

/**
 * Rows per statement. Larger pages pay fewer round trips; each page is held once as rows and once as text. 200 events
 * with their places, sources and claims are about 40,000 database hits, a second or two on a busy machine: well within a
 * statement's budget (NEO4J_QUERY_TIMEOUT_MS), where 500 came close to it (docs/benchmarks.md, "Exports").
 */
export const EXPORT_PAGE_SIZE = 200;

export interface ExportDependencies {
  /** The served schema (Apollo's), whose EventFilter the filter is coerced against. */
  schema: () => GraphQLSchema;
  executor: Executor;
  admission: Admission;
  costLimits: CostLimits;
  /** Whether error messages keep graphql-js's "Did you mean" hints (as GraphQL's do: with introspection). */
  suggestions: boolean;
  metrics: Metrics;
  logger: Logger;
}

/** The pages of one export, as records to write; stops when `signal` is aborted. */
type Pages = (conditions: EventConditions, signal: AbortSignal) => AsyncGenerator<LocatedRecord[]>;

const pageRequest = (cursor: PageRequest["cursor"]): PageRequest => ({
  direction: "forward",
  size: EXPORT_PAGE_SIZE,
  cursor,
  parts: { total: false, items: true, behind: false },
});

/** Events, oldest first (ties by id), by the `events` connection's own keyset. */
function eventPages(executor: Executor): Pages {
  const events = new EventRepository(executor);
  return async function* (conditions, signal) {
    let cursor: PageRequest["cursor"] = null;
    while (!signal.aborted) {
      const page: Page<EventRow> = (
        await events.pages(
          {
            anchor: { kind: "all" },
            filter: conditions,
            order: "DATE_ASC",
            request: pageRequest(cursor),
            ahead: EVENT_AHEAD,
            selected: EVENT_SELECTED,
          },
          [],
        )
      ).get("")!;
      const rows = page.edges.map((edge) => edge.node);
      yield rows.map((row) => {
        const location = eventLocation(row);
        return { record: eventRecord(row, location), location };
      });
      const last = rows.at(-1);
      if (!page.pageInfo.hasNextPage || !last) return;
      cursor = { order: "DATE_ASC", key: last.date, id: last.id };
    }
  };
}

/** Incidents, newest first (as the `incidents` connection), each with its reports. */
function incidentPages(executor: Executor): Pages {
  const incidents = new IncidentRepository(executor);
  return async function* (conditions, signal) {
    let cursor: PageRequest["cursor"] = null;
    while (!signal.aborted) {
      const page: Page<IncidentRow> = await incidents.page(conditions, pageRequest(cursor));
      const rows = page.edges.map((edge) => edge.node);
      if (signal.aborted) return;
      const reports = await incidentReportsAhead(
        executor,
        rows.map((row) => row.id),
        EVENT_AHEAD,
        EVENT_SELECTED,
      );
      yield rows.map((incident) => {
        const own = reports.get(incident.id) ?? [];
        const location = incidentLocation(own);
        return { record: incidentRecord({ incident, reports: own }, location), location };
      });
      const last = rows.at(-1);
      if (!page.pageInfo.hasNextPage || !last) return;
      cursor = { order: "INCIDENT_DATE_DESC", key: last.date, id: last.id };
    }
  };
}

/** The HTTP status of a refusal: the one it carries, else by its code. */
function statusOf(error: GraphQLError): number {
  const http = error.extensions.http as { status?: number } | undefined;
  if (typeof http?.status === "number") return http.status;
  switch (error.extensions.code) {
    case ErrorCode.BadUserInput:
    case ErrorCode.QueryTooComplex:
      return 400;
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.ServiceUnavailable:
    case ErrorCode.DatabaseOutOfMemory:
      return 503;
    case ErrorCode.QueryTimeout:
      return 504;
    default:
      return 500;
  }
}

/** Writes `text`, then waits while the client's socket buffer is full; rejects when the client has gone. */
async function send(response: Response, text: string, signal: AbortSignal): Promise<number> {
  if (text === "") return 0;
  if (!response.write(text)) await once(response, "drain", { signal });
  return Buffer.byteLength(text);
}

export function exportRoutes(dependencies: ExportDependencies): Router {
  const router = express.Router();
  const format = formatError({ suggestions: dependencies.suggestions });
  const pages: Record<ExportKind, Pages> = { events: eventPages(dependencies.executor), incidents: incidentPages(dependencies.executor) };
  const writers: Record<ExportFormat, (kind: ExportKind) => Writer> = {
    csv: (kind) => csvWriter(kind === "events" ? EVENT_COLUMNS : INCIDENT_COLUMNS),
    geojson: () => geoJsonWriter(),
  };

  /** A refusal before anything was written: the GraphQL error shape, formatted as GraphQL's are. */
  const refuse = (response: Response, error: unknown) => {
    const coded =
      error instanceof GraphQLError
        ? error
        : new GraphQLError(error instanceof Error ? error.message : "Internal server error", {
            originalError: error instanceof Error ? error : undefined,
          });
    if (!(error instanceof GraphQLError) && !(error instanceof InvalidInputError)) {
      dependencies.logger.error({ err: error, requestId: response.locals.requestId as unknown }, "export failed");
    }
    const { http: _http, ...extensions } = coded.extensions;
    const formatted = format({ message: coded.message, extensions }, coded);
    const status = error instanceof InvalidInputError ? 400 : statusOf(coded);
    const headers = (coded.extensions.http as { headers?: Map<string, string> } | undefined)?.headers;
    for (const [name, value] of headers ?? []) response.setHeader(name, value);
    response.status(status).json({ errors: [formatted] });
  };

  for (const kind of ["events", "incidents"] as const) {
    for (const type of ["csv", "geojson"] as const) {
      router.get(`/${kind}.${type}`, (request, response) => {
        void serve(request, response, kind, writers[type](kind), type);
      });
    }
  }

  async function serve(request: Request, response: Response, kind: ExportKind, writer: Writer, type: ExportFormat): Promise<void> {
    const viewer = viewerOf(response);
    let release: Release | undefined;
    const controller = new AbortController();
    const gone = () => {
      if (!response.writableFinished) controller.abort();
    };
    response.on("close", gone);
    const started = performance.now();
    let rows = 0;
    let bytes = 0;
    try {
      const checked = checkedExport(
        dependencies.schema(),
        kind,
        filterParameter(request.query.filter),
        viewer.role,
        dependencies.costLimits,
      );
      release = await dependencies.admission.acquire(callerOf(viewer.id, request.ip), checked.weight);
      if (controller.signal.aborted) return;
      dependencies.metrics.exportsInProgress.inc({ export: kind });
      try {
        const stream = pages[kind](checked.conditions, controller.signal);
        // The first page is read before the status is sent, so that a database that cannot answer is a coded 503.
        const first = await stream.next();
        response.status(200);
        response.setHeader("content-type", writer.contentType);
        response.setHeader("content-disposition", `attachment; filename="${kind}.${type}"`);
        response.setHeader("cache-control", "no-store");
        response.setHeader("x-content-type-options", "nosniff");
        if (request.method === "HEAD") {
          response.end();
          return;
        }
        bytes += await send(response, writer.head(), controller.signal);
        let page = first;
        while (!page.done && !controller.signal.aborted) {
          bytes += await send(response, writer.page(page.value, rows === 0), controller.signal);
          rows += page.value.length;
          page = await stream.next();
        }
        if (controller.signal.aborted) return;
        bytes += await send(response, writer.tail(), controller.signal);
        response.end();
      } finally {
        dependencies.metrics.exportsInProgress.dec({ export: kind });
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      if (!response.headersSent) {
        refuse(response, error);
        return;
      }
      // Past the status line nothing can be said in the body: the connection is cut, so that the client sees an
      // incomplete download instead of a file that looks whole.
      dependencies.logger.error({ err: error, requestId: response.locals.requestId as unknown, rows }, "export failed midway");
      response.destroy();
    } finally {
      release?.();
      response.off("close", gone);
      dependencies.logger.info(
        {
          requestId: response.locals.requestId as unknown,
          export: `${kind}.${type}`,
          rows,
          bytes,
          ms: Math.round(performance.now() - started),
          stopped: controller.signal.aborted,
        },
        "export",
      );
    }
  }

  return router;
}
