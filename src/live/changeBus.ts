/**
 * What changed in the graph, told to whoever serves live updates (`Subscription.eventsChanged`). The write paths
 * publish a notice after their transaction commits; every API process's subscriptions listen. One process: the
 * in-process bus below. Several: a shared bus (Redis pub/sub when REDIS_URL is set) with the same interface.
 */

/** As `ChangeKind` in schema (live.graphql). */
export type ChangeKind = "CREATED" | "UPDATED" | "REGROUPED" | "MERGED";

/** Event reports changed by one committed write, as ids; subscribers read them back through their filter. */
export interface ChangeNotice {
  kind: ChangeKind;
  eventIds: readonly string[];
}

/** The most ids one notice carries: a publisher splits a larger change into several notices. */
export const MAX_IDS_PER_NOTICE = 1_000;

export type ChangeListener = (notice: ChangeNotice) => void;

export interface ChangeBus {
  /** Tells every listener, in this process and (for a shared bus) in the others. Never throws: a lost notice is logged. */
  publish(notice: ChangeNotice): void;
  /** Listens until the returned function is called. */
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** The bus of a single API process. */
export function inProcessChangeBus(): ChangeBus {
  const listeners = new Set<ChangeListener>();
  return {
    publish: (notice) => {
      for (const listener of listeners) listener(notice);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      listeners.clear();
      return Promise.resolve();
    },
  };
}
