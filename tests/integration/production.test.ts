/** Production settings: no suggestions that reveal the schema, /metrics off or on a port of its own, timeouts on time. */
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startServer, useServer } from "../helpers/server.js";

/** Mistakes graphql-js answers with "Did you mean …?": fields, arguments, types, input fields, enum values. */
const mistakes: [string, string, Record<string, unknown>?][] = [
  ["a field", "{ evnts { totalCount } }"],
  ["an argument", "{ events(frist: 2) { totalCount } }"],
  ["a type", "{ events { totalCount ... on Evnt { id } } }"],
  ["an input field", '{ events(filter: { placeid: "place:syria" }) { totalCount } }'],
  ["an input field in a variable", "query ($f: EventFilter) { events(filter: $f) { totalCount } }", { f: { placeid: "place:syria" } }],
  ["an enum value", "{ events(orderBy: DATE_DES) { totalCount } }"],
  ["an enum value in a variable", "query ($o: EventOrder) { events(orderBy: $o) { totalCount } }", { o: "DATE_DES" }],
];

describe("suggestions", () => {
  const production = useServer({ NODE_ENV: "production" });
  const development = useServer({ NODE_ENV: "development" });

  it.each(mistakes)("none for %s in production; development still helps", async (_, query, variables) => {
    const hidden = await production.graphql(query, variables);
    expect(hidden.status).toBe(400);
    expect(hidden.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(hidden.errors)).not.toMatch(/did you mean|suggestion/i);
    const shown = await development.graphql(query, variables);
    expect(JSON.stringify(shown.errors)).toMatch(/Did you mean/);
  });
});

describe("/metrics", () => {
  it("is served on the API's port by default, nowhere with METRICS_ENABLED=false, and only on METRICS_PORT when set", async () => {
    const off = await startServer({ METRICS_ENABLED: "false" });
    const own = await startServer({ METRICS_PORT: "0" });
    try {
      const refused = await fetch(`${off.url}/metrics`);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
      expect(off.app.metricsServer).toBeNull();

      expect((await fetch(`${own.url}/metrics`)).status).toBe(404);
      const metricsServer = own.app.metricsServer!;
      await new Promise<void>((resolve) => metricsServer.listen(0, "127.0.0.1", resolve));
      const { port } = metricsServer.address() as AddressInfo;
      await own.graphql('{ place(id: "place:syria") { name } }');
      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^neo4j_queries_total\{.*\} [1-9]/m);
    } finally {
      await off.close();
      await own.close();
    }
  });
});

describe("/metrics in production", () => {
  const METRICS_KEY = "metrics-key-0123456789abcdef";

  it("is not served on the API's port without METRICS_KEY, and only with the key when it is set", async () => {
    const open = await startServer({ NODE_ENV: "production" });
    const keyed = await startServer({ NODE_ENV: "production", METRICS_KEY });
    try {
      const refused = await fetch(`${open.url}/metrics`);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
      const attempts: Record<string, string>[] = [
        {},
        { authorization: "Bearer metrics-key-0123456789abcdeX" },
        { authorization: METRICS_KEY },
      ];
      for (const headers of attempts) {
        const unauthenticated = await fetch(`${keyed.url}/metrics`, { headers });
        expect(unauthenticated.status).toBe(401);
        const text = await unauthenticated.text();
        expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
        expect(text).not.toMatch(/process_|nodejs_|neo4j_/);
      }
      const scraped = await fetch(`${keyed.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_KEY}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^nodejs_heap_size_total_bytes/m);
    } finally {
      await open.close();
      await keyed.close();
    }
  });

  it("asks for the key on METRICS_PORT too when one is set, and refuses a short key at start-up", async () => {
    const own = await startServer({ NODE_ENV: "production", METRICS_PORT: "0", METRICS_KEY });
    try {
      const metricsServer = own.app.metricsServer!;
      await new Promise<void>((resolve) => metricsServer.listen(0, "127.0.0.1", resolve));
      const { port } = metricsServer.address() as AddressInfo;
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_KEY}` } })).status).toBe(200);
    } finally {
      await own.close();
    }
    expect(() => loadConfig({ METRICS_KEY: "short" })).toThrow(/METRICS_KEY: entry 1 has a key shorter than 16 characters/);
  });
});

/** Sends `head` then one more byte every 100 ms; resolves with the time until the server closed the connection and what it said. */
function trickle(port: number, head: string): Promise<{ ms: number; answer: string }> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const socket = connect(port, "127.0.0.1", () => socket.write(head));
    let answer = "";
    const drip = setInterval(() => socket.write("x"), 100);
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(drip);
      resolve({ ms: performance.now() - startedAt, answer });
    });
    setTimeout(() => {
      clearInterval(drip);
      socket.destroy();
      reject(new Error("the server kept a slow client for 10 s"));
    }, 10_000);
  });
}

describe("slow clients", () => {
  const server = useServer({ HTTP_HEADERS_TIMEOUT_MS: "1000", HTTP_REQUEST_TIMEOUT_MS: "2000" });
  let port: number;
  beforeAll(() => {
    port = Number(new URL(server.url).port);
  });

  it("are cut off when the header timeout says, not at Node's next 30 s check", async () => {
    const { ms, answer } = await trickle(port, "POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(1_600);
  });

  it("are cut off when the request timeout says, however slowly the body keeps coming", async () => {
    const head = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
    const { ms, answer } = await trickle(port, head);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(1_950);
    expect(ms).toBeLessThan(2_600);
  });
});
