import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "../helpers/server.js";
import { uniqueSuffix, writeTestBundle } from "../helpers/bundles.js";

const server = useServer();

const MAARAT = "event:2019-07-22-maarat-al-numan-market-airstrike";

describe("bounds are checked before Neo4j is touched", () => {
  it.each([
    ['shortestPath(from: "actor:turkey", to: "actor:syria", maxHops: 50) { length }', "maxHops"],
    ['shortestPath(from: "actor:turkey", to: "actor:syria", maxHops: 0) { length }', "maxHops"],
    ['neighborhood(id: "actor:russia", depth: 9) { truncated }', "depth"],
    ['neighborhood(id: "actor:russia", limit: 10000) { truncated }', "limit"],
    ['coInvolved(actorId: "actor:russia", first: 1000) { sharedEvents }', "first"],
    ['coInvolved(actorId: "place:syria") { sharedEvents }', "actorId"],
    ['shortestPath(from: "nonsense", to: "actor:syria") { length }', "from"],
  ])("%s", async (field, argument) => {
    const before = await server.queriesSent();
    const response = await server.graphql(`{ ${field} }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(await server.queriesSent()).toBe(before);
  });

  it("refuses an unknown groupBy target", async () => {
    const response = await server.graphql("{ eventStats(groupBy: COUNTRY) { key } }");
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const viaVariable = await server.graphql("query ($by: StatsGroupBy!) { eventStats(groupBy: $by) { key } }", { by: "COUNTRY" });
    expect(viaVariable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("shortestPath", () => {
  it("walks meaningful relationships, never through the source document", async () => {
    // Two claims about different events share only their source; through it they would be two hops apart.
    const { data } = await server.graphql(`{
      shortestPath(from: "claim:saraqib-fatalities-local-sources", to: "claim:bidama-talmenes-al-kabina-fatalities-anadolu", maxHops: 6) {
        length nodes { __typename id } relationships { type from to }
      }
    }`);
    const path = data!.shortestPath;
    expect(path.length).toBeGreaterThan(2);
    expect(path.nodes.map((node: { __typename: string }) => node.__typename)).not.toContain("Source");
    expect(path.relationships.map((r: { type: string }) => r.type)).not.toContain("REPORTED_IN");
    expect(path.nodes[0].id).toBe("claim:saraqib-fatalities-local-sources");
    expect(path.nodes.at(-1).id).toBe("claim:bidama-talmenes-al-kabina-fatalities-anadolu");
    expect(path.relationships).toHaveLength(path.length);
    expect(path.nodes).toHaveLength(path.length + 1);
  });

  it("is null when nothing connects within maxHops, and of length 0 from a node to itself", async () => {
    const { data } = await server.graphql(`{
      far: shortestPath(from: "actor:morgan-ortagus", to: "place:al-kabina", maxHops: 1) { length }
      self: shortestPath(from: "actor:russia", to: "actor:russia") { length nodes { id } }
      unknown: shortestPath(from: "actor:no-such-actor", to: "actor:russia") { length }
    }`);
    expect(data).toEqual({ far: null, self: { length: 0, nodes: [{ id: "actor:russia" }] }, unknown: null });
  });
});

describe("neighborhood", () => {
  it("returns the start first, nearest nodes, and only edges between returned nodes", async () => {
    const { data } = await server.graphql(
      `{ neighborhood(id: "${MAARAT}", depth: 2, limit: 500) { truncated nodes { id } edges { type from to role } } }`,
    );
    const { nodes, edges, truncated } = data!.neighborhood;
    const ids = new Set(nodes.map((node: { id: string }) => node.id));
    expect(nodes[0].id).toBe(MAARAT);
    expect(truncated).toBe(false);
    expect(ids).toContain("place:maarat-al-numan");
    expect(ids).toContain("statement:russian-mod-denies-marketplace-strike");
    for (const edge of edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    expect(edges).toContainEqual({ type: "PARTICIPATED_IN", from: "actor:russian-aerospace-forces", to: MAARAT, role: "PERPETRATOR" });
    expect(ids.has("source:anadolu-2019-07-23-idlib-airstrikes")).toBe(false);
  });

  it("cuts at the limit and says so", async () => {
    const { data } = await server.graphql(
      `{ neighborhood(id: "${MAARAT}", depth: 3, limit: 5) { truncated nodes { id } edges { from to } } }`,
    );
    expect(data!.neighborhood.nodes).toHaveLength(5);
    expect(data!.neighborhood.truncated).toBe(true);
  });

  it("is empty for an unknown node", async () => {
    const { data } = await server.graphql('{ neighborhood(id: "event:no-such-event") { truncated nodes { id } edges { type } } }');
    expect(data!.neighborhood).toEqual({ truncated: false, nodes: [], edges: [] });
  });
});

describe("eventStats", () => {
  it("counts an event in each of its places, and each event once per month and type", async () => {
    const { data } = await server.graphql(`{
      places: eventStats(groupBy: PLACE, filter: { placeId: "place:idlib-governorate" }) { key events fatalitiesLow fatalitiesHigh }
      types: eventStats(groupBy: TYPE, filter: { placeId: "place:idlib-governorate" }) { key events fatalitiesLow }
    }`);
    const byKey = new Map(data!.places.map((bucket: { key: string }) => [bucket.key, bucket]));
    for (const village of ["place:bidama", "place:talmenes", "place:al-kabina"]) {
      expect(byKey.get(village)).toEqual({ key: village, events: 1, fatalitiesLow: 4, fatalitiesHigh: 4 });
    }
    expect(data!.types).toEqual([{ key: "AIR_DRONE_STRIKE", events: 4, fatalitiesLow: 52 }]);
  });

  it("applies the event filter", async () => {
    const { data } = await server.graphql(
      `{ eventStats(groupBy: MONTH, filter: { placeId: "place:idlib-governorate", minFatalities: 5 }) { key events fatalitiesLow fatalitiesHigh } }`,
    );
    expect(data!.eventStats).toEqual([{ key: "2019-07", events: 2, fatalitiesLow: 46, fatalitiesHigh: null }]);
  });
});

describe("semantics on data the test owns", () => {
  const s = uniqueSuffix();
  const text = "Witnesses said 35 people died. Rescuers counted 41 dead. A protest followed. An old clash was reported.";
  beforeAll(async () => {
    await writeTestBundle({
      source: { id: `source:t-${s}-a`, title: "Test report A", publishedOn: "2020-03-10", text },
      actors: [{ id: `actor:t-${s}-army`, name: `Army ${s}`, kind: "ARMED_FORCE" }],
      places: [
        { id: `place:t-${s}-province`, name: `Province ${s}`, kind: "PROVINCE" },
        { id: `place:t-${s}-town`, name: `Town ${s}`, kind: "TOWN", parent: `place:t-${s}-province` },
      ],
      agreements: [
        { id: `agreement:t-${s}`, name: `Truce ${s}`, signedOn: "2020-01-01", endsOn: "2020-06-01", covers: [`place:t-${s}-province`] },
      ],
      events: [
        {
          id: `event:t-${s}-strike`,
          title: "Strike",
          category: "EXPLOSIONS_REMOTE_VIOLENCE",
          type: "SHELLING_ARTILLERY_MISSILE_ATTACK",
          date: "2020-03-09",
          datePrecision: "DAY",
          places: [`place:t-${s}-town`],
          participants: [{ actor: `actor:t-${s}-army`, role: "PERPETRATOR" }],
        },
        {
          id: `event:t-${s}-protest`,
          title: "Protest",
          category: "PROTESTS",
          type: "PEACEFUL_PROTEST",
          date: "2020-03-09",
          datePrecision: "DAY",
          places: [`place:t-${s}-town`],
        },
        {
          id: `event:t-${s}-before`,
          title: "Earlier clash",
          category: "BATTLES",
          type: "ARMED_CLASH",
          date: "2019-12-31",
          datePrecision: "DAY",
          places: [`place:t-${s}-town`],
        },
        {
          id: `event:t-${s}-after`,
          title: "Later clash",
          category: "BATTLES",
          type: "ARMED_CLASH",
          date: "2020-06-01",
          datePrecision: "DAY",
          places: [`place:t-${s}-town`],
        },
      ],
      claims: [
        {
          id: `claim:t-${s}-a`,
          kind: "FATALITIES",
          text: "35 dead",
          event: `event:t-${s}-strike`,
          estimate: { low: 35, high: 35, qualifier: "EXACT" },
          quotes: ["35 people died"],
        },
      ],
    });
    // A second source on the same strike: its figure is combined with the first, never added to it.
    await writeTestBundle({
      source: { id: `source:t-${s}-b`, title: "Test report B", publishedOn: "2020-03-11", text },
      claims: [
        {
          id: `claim:t-${s}-b`,
          kind: "FATALITIES",
          text: "41 dead",
          event: `event:t-${s}-strike`,
          estimate: { low: 41, high: 41, qualifier: "EXACT" },
          quotes: ["counted 41 dead"],
        },
      ],
    });
  });

  it("counts as violations only violent events in covered places between signing and end", async () => {
    const { data } = await server.graphql(`{
      agreement(id: "agreement:t-${s}") { violations { totalCount edges { node { id } } } }
      strike: event(id: "event:t-${s}-strike") { violates { id } }
      protest: event(id: "event:t-${s}-protest") { violates { id } }
      before: event(id: "event:t-${s}-before") { violates { id } }
      after: event(id: "event:t-${s}-after") { violates { id } }
    }`);
    expect(data!.agreement.violations).toEqual({ totalCount: 1, edges: [{ node: { id: `event:t-${s}-strike` } }] });
    expect(data!.strike.violates).toEqual([{ id: `agreement:t-${s}` }]);
    expect([data!.protest.violates, data!.before.violates, data!.after.violates]).toEqual([[], [], []]);
  });

  it("combines two sources' tolls conservatively and never double-counts", async () => {
    const { data } = await server.graphql(`{
      event(id: "event:t-${s}-strike") { fatalities { low high qualifier } claims { estimate { low } source { id } } }
      eventStats(groupBy: PROVINCE, filter: { placeId: "place:t-${s}-province" }) { key events fatalitiesLow fatalitiesHigh }
    }`);
    expect(data!.event.fatalities).toEqual({ low: 35, high: 41, qualifier: "RANGE" });
    expect(data!.event.claims).toHaveLength(2);
    expect(data!.eventStats).toEqual([{ key: `place:t-${s}-province`, events: 4, fatalitiesLow: 35, fatalitiesHigh: null }]);
  });

  it("rolls perpetrators up and finds co-involved actors only through shared events", async () => {
    const { data } = await server.graphql(`{
      eventStats(groupBy: PERPETRATOR, filter: { placeId: "place:t-${s}-province" }) { key events }
      coInvolved(actorId: "actor:t-${s}-army") { sharedEvents }
    }`);
    expect(data!.eventStats).toEqual([
      { key: "none", events: 3 },
      { key: `actor:t-${s}-army`, events: 1 },
    ]);
    expect(data!.coInvolved).toEqual([]);
  });
});
