import type { Viewer } from "../auth/viewer.js";
import type { QueryStats } from "../db/executor.js";
import type { ImportService } from "../ingest/importService.js";
import type { ChangeBus } from "../live/changeBus.js";
import type { Loaders } from "../loaders/loaders.js";
import type { Repositories } from "../repositories/index.js";
import type { PlanCache } from "./compile/run.js";

/** What every resolver sees: this request's repositories and loaders, and what it has cost so far. */
export interface Context {
  /** Correlates this request's log lines (X-Request-Id). */
  requestId: string;
  repositories: Repositories;
  loaders: Loaders;
  stats: QueryStats;
  /** The caller, as its credentials say (computed once per request, before the body is read). */
  viewer: Viewer;
  /** Who shares an allowance of heavy work (http/admission.ts): the viewer, or an anonymous caller's address. */
  caller: string;
  /** The write path; mutations check `viewer` before using it. */
  imports: ImportService;
  /** Compiled plans (graphql/compile/); absent (COMPILED_READS=false, subscriptions), every field goes through the resolvers. */
  plans?: PlanCache;
  /** The root fields of this request answered by a compiled statement: their objects are read as they are. */
  compiledRoots?: Set<string>;
  /** Set for subscriptions only (http/liveUpdates.ts): where changes are heard, and the bound of what may wait. */
  live?: LiveContext;
}

export interface LiveContext {
  changes: ChangeBus;
  /** The most change notices one subscription may have waiting. */
  maxWaiting: number;
  /** Drops the connection of a subscription that fell that far behind. */
  overflowed: () => void;
}
