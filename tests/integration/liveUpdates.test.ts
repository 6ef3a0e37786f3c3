/**
 * Live updates (`Subscription.eventsChanged` over graphql-ws at /graphql), with graphql-ws's own client in Node:
 * each kind of change from a real write path through HTTP, the filter, credentials in connectionParams, the limits
 * per client, and slow consumers dropped with their code while the server's memory stays bounded.
 */
import { Kind, OperationTypeNode } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { uniqueSuffix } from "../helpers/bundles.js";
import { EVENTS_CHANGED, liveClient, type LiveClient, type LiveSubscription } from "../helpers/live.js";
import { useServer, type TestServer } from "../helpers/server.js";
import { waitFor } from "../helpers/waiting.js";
import { asEditor, documentBundle, importBundle, keyEnvironment, READER_KEY } from "../helpers/writing.js";

const opened: { live: LiveClient; server: TestServer }[] = [];
// Each test starts with no live connection left over: the server's counts of listeners are then the test's own.
afterEach(async () => {
  const closed = opened.splice(0);
  await Promise.all(closed.map(({ live }) => live.dispose()));
  for (const server of new Set(closed.map((item) => item.server))) {
    await waitFor(() => server.app.live.connections() === 0 && server.app.live.listeners() === 0, {
      timeoutMs: 10_000,
      what: "the test's live connections to close",
    });
  }
});

function open(server: TestServer, connectionParams?: Record<string, unknown>): LiveClient {
  const live = liveClient(server.url, connectionParams);
  opened.push({ live, server });
  return live;
}

/** Subscribes and waits until the server listens for it (the bus has one more listener). */
async function subscribed(server: TestServer, live: LiveClient, variables?: Record<string, unknown>, query = EVENTS_CHANGED) {
  const before = server.app.live.listeners();
  const subscription = live.subscribe(query, variables);
  await waitFor(() => server.app.live.listeners() > before || subscription.errors.length > 0, {
    timeoutMs: 10_000,
    what: "the server to listen for the subscription",
  });
  return subscription;
}

const kindsOf = (subscription: LiveSubscription, id: string) =>
  subscription.received.filter((change) => change.event.id === id).map((change) => change.kind);

