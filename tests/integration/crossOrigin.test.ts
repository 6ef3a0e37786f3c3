/**
 * CORS_ORIGINS over HTTP: a listed origin's preflight and requests get the `Access-Control-*` headers a browser
 * needs; any other origin gets none (its preflight a coded 403); preflights skip the budgets and authentication;
 * and Apollo's CSRF prevention still refuses what a cross-site page can send without a preflight.
 * The browser's side of it: tests/browser/crossOrigin.test.ts.
 */
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CORS_MAX_AGE_SECONDS } from "../../src/http/crossOrigin.js";
import { startServer, useServer } from "../helpers/server.js";

const APP = "http://app.example.test:5173";
const OTHER = "http://elsewhere.example.test";
const READER_KEY = "cross-origin-reader-key-0001";
const EVENTS = "query CrossOriginEvents { events(first: 3, orderBy: DATE_ASC) { edges { node { id title date } } } }";

/** A browser's preflight before a JSON POST with credentials. */
function preflight(url: string, origin: string, method = "POST"): Promise<Response> {
  return fetch(url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": method,
      "access-control-request-headers": "authorization, content-type",
    },
  });
}

const commaList = (value: string | null) => (value ?? "").split(",").map((item) => item.trim().toLowerCase());

/** The HTTP status a WebSocket upgrade to /graphql gets with `origin` (101 when it opens), as a browser page would send it. */
function upgradeStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws", origin === undefined ? {} : { origin });
    socket.on("open", () => {
      socket.close();
      resolve(101);
    });
    socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    socket.on("error", reject);
  });
}

describe("CORS with CORS_ORIGINS set", () => {
  const server = useServer({ CORS_ORIGINS: `${APP},http://localhost:3000` });

  it("lets live connections (WebSocket) open from listed origins, the API's own and clients without Origin, and no other", async () => {
    expect(await upgradeStatus(server.url, APP)).toBe(101);
    expect(await upgradeStatus(server.url, server.url)).toBe(101);
    expect(await upgradeStatus(server.url, undefined)).toBe(101);
    expect(await upgradeStatus(server.url, OTHER)).toBe(403);
    expect(await upgradeStatus(server.url, "null")).toBe(403);
  });

  it("answers a listed origin's preflight 204 with what a browser checks", async () => {
    const response = await preflight(`${server.url}/graphql`, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(commaList(response.headers.get("vary"))).toContain("origin");
    expect(commaList(response.headers.get("access-control-allow-methods"))).toEqual(["get", "post", "options"]);
    const allowedHeaders = commaList(response.headers.get("access-control-allow-headers"));
    for (const header of ["content-type", "authorization", "apollo-require-preflight", "x-apollo-operation-name"]) {
      expect(allowedHeaders).toContain(header);
    }
    expect(response.headers.get("access-control-max-age")).toBe(String(CORS_MAX_AGE_SECONDS));
    expect(await response.text()).toBe("");
  });

  it("answers the preflights of /export, /health and /ready too", async () => {
    for (const path of ["/export/events.csv", "/health", "/ready"]) {
      const response = await preflight(`${server.url}${path}`, APP, "GET");
      expect(response.status, path).toBe(204);
      expect(response.headers.get("access-control-allow-origin"), path).toBe(APP);
    }
  });

  it("gives a listed origin's query the answer a same-origin caller gets, readable by its script", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { origin: APP, "content-type": "application/json", authorization: `Bearer ${READER_KEY}-unknown` },
      body: JSON.stringify({ query: EVENTS }),
    });
    // An unknown key is refused, and the refusal is readable by the app (its CORS headers are there).
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe(APP);

    const listed = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { origin: APP, "content-type": "application/json" },
      body: JSON.stringify({ query: EVENTS }),
    });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("access-control-allow-origin")).toBe(APP);
    expect(listed.headers.get("access-control-allow-credentials")).toBe("true");
    expect(commaList(listed.headers.get("access-control-expose-headers"))).toEqual(expect.arrayContaining(["retry-after", "x-request-id"]));
    expect(commaList(listed.headers.get("vary"))).toContain("origin");
    const { data } = (await listed.json()) as { data: { events: { edges: unknown[] } } };
    expect(data.events.edges.length).toBeGreaterThan(0);
    expect(data).toEqual((await server.read(EVENTS)) as unknown);
  });

  it("gives any other origin no CORS header: its preflight a coded 403, its requests nothing a browser would expose", async () => {
    for (const origin of [OTHER, "null", `${APP}.evil.test`, "http://app.example.test:5174"]) {
      const refused = await preflight(`${server.url}/graphql`, origin);
      expect(refused.status, origin).toBe(403);
      expect(refused.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(refused.headers.get("access-control-allow-credentials"), origin).toBeNull();
      expect(refused.headers.get("access-control-allow-headers"), origin).toBeNull();
      const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe("CORS_ORIGIN_NOT_ALLOWED");
      expect(body.errors[0]!.message).toContain("CORS_ORIGINS");
      expect(JSON.stringify(body)).not.toMatch(/CSRF/i);
    }
    const request = await fetch(`${server.url}/health`, { headers: { origin: OTHER } });
    expect(request.status).toBe(200);
    expect(request.headers.get("access-control-allow-origin")).toBeNull();
    expect(request.headers.get("access-control-allow-credentials")).toBeNull();
  });
});

