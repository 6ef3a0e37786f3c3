/**
 * Full-text search as people type names: any transliteration, any case, with or without
 * diacritics, with a typo. Best match first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.close();
});

interface Hit {
  score: number;
  node: { __typename: string; id: string };
}

async function search(query: string, types?: string[], first?: number): Promise<Hit[]> {
  const response = await server.graphql(
    `query ($query: String!, $types: [NodeType!], $first: Int) {
      search(query: $query, types: $types, first: $first) { score node { __typename id } }
    }`,
    { query, types, first },
  );
  expect(response.errors).toBeUndefined();
  const hits = response.data!.search as Hit[];
  // Best match first.
  for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  return hits;
}

async function best(query: string, types?: string[]): Promise<string | undefined> {
  return (await search(query, types))[0]?.node.id;
}

describe("search", () => {
  it.each(["Maarat al-Numan", "Ma'arrat al-Nu'man", "maarrat an-numan", "MAARAT AL NUMAN", "Maarat al-Nuxan"])(
    "finds Maarat al-Numan first for %j",
    async (query) => {
      expect(await best(query)).toBe("place:maarat-al-numan");
    },
  );

  it("ranks an exact name above longer names that contain it, even for a single hit", async () => {
    const [hit] = await search("Maarat al-Numan", undefined, 1);
    expect(hit?.node.id).toBe("place:maarat-al-numan");
    expect(await best("Maarat al-Numan market")).toBe("place:maarat-al-numan-market");
    expect(await best("Maarat al-Numan marketplace")).toBe("place:maarat-al-numan-market");
  });

  it.each([
    ["Idleb", "place:idlib-governorate"],
    ["Saraqeb", "place:saraqib"],
    ["Tal Mannas", "place:talmenes"],
    ["Kabana", "place:al-kabina"],
  ])("finds the place spelled %j", async (query, id) => {
    expect(await best(query)).toBe(id);
  });

  it("finds an actor by an alias", async () => {
    expect(await best("White Helmets")).toBe("actor:syria-civil-defence");
  });

  it.each(["Türkiye", "Turkiye", "TÜRKIYE"])("finds Turkey as %j, with or without diacritics", async (query) => {
    expect(await best(query)).toBe("actor:turkey");
  });

  it("restricts results to the types asked for", async () => {
    const everything = await search("Russia", undefined, 50);
    expect(new Set(everything.map((hit) => hit.node.__typename)).size).toBeGreaterThan(1);
    const actors = await search("Russia", ["ACTOR"], 50);
    expect(actors.length).toBeGreaterThan(0);
    for (const hit of actors) expect(hit.node.__typename).toBe("Actor");
    expect(actors[0]!.node.id).toBe("actor:russia");
    const placesOnly = await search("White Helmets", ["PLACE"]);
    expect(placesOnly.map((hit) => hit.node.id)).not.toContain("actor:syria-civil-defence");
    const either = await search("Saraqib", ["PLACE", "EVENT"], 50);
    expect(new Set(either.map((hit) => hit.node.__typename))).toEqual(new Set(["Place", "Event"]));
  });

  it("searches statement text", async () => {
    const hits = await search("act of desperation", ["STATEMENT"]);
    expect(hits[0]?.node).toEqual({ __typename: "Statement", id: "statement:2019-07-23-us-condemns-maarat-al-numan-airstrikes" });
    expect(await best("act of desperation")).toBe("statement:2019-07-23-us-condemns-maarat-al-numan-airstrikes");
  });

  it("returns at most first hits", async () => {
    expect(await search("Syria", undefined, 2)).toHaveLength(2);
  });

  it.each([0, 101])("refuses first: %i with BAD_USER_INPUT", async (first) => {
    const response = await server.graphql(`query ($first: Int) { search(query: "Idlib", first: $first) { score } }`, { first });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
  });

  it.each(['"*:* OR name:x) AND', 'name:x OR *:* AND "', "\\", "~~~", "((((", "  ''  "])(
    "treats hostile input %j as plain words",
    async (query) => {
      const response = await server.graphql(`query ($query: String!) { search(query: $query) { score node { id } } }`, { query });
      expect(response.errors).toBeUndefined();
      expect(Array.isArray(response.data!.search)).toBe(true);
    },
  );
});
