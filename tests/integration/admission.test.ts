/**
 * Admission control over HTTP (src/http/admission.ts). With a pool of 8 connections the process has 2 heavy slots,
 * one per caller, and 2 places in its queue; the test fills the slots itself (`app.admission`) and then sweeps every
 * root field of the schema: the heavy ones are refused 503 SERVICE_UNAVAILABLE with Retry-After before any Cypher,
 * the cheap ones are answered. A caller over its share is refused 429, a flood never queues past the bound, and a
 * pool with no connection to give answers SERVICE_UNAVAILABLE, logged once at warn without a stack.
 */
import { Writable } from "node:stream";
import { getNamedType, isObjectType, isAbstractType, type GraphQLField } from "graphql";
import pino from "pino";
import { describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createDriver } from "../../src/db/driver.js";
import type { Release } from "../../src/http/admission.js";
import { schema } from "../helpers/queryCosts.js";
import { useServer } from "../helpers/server.js";
import { asEditor, asReader, documentBundle, keyEnvironment } from "../helpers/writing.js";

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Answer["body"] };
}

const EVENT_ID = "event:2019-07-22-saraqib-market-airstrike";
const s = `adm-${Date.now().toString(36)}`;

/**
 * Every root field of the schema, with the arguments it needs, and whether it is heavy. A root field added to the
 * schema fails the first test until it is listed here, heavy or cheap.
 */
const ROOT_FIELDS: Record<string, { args?: string; variables?: Record<string, unknown>; heavy: boolean }> = {
  "Query.node": { args: `(id: "actor:russia")`, heavy: false },
  "Query.actor": { args: `(id: "actor:russia")`, heavy: false },
  "Query.place": { args: `(id: "place:saraqib")`, heavy: false },
  "Query.event": { args: `(id: "${EVENT_ID}")`, heavy: false },
  "Query.agreement": { args: `(id: "agreement:none")`, heavy: false },
  "Query.statement": { args: `(id: "statement:none")`, heavy: false },
  "Query.source": { args: `(id: "source:none")`, heavy: false },
  "Query.claim": { args: `(id: "claim:none")`, heavy: false },
  "Query.actors": { heavy: false },
  "Query.places": { heavy: false },
  "Query.events": { heavy: false },
  "Query.agreements": { heavy: false },
  "Query.statements": { heavy: false },
  "Query.search": { args: `(query: "Saraqib")`, heavy: false },
  "Query.nodeByIdentifier": { args: `(scheme: "wikidata", value: "Q159")`, heavy: false },
  "Query.incident": { args: `(id: "incident:none")`, heavy: false },
  "Query.incidents": { heavy: false },
  "Query.viewer": { heavy: false },
  "Query.shortestPath": { args: `(from: "actor:russia", to: "place:saraqib", maxHops: 1)`, heavy: true },
  "Query.neighborhood": { args: `(id: "actor:russia", depth: 1, limit: 1)`, heavy: true },
  "Query.eventStats": { args: `(groupBy: MONTH)`, heavy: true },
  "Query.timeSeries": { args: `(interval: MONTH, filter: { from: "2019-01-01", to: "2019-12-31" })`, heavy: true },
  "Query.coInvolved": { args: `(actorId: "actor:russia", first: 1)`, heavy: true },
  "Mutation.importBundle": {
    args: `(bundle: $bundle, dryRun: true)`,
    variables: { bundle: documentBundle(s) },
    heavy: true,
  },
  "Mutation.importAcled": { args: `(csv: "event_id_cnty", dryRun: true)`, heavy: true },
  "Mutation.importUcdp": { args: `(csv: "id", dryRun: true)`, heavy: true },
  "Mutation.linkIncident": { args: `(eventIds: ["event:${s}-a", "event:${s}-b"])`, heavy: true },
  "Mutation.mergeNodes": { args: `(from: "actor:${s}-a", into: "actor:${s}-b")`, heavy: true },
};

