/**
 * The equality sweep of the compiled read path (src/graphql/compile/): for every relationship field of the catalogue,
 * every stored property the compiler reads, the benchmark's Q1–Q3, a spread of event pages, and the README's and the
 * recipes' queries, the server answers the same with the compiler as with the resolvers alone (COMPILED_READS=false):
 * the same data, the same errors. Each catalogue query is first checked to be one the compiler serves. The root lists
 * (`actors`, `places`, `agreements`, `statements`) are walked page by page both ways under each filter, and `node(id)`
 * asked for every label, a merged-away id and ids that name nothing, on a document of the file's own beside the seed.
 */
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { Q1, Q2, Q3 } from "../../bench/ours.js";
import { fieldReads } from "../../src/graph/catalogue.js";
import { encodeCursor } from "../../src/model/pagination.js";
import { parseRecipes } from "../../web/build/recipes.js";
import { uniqueSuffix, writeTestBundle } from "../helpers/bundles.js";
import { compiled, schema } from "../helpers/compiled.js";
import { documentBundle } from "../helpers/writing.js";
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

const s = uniqueSuffix();
const own = (kind: string, name: string) => `${kind}:w-${s}-${name}`;

/**
 * `documentBundle` with more of each listed type: two actors of one name (their order is the ids'), two undated
 * agreements (sorted last, on one key), a statement without a date, and an actor and a place merged away.
 */
function listsBundle() {
  const bundle = documentBundle(s);
  const extra = ` Twin ${s} called for calm. Twin ${s} answered.`;
  const [ministry] = bundle.actors;
  return {
    ...bundle,
    source: { ...bundle.source, text: bundle.source.text + extra },
    actors: [
      { ...ministry!, mergedIds: [own("actor", "old")] },
      { id: own("actor", "twin-a"), name: `Twin ${s}`, kind: "STATE", partOf: [ministry!.id], resolve: false },
      { id: own("actor", "twin-b"), name: `Twin ${s}`, kind: "STATE", resolve: false },
      { id: own("actor", "person"), name: `Alpha ${s}`, kind: "PERSON" },
    ],
    places: [
      ...bundle.places,
      { id: own("place", "town"), name: `Town ${s}`, kind: "CITY", parent: own("place", "province"), mergedIds: [own("place", "old")] },
      { id: own("place", "village"), name: `Village ${s}`, kind: "VILLAGE", parent: own("place", "town") },
    ],
    agreements: [
      {
        id: own("agreement", "signed"),
        name: `Accord ${s}`,
        signedOn: "2020-03-01",
        parties: [ministry!.id],
        covers: [own("place", "province")],
      },
      { id: own("agreement", "undated-a"), name: `Truce A ${s}` },
      { id: own("agreement", "undated-b"), name: `Truce B ${s}` },
    ],
    statements: [
      ...bundle.statements,
      {
        id: own("statement", "call"),
        date: "2020-03-05",
        datePrecision: "DAY",
        stance: "CALL_FOR",
        text: "Twin called for calm.",
        speaker: own("actor", "twin-a"),
        targets: [ministry!.id],
        quotes: [`Twin ${s} called for calm.`],
      },
      {
        id: own("statement", "undated"),
        stance: "REPORT",
        text: "Twin answered.",
        speaker: own("actor", "twin-b"),
        targets: [own("actor", "twin-a")],
        about: [own("event", "strike")],
        quotes: [`Twin ${s} answered.`],
      },
    ],
  };
}

