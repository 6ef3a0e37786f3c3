/**
 * The equality sweep of the compiled read path (src/graphql/compile/): for every relationship field of the catalogue,
 * every stored property the compiler reads, the benchmark's Q1–Q3, a spread of event pages, and the README's and the
 * recipes' queries, the server answers the same with the compiler as with the resolvers alone (COMPILED_READS=false):
 * the same data, the same errors. Each catalogue query is first checked to be one the compiler serves.
 */
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { Q1, Q2, Q3 } from "../../bench/ours.js";
import { fieldReads } from "../../src/graph/catalogue.js";
import { parseRecipes } from "../../web/build/recipes.js";
import { compiled, schema } from "../helpers/compiled.js";
import { read, readmeQueries } from "../helpers/queryCosts.js";
import { type GraphQLResponse, useServer, useTestDatabase } from "../helpers/server.js";

const withCompiler = useServer();
const withResolvers = useServer({ COMPILED_READS: "false" });
const database = useTestDatabase();

/** The leaves of a type the compiler serves: each tried alone below a node by id. */
function leaves(type: GraphQLObjectType): string {
  const root = type.name.charAt(0).toLowerCase() + type.name.slice(1);
  return Object.values(type.getFields())
    .filter((field) => field.args.length === 0)
    .flatMap((field) => {
      const named = getNamedType(field.type);
      const selection = isLeafType(named) ? field.name : named.name === "Estimate" ? `${field.name} { low high qualifier best }` : null;
      if (selection === null) return [];
      return compiled(`{ x: ${root}(id: "${root}:x") { ${selection} } }`).x ? [selection] : [];
    })
    .join(" ");
}

/** A selection of a catalogue field: every leaf of the related type, through the object between when there is one. */
function fieldSelection(coordinate: string): string {
  const read = fieldReads.get(coordinate as never)!;
  const related = leaves(schema.getType(read.returns) as GraphQLObjectType);
  if (!read.through) return `${read.field.split(".")[1]} { ${related} }`;
  const wrapper = getNamedType((schema.getType(read.from) as GraphQLObjectType).getFields()[read.field.split(".")[1]!]!.type);
  const own = isObjectType(wrapper)
    ? Object.keys(wrapper.getFields())
        .filter((name) => name !== read.through)
        .join(" ")
    : "";
  return `${read.field.split(".")[1]} { ${own} ${read.through} { ${related} } }`;
}

/**
 * Both paths' answers to the same request, which must be equal. Files that write run beside this one, and an event
 * they add between the two reads changes whole-graph counts: answers that differ are asked for again, up to three
 * times, and only equal ones pass (a path that answers differently fails every time).
 */
async function same(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  for (let attempt = 1; ; attempt++) {
    const [fast, plain] = await Promise.all([withCompiler.graphql(query, variables), withResolvers.graphql(query, variables)]);
    if (attempt === 3 || JSON.stringify(fast) === JSON.stringify(plain)) {
      expect(fast).toEqual(plain);
      return fast;
    }
  }
}

describe("every catalogue field, with every stored property the compiler reads on both ends", () => {
  it.each([...fieldReads.keys()])(
    "%s",
    async (coordinate) => {
      const read = fieldReads.get(coordinate)!;
      const root = read.from.charAt(0).toLowerCase() + read.from.slice(1);
      const query = `query ($id: ID!) { node: ${root}(id: $id) { ${leaves(schema.getType(read.from) as GraphQLObjectType)} ${fieldSelection(coordinate)} } }`;
      expect(compiled(query, { id: `${root}:x` }).node, "compiled").not.toBeNull();
      // Nodes that have the relationship (at most three), and one that may not.
      const rows = await database.db.read(
        `// sweepIds
      MATCH (n:${read.from})
      CALL (n) {
        ${read.pattern({ n: "n", m: "m", datum: "datum", args: "$args", local: (name) => `${name}_sweep` })}
      }
      RETURN DISTINCT n.id AS id LIMIT 3`,
        { args: Object.fromEntries((read.args ?? []).map((name) => [name, null])) },
      );
      const ids = [...rows.map((row) => String(row.id))];
      expect(ids.length, `${coordinate} has data`).toBeGreaterThan(0);
      for (const id of ids) {
        const response = await same(query, { id });
        expect((response.data as { node: unknown }).node).not.toBeNull();
      }
    },
    120_000,
  );
});

describe("the benchmark's Q1–Q3", () => {
  it("Q1", async () => {
    expect(compiled(Q1).events).not.toBeNull();
    const response = await same(Q1);
    expect((response.data as { events: { edges: unknown[] } }).events.edges.length).toBeGreaterThan(0);
  });

  it("Q2", async () => {
    for (const id of ["event:2019-07-22-maarat-al-numan-market-airstrike", "event:2019-07-23-idlib-airstrikes", "event:none"]) {
      await same(Q2, { id });
    }
  });

  it("Q3", async () => {
    for (const [place, from, to] of [
      ["place:idlib-governorate", "2019-01-01", "2019-12-31"],
      ["place:syria", "2019-07-01", "2019-07-31"],
      ["place:none", "2019-01-01", "2019-12-31"],
    ]) {
      await same(Q3, { place, from, to });
    }
  });
});

describe("pages of events", () => {
  const page = `query ($first: Int, $last: Int, $after: String, $before: String, $orderBy: EventOrder, $filter: EventFilter) {
    events(first: $first, last: $last, after: $after, before: $before, orderBy: $orderBy, filter: $filter) {
      totalCount count: totalCount
      edges { cursor node { id date type title fatalities { low high qualifier best } } }
      more: edges { node { ...on Node { id } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

  it("walk forwards and backwards in every order, with filters, the same way", async () => {
    expect(compiled(page).events).not.toBeNull();
    for (const orderBy of ["DATE_DESC", "DATE_ASC", "FATALITIES_DESC"]) {
      for (const filter of [
        {},
        { placeId: "place:idlib-governorate" },
        { from: "2019-07-01", to: "2019-07-31" },
        { actorId: "actor:russia" },
      ]) {
        const first = await same(page, { first: 2, orderBy, filter });
        const { endCursor, startCursor } = (
          first.data as { events: { pageInfo: { endCursor: string | null; startCursor: string | null } } }
        ).events.pageInfo;
        if (endCursor) {
          const next = await same(page, { first: 2, after: endCursor, orderBy, filter });
          const back = (next.data as { events: { pageInfo: { startCursor: string | null } } }).events.pageInfo.startCursor;
          if (back) await same(page, { last: 2, before: back, orderBy, filter });
        }
        if (startCursor) await same(page, { last: 1, before: startCursor, orderBy, filter });
      }
    }
  }, 300_000);

  it("refuse the same bad input with the same errors", async () => {
    await same(page, { first: 1_000 });
    await same(page, { first: 2, after: "not a cursor" });
    await same(page, { first: 2, filter: { placeId: "actor:russia" } });
    await same(page, { first: 2, filter: { from: "2019-07-31", to: "2019-07-01" } });
    await same(`{ event(id: "place:x") { id } }`);
    await same(`{ actor(id: "nonsense") { id } }`);
  });
});

describe("the README's and the recipes' queries", () => {
  const queries = [
    ...readmeQueries(),
    ...parseRecipes(read("docs/recipes.md")).map((recipe) => ({ title: `Recipe ${recipe.number}`, query: recipe.query })),
  ].filter(({ query }) => !/^\s*(mutation|subscription)\b/m.test(query));

  it.each(queries)("$title", async ({ query }) => {
    await same(query);
  });
});