describe("eventsChanged", { timeout: 60_000 }, () => {
  const server = useServer(keyEnvironment);

  it("sends an event imported through HTTP to a subscriber within a second, with its nested fields read as in queries", async () => {
    const s = uniqueSuffix();
    const live = open(server);
    const subscription = await subscribed(server, live);
    const imported = await importBundle(server, documentBundle(s));
    expect(imported.errors).toBeUndefined();
    const committed = Date.now();
    await waitFor(() => kindsOf(subscription, `event:w-${s}-strike`).includes("CREATED"), {
      timeoutMs: 1_000,
      stepMs: 10,
      what: "the CREATED change",
    });
    const change = subscription.received.find((received) => received.event.id === `event:w-${s}-strike`)!;
    expect(change.at - committed).toBeLessThan(1_000);
    expect(change.event).toEqual({
      id: `event:w-${s}-strike`,
      title: `Drone strike on the Kafr Zeta ${s} market`,
      places: [{ id: `place:w-${s}-market`, name: `Kafr Zeta ${s} market` }],
    });
    expect(subscription.errors).toEqual([]);
  });

  it("leaves out events outside the filter", async () => {
    const [inside, outside] = [uniqueSuffix(), uniqueSuffix()];
    const live = open(server);
    const subscription = await subscribed(server, live, { filter: { actorId: `actor:w-${inside}-ministry` } });
    // The event outside is imported first: had it passed the filter, it would have arrived first.
    expect((await importBundle(server, documentBundle(outside))).errors).toBeUndefined();
    expect((await importBundle(server, documentBundle(inside))).errors).toBeUndefined();
    await waitFor(() => kindsOf(subscription, `event:w-${inside}-strike`).length > 0, {
      timeoutMs: 5_000,
      what: "the event inside the filter",
    });
    expect(subscription.received.map((change) => change.event.id)).toEqual([`event:w-${inside}-strike`]);
  });

  it("sends UPDATED when an import changes a stored event, and nothing for a dry run or a refused import", async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    expect((await importBundle(server, bundle)).errors).toBeUndefined();
    const live = open(server);
    const subscription = await subscribed(server, live, { filter: { actorId: `actor:w-${s}-ministry` } });
    const changed = { ...bundle, events: [{ ...bundle.events[0]!, title: `Drone strike on Kafr Zeta ${s}` }] };
    expect((await importBundle(server, changed, { dryRun: true })).errors).toBeUndefined();
    const refused = await importBundle(server, { ...changed, claims: [{ ...changed.claims[0]!, event: "event:nowhere" }] });
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await importBundle(server, changed)).errors).toBeUndefined();
    await waitFor(() => kindsOf(subscription, `event:w-${s}-strike`).includes("UPDATED"), { timeoutMs: 5_000, what: "the UPDATED change" });
    // The first change heard is the real import's: the dry run and the refused import told nothing.
    expect(subscription.received[0]).toMatchObject({ kind: "UPDATED", event: { title: `Drone strike on Kafr Zeta ${s}` } });
  });

  it("sends REGROUPED for reports an editor links into one incident", async () => {
    const [a, b] = [uniqueSuffix(), uniqueSuffix()];
    for (const s of [a, b]) expect((await importBundle(server, documentBundle(s))).errors).toBeUndefined();
    const live = open(server);
    const subscription = await subscribed(server, live);
    const linked = await server.graphql(
      "mutation ($ids: [ID!]!) { linkIncident(eventIds: $ids, same: true) { id } }",
      { ids: [`event:w-${a}-strike`, `event:w-${b}-strike`] },
      asEditor,
    );
    expect(linked.errors).toBeUndefined();
    await waitFor(() => subscription.received.length >= 2, { timeoutMs: 5_000, what: "two REGROUPED changes" });
    expect(subscription.received.map((change) => `${change.kind} ${change.event.id}`).sort()).toEqual(
      [`REGROUPED event:w-${a}-strike`, `REGROUPED event:w-${b}-strike`].sort(),
    );
  });

  it("sends MERGED for the events that named an actor merged into another", async () => {
    const [kept, gone] = [uniqueSuffix(), uniqueSuffix()];
    for (const s of [kept, gone]) expect((await importBundle(server, documentBundle(s))).errors).toBeUndefined();
    const live = open(server);
    const subscription = await subscribed(server, live, { filter: { actorId: `actor:w-${kept}-ministry` } });
    const merged = await server.graphql(
      "mutation ($from: ID!, $into: ID!) { mergeNodes(from: $from, into: $into) { updated } }",
      { from: `actor:w-${gone}-ministry`, into: `actor:w-${kept}-ministry` },
      asEditor,
    );
    expect(merged.errors).toBeUndefined();
    await waitFor(() => subscription.received.length > 0, { timeoutMs: 5_000, what: "the MERGED change" });
    // The event of the actor merged away names the kept actor now, so it is within the filter.
    expect(subscription.received.map((change) => [change.kind, change.event.id])).toEqual([["MERGED", `event:w-${gone}-strike`]]);
  });

  it("refuses a bad filter with a code before anything listens", async () => {
    const live = open(server);
    const before = server.app.live.listeners();
    const subscription = live.subscribe(EVENTS_CHANGED, { filter: { from: "2020-02-01", to: "2020-01-01" } });
    await waitFor(() => subscription.errors.length > 0, { timeoutMs: 5_000, what: "the refusal" });
    expect(subscription.errors[0]).toMatchObject({
      message: "filter.from must not be after filter.to.",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(server.app.live.listeners()).toBe(before);
  });

  it("checks a subscription's depth, cost and operation type as it checks queries", async () => {
    const live = open(server);
    const deep = live.subscribe(
      "subscription { eventsChanged { event { places { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }",
    );
    const query = live.subscribe("query { viewer { role } }");
    await waitFor(() => deep.errors.length > 0 && query.errors.length > 0, { timeoutMs: 5_000, what: "both refusals" });
    expect(deep.errors[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
    expect(query.errors[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" } });
    expect(query.errors[0]!.message).toContain("over HTTP");
  });
});

describe("eventsChanged with Apollo Client", { timeout: 60_000 }, () => {
  const server = useServer(keyEnvironment);

  it("works with the split link docs/clients.md shows: queries over HTTP, the subscription over graphql-ws", async () => {
    const { ApolloClient, HttpLink, InMemoryCache, gql, split } = await import("@apollo/client");
    const { GraphQLWsLink } = await import("@apollo/client/link/subscriptions");
    const { getMainDefinition } = await import("@apollo/client/utilities");
    const { createClient } = await import("graphql-ws");
    const WebSocket = (await import("ws")).default;
    const s = uniqueSuffix();
    const wsClient = createClient({
      url: `${server.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${READER_KEY}` },
    });
    const link = split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
      },
      new GraphQLWsLink(wsClient),
      new HttpLink({ uri: `${server.url}/graphql`, headers: { authorization: `Bearer ${READER_KEY}` } }),
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    try {
      const viewer = await client.query<{ viewer: { role: string } }>({ query: gql("{ viewer { role } }") });
      expect(viewer.data?.viewer.role).toBe("READER");
      const received: { kind: string; event: { id: string; title: string } }[] = [];
      const before = server.app.live.listeners();
      const subscription = client
        .subscribe<{ eventsChanged: { kind: string; event: { id: string; title: string } } }>({
          query: gql("subscription ($filter: EventFilter) { eventsChanged(filter: $filter) { kind event { id title } } }"),
          variables: { filter: { actorId: `actor:w-${s}-ministry` } },
        })
        .subscribe({ next: ({ data }) => data && received.push(data.eventsChanged) });
      await waitFor(() => server.app.live.listeners() > before, { timeoutMs: 10_000, what: "the server to listen" });
      expect((await importBundle(server, documentBundle(s))).errors).toBeUndefined();
      await waitFor(() => received.length > 0, { timeoutMs: 5_000, what: "the change through Apollo Client" });
      expect(received[0]).toMatchObject({
        kind: "CREATED",
        event: { id: `event:w-${s}-strike`, title: `Drone strike on the Kafr Zeta ${s} market` },
      });
      subscription.unsubscribe();
    } finally {
      client.stop();
      await wsClient.dispose();
    }
  });
});

describe("eventsChanged over HTTP", () => {
  const server = useServer();

  it("answers 400 naming graphql-ws, for POST and GET, never 500", async () => {
    const post = await server.graphql("subscription { eventsChanged { kind } }");
    expect(post.status).toBe(400);
    expect(post.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(post.errors?.[0]?.message).toContain("graphql-ws");
    expect(post.errors?.[0]?.message).toContain("/graphql");
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent("subscription { eventsChanged { kind } }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(get.status).toBe(400);
    const body = (await get.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toContain("graphql-ws");
  });
});

describe("eventsChanged credentials", () => {
  const server = useServer({ ...keyEnvironment, READ_REQUIRES_KEY: "true", RATE_LIMIT_AUTH_FAILURES: "2" });

  it("serves a reader whose key is in connectionParams", async () => {
    const s = uniqueSuffix();
    const live = open(server, { authorization: `Bearer ${READER_KEY}` });
    const subscription = await subscribed(server, live, { filter: { actorId: `actor:w-${s}-ministry` } });
    expect((await importBundle(server, documentBundle(s))).errors).toBeUndefined();
    await waitFor(() => subscription.received.length > 0, { timeoutMs: 5_000, what: "the change" });
    expect(subscription.received[0]).toMatchObject({ kind: "CREATED", event: { id: `event:w-${s}-strike` } });
  });

  it("closes with 4401 without credentials where reading needs them, and with a refused key; refusals count against the budget HTTP keeps", async () => {
    const anonymous = open(server);
    anonymous.subscribe(EVENTS_CHANGED);
    await waitFor(() => anonymous.closes.length > 0, { timeoutMs: 5_000, what: "the close" });
    expect(anonymous.closes[0]!.code).toBe(4401);

    for (let i = 0; i < 2; i += 1) {
      const wrong = open(server, { authorization: "Bearer not-a-key-of-this-server" });
      wrong.subscribe(EVENTS_CHANGED);
      await waitFor(() => wrong.closes.length > 0, { timeoutMs: 5_000, what: "the close" });
      expect(wrong.closes[0]).toEqual({ code: 4401, reason: "The API key is not valid." });
    }
    // The budget of refused credentials (2) is spent: the next credentials are refused unchecked, here and over HTTP.
    const next = open(server, { authorization: `Bearer ${READER_KEY}` });
    next.subscribe(EVENTS_CHANGED);
    await waitFor(() => next.closes.length > 0, { timeoutMs: 5_000, what: "the close" });
    expect(next.closes[0]!.code).toBe(4429);
    const overHttp = await server.graphql("{ viewer { role } }", {}, { authorization: `Bearer ${READER_KEY}` });
    expect(overHttp.status).toBe(429);
  });
});

describe("eventsChanged limits", () => {
  const server = useServer({
    ...keyEnvironment,
    LIVE_CONNECTIONS_PER_CALLER: "2",
    LIVE_MAX_SUBSCRIPTIONS: "3",
    LIVE_QUEUE_NOTICES: "5",
    LIVE_MAX_BUFFERED_BYTES: "65536",
  });

  it("closes a caller's connection past its most with 1013", async () => {
    const first = [open(server), open(server)];
    for (const live of first) await subscribed(server, live);
    const third = open(server);
    third.subscribe(EVENTS_CHANGED);
    await waitFor(() => third.closes.length > 0, { timeoutMs: 5_000, what: "the close" });
    expect(third.closes[0]).toEqual({ code: 1013, reason: "Too many live connections for this caller: at most 2." });
    expect(first.every((live) => live.closes.length === 0)).toBe(true);
  });

  it("refuses a connection's subscription past its most with RATE_LIMITED, and keeps the others", async () => {
    const live = open(server);
    for (let i = 0; i < 3; i += 1) await subscribed(server, live);
    const fourth = live.subscribe(EVENTS_CHANGED);
    await waitFor(() => fourth.errors.length > 0, { timeoutMs: 5_000, what: "the refusal" });
    expect(fourth.errors[0]).toMatchObject({ extensions: { code: "RATE_LIMITED", maximumSubscriptions: 3 } });
    expect(live.closes).toEqual([]);
  });

  it("drops a subscriber whose notices pile up past the queue's bound with 4008, and stops listening for it", async () => {
    const live = open(server);
    const listening = server.app.live.listeners();
    await subscribed(server, live);
    // Far more notices than may wait, told at once: the queue holds 5, and the sixth drops the connection.
    for (let i = 0; i < 10_000; i += 1) server.app.changes.publish({ kind: "UPDATED", eventIds: [`event:flood-${i}`] });
    await waitFor(() => live.closes.length > 0, { timeoutMs: 5_000, what: "the close" });
    expect(live.closes[0]).toEqual({ code: 4008, reason: "Slow consumer: more than 5 change notices were waiting." });
    await waitFor(() => server.app.live.listeners() === listening, { timeoutMs: 5_000, what: "the listener to go" });
  });

  it("drops a client that stops reading once its unsent bytes pass the bound, and holds no more than that", async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    const summary = `A long summary ${s}. `.repeat(200);
    expect((await importBundle(server, { ...bundle, events: [{ ...bundle.events[0]!, summary }] })).errors).toBeUndefined();
    const live = open(server);
    // Three subscriptions of about 40 kB a message: each send is awaited, so each may have one message unsent, and two
    // of them pass 64 kB.
    const large = `subscription ($filter: EventFilter) { eventsChanged(filter: $filter) { kind event {
      a: summary b: summary c: summary d: summary e: summary f: summary g: summary h: summary i: summary j: summary } } }`;
    const filter = { filter: { actorId: `actor:w-${s}-ministry` } };
    const subscriptions = [];
    for (let i = 0; i < 3; i += 1) subscriptions.push(await subscribed(server, live, filter, large));
    const listening = server.app.live.listeners();
    const dropped = server.app.live.dropped();
    live.sockets[0]!.pause();
    const heapBefore = process.memoryUsage().heapUsed;
    // One notice names the event 1,000 times (the most one notice carries): 40 MB if nothing were bounded.
    const ids = Array.from({ length: 1_000 }, () => `event:w-${s}-strike`);
    for (let i = 0; i < 2; i += 1) server.app.changes.publish({ kind: "UPDATED", eventIds: ids });
    await waitFor(() => server.app.live.dropped() > dropped, { timeoutMs: 20_000, what: "the server to drop the connection" });
    const heldMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    live.sockets[0]!.resume();
    await waitFor(() => live.closes.length > 0, { timeoutMs: 20_000, what: "the close to reach the client" });
    expect(live.closes[0]).toEqual({ code: 4008, reason: "Slow consumer: more than 65536 bytes were waiting to be sent." });
    await waitFor(() => server.app.live.listeners() === listening - 3, { timeoutMs: 5_000, what: "the listeners to go" });
    // 6,000 messages of 40 kB were asked for (240 MB): what reached the client, and what the process grew by, are far less.
    const delivered = subscriptions.reduce((sum, subscription) => sum + subscription.received.length, 0);
    expect(delivered).toBeLessThan(6_000);
    expect(heldMb).toBeLessThan(128);
  }, 90_000);
});
