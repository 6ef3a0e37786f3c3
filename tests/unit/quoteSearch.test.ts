import { describe, expect, it } from "vitest";
import { findQuote } from "../../src/model/quoteSearch.js";
import { Pacer } from "../../src/pacer.js";

/** A deterministic generator, so a failure can be reproduced. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

describe("findQuote", () => {
  it("agrees with indexOf on short random texts over a small alphabet", async () => {
    const next = random(7);
    const word = (length: number) => Array.from({ length }, () => "ab"[Math.floor(next() * 2)]).join("");
    for (let i = 0; i < 5_000; i++) {
      const text = word(Math.floor(next() * 80));
      const quote = word(1 + Math.floor(next() * 30));
      expect(await findQuote(text, quote, new Pacer())).toBe(text.indexOf(quote));
    }
  });

  it("agrees with indexOf on periodic texts that send it to Knuth–Morris–Pratt", async () => {
    for (const period of ["a", "ab", "aab", "abaab"]) {
      const text = period.repeat(20_000);
      for (const quote of [period.repeat(40), `${period.repeat(20)}b${period.repeat(20)}`, `${period.repeat(30)}c`, text.slice(7, 400)]) {
        expect(await findQuote(text, quote, new Pacer())).toBe(text.indexOf(quote));
        const atEnd = `${text}${quote}x`;
        expect(await findQuote(atEnd, `${quote}x`, new Pacer())).toBe(atEnd.indexOf(`${quote}x`));
      }
    }
  });

  it("takes linear time on the input that makes a naive search quadratic", async () => {
    const text = "a".repeat(2_000_000);
    const quote = `${"a".repeat(3_000)}b${"a".repeat(3_000)}`;
    const started = performance.now();
    expect(await findQuote(text, quote, new Pacer())).toBe(-1);
    // indexOf needs several seconds for this; linear work is tens of milliseconds (a wide margin for slow machines).
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
