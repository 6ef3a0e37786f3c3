import { z } from "zod";
import { parseApiKeys } from "./auth/apiKeys.js";
import type { AuthSettings } from "./auth/authenticate.js";
import type { Role } from "./model/enums.js";

/** The highest estimated cost each kind of caller may ask for (enforced by http/queryCost.ts). */
export type CostLimits = Readonly<Record<Role, number>>;

/** One setting: how its value is read and checked (zod), the default shown to people, and what it means. */
export interface Setting<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** As the README's table shows it: `4000`, unset, empty. */
  shownDefault: string;
  /** What it does, for the README's table (markdown). */
  description: string;
}

/** A setting with a default value (shown as it is unless `shown` says otherwise). */
function withDefault<T extends z.ZodType>(type: T, value: z.util.NoUndefined<z.input<T>>, description: string, shown?: string) {
  return { schema: type.default(value as never), shownDefault: shown ?? `\`${String(value)}\``, description } satisfies Setting;
}

/** A setting that may be left unset. */
function optional<T extends z.ZodType>(type: T, description: string, shown = "unset") {
  return { schema: type.optional(), shownDefault: shown, description } satisfies Setting;
}

/** `true` or `false`. */
function flag(value: boolean, description: string) {
  return {
    schema: z
      .enum(["true", "false"])
      .default(value ? "true" : "false")
      .transform((given) => given === "true"),
    shownDefault: `\`${String(value)}\``,
    description,
  } satisfies Setting;
}

const milliseconds = () => z.coerce.number().int().positive();
const count = () => z.coerce.number().int().positive();
const port = () => z.coerce.number().int().min(0).max(65535);

/**
 * The service's settings, each declared once: its name, type, default and meaning. They are read once from the
 * environment and validated (a bad value stops start-up); the README's table is generated from them
 * (scripts/settingsTable.ts; tests/unit/config.test.ts holds the two together).
 */
