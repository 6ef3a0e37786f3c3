import { z } from "zod";

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
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const values = parsed.data;
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
  };
}
