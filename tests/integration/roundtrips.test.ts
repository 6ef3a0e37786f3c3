/**
 * A nested query costs one Cypher statement per relationship field, whatever the page size: the
 * per-request DataLoaders fetch every parent at one level of the query in one `UNWIND $keys` batch.
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
  it("costs the same number of Cypher statements for one event as for all four", async () => {
    const one = await cost(1);
    const all = await cost(4);
    expect(one.events).toBe(1);
    expect(all.events).toBe(4);

    // One statement per list or relationship field, each batched over all its parents:
    const expected = {
      eventsInPlacePage: 1, // events(filter: { placeId }): the page, its total and the flag behind the cursor, in one statement
      eventPlaces: 1, // Event.places, for every event on the page
      eventParticipants: 1, // Event.participants (the actor rows come with it)
      eventClaims: 1, // Event.claims
      eventStatements: 1, // Event.statements
      placeAncestors: 1, // Place.ancestors, for every place of every event
      actorPartOf: 1, // Actor.partOf, for every participant
      evidenceOfClaim: 1, // Claim.evidence, for every claim
      claimAssertedBy: 1, // Claim.assertedBy
      statementSpeaker: 1, // Statement.speaker
      nodesById: 1, // Evidence.source: the nodes loader, once for the distinct source ids of all evidence
    };
    expect(one.byName).toEqual(expected);
    expect(all.byName).toEqual(expected);
    expect(one.total).toBe(11);
    expect(all.total).toBe(one.total);
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
