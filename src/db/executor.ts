import neo4j, {
  type Driver,
  isRetryableError,
  type ManagedTransaction,
  Neo4jError,
  type QueryResult,
  type Record as Neo4jRecord,
} from "neo4j-driver";
import {
  CommitOutcomeUnknownError,
  DatabaseOutOfMemoryError,
  DomainError,
  InvalidInputError,
  QueryTimeoutError,
  ServiceUnavailableError,
} from "../errors.js";
import type { Metrics } from "../metrics.js";
import { toPlain } from "./values.js";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Counts what one request costs the database; read by tests and logs. */
export interface QueryStats {
  roundTrips: number;
}

/** A write transaction's view: statements run inside one managed, retryable transaction. */
export interface WriteTransaction {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/**
 * A read transaction's view: several statements in one managed, retryable transaction. Neo4j isolates transactions
 * read-committed, so a statement sees what others committed after the transaction began; a reader that needs one
 * state of the graph across statements must check for that itself (see export/exportStore.ts).
 */
export interface ReadTransaction {
  run(cypher: string, params?: Params): Promise<Row[]>;
}

/** How long a read that failed transiently is tried again, by default: the driver's window for managed transactions. */
const DEFAULT_RETRY_WINDOW_MS = 2_000;

/**
 * The one way to the database. Every statement is parameterised and named by its first line
 * (`// eventsPage`), which labels metrics and logs. A single read runs auto-committed in a read session; several
 * reads, and every write, run in managed transactions (`executeRead`/`executeWrite`). Either way a cluster routes
 * reads to followers and transient failures are tried again. Neo4j errors are mapped to the domain's errors here and
 * nowhere else.
 */
export class Executor {
  constructor(
    private readonly driver: Driver,
    private readonly metrics: Metrics,
    private readonly options: {
      database: string | undefined;
      queryTimeoutMs: number;
      retryWindowMs?: number;
      /** Told each time no connection of the pool could be had in time (the driver's message: the pool's counts). */
      onPoolExhausted?: (detail: string) => void;
    },
    private readonly stats: QueryStats = { roundTrips: 0 },
  ) {}

  /** The same executor, counting into a request's own statistics. */
  withStats(stats: QueryStats): Executor {
    return new Executor(this.driver, this.metrics, this.options, stats);
  }

  /**
   * One statement, auto-committed in a read session: RUN and PULL without BEGIN and COMMIT, one round trip to the
   * database fewer per request than a transaction (docs/benchmarks.md). A read is safe to run again, so a failure
   * the driver calls retryable is tried again, with growing pauses, within the window its managed transactions get.
   */
  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.readRows(cypher, params, toPlainRow);
  }

  /**
   * `read` for a statement that returns its response's shape already (the compiled reads, repositories/compiled.ts):
   * strings, numbers, booleans, lists and maps only, so its records are given as the driver made them, without the
   * walk of `toPlain` over every value (integers are numbers already: db/driver.ts).
   */
  async readShaped(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.readRows(cypher, params, (record) => record.toObject());
  }

