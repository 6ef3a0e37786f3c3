import type { QueryStats } from "../db/executor.js";
import type { Loaders } from "../loaders/loaders.js";
import type { Repositories } from "../repositories/index.js";

/** What every resolver sees: this request's repositories and loaders, and what it has cost so far. */
export interface Context {
  /** Correlates this request's log lines (X-Request-Id). */
  requestId: string;
  repositories: Repositories;
  loaders: Loaders;
  stats: QueryStats;
}
