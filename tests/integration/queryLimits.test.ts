import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import { startServer, useServer } from "../helpers/server.js";
import { RESEARCH_PAGE } from "../helpers/pages.js";
import { inPool } from "../helpers/sweep.js";
import { asEditor, asReader, keyEnvironment, UNLABELLED_EDITOR_KEY } from "../helpers/writing.js";

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(
  url: string,
  query: string,
  headers: Record<string, string> = {},
  variables?: Record<string, unknown>,
): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer["body"] };
}

/** Three fragments, each spreading the next 20 times, ending in `viewer { role }`: 8,000 viewers once expanded. */
const FRAGMENT_BOMB = [
  "query Bomb { ...A }",
  `fragment A on Query { ${"...B ".repeat(20)}}`,
  `fragment B on Query { ${"...C ".repeat(20)}}`,
  `fragment C on Query { ${"...D ".repeat(20)}}`,
  "fragment D on Query { viewer { role } }",
].join("\n");

const NO_INTERNALS = /stack|node_modules|\.ts:|\.js:|Syntax Error|Cypher/i;

describe("query limits", () => {
  const server = useServer(keyEnvironment);
  let app: App;
  let url: string;
  const logLines: string[] = [];
  let closeDriver: () => Promise<void>;

  beforeAll(async () => {
    // A second server whose log is kept, to check that refusals are not logged as internal errors.
    const uri = inject("neo4jUri");
    const config = loadConfig({ NODE_ENV: "test", NEO4J_URI: uri, RATE_LIMIT_ANONYMOUS: "0" });
    const driver = createDriver({ ...config.neo4j, uri });
    closeDriver = () => driver.close();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    app = await createApp(config, driver, pino(sink));
    await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.stop();
    await closeDriver();
  });

  it("answers a fragment bomb QUERY_TOO_COMPLEX (400), logs no error and sends no Cypher", async () => {
    const before = await server.queriesSent();
    expect((await post(server.url, FRAGMENT_BOMB)).status).toBe(400);
    const answer = await post(url, FRAGMENT_BOMB);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(answer.body.errors?.[0]?.message).toMatch(/more than 10000 fields/);
    expect(answer.text).not.toMatch(NO_INTERNALS);
    expect(logLines.filter((line) => /"level":50|internal error|stack/.test(line))).toEqual([]);
    expect(await server.queriesSent()).toBe(before);
  });

  it("refuses a field repeated past MAX_REPEATED_FIELDS in one selection set, fragments included, before validating", async () => {
    const repeated = await post(server.url, `{ ${"viewer { role } ".repeat(499)}}`);
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", field: "viewer", maximumRepeats: 30 });
    const throughFragments = await post(
      server.url,
      `{ ...F ...G } fragment F on Query { ${"viewer { role } ".repeat(16)}} fragment G on Query { ${"viewer { role } ".repeat(16)}}`,
    );
    expect(throughFragments.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const allowed = await post(server.url, `{ ${"viewer { role } ".repeat(30)}}`);
    expect(allowed.body).toEqual({ data: { viewer: { role: "ANONYMOUS" } } });
  });

  it("measures depth on the query as it runs: fragment spreads add no level", async () => {
    // Ten levels as it runs (events, edges, node, places, events, edges, node, places, ancestors, name), reached through spreads.
    const deepest = `query Page { events(first: 2) { edges { node { ...EventPlaces } } } }
      fragment EventPlaces on Event { places { ...PlaceEvents } }
      fragment PlaceEvents on Place { events(first: 2) { edges { node { ...EventAncestors } } } }
      fragment EventAncestors on Event { places { ancestors { name } } }`;
    expect((await post(server.url, deepest)).body.errors).toBeUndefined();
    const tooDeep = await post(server.url, deepest.replace("ancestors { name }", "ancestors { children { name } }"));
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors?.[0]).toMatchObject({
      message: "Query depth limit of 10 exceeded, found 11.",
      extensions: { code: "QUERY_TOO_DEEP" },
    });
    expect(tooDeep.text).not.toMatch(NO_INTERNALS);
    const directives = await post(server.url, `{ viewer { role ${"@include(if: true) ".repeat(11)}} }`);
    expect(directives.body.errors?.[0]).toMatchObject({
      message: "Directives limit of 10 exceeded, found 11.",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("says what the alias limit refuses, without 'Syntax Error'", async () => {
    const aliases = await post(server.url, `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: viewer { role }`).join(" ")} }`);
    expect(aliases.body.errors?.[0]).toMatchObject({
      message: "Aliases limit of 15 exceeded, found 16.",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  const aggregations = [
    "{ eventStats(groupBy: PROVINCE) { key events } }",
    '{ coInvolved(actorId: "actor:russia", first: 10) { sharedEvents } }',
    '{ neighborhood(id: "actor:russia", depth: 2, limit: 100) { truncated nodes { id } } }',
    '{ shortestPath(from: "actor:russia", to: "place:saraqib", maxHops: 4) { length } }',
  ];

  it.each(aggregations)("counts the work of %s whatever it returns", async (query) => {
    const answer = await post(server.url, query.replace("{", "query Cost {"));
    expect(answer.body.errors).toBeUndefined();
    // As many times as aliases allow: the work counts once per alias, and passes the anonymous limit.
    const times = 15;
    const aliased = `{ ${Array.from({ length: times }, (_, i) => `a${i}: ${query.slice(1, -1)}`).join(" ")} }`;
    const refused = await post(server.url, aliased);
    const cost = refused.body.errors?.[0]?.extensions?.cost;
    if (refused.body.errors === undefined) throw new Error(`${times} × ${query} was allowed to anonymous callers`);
    expect(refused.body.errors[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", maximumCost: 10_000 });
    expect(cost).toBeGreaterThan(10_000);
  });

  it("allows readers and editors the higher limits they are configured with", async () => {
    const query = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: eventStats(groupBy: PROVINCE) { key }`).join(" ")} }`;
    expect((await post(server.url, query)).body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect((await post(server.url, query, asReader)).body.errors).toBeUndefined();
    expect((await post(server.url, query, asEditor)).body.errors).toBeUndefined();
    const strict = await startServer({ ...keyEnvironment, MAX_QUERY_COST_READER: "10000" });
    try {
      expect((await post(strict.url, query, asReader)).body.errors?.[0]?.extensions).toMatchObject({
        code: "QUERY_TOO_COMPLEX",
        maximumCost: 10_000,
      });
    } finally {
      await strict.close();
    }
  });

  it("allows a page of 100 events with places, perpetrators, claims, their evidence and source text", async () => {
    const answer = await post(server.url, RESEARCH_PAGE);
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data as { events: { totalCount: number } }).events.totalCount).toBeGreaterThanOrEqual(4);
  });
});

describe("the anonymous request budget", () => {
  const server = useServer({ ...keyEnvironment, RATE_LIMIT_ANONYMOUS: "3", RATE_LIMIT_WINDOW_MS: "60000" });

  it("answers 429 with Retry-After and a coded JSON error past the budget, and lets credentials and probes through", async () => {
    for (let i = 0; i < 3; i++) expect((await post(server.url, "{ viewer { role } }")).status).toBe(200);
    const refused = await post(server.url, "{ viewer { role } }");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("content-type")).toMatch(/application\/json/);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(refused.body.errors?.[0]?.message).toMatch(/Retry-After/);
    expect((await post(server.url, "{ viewer { role } }", asReader)).body).toEqual({ data: { viewer: { role: "READER" } } });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe("the budgets of readers and editors", () => {
  const server = useServer({ ...keyEnvironment, RATE_LIMIT_ANONYMOUS: "100", RATE_LIMIT_READER: "3", RATE_LIMIT_EDITOR: "5" });

  it("counts per key: a reader or an editor over its own budget gets 429, other keys and anonymous callers do not", async () => {
    for (let i = 0; i < 3; i++) expect((await post(server.url, "{ viewer { role } }", asReader)).status).toBe(200);
    const reader = await post(server.url, "{ viewer { role } }", asReader);
    expect(reader.status).toBe(429);
    expect(Number(reader.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(reader.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/3 per 60 s/), extensions: { code: "RATE_LIMITED" } });
    for (let i = 0; i < 5; i++) expect((await post(server.url, "{ viewer { role } }", asEditor)).status).toBe(200);
    expect((await post(server.url, "{ viewer { role } }", asEditor)).body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    // Another editor's key, from the same address: a budget of its own.
    const other = { authorization: `Bearer ${UNLABELLED_EDITOR_KEY}` };
    expect((await post(server.url, "{ viewer { role } }", other)).body).toEqual({ data: { viewer: { role: "EDITOR" } } });
    expect((await post(server.url, "{ viewer { role } }")).body).toEqual({ data: { viewer: { role: "ANONYMOUS" } } });
  });

  it("is never unlimited", () => {
    for (const name of ["RATE_LIMIT_READER", "RATE_LIMIT_EDITOR"]) {
      expect(() => loadConfig({ [name]: "0" })).toThrow(new RegExp(name));
    }
    expect(loadConfig({}).rateLimit).toMatchObject({ anonymous: 300, reader: 1_200, editor: 1_200, authFailures: 20 });
  });
});

describe("failed authentication", () => {
  const server = useServer({ ...keyEnvironment, RATE_LIMIT_AUTH_FAILURES: "5" });

  it("is limited per address: past the budget, credentials get 429 unchecked, right or wrong; anonymous reads go on", async () => {
    const wrong = Array.from({ length: 60 }, (_, i) => ({ authorization: `Bearer wrong-key-${i}-0123456789abcdef` }));
    const statuses: number[] = [];
    await inPool(wrong, 10, async (headers) => {
      statuses.push((await post(server.url, "{ viewer { role } }", headers)).status);
    });
    // The budget is checked before credentials are: at most the budget, and the requests in flight with it, get a 401.
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5 + 10);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(60 - 15);
    const locked = await post(server.url, "{ viewer { role } }", asEditor);
    expect(locked.status).toBe(429);
    expect(locked.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post(server.url, "{ viewer { role } }")).body).toEqual({ data: { viewer: { role: "ANONYMOUS" } } });
  });

  it("does not count credentials that are accepted", async () => {
    const fresh = await startServer({ ...keyEnvironment, RATE_LIMIT_AUTH_FAILURES: "2" });
    try {
      for (let i = 0; i < 20; i++) expect((await post(fresh.url, "{ viewer { role } }", asReader)).status).toBe(200);
      expect((await post(fresh.url, "{ viewer { role } }", { authorization: "Bearer not-a-key-0123456789abcdef" })).status).toBe(401);
      expect((await post(fresh.url, "{ viewer { role } }", asReader)).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});
