/**
 * The plan cache (app.ts PLAN_CACHE): compiled plans are kept per document, operation and root field, within a bound
 * in entries and bytes, whatever a flood of distinct documents asks.
 */
import { getOperationAST, Kind, parse, type FieldNode, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { LruCache, planSize } from "../../../src/http/boundedCache.js";
import type { RootPlan } from "../../../src/graphql/compile/compiler.js";
import { planOf } from "../../../src/graphql/compile/run.js";
import type { Context } from "../../../src/graphql/context.js";
import { schema } from "../../helpers/compiled.js";

/** The resolve info of a document's first root field, as graphql-js gives it to the root resolver. */
function infoOf(query: string): GraphQLResolveInfo {
  const document = parse(query);
  const operation = getOperationAST(document)!;
  const field = operation.selectionSet.selections[0] as FieldNode;
  return {
    schema,
    operation,
    fragments: Object.fromEntries(
      document.definitions.flatMap((definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
      ),
    ),
    fieldNodes: [field],
    path: { prev: undefined, key: field.alias?.value ?? field.name.value, typename: "Query" },
    variableValues: {},
  } as unknown as GraphQLResolveInfo;
}

describe("the plan cache", () => {
  it("compiles a document's root field once, and keeps what it cannot compile too (as null)", async () => {
    const plans = new LruCache<RootPlan | null>({ maxBytes: 1_000_000, maxEntries: 100 }, planSize);
    const context = { plans } as unknown as Context;
    const query = `{ event(id: "event:x") { id places { id } } }`;
    const first = await planOf(context, infoOf(query));
    expect(first).not.toBeNull();
    expect(await planOf(context, infoOf(query))).toBe(first);
    expect(await planOf(context, infoOf(`{ event(id: "event:x") { endDate } }`))).toBeNull();
    expect(plans.usage().entries).toBe(2);
  });

  it("keeps node(id)'s plans apart per label its ids name, each compiled for that type", async () => {
    const plans = new LruCache<RootPlan | null>({ maxBytes: 1_000_000, maxEntries: 100 }, planSize);
    const context = { plans } as unknown as Context;
    const query = `query ($id: ID!) { node(id: $id) { id ...on Actor { name } ...on Event { title } } }`;
    const actor = await planOf(context, infoOf(query), "Actor");
    const event = await planOf(context, infoOf(query), "Event");
    expect([actor?.label, event?.label]).toEqual(["Actor", "Event"]);
    expect(actor?.body).toContain("n.name");
    expect(event?.body).toContain("n.title");
    expect(await planOf(context, infoOf(query), "Actor")).toBe(actor);
    expect(await planOf(context, infoOf(query))).toBeNull();
    expect(plans.usage().entries).toBe(3);
  });

  it("holds at most its entries and bytes under a flood of distinct documents", async () => {
    const limits = { maxBytes: 60_000, maxEntries: 40 };
    const plans = new LruCache<RootPlan | null>(limits, planSize);
    const context = { plans } as unknown as Context;
    for (let i = 0; i < 400; i++) {
      const padding = "x".repeat(i % 200);
      const plan = await planOf(context, infoOf(`# ${padding}\n{ a${i}: event(id: "event:x") { id places { id ancestors { id } } } }`));
      expect(plan).not.toBeNull();
      const usage = plans.usage();
      expect(usage.entries).toBeLessThanOrEqual(limits.maxEntries);
      expect(usage.bytes).toBeLessThanOrEqual(limits.maxBytes);
    }
    expect(plans.usage().entries).toBeGreaterThan(1);
  });
});
