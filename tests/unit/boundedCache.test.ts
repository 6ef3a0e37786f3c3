import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { documentSize, LruCache, persistedQuerySize } from "../../src/http/boundedCache.js";

describe("the caches Apollo keeps between requests", () => {
  it("hold at most their entries and their bytes, dropping the least recently used first", async () => {
    const cache = new LruCache<string>({ maxBytes: 1_000, maxEntries: 3 }, (_key, value) => value.length);
    for (const key of ["a", "b", "c"]) await cache.set(key, "x".repeat(100));
    await cache.get("a");
    await cache.set("d", "x".repeat(100));
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toBeDefined();
    expect(cache.usage()).toEqual({ entries: 3, bytes: 300 });
    await cache.set("e", "x".repeat(900));
    expect(cache.usage().bytes).toBeLessThanOrEqual(1_000);
    expect(await cache.get("e")).toBeDefined();
    // An entry larger than the whole cache is not kept, and evicts nothing.
    await cache.set("huge", "x".repeat(2_000));
    expect(await cache.get("huge")).toBeUndefined();
    expect(await cache.get("e")).toBeDefined();
    await cache.set("e", "y");
    expect(cache.usage().bytes).toBeLessThanOrEqual(1_000);
    expect(await cache.delete("e")).toBe(true);
    expect(await cache.delete("e")).toBe(false);
  });

  it("count a document's text, comments included, which Apollo's own count (the AST's JSON) leaves out", () => {
    const plain = parse("{ viewer { role } }");
    const padded = parse(`# ${"x".repeat(30_000)}\n{ viewer { role } }`);
    expect(JSON.stringify(padded).length - JSON.stringify(plain).length).toBeLessThan(100);
    expect(documentSize("k", padded) - documentSize("k", plain)).toBeGreaterThanOrEqual(60_000);
    expect(persistedQuerySize("k", "x".repeat(1_000))).toBeGreaterThanOrEqual(2_000);
  });
});
