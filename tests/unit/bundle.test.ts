import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateBundle } from "../../src/ingest/bundle/validation.js";

const seedBundle = JSON.parse(
  readFileSync(new URL("../../data/seed/anadolu-2019-07-23-idlib-airstrikes.bundle.json", import.meta.url), "utf8"),
);

describe("validateBundle", () => {
  it("accepts the article's bundle and locates every quote in its text", async () => {
    const result = await validateBundle(seedBundle);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.external.size).toBe(0);
    const text: string = seedBundle.source.text;
    for (const located of result.value.evidence.values()) {
      for (const { quote, start, end } of located) expect(text.slice(start, end)).toBe(quote);
    }
  });

  it("reports schema problems first, then every reference and quote problem together", async () => {
    const broken = structuredClone(seedBundle);
    broken.events[0].date = "2019-02-30";
    broken.claims[0].event = "place:not-an-event";
    broken.claims[1].quotes = ["words that the article never says"];
    const first = await validateBundle(broken);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.problems.map((problem) => problem.path)).toEqual(["events.0.date"]);
    broken.events[0].date = "2019-07-22";
    const second = await validateBundle(broken);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.problems.map((problem) => problem.path)).toEqual(["claims.0.event", "claims.1.quotes.0"]);
    expect(second.problems[0]?.message).toBe('"place:not-an-event" is not an event id (event:<slug>)');
  });

  it("leaves ids it does not define to be checked against the graph", async () => {
    const bundle = structuredClone(seedBundle);
    bundle.claims[0].event = "event:defined-elsewhere";
    const result = await validateBundle(bundle);
    expect(result.ok && [...result.external.keys()]).toEqual(["event:defined-elsewhere"]);
  });

  it("names a quote missing from the source text", async () => {
    const broken = structuredClone(seedBundle);
    broken.claims[1].quotes = ["words that the article never says"];
    const result = await validateBundle(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ path: "claims.1.quotes.0", message: expect.stringMatching(/quote not found/) }]);
  });
});
