/**
 * Long synchronous work in slices: work in proportion to an input (locating quotes, reading CSV rows, building an
 * import's draft) calls `pace()` often, and every few milliseconds that call gives the event loop a turn, so the
 * server keeps answering other requests while one large import is prepared.
 */
import { setImmediate as nextTurn } from "node:timers/promises";

/** Work between two turns of the event loop. */
const SLICE_MS = 10;

export class Pacer {
  private sliceStart = performance.now();

  /** Yields to the event loop when the current slice of work has run for long enough. */
  async pace(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await nextTurn();
    this.sliceStart = performance.now();
  }
}
