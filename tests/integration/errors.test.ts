/**
 * What callers see when they get something wrong, and when the database is gone: coded errors that
 * name the argument to fix, and nothing of the server's insides (stack traces, Cypher, the driver).
 */
import { describe, expect, it } from "vitest";
import { type TestServer, useServer } from "../helpers/server.js";

interface RawResponse {
  status: number;
  text: string;
  body: {
    data?: Record<string, any> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

const server = useServer();
const offline = useServer({}, "bolt://127.0.0.1:1");

/**
 * Posts a query and keeps the raw JSON. Every error response is checked here for leaks, so every
 * test in this file also checks that nothing internal reaches the client.
 */
async function post(target: TestServer, query: string, variables?: Record<string, unknown>): Promise<RawResponse> {
  const response = await fetch(`${target.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as RawResponse["body"];
  if (body.errors) expectNoLeaks(text);
  return { status: response.status, text, body };
}

function expectNoLeaks(text: string): void {
  expect(text).not.toMatch(/stack/i);
  expect(text).not.toMatch(/cypher/i);
  expect(text).not.toContain("MATCH");
  expect(text).not.toMatch(/neo4j/i);
}

/** The response must carry exactly one BAD_USER_INPUT error naming `argument`. */
async function expectBadInput(query: string, argument: string | null, variables?: Record<string, unknown>): Promise<RawResponse> {
  const response = await post(server, query, variables);
  expect(response.body.errors, response.text).toHaveLength(1);
  const [error] = response.body.errors!;
  expect(error!.extensions?.code, response.text).toBe("BAD_USER_INPUT");
  if (argument !== null) expect(error!.extensions?.argument, response.text).toBe(argument);
  expect(error!.message.length).toBeGreaterThan(0);
  return response;
}

describe("page arguments", () => {
  it("refuses first above 100, naming first", async () => {
    const response = await expectBadInput(`{ events(first: 101) { totalCount } }`, "first");
    expect(response.body.errors![0]!.message).toMatch(/100/);
  });

  it("refuses a negative last, naming last", async () => {
    await expectBadInput(`{ actors(last: -1) { totalCount } }`, "last");
  });

  it("refuses first together with last", async () => {
    await expectBadInput(`{ places(first: 2, last: 2) { totalCount } }`, "last");
  });

  it("refuses bad page sizes on nested connections too", async () => {
    await expectBadInput(`{ place(id: "place:syria") { events(first: 101) { totalCount } } }`, "first");
    await expectBadInput(`{ actor(id: "actor:russia") { statements(last: -1) { totalCount } } }`, "last");
  });

  it("refuses a cursor it did not issue", async () => {
    await expectBadInput(`{ events(after: "abc") { totalCount } }`, "after");
    await expectBadInput(`{ actors(before: "abc") { totalCount } }`, "before");
    // Well-formed JSON of the right shape, but a key no DATE_DESC cursor can hold.
    const forged = Buffer.from(JSON.stringify(["DATE_DESC", "') MATCH (n) DETACH DELETE n //", "event:x"])).toString("base64url");
    await expectBadInput(`query ($after: String) { events(after: $after) { totalCount } }`, "after", { after: forged });
  });

  it("refuses a cursor issued for another list's ordering", async () => {
    const actors = await post(server, `{ actors(first: 1) { pageInfo { endCursor } } }`);
    const cursor = actors.body.data!.actors.pageInfo.endCursor as string;
    await expectBadInput(`query ($after: String) { events(after: $after) { totalCount } }`, "after", { after: cursor });
  });
});

describe("ids", () => {
  it("refuses a malformed id, naming the argument", async () => {
    await expectBadInput(`{ node(id: "garbage") { id } }`, "id");
    await expectBadInput(`{ node(id: "spaceship:x") { id } }`, "id");
  });

  it("refuses an id of the wrong type", async () => {
    await expectBadInput(`{ actor(id: "place:syria") { id } }`, "id");
    await expectBadInput(`{ events(filter: { placeId: "actor:russia" }) { totalCount } }`, "filter.placeId");
    await expectBadInput(`{ places(filter: { withinId: "garbage" }) { totalCount } }`, "filter.withinId");
  });

  it("counts the code the client was sent in the request log's metric, not the raw error's", async () => {
    const counted = async (code: string) => {
      const line = (await (await fetch(`${server.url}/metrics`)).text())
        .split("\n")
        .find((entry) => entry.startsWith(`graphql_error_responses_total{code="${code}"}`));
      return line ? Number(line.split(" ").at(-1)) : 0;
    };
    const [badBefore, internalBefore] = [await counted("BAD_USER_INPUT"), await counted("INTERNAL_SERVER_ERROR")];
    await expectBadInput(`{ actor(id: "place:syria") { id } }`, "id");
    expect(await counted("BAD_USER_INPUT")).toBe(badBefore + 1);
    expect(await counted("INTERNAL_SERVER_ERROR")).toBe(internalBefore);
  });

  it("answers null, without errors, for a well-formed id that is not in the graph", async () => {
    const response = await post(
      server,
      `{
        node(id: "event:never-happened") { id }
        actor(id: "actor:nobody") { id }
        place(id: "place:nowhere") { id }
        event(id: "event:never-happened") { id }
        agreement(id: "agreement:never-signed") { id }
        statement(id: "statement:never-said") { id }
        source(id: "source:never-written") { id }
        claim(id: "claim:never-made") { id }
      }`,
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(Object.values(response.body.data!)).toEqual(Array(8).fill(null));
    expect(response.body.data!.node).toBeNull();
  });
});

describe("dates", () => {
  const literal = `{ events(filter: { from: "2019-02-30" }) { totalCount } }`;
  const variable = `query ($filter: EventFilter) { events(filter: $filter) { totalCount } }`;

  it("refuses an impossible date written in the query", async () => {
    const response = await expectBadInput(literal, null);
    expect(response.body.errors![0]!.message).toMatch(/2019-02-30/);
  });

  it("refuses an impossible date passed in a variable", async () => {
    const response = await expectBadInput(variable, null, { filter: { from: "2019-02-30" } });
    expect(response.body.errors![0]!.message).toMatch(/2019-02-30/);
    await expectBadInput(`query ($from: Date) { statements(filter: { from: $from }) { totalCount } }`, null, { from: "2019-13-01" });
  });

  it("names the argument that holds an impossible date", async () => {
    // Like every other BAD_USER_INPUT here, so a client can point at the field to fix. The Date scalar
    // refuses the value before anything knows which argument held it, so this needs the argument path
    // from the document or the variables.
    await expectBadInput(literal, "filter.from");
    await expectBadInput(variable, "filter.from", { filter: { from: "2019-02-30" } });
  });

  it("refuses a range that ends before it starts, naming from", async () => {
    await expectBadInput(`{ events(filter: { from: "2019-07-23", to: "2019-07-22" }) { totalCount } }`, "filter.from");
    await expectBadInput(`{ statements(filter: { from: "2019-07-23", to: "2019-07-22" }) { totalCount } }`, "filter.from");
  });
});

describe("the response to a bad request", () => {
  it("is a 400 without internals for a syntax error, an unknown field or a wrong type", async () => {
    const cases: [string, string][] = [
      [`{ events(first: ) }`, "GRAPHQL_PARSE_FAILED"],
      [`{ events { nope } }`, "GRAPHQL_VALIDATION_FAILED"],
      [`{ events(first: "ten") { totalCount } }`, "BAD_USER_INPUT"],
    ];
    for (const [query, code] of cases) {
      const response = await post(server, query);
      expect(response.body.errors?.[0]?.extensions?.code, response.text).toBe(code);
      expect(response.status, response.text).toBe(400);
    }
  });

  it("is a 400 BAD_USER_INPUT for a variable that does not fit its type, or is missing", async () => {
    const cases: [string, Record<string, unknown>][] = [
      [`query ($first: Int) { events(first: $first) { totalCount } }`, { first: "ten" }],
      [`query ($order: EventOrder) { events(orderBy: $order) { totalCount } }`, { order: "NEWEST" }],
      [`query ($id: ID!) { node(id: $id) { id } }`, {}],
    ];
    for (const [query, variables] of cases) {
      const response = await post(server, query, variables);
      expect(response.body.errors?.[0]?.extensions?.code, response.text).toBe("BAD_USER_INPUT");
      expect(response.status, response.text).toBe(400);
    }
  });

  it("is a 400 parse failure for a document over the token limit", async () => {
    // 2,502 tokens in 27.5 kB: over the token limit, under the document limit (MAX_QUERY_BYTES), which answers first.
    const response = await post(server, `{ ${"__typename ".repeat(2_500)} }`);
    expect(response.status, response.text).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });
});

describe("with the database unreachable", () => {
  it("a query fails with SERVICE_UNAVAILABLE within 5 s", async () => {
    const started = performance.now();
    const response = await post(offline, `{ actor(id: "actor:russia") { name } }`);
    const elapsed = performance.now() - started;
    expect(response.body.errors, response.text).toHaveLength(1);
    expect(response.body.errors![0]!.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(response.body.data?.actor ?? null).toBeNull();
    expect(elapsed).toBeLessThan(5_000);
  });

  it("a list query fails the same way", async () => {
    const started = performance.now();
    const response = await post(offline, `{ events(first: 1) { totalCount } }`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(response.body.errors?.[0]?.extensions?.code, response.text).toBe("SERVICE_UNAVAILABLE");
  });

  it("/health is 200 and /ready is 503", async () => {
    const health = await fetch(`${offline.url}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${offline.url}/ready`);
    expect(ready.status).toBe(503);
    expectNoLeaks(await ready.text());
    // The connected server is ready.
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });
});