describe("preflights and the anonymous budget", () => {
  // A budget of 2 anonymous requests a window: preflights must not spend it.
  const server = useServer({ CORS_ORIGINS: APP, RATE_LIMIT_ANONYMOUS: "2" });

  it("answers preflights without spending the anonymous budget", async () => {
    for (let sent = 0; sent < 6; sent += 1) expect((await preflight(`${server.url}/graphql`, APP)).status).toBe(204);
    for (let sent = 0; sent < 6; sent += 1) expect((await preflight(`${server.url}/graphql`, OTHER)).status).toBe(403);
    // The budget of 2 is whole after 12 preflights: the first two requests pass, the third is over it.
    const statuses: number[] = [];
    for (let sent = 0; sent < 3; sent += 1) {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { origin: APP, "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      statuses.push(response.status);
      // A 429 is readable by the app too, with its Retry-After exposed.
      if (response.status === 429) expect(response.headers.get("access-control-allow-origin")).toBe(APP);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe("CORS and CSRF prevention together", () => {
  const server = useServer({ CORS_ORIGINS: APP });

  it("still refuses what a cross-site page can send without a preflight, even from a listed origin", async () => {
    const query = "{ events(first: 1) { edges { node { id } } } }";
    // A form post or a text/plain fetch is a simple request (no preflight): refused before GraphQL runs.
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { origin: APP, "content-type": type },
        body: type === "text/plain" ? JSON.stringify({ query }) : `query=${encodeURIComponent(query)}`,
      });
      expect(response.status, type).toBe(415);
      const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.data, type).toBeUndefined();
      expect(body.errors[0]!.extensions.code, type).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    // A GET without a preflight header: Apollo's CSRF prevention (urql's default; docs/clients.md sets POST).
    const simpleGet = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { origin: APP, accept: "application/graphql-response+json, application/json" },
    });
    expect(simpleGet.status).toBe(400);
    const refusal = (await simpleGet.json()) as { data?: unknown; errors: { message: string }[] };
    expect(refusal.data).toBeUndefined();
    expect(refusal.errors[0]!.message).toMatch(/Cross-Site Request Forgery/);
    // A GET mutation, even with the preflight header, never runs.
    const mutation = `mutation { mergeNodes(from: "actor:cross-origin-a", into: "actor:cross-origin-b") { __typename } }`;
    const getMutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { origin: APP, accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(getMutation.status).toBe(405);
    expect(((await getMutation.json()) as { data?: unknown }).data).toBeUndefined();
  });
});

describe("CORS by default and with keys required", () => {
  it("allows no origin when CORS_ORIGINS is unset", async () => {
    const server = await startServer();
    try {
      const response = await preflight(`${server.url}/graphql`, APP);
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await server.close();
    }
  });

  it("answers a preflight 204, not 401, when reading needs a key, and serves the app's request with the key", async () => {
    const server = await startServer({ CORS_ORIGINS: APP, READ_REQUIRES_KEY: "true", READER_API_KEYS: `app:${READER_KEY}` });
    try {
      expect((await preflight(`${server.url}/graphql`, APP)).status).toBe(204);
      const withKey = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { origin: APP, "content-type": "application/json", authorization: `Bearer ${READER_KEY}` },
        body: JSON.stringify({ query: EVENTS }),
      });
      expect(withKey.status).toBe(200);
      expect(withKey.headers.get("access-control-allow-origin")).toBe(APP);
      expect(((await withKey.json()) as { errors?: unknown }).errors).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