export const settings = {
  PORT: withDefault(port(), 4000, "HTTP port"),
  HOST: withDefault(z.string().min(1), "127.0.0.1", "Interface to listen on (`0.0.0.0` in containers)"),
  NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "development", "`production` for deployments"),
  LOG_LEVEL: withDefault(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]), "info", "pino level (`silent` … `trace`)"),
  NEO4J_URI: optional(z.string().url(), "An external Neo4j (`bolt://`, `neo4j://`, `neo4j+s://`); unset starts the local one"),
  NEO4J_USER: withDefault(z.string(), "neo4j", "The user for `NEO4J_URI` (the local Neo4j needs none)"),
  NEO4J_PASSWORD: withDefault(z.string(), "", "The password for `NEO4J_URI`", "empty"),
  NEO4J_DATABASE: optional(z.string(), "Database name", "server default"),
  NEO4J_QUERY_TIMEOUT_MS: withDefault(
    milliseconds(),
    10_000,
    "Transaction timeout enforced by Neo4j; longer queries fail with `QUERY_TIMEOUT`",
  ),
  NEO4J_CONNECT_TIMEOUT_MS: withDefault(
    milliseconds(),
    2_000,
    "Connect and retry budget; an unreachable database gives `SERVICE_UNAVAILABLE` within 5 s",
  ),
  NEO4J_MAX_POOL_SIZE: withDefault(count(), 50, "Driver connection pool size; heavy operations get a quarter of it (see below)"),
  // The slots follow NEO4J_MAX_POOL_SIZE: http/admission.ts.
  ADMISSION_WAIT_MS: withDefault(
    milliseconds(),
    2_000,
    "How long a heavy operation waits for a slot before it is refused (429 or 503 with `Retry-After`)",
  ),
  REDIS_URL: optional(
    z.string().regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL"),
    "A Redis the replicas share (`rediss://` for TLS, `redis://:password@host:6379`): live updates reach every replica, and rate limits count across them; unset: per process",
  ),
  SEED_ON_START: flag(true, "Seed the article's graph when the database holds no sources"),
  EDITOR_API_KEYS: optional(z.string(), "Editors' keys, comma-separated `key` or `label:key` (16+ characters); unset: no key can write"),
  READER_API_KEYS: optional(z.string(), "Readers' keys, same form (for `READ_REQUIRES_KEY`)"),
  READ_REQUIRES_KEY: flag(false, "`true`: reading needs a key or token too"),
  JWT_JWKS_URL: optional(z.string().url(), "Accept JWTs signed by this key set, for `JWT_ISSUER` and `JWT_AUDIENCE` (all three or none)"),
  JWT_ISSUER: optional(z.string().min(1), "The issuer a token must carry"),
  JWT_AUDIENCE: optional(z.string().min(1), "The audience a token must carry"),
  JWT_ROLE_CLAIM: withDefault(
    z.string().min(1),
    "role",
    "The claim holding the role (dotted path for nested claims, e.g. `realm_access.roles`)",
  ),
  JWT_EDITOR_ROLE: withDefault(z.string().min(1), "editor", "The role that makes an editor; other valid tokens read"),
  JWT_REQUIRE_EXP: flag(true, "Refuse tokens without an `exp` claim; `false` accepts tokens that never expire"),
  JWT_MAX_LIFETIME_S: withDefault(
    count(),
    86_400,
    "The longest a token may live: its `exp` at most this many seconds ahead of now and of its `iat` (401 beyond)",
  ),
  // A 20 MB ACLED file, 42,000 rows, took ~160 s on a busy 2-core machine.
  IMPORT_TIMEOUT_MS: withDefault(
    milliseconds(),
    300_000,
    "Transaction budget of one import (API and command line, each its own); an import over it is refused with a message naming it",
  ),
  INTROSPECTION: optional(z.enum(["true", "false"]), "`true`/`false` overrides the default", "on unless production"),
  COMPILED_READS: flag(
    true,
    "Answer the root fields the compiler serves with one statement shaped as the response (src/graphql/compile/); `false`: resolvers and loaders only",
  ),
  MAX_QUERY_DEPTH: withDefault(
    count(),
    10,
    "Depth of a query, fragments flattened (`QUERY_TOO_DEEP` beyond); checked before any Cypher runs, like the other query limits (see `SECURITY.md`)",
  ),
  MAX_QUERY_ALIASES: withDefault(count(), 15, "Aliases in a query"),
  MAX_QUERY_DIRECTIVES: withDefault(count(), 10, "Directives in a query"),
  MAX_QUERY_TOKENS: withDefault(count(), 2_000, "Tokens of a query document (comments and whitespace do not count)"),
  MAX_QUERY_COST: withDefault(
    count(),
    10_000,
    "Estimated cost limit for anonymous callers: objects times the page sizes or assumed lengths of the lists around them, plus the work of aggregations and traversals (see `SECURITY.md`)",
  ),
  MAX_QUERY_COST_READER: withDefault(count(), 50_000, "The same for readers"),
  MAX_QUERY_COST_EDITOR: withDefault(count(), 50_000, "The same for editors"),
  // graphql-js compares every pair of fields of one name in a selection set.
  MAX_REPEATED_FIELDS: withDefault(count(), 30, "How often one selection set may name the same field (`QUERY_TOO_COMPLEX` beyond)"),
  MAX_QUERY_BYTES: withDefault(
    count(),
    32_768,
    "Bytes of a query document, comments and whitespace included (400 `DOCUMENT_TOO_LARGE` beyond); keep it below `BODY_LIMIT_ANONYMOUS`",
  ),
  RATE_LIMIT_ANONYMOUS: withDefault(
    z.coerce.number().int().min(0),
    300,
    "Anonymous requests to `/graphql` per IP address and window (429 with `Retry-After` beyond; `0` turns the budget off, e.g. for `npm run load` against your own server); callers with credentials are not counted",
  ),
  RATE_LIMIT_WINDOW_MS: withDefault(milliseconds(), 60_000, "The window of every rate limit"),
  RATE_LIMIT_READER: withDefault(
    count(),
    1_200,
    "Requests to `/graphql` per reader's key (its label, or a token's subject) and window; at least 1, never unlimited",
  ),
  RATE_LIMIT_EDITOR: withDefault(count(), 1_200, "The same per editor's key"),
  RATE_LIMIT_AUTH_FAILURES: withDefault(
    count(),
    20,
    "Refused credentials per IP address and window; past them, requests with credentials from that address get 429 before they are checked",
  ),
  // Express's `trust proxy` hop count.
  TRUST_PROXY_HOPS: withDefault(
    z.coerce.number().int().min(0),
    0,
    "Proxies in front of the server whose `X-Forwarded-For` is believed, so that the budget counts per client and not per proxy",
  ),
  CORS_ORIGINS: optional(
    z.string(),
    "Browser apps' origins allowed to call the API (CORS), comma-separated, each exactly `scheme://host[:port]` (`https://app.example.org`); unset: none",
  ),
  BODY_LIMIT_ANONYMOUS: withDefault(z.string(), "100kb", "Request body limit of callers without an editor's credentials (413 beyond)"),
  BODY_LIMIT_EDITOR: withDefault(z.string(), "20mb", "Request body limit of editors, whose imports are large (413 beyond)"),
  HTTP_HEADERS_TIMEOUT_MS: withDefault(milliseconds(), 10_000, "Node's HTTP server: how long a request's headers may take"),
  HTTP_REQUEST_TIMEOUT_MS: withDefault(milliseconds(), 60_000, "Node's HTTP server: how long a whole request may take"),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: withDefault(milliseconds(), 5_000, "Node's HTTP server: how long an idle connection is kept open"),
  SHUTDOWN_READINESS_DELAY_MS: withDefault(
    z.coerce.number().int().min(0),
    1_000,
    "On SIGTERM: how long `/ready` answers 503 (while still serving) before connections are drained",
  ),
  SHUTDOWN_GRACE_MS: withDefault(milliseconds(), 10_000, "On SIGTERM: how long in-flight requests then get to finish"),
  LIVE_MAX_CONNECTIONS: withDefault(
    z.coerce.number().int().min(1).max(100_000),
    1_000,
    "Live-update WebSocket connections the process holds at once, all callers together (closed with 1013 beyond)",
  ),
  LIVE_CONNECTIONS_PER_CALLER: withDefault(
    z.coerce.number().int().min(1).max(1_000),
    8,
    "Live-update connections per caller (key, token subject, or anonymous address; closed with 1013 beyond)",
  ),
  LIVE_MAX_SUBSCRIPTIONS: withDefault(
    z.coerce.number().int().min(1).max(100),
    10,
    "Subscriptions one connection may hold at once (`RATE_LIMITED` beyond)",
  ),
  LIVE_QUEUE_NOTICES: withDefault(
    z.coerce.number().int().min(1).max(10_000),
    256,
    "Change notices (of up to 1,000 events each) a subscription may have waiting; a consumer further behind is closed with 4008",
  ),
  LIVE_MAX_BUFFERED_BYTES: withDefault(
    z.coerce
      .number()
      .int()
      .min(1_024)
      .max(64 * 1024 * 1024),
    1_048_576,
    "Bytes a live connection's socket may hold unsent; a client reading slower than that is closed with 4008",
  ),
  METRICS_ENABLED: flag(true, "`/metrics` on or off"),
  METRICS_PORT: optional(
    port(),
    "A port for `/metrics` alone (not served on `PORT` then). In production it is served on `PORT` only with `METRICS_KEY`",
  ),
  METRICS_KEY: optional(
    z.string(),
    "A key (16+ characters) that `/metrics` then asks for as `Authorization: Bearer <key>`, on whichever port serves it",
  ),
};