describe("the root lists and node(id)", () => {
  beforeAll(async () => {
    await writeTestBundle(listsBundle());
  }, 60_000);

  const pageArgs = "$first: Int, $last: Int, $after: String, $before: String";
  const pageOf = "first: $first, last: $last, after: $after, before: $before";
  /** A page's every part, twice under aliases, each item's stored and related fields, fragments on the type and on Node. */
  const connection = (node: string) => `totalCount count: totalCount
      edges { cursor node { ${node} } }
      more: edges { at: cursor item: node { ...on Node { key: id } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } info: pageInfo { next: hasNextPage }`;
  const lists = {
    actors: `query (${pageArgs}, $filter: ActorFilter) { actors(${pageOf}, filter: $filter) {
      ${connection("id name kind aliases description partOf { id name } members { id }")} } }`,
    places: `query (${pageArgs}, $filter: PlaceFilter) { places(${pageOf}, filter: $filter) {
      ${connection("id name kind aliases ancestors { id } parent { id }")} } }`,
    agreements: `query (${pageArgs}) { agreements(${pageOf}) {
      ${connection("id name signedOn summary parties { id } covers { id name } evidence { quote source { id } }")} } }`,
    statements: `query (${pageArgs}, $filter: StatementFilter) { statements(${pageOf}, filter: $filter) {
      ${connection("id date stance text speaker { id name } targets { id } about { id title } evidence { quote start end }")} } }`,
  } as const;

  interface PageInfo {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  }
  const infoOf = (response: GraphQLResponse, list: string) => (response.data as Record<string, { pageInfo: PageInfo }>)[list]!.pageInfo;

  /**
   * Walks a list forwards page by page to its end (at most `pages` pages), then backwards from there to its start, both
   * paths answering each page the same; gives how many items it saw going forwards.
   */
  async function walk(list: keyof typeof lists, variables: Record<string, unknown>, size: number, pages = 6): Promise<number> {
    let seen = 0;
    let response = await same(lists[list], { ...variables, first: size });
    for (let page = 1; ; page++) {
      seen += (response.data as Record<string, { edges: unknown[] }>)[list]!.edges.length;
      const info = infoOf(response, list);
      if (!info.hasNextPage || page === pages) break;
      response = await same(lists[list], { ...variables, first: size, after: info.endCursor });
    }
    // Backwards from the last page reached.
    for (let page = 1; page <= pages; page++) {
      const { startCursor } = infoOf(response, list);
      if (startCursor === null) break;
      response = await same(lists[list], { ...variables, last: size, before: startCursor });
      if (!infoOf(response, list).hasPreviousPage) break;
    }
    return seen;
  }

  it("are compiled, each in one statement", async () => {
    for (const query of Object.values(lists)) expect(Object.values(compiled(query)), query).not.toContain(null);
    const sent = async (query: string, variables: Record<string, unknown>) => {
      const before = await withCompiler.queriesSent();
      const response = await withCompiler.graphql(query, variables);
      expect(response.errors).toBeUndefined();
      return (await withCompiler.queriesSent()) - before;
    };
    for (const query of Object.values(lists)) expect(await sent(query, { first: 3 }), query).toBe(1);
    expect(await sent(`query ($id: ID!) { node(id: $id) { id ...on Actor { partOf { id } } } }`, { id: own("actor", "twin-a") })).toBe(1);
  });

  it("actors: every filter, forwards and backwards", async () => {
    expect(await walk("actors", { filter: { nameContains: `twin ${s}` } }, 1)).toBe(2);
    expect(await walk("actors", { filter: { nameContains: s } }, 2)).toBe(4);
    expect(await walk("actors", { filter: { kinds: ["STATE"], nameContains: s } }, 1)).toBe(2);
    expect(await walk("actors", { filter: { kinds: ["PERSON", "STATE"] } }, 3)).toBeGreaterThan(0);
    expect(await walk("actors", { filter: { nameContains: "nothing of the sort" } }, 2)).toBe(0);
    expect(await walk("actors", {}, 20, 3)).toBeGreaterThan(0);
  }, 120_000);

  it("places: every filter, forwards and backwards", async () => {
    expect(await walk("places", { filter: { withinId: own("place", "province") } }, 1)).toBe(3);
    await walk("places", { filter: { withinId: own("place", "old") } }, 2);
    expect(await walk("places", { filter: { withinId: "place:idlib-governorate", kinds: ["CITY", "SITE"] } }, 2)).toBeGreaterThan(0);
    expect(await walk("places", { filter: { nameContains: s, kinds: ["CITY", "VILLAGE"] } }, 1)).toBe(2);
    expect(await walk("places", { filter: { withinId: "place:none" } }, 2)).toBe(0);
    expect(await walk("places", {}, 20, 3)).toBeGreaterThan(0);
  }, 120_000);

  it("agreements: forwards and backwards, undated ones last", async () => {
    expect(await walk("agreements", {}, 1, 100)).toBeGreaterThanOrEqual(4);
    expect(await walk("agreements", {}, 3)).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it("statements: every filter, forwards and backwards", async () => {
    const ministry = own("actor", "ministry");
    expect(await walk("statements", { filter: { speakerId: ministry } }, 1)).toBe(1);
    expect(await walk("statements", { filter: { targetId: own("actor", "twin-a") } }, 1)).toBe(1);
    expect(await walk("statements", { filter: { aboutEventId: own("event", "strike") } }, 1)).toBe(2);
    expect(
      await walk("statements", { filter: { stances: ["DENY", "CALL_FOR"], from: "2020-01-01", to: "2020-12-31" } }, 1),
    ).toBeGreaterThan(0);
    expect(await walk("statements", { filter: { targetId: "actor:russia" } }, 2)).toBeGreaterThan(0);
    expect(await walk("statements", { filter: { speakerId: "actor:none" } }, 2)).toBe(0);
    expect(await walk("statements", {}, 20, 3)).toBeGreaterThan(0);
  }, 120_000);

  it("refuse the same bad input with the same errors", async () => {
    const otherCursor = encodeCursor({ order: "FATALITIES_DESC", key: 5, id: "event:x" });
    const forged = encodeCursor({ order: "SIGNED_DESC", key: 5, id: "agreement:x" });
    for (const list of ["actors", "places", "agreements", "statements"] as const) {
      for (const variables of [
        { first: 101 },
        { last: -1 },
        { first: 1, last: 1 },
        { after: "not a cursor" },
        { before: otherCursor },
        { first: 1_000, after: "not a cursor" },
      ]) {
        const response = await same(lists[list], variables);
        expect(response.errors?.[0]?.extensions?.code, `${list} ${JSON.stringify(variables)}`).toBe("BAD_USER_INPUT");
      }
    }
    for (const [list, variables] of [
      ["agreements", { after: forged }],
      ["places", { filter: { withinId: "actor:russia" } }],
      ["places", { filter: { withinId: "garbage" }, first: 1_000 }],
      ["statements", { filter: { speakerId: "place:x" } }],
      ["statements", { filter: { targetId: "nonsense" } }],
      ["statements", { filter: { aboutEventId: "actor:x" } }],
      ["statements", { filter: { from: "2020-01-02", to: "2020-01-01" }, first: 1_000 }],
      ["statements", { filter: { speakerId: "place:x" }, first: 1, last: 1 }],
    ] as const) {
      const response = await same(lists[list], variables);
      expect(response.errors?.[0]?.extensions?.code, `${list} ${JSON.stringify(variables)}`).toBe("BAD_USER_INPUT");
    }
  });

  const anyNode = `query ($id: ID!) { node(id: $id) {
    __typename id
    ...on Actor { name actorKind: kind partOf { id } }
    ...on Place { name ancestors { id } }
    ...on Event { title date places { id } participants { role actor { id } } }
    ...on Agreement { name signedOn parties { id } }
    ...on Statement { stance text speaker { id } }
    ...on Source { title }
    ...on Claim { claimKind: kind estimate { low high qualifier } }
    ...on Incident { date }
  } }`;

  it("node(id): every label, merged-away ids and ids that name nothing, the same way", async () => {
    const [incident] = await database.db.read(`// sweepIncidentId
      MATCH (i:Incident) RETURN i.id AS id LIMIT 1`);
    const ids = [
      "actor:russia",
      own("actor", "twin-a"),
      "place:idlib-governorate",
      "event:2019-07-22-maarat-al-numan-market-airstrike",
      "agreement:sochi-memorandum-2018",
      own("agreement", "undated-a"),
      "statement:russian-mod-denies-marketplace-strike",
      "source:anadolu-2019-07-23-idlib-airstrikes",
      "claim:saraqib-fatalities-local-sources",
    ];
    for (const id of ids) {
      expect(compiled(anyNode, { id }).node, id).not.toBeNull();
      const response = await same(anyNode, { id });
      expect((response.data as { node: { id: string } | null }).node?.id, id).toBe(id);
    }
    // Merged away: each answers the node it was merged into.
    for (const [id, into] of [
      [own("actor", "old"), own("actor", "ministry")],
      [own("place", "old"), own("place", "town")],
    ]) {
      expect(compiled(anyNode, { id }).node).not.toBeNull();
      const response = await same(anyNode, { id });
      expect((response.data as { node: { id: string } | null }).node?.id).toBe(into);
    }
    // Incidents are left to the resolvers; both paths answer alike.
    expect(incident, "an incident").toBeDefined();
    expect(compiled(anyNode, { id: String(incident!.id) }).node).toBeNull();
    await same(anyNode, { id: String(incident!.id) });
    for (const id of ["event:none", "actor:none", "incident:none"]) {
      expect((await same(anyNode, { id })).data).toEqual({ node: null });
    }
    for (const id of ["garbage", "spaceship:x", "constructor:x", ""]) {
      const response = await same(anyNode, { id });
      expect(response.errors?.[0]?.extensions?.code, id).toBe("BAD_USER_INPUT");
    }
  });

  it("node(id): its type from the id, whatever its keys hold", async () => {
    const event = "event:2019-07-22-maarat-al-numan-market-airstrike";
    for (const query of [
      `query ($id: ID!) { node(id: $id) { ...on Event { id: title } } }`,
      `query ($id: ID!) { node(id: $id) { kind: __typename ...on Place { name } } }`,
      `query ($id: ID!) { a: node(id: $id) { id } b: node(id: $id) { ...on Event { id: date } } }`,
      `query ($id: ID!) { node(id: $id) { ...on Actor { name } } }`,
    ]) {
      expect(Object.values(compiled(query, { id: event })), query).not.toContain(null);
      const response = await same(query, { id: event });
      expect(response.errors, query).toBeUndefined();
    }
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
