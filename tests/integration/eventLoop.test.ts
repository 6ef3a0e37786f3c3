/**
 * No request holds the event loop: an editor's import whose quotes are as expensive to locate as they can be is
 * answered while other clients' requests keep being answered within a second. The bounds on quotes are coded
 * refusals.
 */
import { describe, expect, it } from "vitest";
import { quoteLimits } from "../../src/ingest/bundle/validation.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { probeUntil } from "../helpers/waiting.js";
import { importBundle, keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);

/** A 9 MB source text of `a` and claims quoting 3,000 `a`, a `b` and 3,000 `a`: quadratic for a naive search. */
function pathologicalBundle(s: string, quotes: number, text = "a".repeat(9_000_000)) {
  const quote = `${"a".repeat(3_000)}b${"a".repeat(3_000)}`;
  return {
    source: { id: `source:stall-${s}`, title: `Stall ${s}`, text },
    actors: [{ id: `actor:stall-${s}`, name: `Stall Agency ${s}`, kind: "MEDIA" }],
    places: [{ id: `place:stall-${s}`, name: `Stall Town ${s}`, kind: "TOWN" }],
    events: [
      {
        id: `event:stall-${s}`,
        title: "Stall",
        category: "BATTLES",
        type: "ARMED_CLASH",
        date: "2020-01-01",
        datePrecision: "DAY",
        places: [`place:stall-${s}`],
      },
    ],
    claims: Array.from({ length: quotes }, (_, i) => ({
      id: `claim:stall-${s}-${i}`,
      kind: "OTHER",
      text: "Stall",
      event: `event:stall-${s}`,
      assertedBy: `actor:stall-${s}`,
      quotes: [`${quote}${i}`],
    })),
  };
}

/** Latencies of requests sent one after another, every 50 ms, until `done` settles. */
function latenciesDuring(done: Promise<unknown>, send: () => Promise<unknown>): Promise<number[]> {
  return probeUntil(
    done,
    async () => {
      const started = performance.now();
      await send();
      return performance.now() - started;
    },
    50,
  );
}

describe("a pathological import", () => {
  it("is refused with BAD_USER_INPUT while /health and a small query are answered within a second", async () => {
    const s = uniqueSuffix();
    const started = performance.now();
    const imported = importBundle(server, pathologicalBundle(s, 20));
    const health = latenciesDuring(imported, () => fetch(`${server.url}/health`).then((response) => response.text()));
    const query = latenciesDuring(imported, () => server.graphql("{ viewer { role } }"));
    const response = await imported;
    const importMs = performance.now() - started;
    const [healthMs, queryMs] = await Promise.all([health, query]);

    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const problems = response.errors?.[0]?.extensions?.problems as { path: string; message: string }[];
    expect(problems).toHaveLength(20);
    expect(problems[0]).toEqual({ path: "claims.0.quotes.0", message: expect.stringMatching(/quote not found/) });
    // The import took long enough for the other requests to have been held up, had they been.
    expect(importMs).toBeGreaterThan(500);
    expect(healthMs.length).toBeGreaterThan(2);
    expect(Math.max(...healthMs)).toBeLessThan(1_000);
    expect(Math.max(...queryMs)).toBeLessThan(1_000);
    console.log(
      `[event loop] pathological import answered in ${Math.round(importMs)} ms; slowest /health ${Math.round(Math.max(...healthMs))} ms, ` +
        `slowest query ${Math.round(Math.max(...queryMs))} ms`,
    );
  }, 120_000);

  it("finds the quote when it is there, at the end of the long text", async () => {
    const s = uniqueSuffix();
    const quote = `${"a".repeat(3_000)}b${"a".repeat(3_000)}0`;
    const response = await importBundle(server, pathologicalBundle(s, 1, `${"a".repeat(1_000_000)}${quote}`), { dryRun: true });
    expect(response.errors).toBeUndefined();
    expect(response.data?.importBundle).toMatchObject({ dryRun: true, created: 5 });
  }, 60_000);
});

describe("the bounds on quotes", () => {
  it("refuse a quote longer than the limit, naming it", async () => {
    const s = uniqueSuffix();
    const bundle = pathologicalBundle(s, 1, "b".repeat(20_000));
    bundle.claims[0]!.quotes = ["b".repeat(quoteLimits.length + 1)];
    const response = await importBundle(server, bundle, { dryRun: true });
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      { path: "claims.0.quotes.0", message: `a quote may have at most ${quoteLimits.length.toLocaleString("en")} characters` },
    ]);
  });

  it("refuse more quotes than the limit, and more quotes than the text's length allows", async () => {
    const s = uniqueSuffix();
    const many = pathologicalBundle(s, quoteLimits.count + 1, "short text");
    for (const claim of many.claims) claim.quotes = ["short"];
    const tooMany = await importBundle(server, many, { dryRun: true });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooMany.errors?.[0]?.extensions?.problems).toEqual([{ path: "", message: expect.stringMatching(/at most 1,000 quotes/) }]);

    const long = pathologicalBundle(s, 30);
    const tooLong = await importBundle(server, long, { dryRun: true });
    expect(tooLong.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooLong.errors?.[0]?.extensions?.problems).toEqual([{ path: "", message: expect.stringMatching(/quotes times characters/) }]);
  }, 60_000);
});