/** Heavy work below a cheap root field, and bulk reads. */
const NESTED_HEAVY = [
  `{ actor(id: "actor:syria") { events(includeMembers: true) { totalCount } } }`,
  `{ actor(id: "actor:syria") { events(credited: true) { totalCount } } }`,
  `{ eventStats(groupBy: PERPETRATOR, includeMembers: true) { key } }`,
  `{ events(first: 100) { edges { node { places { name } claims { evidence { quote } } } } } }`,
];

function rootQuery(coordinate: string, field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const entry = ROOT_FIELDS[coordinate]!;
  const [operation] = coordinate.split(".");
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isAbstractType(named) ? " { __typename }" : "";
  const header = entry.variables
    ? `${operation === "Mutation" ? "mutation" : "query"} ($bundle: BundleInput!)`
    : operation === "Mutation"
      ? "mutation"
      : "";
  return { query: `${header} { ${field.name}${entry.args ?? ""}${selection} }`, variables: entry.variables ?? {} };
}

describe("admission of heavy operations", () => {
  const server = useServer({ ...keyEnvironment, NEO4J_MAX_POOL_SIZE: "8", ADMISSION_WAIT_MS: "300" });

  /** Takes every heavy slot of the process for callers of the test's own. */
  async function fillSlots(): Promise<() => void> {
    const { slots } = server.app.admission.limits;
    const held: Release[] = await Promise.all(Array.from({ length: slots }, (_, i) => server.app.admission.acquire(`test:${s}-${i}`, 1)));
    return () => held.forEach((release) => release());
  }

  it("sizes its slots from the pool: 2 for 8 connections, 1 per caller", () => {
    expect(server.app.admission.limits).toMatchObject({ slots: 2, slotsPerCaller: 1, queue: 2, queuePerCaller: 1, waitMs: 300 });
  });

  it("refuses every heavy root field 503 with Retry-After when the slots are taken, before any Cypher, and answers the cheap ones", async () => {
    const roots = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.values(type.getFields()).map((field) => ({ coordinate: `${type.name}.${field.name}`, field })),
    );
    // Every root field is classified here: a new one must be added to ROOT_FIELDS.
    expect(roots.map(({ coordinate }) => coordinate).sort()).toEqual(Object.keys(ROOT_FIELDS).sort());
    const release = await fillSlots();
    try {
      for (const { coordinate, field } of roots) {
        const { query, variables } = rootQuery(coordinate, field);
        const before = await server.queriesSent();
        const answer = await post(server.url, query, variables, asEditor);
        if (ROOT_FIELDS[coordinate]!.heavy) {
          expect({ coordinate, status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({
            coordinate,
            status: 503,
            code: "SERVICE_UNAVAILABLE",
          });
          expect(Number(answer.retryAfter), coordinate).toBeGreaterThanOrEqual(1);
          expect(answer.body.data ?? null, coordinate).toBeNull();
          expect(await server.queriesSent(), coordinate).toBe(before);
        } else {
          expect({ coordinate, status: answer.status, errors: answer.body.errors }).toEqual({ coordinate, status: 200, errors: undefined });
        }
      }
      for (const query of NESTED_HEAVY) {
        const answer = await post(server.url, query, {}, asReader);
        expect({ query, status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({
          query,
          status: 503,
          code: "SERVICE_UNAVAILABLE",
        });
      }
    } finally {
      release();
    }
    // With the slots back, the same heavy queries are answered.
    for (const query of NESTED_HEAVY) {
      const answer = await post(server.url, query, {}, asReader);
      expect({ query, errors: answer.body.errors }).toEqual({ query, errors: undefined });
    }
    expect(server.app.admission.load).toEqual({ running: 0, queued: 0 });
  }, 120_000);

  it("refuses a caller over its share 429 RATE_LIMITED with Retry-After, while another caller is admitted", async () => {
    // The editor key labelled alice holds its one slot.
    const release = await server.app.admission.acquire("viewer:alice", 1);
    try {
      const alice = await post(server.url, `{ eventStats(groupBy: TYPE) { key events } }`, {}, asEditor);
      expect(alice.status).toBe(429);
      expect(alice.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      expect(alice.body.errors?.[0]?.message).toMatch(/one caller may run 1 /);
      expect(Number(alice.retryAfter)).toBeGreaterThanOrEqual(1);
      const bob = await post(server.url, `{ eventStats(groupBy: TYPE) { key events } }`, {}, asReader);
      expect(bob.body.errors).toBeUndefined();
      expect(bob.status).toBe(200);
    } finally {
      release();
    }
    // An anonymous caller's share is its address's: two at once from one address, one waits and is admitted.
    const [first, second] = await Promise.all(
      [1, 2].map(() => post(server.url, `{ neighborhood(id: "actor:russia", depth: 2) { truncated } }`)),
    );
    for (const answer of [first, second]) {
      if (answer?.body.errors) expect(answer.body.errors[0]?.extensions?.code).toBe("RATE_LIMITED");
    }
    expect(server.app.admission.load).toEqual({ running: 0, queued: 0 });
  }, 60_000);

  it("queues no more than its bound under a flood of 60 heavy queries, refuses the rest with Retry-After, and still answers cheap reads", async () => {
    const release = await fillSlots();
    server.app.admission.peakQueued = 0;
    let flood: Answer[];
    let cheap: Answer;
    try {
      [flood, cheap] = await Promise.all([
        Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            post(server.url, `{ eventStats(groupBy: MONTH) { key } }`, {}, i % 2 === 0 ? asEditor : asReader),
          ),
        ),
        post(server.url, `{ event(id: "${EVENT_ID}") { id } }`),
      ]);
    } finally {
      release();
    }
    expect(server.app.admission.peakQueued).toBeGreaterThan(0);
    expect(server.app.admission.peakQueued).toBeLessThanOrEqual(server.app.admission.limits.queue);
    for (const answer of flood) {
      expect([429, 503]).toContain(answer.status);
      expect(["RATE_LIMITED", "SERVICE_UNAVAILABLE"]).toContain(answer.body.errors?.[0]?.extensions?.code);
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    expect(cheap.body).toEqual({ data: { event: { id: EVENT_ID } } });
    // A heavy query refused by its own resolver gives its slot back too.
    const refused = await post(server.url, `{ neighborhood(id: "actor:russia", depth: 9) { truncated } }`);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(server.app.admission.load).toEqual({ running: 0, queued: 0 });
  }, 60_000);
});

describe("a connection pool with nothing to give", () => {
  it("answers SERVICE_UNAVAILABLE, logged once at warn without a stack", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    const uri = inject("neo4jUri");
    // One connection, and an acquisition timeout of 1.5 s (NEO4J_CONNECT_TIMEOUT_MS + 1 s).
    const config = loadConfig({ NODE_ENV: "test", NEO4J_URI: uri, NEO4J_MAX_POOL_SIZE: "1", NEO4J_CONNECT_TIMEOUT_MS: "500" });
    const driver = createDriver({ ...config.neo4j, uri });
    const app = await createApp(config, driver, pino(sink));
    app.databasePrepared();
    await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    // The pool's only connection, held by an open transaction.
    const session = driver.session();
    const transaction = session.beginTransaction();
    try {
      await transaction.run("RETURN 1");
      const answers = await Promise.all([1, 2, 3].map(() => post(url, `{ event(id: "${EVENT_ID}") { id } }`)));
      for (const answer of answers) {
        expect(answer.body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
        expect(JSON.stringify(answer.body)).not.toMatch(/acquisition|stack|Active conn/i);
      }
      const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown; pool?: string });
      const warnings = entries.filter((entry) => entry.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        msg: expect.stringMatching(/no database connection was free/),
        pool: expect.stringMatching(/Active conn count = 1/),
      });
      expect(warnings[0]?.err).toBeUndefined();
      expect(entries.filter((entry) => entry.level >= 50)).toEqual([]);
      expect(lines.join("\n")).not.toMatch(/"stack"/);
    } finally {
      await transaction.rollback();
      await session.close();
    }
    expect((await post(url, `{ event(id: "${EVENT_ID}") { id } }`)).body).toEqual({ data: { event: { id: EVENT_ID } } });
    await app.stop();
    await driver.close();
  }, 60_000);
});
