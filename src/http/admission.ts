/**
 * Admission control: heavy operations take slots from a bounded pool, per process and per caller, so that a burst of
 * aggregations cannot take every database connection and leave cheap reads to time out waiting for one.
 *
 * What is heavy is decided by the cost model (queryCost.ts), not by a list of fields: an operation's root field is
 * heavy when the model charges it work that it does whatever it returns (aggregations, paths, neighbourhoods,
 * roll-ups, co-involvement: `FIELD_WORK` and `ARGUMENT_WORK`, wherever they sit below it) of at least `HEAVY_WORK`,
 * or when its whole estimated cost reaches `HEAVY_COST` (bulk reads: pages of 100 with nested lists). Every mutation
 * of a caller who may write is heavy (imports, merges, incident decisions). A new field that does work is heavy as
 * soon as the cost model counts that work, which it must for the cost limit anyway.
 *
 * The sizes follow the database pool (`NEO4J_MAX_POOL_SIZE`, P); see `admissionLimits`. A caller over its share, or a
 * process with every slot taken, waits in a bounded queue for at most `waitMs`, then is refused: 429 RATE_LIMITED
 * when the caller itself holds its share, 503 SERVICE_UNAVAILABLE when others fill the process; both with Retry-After.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  OperationTypeNode,
  getVariableValues,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import { ErrorCode } from "../errors.js";
import type { Context } from "../graphql/context.js";
import { estimateFieldCost, MAX_QUERY_NODES } from "./queryCost.js";
import { type BoundedCache, cachedOr, estimateKey } from "./boundedCache.js";

/** A root field whose own work (what it does whatever it returns) reaches this is heavy: the least `shortestPath` is charged. */
export const HEAVY_WORK = 100;
/** A root field whose whole estimated cost reaches this is heavy, work or not: a page of 100 with nested lists. */
export const HEAVY_COST = 2_000;

export interface AdmissionLimits {
  /** Slots for heavy operations in this process. */
  slots: number;
  /** Slots one caller may hold at once. */
  slotsPerCaller: number;
  /** Requests that may wait for a slot, in all. */
  queue: number;
  /** Requests of one caller that may wait for a slot. */
  queuePerCaller: number;
  /** The longest a request waits for a slot before it is refused. */
  waitMs: number;
  /** Seconds in Retry-After on a refusal. */
  retryAfterSeconds: number;
}

/**
 * The sizes for a database pool of `poolSize` connections. A heavy operation holds about one connection per slot, and
 * for a moment two (its statement and a batch of its nested fields), so heavy work gets a quarter of the pool and
 * never more than half of it is taken by heavy work: the other half is the reserve of cheap reads. One caller may hold
 * a quarter of the heavy slots, so that four callers fill them and a single one cannot; as many may wait as may run.
 * With the default pool of 50: 12 slots, 3 per caller, 12 waiting (3 per caller).
 */
export function admissionLimits(poolSize: number, waitMs: number): AdmissionLimits {
  const slots = Math.max(1, Math.floor(poolSize / 4));
  const slotsPerCaller = Math.max(1, Math.floor(slots / 4));
  return {
    slots,
    slotsPerCaller,
    queue: slots,
    queuePerCaller: slotsPerCaller,
    waitMs,
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1_000)),
  };
}

/** A refusal for lack of capacity, in the GraphQL error shape, with its HTTP status and Retry-After. */
export class AdmissionRefusedError extends GraphQLError {
  constructor(overShare: boolean, limits: AdmissionLimits) {
    const retryAfter = String(limits.retryAfterSeconds);
    super(
      overShare
        ? `Too many heavy queries at once: one caller may run ${limits.slotsPerCaller} aggregations, paths, neighbourhoods, roll-ups or imports at a time. Retry after ${retryAfter} s.`
        : `The server is busy with heavy queries; retry after ${retryAfter} s.`,
      {
        extensions: {
          code: overShare ? ErrorCode.RateLimited : ErrorCode.ServiceUnavailable,
          http: { status: overShare ? 429 : 503, headers: new Map([["retry-after", retryAfter]]) },
        },
      },
    );
  }
}

interface Waiting {
  caller: string;
  weight: number;
  admit: () => void;
  refuse: () => void;
}

/** Gives back the slots an admission took; calling it again does nothing. */
export type Release = () => void;

/** The slot pool of one process. */
export class Admission {
  private running = 0;
  private readonly runningOf = new Map<string, number>();
  private readonly queued: Waiting[] = [];
  private readonly queuedOf = new Map<string, number>();
  /** The most requests that ever waited at once (for tests and the metrics of a flood). */
  peakQueued = 0;

  constructor(readonly limits: AdmissionLimits) {}

  /** Slots taken and requests waiting now. */
  get load(): { running: number; queued: number } {
    return { running: this.running, queued: this.queued.length };
  }

