/**
 * Full-text search as people type names: any transliteration, any case, with or without
 * diacritics, with a typo. Best match first.
 */
import { describe, expect, it } from "vitest";
import { useServer } from "../helpers/server.js";

const server = useServer();

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

  // Every transliteration in DOMAIN.md, as a place search and as a search of everything.
  it.each([
    ["Maarat al-Numan", "place:maarat-al-numan"],
    ["Ma'arrat al-Nu'man", "place:maarat-al-numan"],
    ["Maarrat an-Nu'man", "place:maarat-al-numan"],
    ["Saraqib", "place:saraqib"],
    ["Saraqeb", "place:saraqib"],
    ["Sarakib", "place:saraqib"],
    ["Idlib", "place:idlib-governorate"],
    ["Idleb", "place:idlib-governorate"],
    ["Talmenes", "place:talmenes"],
    ["Tal Mannas", "place:talmenes"],
    ["Al-Kabina", "place:al-kabina"],
    ["Kabana", "place:al-kabina"],
  ])("finds the place spelled %j first", async (query, id) => {
    expect(await best(query, ["PLACE"])).toBe(id);
    expect(await best(query)).toBe(id);
  });

  /** Position of a node in the hits; missing counts as last. */
  const rank = (hits: Hit[], id: string) => {
    const at = hits.findIndex((hit) => hit.node.id === id);
    return at < 0 ? Number.POSITIVE_INFINITY : at;
  };

  it.each([
    ["Saraqib", "place:saraqib", "place:saraqib-market"],
    ["Sarakib", "place:saraqib", "place:saraqib-market"],
    ["Saraqeb", "place:saraqib", "place:saraqib-market"],
    ["Maarrat an-Nu'man", "place:maarat-al-numan", "place:maarat-al-numan-market"],
  ])("ranks the whole name above a longer name containing it, for %j", async (query, whole, longer) => {
    const hits = await search(query, undefined, 20);
    expect(rank(hits, whole)).toBeLessThan(rank(hits, longer));
    expect(rank(hits, longer)).toBeLessThan(Number.POSITIVE_INFINITY);
    const [first, second] = [hits[rank(hits, whole)]!, hits[rank(hits, longer)]!];
    expect(first.score).toBeGreaterThan(second.score);
  });

  it.each(["Ma'arrat al-Nu'man", "Maarat al-Numan", "Maarrat an-Nu'man"])(
    "ranks names closer in spelling above one that only shares the article, for %j",
    async (query) => {
      const places = await search(query, ["PLACE"], 20);
      expect(places.slice(0, 2).map((hit) => hit.node.id)).toEqual(["place:maarat-al-numan", "place:maarat-al-numan-market"]);
      // Al-Kabina shares only "al": never above a Maarat al-Numan, and far below the name searched for.
      expect(rank(places, "place:al-kabina")).toBeGreaterThan(1);
      const kabina = places.find((hit) => hit.node.id === "place:al-kabina");
      if (kabina) expect(kabina.score).toBeLessThan(places[0]!.score / 2);
      const everything = await search(query, undefined, 20);
      expect(rank(everything, "place:al-kabina")).toBeGreaterThan(rank(everything, "event:2019-07-22-maarat-al-numan-market-airstrike"));
    },
  );

  it("still finds a name by the article when that is all that is typed", async () => {
    const hits = await search("Al", ["PLACE"], 20);
    expect(hits.map((hit) => hit.node.id)).toEqual(expect.arrayContaining(["place:al-kabina", "place:maarat-al-numan"]));
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

  // Lucene's syntax, text that normalisation expands (U+FDFA is four words, U+FDFB three, U+3300 a katakana word),
  // NUL and other controls, marks alone, bidi overrides, stop words only, every character Lucene escapes, and as
  // many distinct long words as fit: never an error, never a 500.
  const hostile = [
    '"*:* OR name:x) AND',
    'name:x OR *:* AND "',
    "\\",
    "~~~",
    "((((",
    "  ''  ",
    "\uFDFA".repeat(200),
    "\uFDFB".repeat(200),
    "\u3300".repeat(200),
    "\uFB03".repeat(200),
    "ǅ".repeat(200),
    "\u0000".repeat(200),
    "Idlib\u0000Saraqib",
    "\u0301".repeat(200),
    "\u202eSaraqib\u202c",
    "the of and",
    "at an as",
    '+-&|!(){}[]^"~*?:\\/'.repeat(9),
    Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`)
      .join(" ")
      .slice(0, 200),
    "a".repeat(200),
    "😀".repeat(100),
  ];
  it.each(hostile.map((query) => [JSON.stringify(query).slice(0, 40), query]))("answers %s without an error", async (_, query) => {
    for (const types of [undefined, ["PLACE"]]) {
      const response = await server.graphql(
        `query ($query: String!, $types: [NodeType!]) { search(query: $query, types: $types, first: 100) { score node { id } } }`,
        {
          query,
          types,
        },
      );
      expect(response.status).toBe(200);
      expect(response.errors).toBeUndefined();
      expect(Array.isArray(response.data!.search)).toBe(true);
    }
  });

  it("refuses a query over 200 characters with BAD_USER_INPUT, however it is made", async () => {
    for (const query of ["a".repeat(201), "\uFDFA".repeat(201), "\u0000".repeat(5_000)]) {
      const response = await server.graphql(`query ($query: String!) { search(query: $query) { score } }`, { query });
      expect(response.status).toBe(200);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "query" });
    }
  });
});
