import type { ChangeBus, ChangeNotice } from "./changeBus.js";

export interface ChangeStreamOptions<T> {
  /** The most notices waiting to be read; one more and the stream ends with `overflowed` (never buffered without bound). */
  maxWaiting: number;
  /** What a notice becomes for this listener (its events within a filter, read back): any number of items. */
  read: (notice: ChangeNotice) => Promise<readonly T[]>;
  /** Told once when the listener fell `maxWaiting` notices behind; the stream has ended by then. */
  overflowed: () => void;
}

/**
 * The bus's notices to one listener, as an async iterator of what `read` makes of each. Notices wait in a queue of at
 * most `maxWaiting` while earlier ones are read; the items of one notice (at most MAX_IDS_PER_NOTICE events) are
 * handed out one at a time. `return()` ends it at once, even while waiting for a notice, and stops listening: an
 * async generator would hold its listener until the next notice arrived.
 */
export function changeStream<T>(bus: ChangeBus, options: ChangeStreamOptions<T>): AsyncIterableIterator<T> {
  const waiting: ChangeNotice[] = [];
  let items: T[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  const stopListening = bus.subscribe((notice) => {
    if (ended) return;
    if (waiting.length >= options.maxWaiting) {
      end();
      options.overflowed();
      return;
    }
    waiting.push(notice);
    wake?.();
  });

  function end(): void {
    if (ended) return;
    ended = true;
    waiting.length = 0;
    items = [];
    stopListening();
    wake?.();
  }

  const done = (): IteratorResult<T> => ({ done: true, value: undefined });
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (!ended) {
        const item = items.shift();
        if (item !== undefined) return { done: false, value: item };
        const notice = waiting.shift();
        if (notice) {
          const read = await options.read(notice);
          if (!ended) items = [...read];
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      return done();
    },
    return() {
      end();
      return Promise.resolve(done());
    },
    throw(error?: unknown) {
      end();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