  /**
   * Takes `weight` slots for `caller` (at most its share, so that a caller alone is always admitted eventually), at
   * once when they are free and nobody waits before it, else after waiting; throws AdmissionRefusedError when the
   * queue is full or the wait runs out.
   */
  acquire(caller: string, requested: number): Promise<Release> {
    const weight = Math.min(Math.max(1, requested), this.limits.slotsPerCaller);
    if (this.fits(caller, weight) && !this.queued.some((waiting) => this.fits(waiting.caller, waiting.weight))) {
      return Promise.resolve(this.take(caller, weight));
    }
    if (this.queued.length >= this.limits.queue || (this.queuedOf.get(caller) ?? 0) >= this.limits.queuePerCaller) {
      return Promise.reject(this.refusal(caller, weight));
    }
    return new Promise<Release>((resolve, reject) => {
      const entry: Waiting = {
        caller,
        weight,
        admit: () => {
          clearTimeout(timer);
          resolve(this.take(caller, weight));
        },
        refuse: () => reject(this.refusal(caller, weight)),
      };
      const timer = setTimeout(() => {
        this.dequeue(entry);
        entry.refuse();
      }, this.limits.waitMs);
      this.queued.push(entry);
      this.queuedOf.set(caller, (this.queuedOf.get(caller) ?? 0) + 1);
      this.peakQueued = Math.max(this.peakQueued, this.queued.length);
    });
  }

  private fits(caller: string, weight: number): boolean {
    return this.running + weight <= this.limits.slots && (this.runningOf.get(caller) ?? 0) + weight <= this.limits.slotsPerCaller;
  }

  /** 429 when the caller itself holds its share, 503 when other callers fill the process. */
  private refusal(caller: string, weight: number): AdmissionRefusedError {
    return new AdmissionRefusedError((this.runningOf.get(caller) ?? 0) + weight > this.limits.slotsPerCaller, this.limits);
  }

  private take(caller: string, weight: number): Release {
    this.running += weight;
    this.runningOf.set(caller, (this.runningOf.get(caller) ?? 0) + weight);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= weight;
      const left = (this.runningOf.get(caller) ?? 0) - weight;
      if (left > 0) this.runningOf.set(caller, left);
      else this.runningOf.delete(caller);
      this.admitWaiting();
    };
  }

  private dequeue(entry: Waiting): void {
    const at = this.queued.indexOf(entry);
    if (at === -1) return;
    this.queued.splice(at, 1);
    const left = (this.queuedOf.get(entry.caller) ?? 0) - 1;
    if (left > 0) this.queuedOf.set(entry.caller, left);
    else this.queuedOf.delete(entry.caller);
  }

  /** Admits waiting requests in order of arrival, skipping those whose caller still holds its share. */
  private admitWaiting(): void {
    for (const entry of [...this.queued]) {
      if (this.running >= this.limits.slots) return;
      if (!this.fits(entry.caller, entry.weight)) continue;
      this.dequeue(entry);
      entry.admit();
    }
  }
}

/**
 * The slots an operation needs: one per heavy root field of a query (they run in parallel, each with its own
 * statements), one for a mutation (its fields run one after another), none for a cheap operation.
 */
export function operationWeight(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
): number {
  if (operation.operation === OperationTypeNode.MUTATION) return 1;
  if (operation.operation !== OperationTypeNode.QUERY) return 0;
  const queryType = schema.getQueryType();
  const rootCosts = (withWork: boolean): number[] => {
    const costs: number[] = [];
    const estimator = (args: ComplexityEstimatorArgs): number => {
      const cost = estimateFieldCost(args, withWork);
      if (args.type === queryType) costs.push(cost);
      return cost;
    };
    getComplexity({ schema, query: document, variables, operationName, estimators: [estimator], maxQueryNodes: MAX_QUERY_NODES });
    return costs;
  };
  const costs = rootCosts(true);
  const withoutWork = rootCosts(false);
  return costs.filter((cost, i) => cost >= HEAVY_COST || cost - (withoutWork[i] ?? 0) >= HEAVY_WORK).length;
}

/** Who shares a slot allowance: the key's label or the token's subject, or the address of an anonymous caller. */
export function callerOf(viewerId: string | null, address: string | undefined): string {
  return viewerId === null ? `address:${address ?? "unknown"}` : `viewer:${viewerId}`;
}

/**
 * Admits each operation before it executes (after the query limits passed), and gives its slots back when the
 * response is ready. Mutations of callers who may not write take no slot: their resolvers refuse them unread.
 */
export function admissionPlugin(admission: Admission, estimates?: BoundedCache<number>): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () => {
      let release: Release | undefined;
      let finished = false;
      return Promise.resolve({
        didResolveOperation: async ({ request, document, schema, operation, contextValue, queryHash }) => {
          if (!operation) return;
          if (operation.operation === OperationTypeNode.MUTATION && contextValue.viewer.role !== "EDITOR") return;
          // Variables that do not fit their types are refused by Apollo before any resolver runs; a query the cost
          // model cannot count is refused by the cost limit. Neither reaches the database.
          if (getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return;
          let weight: number;
          try {
            // Counted once per query, operation and variables (kept in `estimates`, bounded).
            weight = await cachedOr(estimates, estimateKey("weight", queryHash, request.operationName, request.variables), () =>
              operationWeight(schema, document, operation, request.variables ?? {}, request.operationName ?? undefined),
            );
          } catch {
            return;
          }
          if (weight === 0) return;
          const granted = await admission.acquire(contextValue.caller, weight);
          // Another plugin refused the request while this one waited: its response is already on its way.
          if (finished) granted();
          else release = granted;
        },
        willSendResponse: () => {
          finished = true;
          release?.();
          return Promise.resolve();
        },
      });
    },
  };
}