type SettingName = keyof typeof settings;

/**
 * CORS_ORIGINS: comma-separated origins, each exactly as a browser sends it in `Origin` (`https://app.example.org`,
 * `http://localhost:5173`), so that it is compared as a string. A path, a trailing slash, a wildcard, a default port
 * or capitals would never match and are refused, naming the form to write.
 */
export function parseOrigins(value: string | undefined): { origins: string[]; problems: string[] } {
  const origins: string[] = [];
  const problems: string[] = [];
  for (const entry of (value ?? "").split(",").map((part) => part.trim())) {
    if (entry === "") continue;
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    const form = "an origin is scheme://host[:port], e.g. https://app.example.org, without a path or a trailing slash";
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      problems.push(`"${entry}" is not an http or https origin (${form}; wildcards are not accepted)`);
    } else if (url.origin !== entry) {
      problems.push(`"${entry}" is not an origin as browsers send it: write "${url.origin}" (${form})`);
    } else if (!origins.includes(entry)) {
      origins.push(entry);
    }
  }
  return { origins, problems };
}

const environmentSchema = z.object(
  Object.fromEntries(Object.entries(settings).map(([name, setting]) => [name, setting.schema])) as {
    [Name in SettingName]: (typeof settings)[Name]["schema"];
  },
);

