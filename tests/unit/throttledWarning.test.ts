/** The warning that bursts would repeat (src/logger.ts): once per interval, with the count of those left unwritten. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { throttledWarning } from "../../src/logger.js";

describe("throttledWarning", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes the first at once, counts the rest of the interval, and writes at once again after a reset", () => {
    const written: Record<string, unknown>[] = [];
    const warning = throttledWarning(60_000, "moreSince", (fields) => written.push(fields));
    warning.warn({ n: 1 });
    warning.warn({ n: 2 });
    warning.warn({ n: 3 });
    expect(written).toEqual([{ n: 1 }]);
    warning.reset();
    warning.warn({ n: 4 });
    expect(written).toEqual([{ n: 1 }, { n: 4 }]);
  });

  it("says how many were left unwritten once the interval has passed", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const written: Record<string, unknown>[] = [];
    const warning = throttledWarning(1_000, "moreSince", (fields) => written.push(fields));
    warning.warn({ n: 1 });
    warning.warn({ n: 2 });
    warning.warn({ n: 3 });
    vi.advanceTimersByTime(1_000);
    warning.warn({ n: 4 });
    expect(written).toEqual([{ n: 1 }, { n: 4, moreSince: 2 }]);
  });
});
