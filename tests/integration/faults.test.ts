/**
 * The database vanishing and returning, and SIGTERM, against the real entry point in its own process.
 * These tests stop and start a Neo4j of their own (the project's launcher, on a port next to the test
 * database's), so the shared test database is never disturbed.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localInstance, startLocalNeo4j, stopLocalNeo4j } from "../../neo4j-local/localNeo4j.js";
import { openTestDatabase } from "../helpers/database.js";
import { spawnService, type ServiceProcess } from "../helpers/process.js";
import { waitFor } from "../helpers/waiting.js";

const testPort = Number(new URL(inject("neo4jUri").replace("bolt://", "http://")).port);
// The test port + 150: clear of the bench instances the other slow files start beside it (the bench port, say the
// test port + 100 as in a .env, and the bench port + 1).
const instance = localInstance("test", testPort + 150);

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3_000) })).status;
  } catch {
    return 0;
  }
}

/** `graphql_error_responses_total{code="SERVICE_UNAVAILABLE"}` of the service's /metrics. */
async function serviceUnavailableAnswers(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split("\n").find((entry) => entry.startsWith('graphql_error_responses_total{code="SERVICE_UNAVAILABLE"}'));
  return Number(line?.split(" ").at(-1) ?? 0);
}

async function query(base: string, text = "{ events(first: 1) { totalCount } }") {
  const started = Date.now();
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: text }),
  });
  const body = (await response.json()) as { data?: { events?: { totalCount: number } }; errors?: { extensions?: { code?: string } }[] };
  return { ms: Date.now() - started, body };
}

describe("the database goes away and comes back", () => {
  let service: ServiceProcess;
  beforeAll(async () => {
    // The database starts empty: the service must apply the schema and seed the article once it can reach it, and
    // only then call itself ready.
    await startLocalNeo4j(instance);
    const database = openTestDatabase(instance.uri);
    await database.db.write((tx) => tx.run("// wipeFaultDatabase\nMATCH (n) DETACH DELETE n"));
    await database.close();
    await stopLocalNeo4j(instance);
    // Started while its database is down: the API must come up anyway.
    service = await spawnService({ NEO4J_URI: instance.uri });
  }, 240_000);
  afterAll(async () => {
    service?.child.kill("SIGKILL");
    await stopLocalNeo4j(instance);
  }, 120_000);

  it("serves /health and answers 503 on /ready while the database is unreachable at start-up", async () => {
    expect(await status(`${service.url}/health`)).toBe(200);
    expect(await status(`${service.url}/ready`)).toBe(503);
    const { ms, body } = await query(service.url);
    expect(body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(ms).toBeLessThan(5_000);
    // Answered with HTTP 200 (an execution error), so monitoring counts it from the metric.
    expect(await serviceUnavailableAnswers(service.url)).toBeGreaterThanOrEqual(1);
  });

  it("recovers by itself within 10 s of the database returning, and is ready only once the article is seeded", async () => {
    await startLocalNeo4j(instance);
    const recoveredIn = await waitFor(async () => (await query(service.url)).body.errors === undefined, {
      timeoutMs: 10_000,
      what: "a query answered without errors",
    });
    expect(recoveredIn).toBeLessThan(10_000);
    // Every time /ready says 200, the seed is there: poll both until it does.
    let readyWithout: number | undefined;
    await waitFor(
      async () => {
        if ((await status(`${service.url}/ready`)) !== 200) return false;
        readyWithout = (await query(service.url)).body.data?.events?.totalCount;
        return true;
      },
      { timeoutMs: 60_000, stepMs: 50, what: "/ready answering 200" },
    );
    expect(readyWithout).toBe(4);
    const logged = service.logs().map((line) => line.msg);
    expect(logged.indexOf("seeded the article's graph into the empty database")).toBeGreaterThanOrEqual(0);
  }, 240_000);

  it("fails fast and cleanly while the database is stopped mid-run, then recovers", async () => {
    const load = async () => {
      const codes: string[] = [];
      const durations: number[] = [];
      for (let i = 0; i < 5; i++) {
        const { ms, body } = await query(service.url);
        durations.push(ms);
        codes.push(body.errors?.[0]?.extensions?.code ?? "OK");
      }
      return { codes, durations };
    };
    await stopLocalNeo4j(instance);
    const down = await load();
    expect(new Set(down.codes)).toEqual(new Set(["SERVICE_UNAVAILABLE"]));
    expect(Math.max(...down.durations)).toBeLessThan(5_000);
    expect(await status(`${service.url}/ready`)).toBe(503);

    await startLocalNeo4j(instance);
    const recoveredIn = await waitFor(async () => (await query(service.url)).body.data?.events?.totalCount === 4, {
      timeoutMs: 10_000,
      what: "the article's four events counted again",
    });
    expect(recoveredIn).toBeLessThan(10_000);
    // Nothing but clean, coded failures reached clients in between, and the server logged no crash.
    const logged = service.logs().flatMap((line) => (Array.isArray(line.errorCodes) ? (line.errorCodes as string[]) : []));
    expect(logged.filter((code) => code !== "SERVICE_UNAVAILABLE")).toEqual([]);
  }, 240_000);
});

describe("SIGTERM", () => {
  it("turns /ready to 503, finishes the request in flight, closes the driver and exits 0", async () => {
    const service = await spawnService({ NEO4J_URI: inject("neo4jUri"), SHUTDOWN_READINESS_DELAY_MS: "1500" });
    const body = JSON.stringify({ query: '{ event(id: "event:2019-07-22-saraqib-market-airstrike") { id } }' });
    // A request whose body is still arriving when the signal comes: it must still be answered.
    const request = http.request(`${service.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on("error", reject);
    });
    // Its headers and first bytes are on the wire; a request on a later connection being answered says the service
    // has accepted this one's (connections are accepted in order).
    await new Promise<void>((resolve, reject) => request.write(body.slice(0, 10), (error) => (error ? reject(error) : resolve())));
    expect(await status(`${service.url}/health`)).toBe(200);
    const signalledAt = Date.now();
    service.child.kill("SIGTERM");
    // /ready turns 503 within the readiness delay (1.5 s), while the service still listens.
    await waitFor(async () => (await status(`${service.url}/ready`)) === 503, {
      timeoutMs: 1_500,
      stepMs: 50,
      what: "/ready answering 503",
    });
    // The rest of the body arrives only now, after the signal.
    request.end(body.slice(10));
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text)).toEqual({ data: { event: { id: "event:2019-07-22-saraqib-market-airstrike" } } });
    expect(await service.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(service.logs().some((line) => line.msg === "stopped")).toBe(true);
  }, 120_000);
});
