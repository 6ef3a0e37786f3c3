/**
 * The cost estimate and the admission weight are counted once per query, operation and variables, and kept in a
 * bounded cache: a flood of distinct variables fills it to its bounds and no further.
 */
import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { admissionLimits, Admission, admissionPlugin } from "../../src/http/admission.js";
import { estimateKey, estimateSize, LruCache } from "../../src/http/boundedCache.js";
import { queryCost, queryCostPlugin } from "../../src/http/queryCost.js";
import { schema } from "../helpers/queryCosts.js";

const query = "query Page($first: Int) { events(first: $first) { edges { node { id places { id } } } } }";
const document = parse(query);
const operation = getOperationAST(document)!;

/** Runs one plugin's didResolveOperation the way Apollo calls it. */
async function resolveOperation(plugin: ReturnType<typeof queryCostPlugin>, variables: Record<string, unknown>, queryHash = "h") {
  const hooks = await plugin.requestDidStart!({} as never);
  await (hooks as { didResolveOperation: (context: unknown) => Promise<void> }).didResolveOperation({
    request: { query, variables, operationName: "Page" },
    document,
    schema,
    operation,
    queryHash,
    contextValue: { viewer: { role: "ANONYMOUS" }, caller: "test" },
  });
}

describe("the estimate cache", () => {
  it("keeps the cost of an operation with its variables, and counts it again for other variables", async () => {
    const estimates = new LruCache<number>({ maxBytes: 1_000_000, maxEntries: 100 }, estimateSize);
    const plugin = queryCostPlugin({ ANONYMOUS: 100_000, READER: 100_000, EDITOR: 100_000 }, estimates);
    await resolveOperation(plugin, { first: 5 });
    await resolveOperation(plugin, { first: 5 });
    await resolveOperation(plugin, { first: 7 });
    expect(estimates.usage().entries).toBe(2);
    expect(await estimates.get(estimateKey("cost", "h", "Page", { first: 7 }))).toBe(queryCost(schema, document, { first: 7 }, "Page"));
  });

  it("refuses from the cache as it refuses when counting (the limit is the viewer's, the estimate is not)", async () => {
    const estimates = new LruCache<number>({ maxBytes: 1_000_000, maxEntries: 100 }, estimateSize);
    const plugin = queryCostPlugin({ ANONYMOUS: 10, READER: 100_000, EDITOR: 100_000 }, estimates);
    for (let i = 0; i < 2; i++) {
      await expect(resolveOperation(plugin, { first: 50 })).rejects.toMatchObject({ extensions: { code: "QUERY_TOO_COMPLEX" } });
    }
    expect(estimates.usage().entries).toBe(1);
  });

  it("holds at most its entries and bytes under a flood of distinct variables and query hashes", async () => {
    const limits = { maxBytes: 20_000, maxEntries: 50 };
    const estimates = new LruCache<number>(limits, estimateSize);
    const cost = queryCostPlugin({ ANONYMOUS: 1e9, READER: 1e9, EDITOR: 1e9 }, estimates);
    const admission = admissionPlugin(new Admission(admissionLimits(50, 1_000)), estimates);
    for (let i = 0; i < 500; i++) {
      const variables = { first: 1 + (i % 100), padding: "x".repeat(i % 300) };
      await resolveOperation(cost, variables, `hash-${i}`);
      await resolveOperation(admission, variables, `hash-${i}`);
      const usage = estimates.usage();
      expect(usage.entries).toBeLessThanOrEqual(limits.maxEntries);
      expect(usage.bytes).toBeLessThanOrEqual(limits.maxBytes);
    }
    expect(estimates.usage().entries).toBeGreaterThan(0);
  });
});
