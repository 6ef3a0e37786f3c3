import { z } from "zod";
import { type ApiKey, parseApiKeys } from "./auth/apiKeys.js";
import type { AuthSettings } from "./auth/authenticate.js";
import type { Role } from "./model/enums.js";

/** The highest estimated cost each kind of caller may ask for (enforced by http/queryCost.ts). */
export type CostLimits = Readonly<Record<Role, number>>;

/** The service's settings, read once from the environment and validated; a bad value stops start-up. */
const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Unset: the project starts and uses its own local Neo4j (neo4j-local/). */
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.string().optional(),
  /** Per-transaction budget enforced by Neo4j itself. */
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** How long to try to reach the database before answering SERVICE_UNAVAILABLE (keep under 5 s). */
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  NEO4J_MAX_POOL_SIZE: z.coerce.number().int().positive().default(50),
  /** How long a heavy query waits for a slot before 429/503 (the slots follow NEO4J_MAX_POOL_SIZE: http/admission.ts). */
  ADMISSION_WAIT_MS: z.coerce.number().int().positive().default(2_000),
  /** Introspection is on except in production, unless this says otherwise. */
  INTROSPECTION: z.enum(["true", "false"]).optional(),
  /** Query limits, enforced before any Cypher runs. */
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(10),
  MAX_QUERY_ALIASES: z.coerce.number().int().positive().default(15),
  MAX_QUERY_TOKENS: z.coerce.number().int().positive().default(2_000),
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().positive().default(10),
  /** Estimated cost: every object counts 1, multiplied along the way by each list's page size (anonymous callers). */
  MAX_QUERY_COST: z.coerce.number().int().positive().default(10_000),
  /** The same for callers with a reader's or an editor's credentials. */
  MAX_QUERY_COST_READER: z.coerce.number().int().positive().default(50_000),
  MAX_QUERY_COST_EDITOR: z.coerce.number().int().positive().default(50_000),
  /** The query document's size in bytes, comments and whitespace included (the token limit counts neither). */
  MAX_QUERY_BYTES: z.coerce.number().int().positive().default(32_768),
  /** How often one selection set may name the same field (graphql-js compares every pair of them). */
  MAX_REPEATED_FIELDS: z.coerce.number().int().positive().default(30),
  /** Anonymous requests to /graphql per IP address and window; 0 turns the budget off. */
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(0).default(300),
  /** Requests per key and window for readers and for editors: higher than anonymous callers', never unlimited. */
  RATE_LIMIT_READER: z.coerce.number().int().positive().default(1_200),
  RATE_LIMIT_EDITOR: z.coerce.number().int().positive().default(1_200),
  /** Refused credentials per IP address and window; past them, requests with credentials get 429 unchecked. */
  RATE_LIMIT_AUTH_FAILURES: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  /** Proxies in front of the server whose X-Forwarded-For is believed (Express's `trust proxy` hop count). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  /** Request bodies: anonymous callers get the small limit, editors the large one (imports). */
  BODY_LIMIT_ANONYMOUS: z.string().default("100kb"),
  BODY_LIMIT_EDITOR: z.string().default("20mb"),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** On SIGTERM: how long in-flight requests may take before the process exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  /** On SIGTERM: how long /ready answers 503 (while still serving) before connections are drained. */
  SHUTDOWN_READINESS_DELAY_MS: z.coerce.number().int().min(0).default(1_000),
  /** Writers: comma-separated `key` or `label:key` (keys of 16+ characters); none means nobody can write with a key. */
  EDITOR_API_KEYS: z.string().optional(),
  /** Readers, in the same form; only useful with READ_REQUIRES_KEY. */
  READER_API_KEYS: z.string().optional(),
  /** Require a key (or token) for reading too. */
  READ_REQUIRES_KEY: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /** JWTs from an identity provider: its key set, and the issuer and audience a token must carry. */
  JWT_JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** The claim with the role (dotted path for nested claims, e.g. `realm_access.roles`) and the editor's value. */
  JWT_ROLE_CLAIM: z.string().min(1).default("role"),
  JWT_EDITOR_ROLE: z.string().min(1).default("editor"),
  /** Refuse tokens that carry no `exp` claim (tokens that never expire). */
  JWT_REQUIRE_EXP: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** The longest lifetime of a token: its `exp` at most this far after now (and after its `iat`). */
  JWT_MAX_LIFETIME_S: z.coerce.number().int().positive().default(86_400),
  /** Budget of one import's transaction (a 20 MB ACLED file, 42,000 rows, took ~160 s on a busy 2-core machine). */
  IMPORT_TIMEOUT_MS: z.coerce.number().int().positive().default(300_000),
  /** Prometheus metrics at GET /metrics; METRICS_PORT moves them off the API's port to one of their own. */
  METRICS_ENABLED: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** A key (16+ characters) that /metrics then asks for as `Authorization: Bearer <key>`; needed on PORT in production. */
  METRICS_KEY: z.string().optional(),
  /** Load the article's graph at start-up when the database holds no sources. */
  SEED_ON_START: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
});