/** The settings as the code uses them, grouped by concern; made by loadConfig from `settings` only. */
export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(environment: NodeJS.ProcessEnv = process.env) {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const values = parsed.data;
  const editorKeys = parseApiKeys(values.EDITOR_API_KEYS);
  const readerKeys = parseApiKeys(values.READER_API_KEYS);
  const metricsKeys = parseApiKeys(values.METRICS_KEY);
  const problems = [
    ...editorKeys.problems.map((problem) => `EDITOR_API_KEYS: ${problem}`),
    ...readerKeys.problems.map((problem) => `READER_API_KEYS: ${problem}`),
    ...metricsKeys.problems.map((problem) => `METRICS_KEY: ${problem}`),
  ];
  const corsOrigins = parseOrigins(values.CORS_ORIGINS);
  problems.push(...corsOrigins.problems.map((problem) => `CORS_ORIGINS: ${problem}`));
  if (values.JWT_JWKS_URL && (!values.JWT_ISSUER || !values.JWT_AUDIENCE)) {
    problems.push("JWT_JWKS_URL: needs JWT_ISSUER and JWT_AUDIENCE, or any token from that provider would be accepted");
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  return {
    env: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    logLevel: values.LOG_LEVEL,
    neo4j: {
      /** Null when the local database is to be used; main.ts fills it in after starting it. */
      uri: values.NEO4J_URI ?? null,
      user: values.NEO4J_USER,
      password: values.NEO4J_PASSWORD,
      database: values.NEO4J_DATABASE,
      queryTimeoutMs: values.NEO4J_QUERY_TIMEOUT_MS,
      connectTimeoutMs: values.NEO4J_CONNECT_TIMEOUT_MS,
      maxPoolSize: values.NEO4J_MAX_POOL_SIZE,
    },
    /** The Redis the replicas share (live updates, rate-limit counts), or null: each process on its own. */
    redis: { url: values.REDIS_URL ?? null },
    seedOnStart: values.SEED_ON_START,
    compiledReads: values.COMPILED_READS,
    introspection: values.INTROSPECTION === undefined ? values.NODE_ENV !== "production" : values.INTROSPECTION === "true",
    limits: {
      depth: values.MAX_QUERY_DEPTH,
      aliases: values.MAX_QUERY_ALIASES,
      tokens: values.MAX_QUERY_TOKENS,
      directives: values.MAX_QUERY_DIRECTIVES,
      /** The highest estimated cost per role. */
      cost: {
        ANONYMOUS: values.MAX_QUERY_COST,
        READER: values.MAX_QUERY_COST_READER,
        EDITOR: values.MAX_QUERY_COST_EDITOR,
      } satisfies CostLimits,
      repeatedFields: values.MAX_REPEATED_FIELDS,
      /** Bytes of a query document. */
      documentBytes: values.MAX_QUERY_BYTES,
    },
    rateLimit: {
      /** Anonymous requests per IP and window; 0 is no budget. Keyed callers: per key and window. */
      anonymous: values.RATE_LIMIT_ANONYMOUS,
      reader: values.RATE_LIMIT_READER,
      editor: values.RATE_LIMIT_EDITOR,
      /** Refused credentials per IP and window. */
      authFailures: values.RATE_LIMIT_AUTH_FAILURES,
      windowMs: values.RATE_LIMIT_WINDOW_MS,
    },
    http: {
      bodyLimitAnonymous: values.BODY_LIMIT_ANONYMOUS,
      bodyLimitEditor: values.BODY_LIMIT_EDITOR,
      headersTimeoutMs: values.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: values.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
      shutdownReadinessDelayMs: values.SHUTDOWN_READINESS_DELAY_MS,
      trustProxyHops: values.TRUST_PROXY_HOPS,
      /** Origins whose browser apps may call the API (http/crossOrigin.ts), exactly as browsers send `Origin`. */
      corsOrigins: corsOrigins.origins,
    },
    auth: {
      editorKeys: editorKeys.keys,
      readerKeys: readerKeys.keys,
      readRequiresKey: values.READ_REQUIRES_KEY,
      jwt:
        values.JWT_JWKS_URL && values.JWT_ISSUER && values.JWT_AUDIENCE
          ? {
              jwksUrl: values.JWT_JWKS_URL,
              issuer: values.JWT_ISSUER,
              audience: values.JWT_AUDIENCE,
              roleClaim: values.JWT_ROLE_CLAIM,
              editorRole: values.JWT_EDITOR_ROLE,
              requireExpiry: values.JWT_REQUIRE_EXP,
              maxLifetimeSeconds: values.JWT_MAX_LIFETIME_S,
            }
          : null,
    } satisfies AuthSettings,
    /**
     * `port` null: /metrics is served on the API's port, if `onApiPort` (outside production, or behind a key).
     * `keys`: the METRICS_KEY a scrape must send, if any.
     */
    metrics: {
      enabled: values.METRICS_ENABLED,
      port: values.METRICS_ENABLED ? (values.METRICS_PORT ?? null) : null,
      // In production the API's port is public; /metrics is served there only behind a key.
      onApiPort:
        values.METRICS_ENABLED && values.METRICS_PORT === undefined && (metricsKeys.keys.length > 0 || values.NODE_ENV !== "production"),
      keys: metricsKeys.keys,
    },
    imports: { timeoutMs: values.IMPORT_TIMEOUT_MS },
    /** Live updates over WebSocket (http/liveUpdates.ts): connections, subscriptions and what each may have waiting. */
    live: {
      maxConnections: values.LIVE_MAX_CONNECTIONS,
      maxConnectionsPerCaller: values.LIVE_CONNECTIONS_PER_CALLER,
      maxSubscriptionsPerConnection: values.LIVE_MAX_SUBSCRIPTIONS,
      queueNotices: values.LIVE_QUEUE_NOTICES,
      maxBufferedBytes: values.LIVE_MAX_BUFFERED_BYTES,
    },
    /** Heavy operations' admission; the slots themselves follow `neo4j.maxPoolSize` (http/admission.ts). */
    admission: { waitMs: values.ADMISSION_WAIT_MS },
  };
}
