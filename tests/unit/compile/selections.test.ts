/**
 * The compiled-Cypher tier: how selections become projections (aliases, fragments, directives, variables, sources'
 * texts only when selected), that request values are parameters and never Cypher text, and which root fields the
 * compiler leaves to the resolvers.
 */
import { describe, expect, it } from "vitest";
import { compiled } from "../../helpers/compiled.js";

describe("a compiled projection", () => {
  it("keys each value by its alias, once per alias, the same field under two keys twice", () => {
    const { a } = compiled(`{ a: event(id: "event:x") { id headline: title title when: date } }`);
    expect(a!.cypher).toContain("RETURN n {`id`: n.id, `headline`: n.title, `title`: n.title, `when`: toString(n.date)} AS item");
    expect(a!.cypher).toMatch(/^\/\/ nodesById/);
  });

  it("follows fragments and inline fragments on the type and on its interfaces, and fetches what @skip/@include guard", () => {
    const { event } = compiled(
      `query ($skip: Boolean!) {
        event(id: "event:x") { ...on Node { id } ...Titled summary @skip(if: $skip) places @include(if: false) { id } }
      }
      fragment Titled on Event { title }`,
      { skip: true },
    );
    expect(event!.cypher).toContain("`id`: n.id, `title`: n.title, `summary`: n.summary, `places`: list_0");
    expect(event!.cypher).toContain("`title`: n.title");
  });

  it("leaves out fragments on other types", () => {
    const { event } = compiled(`{ event(id: "event:x") { id ...on Place { name } } }`);
    expect(event!.cypher).not.toContain("name");
  });

  it("reads a source's text only when `text` is selected", () => {
    const without = compiled(`{ claim(id: "claim:x") { evidence { quote source { id title } } } }`).claim!;
    const withText = compiled(`{ claim(id: "claim:x") { evidence { quote source { id text } } } }`).claim!;
    expect(without.cypher).not.toMatch(/m_\d+\.text/);
    expect(withText.cypher).toMatch(/`text`: m_\d+\.text/);
  });

  it("gives absent lists as empty, dates as strings, an ACLED-less type as OTHER, figures within GraphQL's Int", () => {
    const { actor } = compiled(`{ actor(id: "actor:x") { aliases events: agreements { signedOn } } }`);
    expect(actor!.cypher).toContain("`aliases`: coalesce(n.aliases, [])");
    expect(actor!.cypher).toMatch(/`signedOn`: toString\(m_0\.signedOn\)/);
    const { event } = compiled(`{ event(id: "event:x") { type fatalities { low best qualifier } } }`);
    expect(event!.cypher).toContain("`type`: coalesce(n.type, 'OTHER')");
    expect(event!.cypher).toContain(
      "`fatalities`: CASE WHEN n.fatalitiesQualifier IS NULL THEN null ELSE {`low`: CASE WHEN n.fatalitiesLow > 2147483647 THEN 2147483647 ELSE n.fatalitiesLow END",
    );
  });

  it("makes arguments parameters, never Cypher text, whether literal or variables", () => {
    const hostile = "x' }) MATCH (n) DETACH DELETE n //";
    const { event } = compiled(`query ($stance: Stance) { event(id: "${"event:x"}") { statements(stance: $stance) { id } } }`, {
      stance: "SUPPORTS",
    });
    expect(event!.params.read0).toEqual({ stance: "SUPPORTS" });
    const { events } = compiled(`query ($filter: EventFilter) { events(filter: $filter) { totalCount } }`, {
      filter: { placeId: hostile, from: "2019-01-01" },
    });
    expect(events!.cypher).not.toContain(hostile);
    expect(events!.params).toMatchObject({ placeId: hostile, from: "2019-01-01" });
  });

  it("numbers every read of a statement apart, parameters included", () => {
    const { event } = compiled(`{ event(id: "event:x") {
      a: participants(role: PERPETRATOR) { actor { id } } b: participants { role } statements { id } } }`);
    expect(event!.params).toEqual({ id: "event:x", read0: { role: "PERPETRATOR" }, read1: { role: null }, read2: { stance: null } });
    expect(event!.cypher).toMatch(/m_0[\s\S]*m_1[\s\S]*m_2/);
  });

  it("adds each item's sort key and id only when a cursor is shown", () => {
    const without = compiled(`{ events(first: 2) { edges { node { id } } } }`).events!;
    const withCursor = compiled(`{ events(first: 2) { edges { cursor } pageInfo { endCursor } } }`).events!;
    expect(without.cypher).not.toContain("`@key`");
    expect(withCursor.cypher).toContain("e {`@key`: e.date, `@id`: e.id}");
  });
});

describe("what the compiler leaves to the resolvers", () => {
  it.each([
    ["a connection below a node", `{ event(id: "event:x") { places { events(first: 2) { totalCount } } } }`],
    ["a computed field", `{ event(id: "event:x") { endDate } }`],
    ["a field with a loader of its own", `{ event(id: "event:x") { incident { id } } }`],
    ["identifiers", `{ actor(id: "actor:x") { identifiers { scheme } } }`],
    ["an interface's node of a type the compiler does not produce", `{ node(id: "incident:x") { id } }`],
    ["a search", `{ search(query: "x") { node { id } } }`],
    ["a fifth level of relationships", `{ event(id: "event:x") { claims { assertedBy { partOf { members { partOf { id } } } } } } }`],
    ["two edges' nodes with one key for two fields", `{ events { a: edges { node { x: id } } b: edges { node { x: title } } } }`],
  ])("%s", (_, query) => {
    expect(Object.values(compiled(query))).toEqual([null]);
  });

  it("compiles four levels of relationships", () => {
    expect(compiled(`{ event(id: "event:x") { claims { assertedBy { partOf { members { id } } } } } }`).event).not.toBeNull();
  });
});