export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  neo4j: {
    /** Null when the local database is to be used; main.ts fills it in after starting it. */
    uri: string | null;
    user: string;
    password: string;
    database: string | undefined;
    queryTimeoutMs: number;
    connectTimeoutMs: number;
    maxPoolSize: number;
  };
  seedOnStart: boolean;
  introspection: boolean;
  limits: {
    depth: number;
    aliases: number;
    tokens: number;
    directives: number;
    /** The highest estimated cost per role. */
    cost: CostLimits;
    repeatedFields: number;
    /** Bytes of a query document. */
    documentBytes: number;
  };
  rateLimit: {
    /** Anonymous requests per IP and window; 0 is no budget. */
    anonymous: number;
    /** Requests per key and window. */
    reader: number;
    editor: number;
    /** Refused credentials per IP and window. */
    authFailures: number;
    windowMs: number;
  };
  http: {
    bodyLimitAnonymous: string;
    bodyLimitEditor: string;
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    shutdownGraceMs: number;
    shutdownReadinessDelayMs: number;
    trustProxyHops: number;
  };
  auth: AuthSettings;
  /**
   * `port` null: /metrics is served on the API's port, if `onApiPort` (outside production, or behind a key).
   * `keys`: the METRICS_KEY a scrape must send, if any.
   */
  metrics: { enabled: boolean; port: number | null; onApiPort: boolean; keys: ApiKey[] };
  imports: {
    timeoutMs: number;
  };
  /** Heavy operations' admission; the slots themselves follow `neo4j.maxPoolSize` (http/admission.ts). */
  admission: { waitMs: number };
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
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
      uri: values.NEO4J_URI ?? null,
      user: values.NEO4J_USER,
      password: values.NEO4J_PASSWORD,
      database: values.NEO4J_DATABASE,
      queryTimeoutMs: values.NEO4J_QUERY_TIMEOUT_MS,
      connectTimeoutMs: values.NEO4J_CONNECT_TIMEOUT_MS,
      maxPoolSize: values.NEO4J_MAX_POOL_SIZE,
    },
    seedOnStart: values.SEED_ON_START,
    introspection: values.INTROSPECTION === undefined ? values.NODE_ENV !== "production" : values.INTROSPECTION === "true",
    limits: {
      depth: values.MAX_QUERY_DEPTH,
      aliases: values.MAX_QUERY_ALIASES,
      tokens: values.MAX_QUERY_TOKENS,
      directives: values.MAX_QUERY_DIRECTIVES,
      cost: { ANONYMOUS: values.MAX_QUERY_COST, READER: values.MAX_QUERY_COST_READER, EDITOR: values.MAX_QUERY_COST_EDITOR },
      repeatedFields: values.MAX_REPEATED_FIELDS,
      documentBytes: values.MAX_QUERY_BYTES,
    },
    rateLimit: {
      anonymous: values.RATE_LIMIT_ANONYMOUS,
      reader: values.RATE_LIMIT_READER,
      editor: values.RATE_LIMIT_EDITOR,
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
    },
    metrics: {
      enabled: values.METRICS_ENABLED,
      port: values.METRICS_ENABLED ? (values.METRICS_PORT ?? null) : null,
      // In production the API's port is public; /metrics is served there only behind a key.
      onApiPort:
        values.METRICS_ENABLED && values.METRICS_PORT === undefined && (metricsKeys.keys.length > 0 || values.NODE_ENV !== "production"),
      keys: metricsKeys.keys,
    },
    imports: { timeoutMs: values.IMPORT_TIMEOUT_MS },
    admission: { waitMs: values.ADMISSION_WAIT_MS },
  };
}
