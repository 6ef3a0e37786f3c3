/**
 * A nested query costs one Cypher statement, whatever the page size: the relationship fields selected below a
 * list or a node are fetched ahead in the list's own statement. What is not fetched ahead (connections, levels
 * deeper than the look-ahead) costs one statement per field, batched by the per-request DataLoaders over every
 * parent at that level (`UNWIND $keys`).
 */
import { describe, expect, it } from "vitest";
import { useServer } from "../helpers/server.js";

const server = useServer();

// Scoped to Idlib Governorate so that events other test files write cannot change what is fetched.
const nested = `query ($first: Int) {
  events(filter: { placeId: "place:idlib-governorate" }, first: $first) {
    totalCount
    edges {
      node {
        id
        places { id ancestors { id } }
        participants { role actor { id partOf { id } } }
        claims { id evidence { quote source { id } } assertedBy { id } }
        statements { id speaker { id } }
      }
    }
  }
}`;

/** Statements sent so far, by their name (the `query` label of `neo4j_queries_total`). */
async function statementsByName(): Promise<Map<string, number>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = /^neo4j_queries_total\{[^}]*query="([^"]+)"[^}]*\} (\d+)/.exec(line);
    if (match) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return counts;
}

/** Runs the query and returns how many statements it sent, in total and by name. */
async function cost(first: number): Promise<{ total: number; byName: Record<string, number>; events: number }> {
  const totalBefore = await server.queriesSent();
  const before = await statementsByName();
  const response = await server.graphql(nested, { first });
  expect(response.errors).toBeUndefined();
  const after = await statementsByName();
  const total = (await server.queriesSent()) - totalBefore;
  const byName: Record<string, number> = {};
  for (const [name, count] of after) {
    const sent = count - (before.get(name) ?? 0);
    if (sent > 0) byName[name] = sent;
  }
  return { total, byName, events: response.data!.events.edges.length };
}

describe("a nested query", () => {
  it("is one Cypher statement, for one event as for all four", async () => {
    const one = await cost(1);
    const all = await cost(4);
    expect(one.events).toBe(1);
    expect(all.events).toBe(4);
    // events(...): the page, its total, the flag behind the cursor, and places, ancestors, participants, part-of
    // chains, claims, evidence, asserters, statements and speakers of every event on the page.
    expect(one.byName).toEqual({ eventsInPlacePage: 1 });
    expect(all.byName).toEqual({ eventsInPlacePage: 1 });
    expect(all.total).toBe(1);
  });

  it("batches what is not fetched ahead: one statement per field below a nested connection, whatever the page size", async () => {
    const nestedConnection = `query ($first: Int) {
      events(filter: { placeId: "place:idlib-governorate" }, first: $first) {
        edges { node { id places { id events(first: 2) { edges { node { id places { id } } } } } } }
      }
    }`;
    for (const first of [1, 4]) {
      const before = await statementsByName();
      const response = await server.graphql(nestedConnection, { first });
      expect(response.errors).toBeUndefined();
      const after = await statementsByName();
      const sent = Object.fromEntries(
        [...after]
          .filter(([name, count]) => count > (before.get(name) ?? 0))
          .map(([name, count]) => [name, count - (before.get(name) ?? 0)]),
      );
      // The page with its places; Place.events for every place at once; Event.places for every event of those pages.
      expect(sent).toEqual({ eventsInPlacePage: 1, eventsInPlaces: 1, eventPlaces: 1 });
    }
  });

  it("fetches four levels ahead and loads the fifth in one batch", async () => {
    const before = await statementsByName();
    const response = await server.graphql<{
      event: { claims: { assertedBy: { partOf: { members: { partOf: { id: string }[] }[] }[] } | null }[] };
    }>(
      `{ event(id: "event:2019-07-22-maarat-al-numan-market-airstrike") {
          claims { assertedBy { partOf { members { partOf { id } } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const after = await statementsByName();
    const sent = Object.fromEntries(
      [...after].filter(([name, count]) => count > (before.get(name) ?? 0)).map(([name, count]) => [name, count - (before.get(name) ?? 0)]),
    );
    expect(sent).toEqual({ nodeAhead: 1, actorPartOf: 1 });
    const chains = response.data!.event.claims.flatMap((claim) => claim.assertedBy?.partOf ?? []).flatMap((body) => body.members);
    expect(chains.length).toBeGreaterThan(0);
    for (const member of chains) expect(member.partOf.length).toBeGreaterThan(0);
  });

  it("costs the same again when repeated (loaders are per request, nothing is cached across requests)", async () => {
    const first = await cost(4);
    const again = await cost(4);
    expect(again.total).toBe(first.total);
  });
});

describe("/metrics", () => {
  it("exposes the Cypher statement counter and duration histogram", async () => {
    await server.graphql(`{ actor(id: "actor:russia") { name } }`);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^# TYPE neo4j_queries_total counter$/m);
    expect(text).toMatch(/^# TYPE neo4j_query_duration_seconds histogram$/m);
    expect(text).toMatch(/^neo4j_queries_total\{query="nodesById",mode="read",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^neo4j_query_duration_seconds_count\{query="nodesById",mode="read"\} [1-9]\d*$/m);
    expect(text).toMatch(/^neo4j_query_duration_seconds_bucket\{le="\+Inf",query="nodesById",mode="read"\} [1-9]\d*$/m);
  });
});