  private async readRows(cypher: string, params: Params, toRow: (record: Neo4jRecord) => Row): Promise<Row[]> {
    const deadline = Date.now() + (this.options.retryWindowMs ?? DEFAULT_RETRY_WINDOW_MS);
    for (let pause = 100; ; pause *= 2) {
      const session = this.session(neo4j.session.READ);
      try {
        return await this.records("read", cypher, () => session.run(cypher, params, { timeout: this.options.queryTimeoutMs }), toRow);
      } catch (error) {
        if (isOutOfMemory(error) || !isRetryableError(error) || Date.now() + pause > deadline) throw this.mapped(error);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /**
   * Runs `work` in one read transaction (routed to a follower on a cluster). `timeoutMs` overrides the query budget
   * for work known to be long (the export).
   */
  async readTransaction<T>(work: (tx: ReadTransaction) => Promise<T>, options: { timeoutMs?: number | undefined } = {}): Promise<T> {
    const session = this.session(neo4j.session.READ);
    try {
      return await session.executeRead(
        async (tx) => {
          try {
            return await work({ run: (cypher, params = {}) => this.run(tx, "read", cypher, params) });
          } catch (error) {
            throw outOfMemoryOr(error);
          }
        },
        { timeout: options.timeoutMs ?? this.options.queryTimeoutMs },
      );
    } catch (error) {
      throw this.mapped(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs `work` in one write transaction: all its statements commit together or not at all. `timeoutMs` overrides
   * the query budget for work known to be long (imports).
   */
  async write<T>(work: (tx: WriteTransaction) => Promise<T>, options: { timeoutMs?: number | undefined } = {}): Promise<T> {
    const session = this.session(neo4j.session.WRITE);
    // Set once some attempt's work is done and the driver commits it: a connection lost after that leaves the
    // outcome unknown, which the caller must hear rather than "unavailable".
    let committing = false;
    try {
      return await session.executeWrite(
        async (tx) => {
          try {
            const result = await work({ run: (cypher, params = {}) => this.run(tx, "write", cypher, params) });
            committing = true;
            return result;
          } catch (error) {
            throw outOfMemoryOr(error);
          }
        },
        { timeout: options.timeoutMs ?? this.options.queryTimeoutMs },
      );
    } catch (error) {
      if (committing && isConnectionLost(error)) throw new CommitOutcomeUnknownError();
      throw this.mapped(error);
    } finally {
      await session.close();
    }
  }

  /** `mapDatabaseError`, telling `onPoolExhausted` when the pool had no connection to give. */
  private mapped(error: unknown): unknown {
    if (isAcquisitionTimeout(error)) this.options.onPoolExhausted?.((error as Neo4jError).message);
    return mapDatabaseError(error);
  }

  private session(mode: "READ" | "WRITE") {
    return this.driver.session({
      defaultAccessMode: mode,
      database: this.options.database,
      // One bookmark manager for the process: a read after an import sees the import, even on a cluster.
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
  }

  private async run(tx: ManagedTransaction, mode: "read" | "write", cypher: string, params: Params): Promise<Row[]> {
    return this.records(mode, cypher, () => tx.run(cypher, params));
  }

  /** Runs one statement, counted and timed under its name, and gives its records as plain rows. */
  private async records(
    mode: "read" | "write",
    cypher: string,
    send: () => Promise<QueryResult>,
    toRow: (record: Neo4jRecord) => Row = toPlainRow,
  ): Promise<Row[]> {
    const query = queryName(cypher);
    const stopTimer = this.metrics.queryDuration.startTimer({ query, mode });
    this.stats.roundTrips += 1;
    try {
      const result = await send();
      this.metrics.queriesTotal.inc({ query, mode, outcome: "ok" });
      return result.records.map(toRow);
    } catch (error) {
      this.metrics.queriesTotal.inc({ query, mode, outcome: "error" });
      throw error;
    } finally {
      stopTimer();
    }
  }
}

const toPlainRow = (record: Neo4jRecord): Row => toPlain(record.toObject()) as Row;

/** The statement's name from its leading `// name` comment; a statement without one is a programming error. */
export function queryName(cypher: string): string {
  const match = /^\s*\/\/\s*([A-Za-z][\w.]*)/.exec(cypher);
  if (!match?.[1]) throw new Error(`Cypher statement without a leading name comment: ${cypher.slice(0, 60)}`);
  return match[1];
}

const unavailableCodes = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.ClientError.Database.DatabaseNotFound",
]);

/** Neo4j's codes for a transaction refused for lack of memory (the transaction pool, one transaction's limit, the heap). */
const outOfMemoryCodes = new Set([
  "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
  "Neo.TransientError.General.TransactionMemoryLimit",
  "Neo.TransientError.General.OutOfMemoryError",
]);

function isOutOfMemory(error: unknown): boolean {
  return error instanceof Neo4jError && outOfMemoryCodes.has(error.code);
}

/** Out of memory is transient to the driver, which would run the whole work again only to fail the same way: not retried. */
function outOfMemoryOr(error: unknown): unknown {
  return isOutOfMemory(error) ? new DatabaseOutOfMemoryError(error as Neo4jError) : error;
}

/**
 * The driver's pool had no connection free within `connectionAcquisitionTimeout`: every connection is busy. It has no
 * code of its own (`N/A`), only its message.
 */
export function isAcquisitionTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && error.message.startsWith("Connection acquisition timed out");
}

function isConnectionLost(error: unknown): boolean {
  return error instanceof Neo4jError && (error.code === "ServiceUnavailable" || error.code === "SessionExpired");
}

/**
 * Neo4j's codes for a transaction ended by its timeout (or by an operator): it timed out while running, was
 * terminated between statements, or was stopped while waiting for a lock (an import's writes wait on locks, so a
 * budget may run out there). The driver gives the last two as client errors (it rewrites Neo4j's transient ones), so
 * that they are not retried.
 */
export const terminatedCodes: ReadonlySet<string> = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.ClientError.Transaction.Terminated",
  "Neo.ClientError.Transaction.LockClientStopped",
]);

/** Maps driver errors to the domain's (the edge codes them); anything unexpected passes on, to be masked and logged. */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (isOutOfMemory(error)) return new DatabaseOutOfMemoryError(error as Neo4jError);
  if (error instanceof Neo4jError) {
    if (unavailableCodes.has(error.code) || error.retriable || isAcquisitionTimeout(error)) return new ServiceUnavailableError();
    if (terminatedCodes.has(error.code)) return new QueryTimeoutError();
    // Lucene's limit of 1,024 clauses: a search whose words (after normalisation) make too large a query.
    if (error.message.includes("TooManyClauses")) {
      return new InvalidInputError("The search has too many terms for the full-text index; search with fewer words.");
    }
    const tooLarge = indexEntryTooLarge.exec(error.message);
    if (tooLarge) {
      const field = `${tooLarge[1]}.${tooLarge[2]}`;
      return new InvalidInputError(`${field} is too long to be indexed (Neo4j's limit is about 8 kB); shorten it.`, field);
    }
  }
  return error;
}

/** Neo4j's refusal of a value over a range index's entry size: `… too large to index … schema=(:Actor {name}) …`. */
const indexEntryTooLarge = /^Property value is too large to index\b.*?schema=\(:(\w+) \{(\w+)\}\)/s;
