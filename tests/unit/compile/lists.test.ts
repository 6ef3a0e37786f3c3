/**
 * The compiled-Cypher tier for the root lists besides events (`actors`, `places`, `agreements`, `statements`) and for
 * `node(id)`: each filter and order, both directions of paging, aliases and fragments, request values kept in
 * parameters, and the selections left to the resolvers.
 */
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../../src/model/pagination.js";
import { compiled } from "../../helpers/compiled.js";

const hostile = "x' }) MATCH (n) DETACH DELETE n //";

/** Every key of a page: the count, the cursors, the flags and the items' own keys. */
const page = (node: string) =>
  `totalCount edges { cursor node { ${node} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

describe("actors", () => {
  it("is one statement that cuts the page by name before projecting the selected keys", () => {
    const { actors } = compiled(`{ actors(first: 2) { ${page("id name kind")} } }`);
    expect(actors!.plan.kind).toBe("actors");
    expect(actors!.cypher).toMatchInlineSnapshot(`
      "// actorsPage

      CALL () {
        MATCH (a:Actor)
        
        RETURN count(DISTINCT a) AS total
      }
      CALL () {
        MATCH (a:Actor)
        
        WITH DISTINCT a
        ORDER BY a.name ASC, a.id ASC
        LIMIT $pageLimit
        WITH collect(a) AS found
        CALL (found) {
          UNWIND found[0..$pageSize] AS a
          
          RETURN collect(a {\`@key\`: a.name, \`@id\`: a.id, \`id\`: a.id, \`name\`: a.name, \`kind\`: a.kind}) AS items
        }
        RETURN items, size(found) > $pageSize AS more
      }

      RETURN total, items, more, false AS behindCursor"
    `);
    expect(actors!.params).toMatchInlineSnapshot(`
      {
        "pageLimit": Integer {
          "high": 0,
          "low": 3,
        },
        "pageSize": Integer {
          "high": 0,
          "low": 2,
        },
      }
    `);
  });

  it("filters by kinds and by a normalised part of a name, both parameters", () => {
    const { actors } = compiled(`query ($filter: ActorFilter) { actors(filter: $filter) { totalCount } }`, {
      filter: { kinds: ["STATE", "PERSON"], nameContains: `Rüssia${hostile}` },
    });
    expect(actors!.cypher).toContain("any(nameKey IN a.nameKeys WHERE nameKey CONTAINS $nameContains)");
    expect(actors!.cypher).toContain("a.kind IN $kinds");
    expect(actors!.cypher).not.toContain("DETACH");
    expect(actors!.params.kinds).toEqual(["STATE", "PERSON"]);
    expect(actors!.params.nameContains).toMatch(/^russia/);
  });

  it("walks backwards from a cursor in the reverse order, asking what lies behind it", () => {
    const before = encodeCursor({ order: "NAME_ASC", key: "Russia", id: "actor:russia" });
    const { actors } = compiled(`query ($before: String) { actors(last: 3, before: $before) { edges { cursor node { id } } } }`, {
      before,
    });
    expect(actors!.cypher).toContain("ORDER BY a.name DESC, a.id DESC");
    expect(actors!.cypher).toContain("a.name <= $cursorKey");
    expect(actors!.cypher).toContain("AS behindCursor");
    expect(actors!.params).toMatchObject({ cursorKey: "Russia", cursorId: "actor:russia" });
    expect(actors!.params.pageSize).toEqual(expect.objectContaining({ low: 3 }));
  });

  it("refuses a cursor of another ordering as the resolvers do", () => {
    const after = encodeCursor({ order: "DATE_DESC", key: "2019-01-01", id: "event:x" });
    expect(() => compiled(`query ($after: String) { actors(after: $after) { totalCount } }`, { after })).toThrow(/another ordering/);
  });

  it("keys items by aliases, through fragments on the type and on Node, and projects relationships per item of the page", () => {
    const { list } = compiled(
      `{ list: actors(first: 1) { rows: edges { item: node { ...Named ...on Node { key: id } ...on Place { kind } up: partOf { id } } } } }
      fragment Named on Actor { label: name }`,
    );
    expect(list!.cypher).toContain("UNWIND found[0..$pageSize] AS a");
    expect(list!.cypher).toMatch(/CALL \(a\) \{\s+CALL \(a\) \{\s+MATCH path_0 = \(a\)-\[:PART_OF/);
    expect(list!.cypher).toContain("RETURN collect(a {`label`: a.name, `key`: a.id, `up`: list_0}) AS items");
    expect(list!.cypher).not.toMatch(/`kind`|@key/);
  });
});

describe("places", () => {
  it("lists the places inside another, never itself, its id a parameter", () => {
    const { places } = compiled(`query ($filter: PlaceFilter) { places(filter: $filter, first: 5) { ${page("id name")} } }`, {
      filter: { withinId: hostile, kinds: ["CITY"], nameContains: "Maarat" },
    });
    expect(places!.plan.kind).toBe("places");
    expect(places!.cypher).toMatchInlineSnapshot(`
      "// placesPage

      CALL () {
        MATCH (p:Place)-[:WITHIN*1..8]->(:Place {id: $withinId})
        WHERE any(nameKey IN p.nameKeys WHERE nameKey CONTAINS $nameContains)
          AND p.kind IN $kinds
          AND p.id <> $withinId
        RETURN count(DISTINCT p) AS total
      }
      CALL () {
        MATCH (p:Place)-[:WITHIN*1..8]->(:Place {id: $withinId})
        WHERE any(nameKey IN p.nameKeys WHERE nameKey CONTAINS $nameContains)
          AND p.kind IN $kinds
          AND p.id <> $withinId
        WITH DISTINCT p
        ORDER BY p.name ASC, p.id ASC
        LIMIT $pageLimit
        WITH collect(p) AS found
        CALL (found) {
          UNWIND found[0..$pageSize] AS p
          
          RETURN collect(p {\`@key\`: p.name, \`@id\`: p.id, \`id\`: p.id, \`name\`: p.name}) AS items
        }
        RETURN items, size(found) > $pageSize AS more
      }

      RETURN total, items, more, false AS behindCursor"
    `);
    expect(places!.params).toMatchObject({ withinId: hostile, kinds: ["CITY"], nameContains: "maarat" });
  });

  it("walks forwards after a cursor", () => {
    const after = encodeCursor({ order: "NAME_ASC", key: "Idlib", id: "place:idlib-governorate" });
    const { places } = compiled(`query ($after: String) { places(first: 2, after: $after) { edges { node { name } } } }`, { after });
    expect(places!.cypher).toContain("ORDER BY p.name ASC, p.id ASC");
    expect(places!.cypher).toContain("p.name >= $cursorKey");
    expect(places!.cypher).not.toContain("@key");
  });
});

describe("agreements", () => {
  it("orders by signing date, undated last, and compares cursors as dates", () => {
    const { agreements } = compiled(`{ agreements(first: 3) { ${page("id name signedOn")} } }`);
    expect(agreements!.plan.kind).toBe("agreements");
    expect(agreements!.cypher).toMatchInlineSnapshot(`
      "// agreementsPage

      CALL () {
        MATCH (ag:Agreement)
        
        RETURN count(DISTINCT ag) AS total
      }
      CALL () {
        MATCH (ag:Agreement)
        
        WITH DISTINCT ag
        ORDER BY coalesce(ag.signedOn, date('0001-01-01')) DESC, ag.id DESC
        LIMIT $pageLimit
        WITH collect(ag) AS found
        CALL (found) {
          UNWIND found[0..$pageSize] AS ag
          
          RETURN collect(ag {\`@key\`: coalesce(ag.signedOn, date('0001-01-01')), \`@id\`: ag.id, \`id\`: ag.id, \`name\`: ag.name, \`signedOn\`: toString(ag.signedOn)}) AS items
        }
        RETURN items, size(found) > $pageSize AS more
      }

      RETURN total, items, more, false AS behindCursor"
    `);
    const before = encodeCursor({ order: "SIGNED_DESC", key: "0001-01-01", id: "agreement:x" });
    const back = compiled(`query ($before: String) { agreements(last: 1, before: $before) { edges { cursor } } }`, { before }).agreements!;
    expect(back.cypher).toContain("ORDER BY coalesce(ag.signedOn, date('0001-01-01')) ASC, ag.id ASC");
    expect(back.cypher).toContain("coalesce(ag.signedOn, date('0001-01-01')) >= date($cursorKey)");
    expect(back.params).toMatchObject({ cursorKey: "0001-01-01", cursorId: "agreement:x" });
  });

  it("refuses a name cursor, which is no date", () => {
    const after = encodeCursor({ order: "SIGNED_DESC", key: "Sochi", id: "agreement:x" });
    expect(() => compiled(`query ($after: String) { agreements(after: $after) { totalCount } }`, { after })).toThrow(/not a cursor/);
  });
});

describe("statements", () => {
  it("filters by stance, speaker, event, target and dates, every value a parameter", () => {
    const filter = {
      stances: ["DENY"],
      speakerId: hostile,
      aboutEventId: "event:x",
      targetId: "actor:y",
      from: "2019-01-01",
      to: "2019-12-31",
    };
    const { statements } = compiled(`query ($filter: StatementFilter) { statements(filter: $filter) { ${page("id stance")} } }`, {
      filter,
    });
    expect(statements!.plan.kind).toBe("statements");
    expect(statements!.cypher).toMatchInlineSnapshot(`
      "// statementsPage

      CALL () {
        MATCH (st:Statement)
        WHERE st.stance IN $stances
          AND EXISTS { MATCH (st)-[:SPOKEN_BY]->(:Actor {id: $speakerId}) }
          AND EXISTS { MATCH (st)-[:ABOUT]->(:Event {id: $aboutEventId}) }
          AND EXISTS { MATCH (st)-[:TARGETS]->(:Actor {id: $targetId}) }
          AND st.sortDate >= date($from)
          AND st.sortDate <= date($to)
        RETURN count(DISTINCT st) AS total
      }
      CALL () {
        MATCH (st:Statement)
        WHERE st.stance IN $stances
          AND EXISTS { MATCH (st)-[:SPOKEN_BY]->(:Actor {id: $speakerId}) }
          AND EXISTS { MATCH (st)-[:ABOUT]->(:Event {id: $aboutEventId}) }
          AND EXISTS { MATCH (st)-[:TARGETS]->(:Actor {id: $targetId}) }
          AND st.sortDate >= date($from)
          AND st.sortDate <= date($to)
        WITH DISTINCT st
        ORDER BY coalesce(st.sortDate, date('0001-01-01')) DESC, st.id DESC
        LIMIT $pageLimit
        WITH collect(st) AS found
        CALL (found) {
          UNWIND found[0..$pageSize] AS st
          
          RETURN collect(st {\`@key\`: coalesce(st.sortDate, date('0001-01-01')), \`@id\`: st.id, \`id\`: st.id, \`stance\`: st.stance}) AS items
        }
        RETURN items, size(found) > $pageSize AS more
      }

      RETURN total, items, more, false AS behindCursor"
    `);
    expect(statements!.params).toMatchObject(filter);
  });

  it("projects a speaker and evidence per item of the page alone", () => {
    const { statements } = compiled(`{ statements(first: 2) { edges { node { speaker { name } evidence { quote source { id } } } } } }`);
    expect(statements!.cypher).toMatch(/UNWIND found\[0\.\.\$pageSize\] AS st\s+CALL \(st\)/);
    expect(statements!.cypher).toMatch(/`speaker`: head\(list_0\), `evidence`: list_1/);
  });
});

describe("node(id)", () => {
  it.each([
    ["actor:x", "Actor", "CALL () {"],
    ["place:x", "Place", "CALL () {"],
    ["event:x", "Event", "MATCH (n:Event {id: $id})"],
    ["agreement:x", "Agreement", "MATCH (n:Agreement {id: $id})"],
    ["statement:x", "Statement", "MATCH (n:Statement {id: $id})"],
    ["source:x", "Source", "MATCH (n:Source {id: $id})"],
    ["claim:x", "Claim", "MATCH (n:Claim {id: $id})"],
  ])("%s is compiled for %s, through merges where nodes can be merged", (id, label, match) => {
    const { node } = compiled(`query ($id: ID!) { node(id: $id) { id __typename } }`, { id });
    expect(node!.plan.label).toBe(label);
    expect(node!.cypher).toContain(match);
    expect(node!.cypher).toContain("RETURN n {`id`: n.id} AS item");
    expect(node!.params).toEqual({ id });
  });

  it("follows fragments on its type and on Node, and leaves out those on other types", () => {
    const { node } = compiled(
      `{ node(id: "actor:x") { ...on Node { key: id } ...on Actor { name partOf { id } } ...on Place { kind } ...Titled } }
      fragment Titled on Event { title }`,
    );
    expect(node!.cypher).toMatch(/^\/\/ nodeAhead/);
    expect(node!.cypher).toContain("MATCH (:Redirect {id: $id})-[:MERGED_INTO]->(n:Actor)");
    expect(node!.cypher).toContain("RETURN n {`key`: n.id, `name`: n.name, `partOf`: list_0} AS item");
    expect(node!.cypher).not.toMatch(/title|kind/);
  });

  it("keeps the id in its parameter, literal or variable (a malformed one never reaches Cypher: it is refused first)", () => {
    const literal = compiled(`{ node(id: "event:zz-literal") { id } }`).node!;
    const variable = compiled(`query ($id: ID!) { node(id: $id) { id } }`, { id: "event:zz-variable" }).node!;
    expect(literal.cypher).not.toContain("zz-literal");
    expect(literal.params).toEqual({ id: "event:zz-literal" });
    expect(variable.cypher).not.toContain("zz-variable");
  });
});

describe("what the compiler leaves to the resolvers among the lists and node(id)", () => {
  it.each([
    ["an actor's events", `{ actors { edges { node { events(first: 1) { totalCount } } } } }`],
    ["an actor's statements", `{ actors { edges { node { statements { totalCount } } } } }`],
    ["a place's location, computed", `{ places { edges { node { location { latitude } } } } }`],
    ["a place's events", `{ places { edges { node { events { totalCount } } } } }`],
    ["an agreement's violations", `{ agreements { edges { node { violations { totalCount } } } } }`],
    ["identifiers of an actor", `{ actors { edges { node { identifiers { scheme } } } } }`],
    ["a node of a type the compiler does not produce", `{ node(id: "incident:x") { id } }`],
    ["a node whose id names no type", `{ node(id: "spaceship:x") { id } }`],
    ["a malformed id", `{ node(id: "nonsense") { id } }`],
    ["a computed field of the node's type", `{ node(id: "event:x") { ...on Event { endDate } } }`],
  ])("%s", (_, query) => {
    expect(Object.values(compiled(query))).toEqual([null]);
  });
});
