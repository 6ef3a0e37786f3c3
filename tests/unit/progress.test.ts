import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { count, phase, progressBar } from "../../src/cli/progress.js";

function terminal(isTTY = true) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, screen: () => written.join("") };
}

describe("the import's progress on a terminal", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("after the writing bar reaches 100%, shows the committing phase and its seconds until it finishes", () => {
    const { stream, screen } = terminal();
    const writing = progressBar("writing", count, stream);
    const committing = phase("committing", stream);
    writing.update(500, 1_000);
    writing.update(1_000, 1_000);
    writing.finish();
    committing.start();
    vi.advanceTimersByTime(11_000);
    committing.finish();
    const lines = screen().split("\n");
    expect(lines[0]).toContain("writing [##############################] 100% 1,000/1,000");
    expect(lines[1]).toMatch(/committing… 11 s\s*$/);
    expect(lines[1]).toContain("committing… 5 s");
    expect(lines[2]).toBe("");
  });

  it("draws nothing when the output is not a terminal", () => {
    const { stream, screen } = terminal(false);
    const committing = phase("committing", stream);
    committing.start();
    vi.advanceTimersByTime(3_000);
    committing.finish();
    expect(screen()).toBe("");
  });
});
