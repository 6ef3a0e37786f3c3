/**
 * Live updates: `Subscription.eventsChanged` over WebSocket with the graphql-ws protocol, on the HTTP server and path
 * of queries (/graphql), as Apollo documents it (a `ws` server beside Apollo, graphql-ws's `useServer`). Each
 * subscription is checked as a query is (size, tokens, repeated fields, depth, aliases, directives, cost, variables,
 * the filter) before it listens; a connection authenticates once, with `connectionParams.authorization` read as
 * HTTP reads the Authorization header. Every wait is bounded: connections per caller and in all, subscriptions per
 * connection, notices waiting per subscription, bytes unsent per socket.
 */
import type { IncomingMessage, Server } from "node:http";
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  OperationTypeNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer, type WebSocket } from "ws";
import { createAuthenticator, type AuthSettings } from "../auth/authenticate.js";
import type { Viewer } from "../auth/viewer.js";
import type { CostLimits } from "../config.js";
import { ErrorCode } from "../errors.js";
import type { Context } from "../graphql/context.js";
import type { ChangeBus } from "../live/changeBus.js";
import { callerOf } from "./admission.js";
import { queryCost, tooExpensive } from "./queryCost.js";
import type { AuthenticationFailures } from "./rateLimit.js";
import { checkRepeatedFields } from "./repeatedFields.js";
import { documentTooLargeMessage } from "./requestShape.js";

/** The close codes of a live connection, beside graphql-ws's own (4400 bad message, 4408 no init in time, …). */
export const LiveCloseCode = {
  /** Credentials refused, or none where reading needs them. */
  Unauthorized: 4401,
  /** Too many refused credentials from this address (the failed-authentication budget HTTP also counts). */
  TooManyAuthenticationFailures: 4429,
  /** Too many connections, of this caller or in all: try again later (graphql-ws's client retries it). */
  TooManyConnections: 1013,
  /** The client read too slowly: notices or unsent bytes passed their bound, and it was dropped. */
  SlowConsumer: 4008,
} as const;

export interface LiveSettings {
  maxConnections: number;
  maxConnectionsPerCaller: number;
  maxSubscriptionsPerConnection: number;
  queueNotices: number;
  maxBufferedBytes: number;
}

export interface LiveUpdatesOptions {
  server: Server;
  /** The schema Apollo serves (with its resolvers), once Apollo has started. */
  schema: () => GraphQLSchema;
  /** The query limits that run as validation rules (graphql-armor's depth, aliases, directives). */
  validationRules: readonly ValidationRule[];
  limits: { tokens: number; documentBytes: number; repeatedFields: number; cost: CostLimits };
  settings: LiveSettings;
  auth: AuthSettings;
  failures: Pick<AuthenticationFailures, "allows" | "failedFrom">;
  /** The client's address as HTTP requests' `req.ip` reads it (proxies trusted as configured). */
  addressOf: (request: IncomingMessage) => string | undefined;
  /** A context of its own for each message: fresh repositories and loaders, as each HTTP request gets. */
  contextFor: (viewer: Viewer, caller: string) => Context;
  changes: ChangeBus;
  /** CORS_ORIGINS: besides the API's own origin, the browser origins that may open a live connection. */
  allowedOrigins: readonly string[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}

export interface LiveUpdates {
  /** Live connections now open (for tests and metrics). */
  connections(): number;
  /** Subscriptions listening to the change bus now. */
  listeners(): number;
  /** Connections dropped as slow consumers since the start. */
  dropped(): number;
  /** Closes every live connection (1001 going away) and stops accepting new ones. */
  stop(): Promise<void>;
}

interface Connection {
  viewer: Viewer;
  caller: string;
}

/** The graphql-ws close reason is at most 123 bytes; ours are written shorter than that. */
function close(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
}

/** Over WebSocket only subscriptions are served: queries and mutations go over HTTP, where their budgets are counted. */
function subscriptionsOnly(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === OperationTypeNode.SUBSCRIPTION) return;
      context.reportError(
        new GraphQLError(`Only subscriptions are served over WebSocket; send a ${node.operation} over HTTP to /graphql.`, {
          nodes: node,
          extensions: { code: ErrorCode.BadRequest },
        }),
      );
    },
  };
}

const coded = (message: string, code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions } });

/** Whether a browser's Origin names the host the request was sent to (the API's own pages). */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function serveLiveUpdates(options: LiveUpdatesOptions): LiveUpdates {
  const { settings, limits } = options;
  const allowedOrigins = new Set(options.allowedOrigins);
  let listening = 0;
  let dropped = 0;
  /** Drops a client that reads too slowly; the close frame follows what is already unsent (ws destroys it within 30 s). */
  const dropSlow = (socket: WebSocket, reason: string) => {
    if (socket.readyState !== socket.OPEN) return;
    dropped += 1;
    close(socket, LiveCloseCode.SlowConsumer, reason);
  };
  const changes: ChangeBus = {
    publish: (notice) => options.changes.publish(notice),
    subscribe: (listener) => {
      listening += 1;
      const stop = options.changes.subscribe(listener);
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        listening -= 1;
        stop();
      };
    },
    close: () => options.changes.close(),
  };
  const authenticate = createAuthenticator(options.auth);
  const connections = new Map<WebSocket, Connection>();
  const perCaller = new Map<string, number>();
  // Sources made while a subscription was checked (onSubscribe), taken by `subscribe` for the same operation.
  const sources = new WeakMap<object, AsyncIterable<unknown>>();
  const wss = new WebSocketServer({
    server: options.server,
    path: "/graphql",
    // A subscribe message is a document within MAX_QUERY_BYTES and its variables; nothing larger is read.
    maxPayload: Math.max(64 * 1024, limits.documentBytes * 2),
    // A browser opens a WebSocket to any origin without a preflight: as CORS does for HTTP, only a page on the API's
    // own origin or a listed one may; clients outside browsers send no Origin and are held by credentials and limits.
    verifyClient: (
      { origin, req }: { origin?: string; req: IncomingMessage },
      done: (ok: boolean, code?: number, message?: string) => void,
    ) => {
      if (origin === undefined || allowedOrigins.has(origin) || sameHost(origin, req.headers.host)) return done(true);
      done(false, 403, "This origin may not open live connections: CORS_ORIGINS lists the origins that may.");
    },
  });
  // Before graphql-ws's own listener: a server that holds its most connections refuses the next at once.
  wss.on("connection", (socket) => {
    if (wss.clients.size > settings.maxConnections) {
      close(
        socket,
        LiveCloseCode.TooManyConnections,
        `The server holds its most live connections (${settings.maxConnections}); try again later.`,
      );
    }
  });

  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => {
      const formatted = options.formatError(error.toJSON(), error);
      if (formatted.extensions?.code === ErrorCode.InternalServerError) {
        options.logger.error({ err: error.originalError ?? error }, "internal error in a live subscription");
      }
      return formatted;
    });

  /** The checks a query passes over HTTP, for a subscription: its execution arguments, or why it is refused. */
  function checked(payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }, viewer: Viewer) {
    const schema = options.schema();
    if (typeof payload.query !== "string") return [coded("The subscription has no query.", ErrorCode.BadRequest)];
    const bytes = Buffer.byteLength(payload.query);
    if (bytes > limits.documentBytes) {
      return [
        coded(documentTooLargeMessage(bytes, limits.documentBytes), ErrorCode.DocumentTooLarge, {
          maximumBytes: limits.documentBytes,
        }),
      ];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: limits.tokens });
    } catch (error) {
      return [coded(error instanceof Error ? error.message.replace(/^Syntax Error: /, "") : "Unparsable query.", "GRAPHQL_PARSE_FAILED")];
    }
    try {
      checkRepeatedFields(document, limits.repeatedFields);
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    const invalid = validate(schema, document, [...specifiedRules, ...options.validationRules, subscriptionsOnly]);
    if (invalid.length > 0) {
      return invalid.map((error) =>
        error.extensions.code
          ? error
          : new GraphQLError(error.message, {
              nodes: error.nodes ?? null,
              source: error.source ?? null,
              positions: error.positions ?? null,
              originalError: error,
              extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
            }),
      );
    }
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) {
      return [coded("The document names no operation of that name, or several without an operationName.", "OPERATION_RESOLUTION_FAILURE")];
    }
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
    if (variables.errors) return variables.errors.map((error) => coded(error.message, ErrorCode.BadUserInput));
    const cost = queryCost(schema, document, payload.variables ?? {}, payload.operationName ?? undefined);
    const maximum = limits.cost[viewer.role];
    if (cost > maximum) return [tooExpensive(cost, maximum)];
    return {
      schema,
      document,
      variableValues: payload.variables ?? {},
      operationName: payload.operationName ?? null,
    } satisfies ExecutionArgs;
  }

  const disposable = useServer<Record<string, unknown> | undefined>(
    {
      schema: () => options.schema(),
      connectionInitWaitTimeout: 3_000,
      onConnect: async (ctx) => {
        const { socket, request } = ctx.extra;
        const address = options.addressOf(request);
        const params = ctx.connectionParams ?? {};
        const given: unknown = params.authorization ?? params.Authorization;
        if (given !== undefined && typeof given !== "string") {
          options.failures.failedFrom(address);
          close(socket, LiveCloseCode.Unauthorized, "connectionParams.authorization must be a string: `Bearer <key or token>`.");
          return false;
        }
        if (given !== undefined && given.trim() !== "" && !(await options.failures.allows(address))) {
          close(
            socket,
            LiveCloseCode.TooManyAuthenticationFailures,
            "Too many refused credentials from this address; wait before trying again.",
          );
          return false;
        }
        const result = await authenticate(given);
        if (!result.ok) {
          options.failures.failedFrom(address);
          close(socket, LiveCloseCode.Unauthorized, result.message);
          return false;
        }
        if (options.auth.readRequiresKey && result.viewer.role === "ANONYMOUS") {
          close(socket, LiveCloseCode.Unauthorized, "This server requires credentials: send connectionParams.authorization.");
          return false;
        }
        const caller = callerOf(result.viewer.id, address);
        const open = perCaller.get(caller) ?? 0;
        if (open >= settings.maxConnectionsPerCaller) {
          close(
            socket,
            LiveCloseCode.TooManyConnections,
            `Too many live connections for this caller: at most ${settings.maxConnectionsPerCaller}.`,
          );
          return false;
        }
        perCaller.set(caller, open + 1);
        connections.set(socket, { viewer: result.viewer, caller });
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return;
        connections.delete(ctx.extra.socket);
        const left = (perCaller.get(connection.caller) ?? 1) - 1;
        if (left > 0) perCaller.set(connection.caller, left);
        else perCaller.delete(connection.caller);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const { socket } = ctx.extra;
        const connection = connections.get(socket);
        if (!connection) return [coded("The connection is not authenticated.", ErrorCode.Unauthenticated)];
        // graphql-ws has counted this subscription already.
        const open = Object.keys(ctx.subscriptions).length;
        if (open > settings.maxSubscriptionsPerConnection) {
          return [
            coded(
              `This connection holds ${settings.maxSubscriptionsPerConnection} subscriptions, the most one may; complete one first or open another connection.`,
              ErrorCode.RateLimited,
              { maximumSubscriptions: settings.maxSubscriptionsPerConnection },
            ),
          ];
        }
        const args = checked(payload, connection.viewer);
        if (Array.isArray(args)) return args;
        const contextValue: Context = {
          ...options.contextFor(connection.viewer, connection.caller),
          live: {
            changes,
            maxWaiting: settings.queueNotices,
            overflowed: () => dropSlow(socket, `Slow consumer: more than ${settings.queueNotices} change notices were waiting.`),
          },
        };
        // The source is made here, so that a refusal (a bad filter) is an `error` message and nothing listens.
        const source = await createSourceEventStream({ ...args, contextValue });
        if (!(Symbol.asyncIterator in source)) return source.errors ?? [coded("The subscription could not start.", ErrorCode.BadRequest)];
        sources.set(contextValue, source);
        return { ...args, contextValue };
      },
      subscribe: (args) => {
        const source = sources.get(args.contextValue as object);
        if (!source) return { errors: [coded("The subscription was not prepared.", ErrorCode.BadRequest)] };
        sources.delete(args.contextValue as object);
        const base = args.contextValue as Context;
        return executedEach(source, (payload) =>
          execute({ ...args, rootValue: payload, contextValue: { ...options.contextFor(base.viewer, base.caller), live: base.live } }),
        );
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (ctx, _id, _payload, _args, result) => {
        const { socket } = ctx.extra;
        // Each send is awaited before the next payload is executed; unsent bytes beyond the bound drop the client.
        if (socket.bufferedAmount > settings.maxBufferedBytes) {
          dropSlow(socket, `Slow consumer: more than ${settings.maxBufferedBytes} bytes were waiting to be sent.`);
        }
        return result.errors ? { ...result, errors: format(result.errors) } : undefined;
      },
    },
    wss,
    // Pings every 12 s (graphql-ws's default) find connections whose client went away without closing.
  );

  return {
    connections: () => connections.size,
    listeners: () => listening,
    dropped: () => dropped,
    stop: async () => {
      for (const socket of wss.clients) close(socket, 1001, "The server is shutting down.");
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * The source's payloads, each executed as it arrives (graphql-js's own mapping, but with a context per payload).
 * `return()` goes straight to the source, which stops at once even while it waits for a notice.
 */
function executedEach(
  source: AsyncIterable<unknown>,
  run: (payload: unknown) => ExecutionResult | Promise<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  const done = (): IteratorResult<ExecutionResult> => ({ done: true, value: undefined });
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const item = await iterator.next();
      if (item.done) return done();
      return { done: false, value: await run(item.value) };
    },
    async return() {
      await iterator.return?.();
      return done();
    },
    async throw(error?: unknown) {
      await iterator.return?.();
      throw error instanceof Error ? error : new Error(String(error));
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
