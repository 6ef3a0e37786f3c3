/**
 * A frontend on another origin, as a new user tries it: a tiny page served by a plain node http server on its own
 * port calls the API with `fetch` in Chromium. From an origin CORS_ORIGINS lists it gets the events (POST, GET, and
 * with a reader's key); from one it does not list (another port), the browser refuses: "Failed to fetch".
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { startServer, type TestServer } from "../helpers/server.js";

const READER_KEY = "cross-origin-browser-reader-0001";
const EVENTS = "query AppEvents { viewer { role } events(first: 3, orderBy: DATE_ASC) { totalCount edges { node { id title date } } } }";

/** The app's page: a script that calls the API with a plain fetch and gives back what the page could read. */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An app on another origin</title></head>
<body><h1>An app on another origin</h1><pre id="out"></pre>
<script>
  window.callApi = async (url, init) => {
    try {
      const response = await fetch(url, init);
      const body = await response.json();
      document.getElementById("out").textContent = JSON.stringify(body, null, 2);
      return { status: response.status, body, requestId: response.headers.get("x-request-id") };
    } catch (error) {
      return { refused: error.name + ": " + error.message };
    }
  };
</script></body></html>`;

interface PageAnswer {
  status?: number;
  body?: { data?: { viewer: { role: string }; events: unknown }; errors?: unknown[] };
  requestId?: string | null;
  refused?: string;
}

/** A plain HTTP server giving the page at `/`, on a port of its own: an origin of its own. */
async function servePage(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.each(VIEWPORTS)("a page on another origin calling the API with fetch, at $width x $height", { timeout: 90_000 }, (viewport) => {
  let listed: Awaited<ReturnType<typeof servePage>>;
  let unlisted: Awaited<ReturnType<typeof servePage>>;
  let api: TestServer;
  let session: BrowserSession;

  beforeAll(async () => {
    listed = await servePage();
    unlisted = await servePage();
    api = await startServer({ CORS_ORIGINS: listed.origin, READER_API_KEYS: `app:${READER_KEY}` });
    session = await openBrowser(viewport);
  });

  afterAll(async () => {
    await session?.close();
    await api?.close();
    await listed?.close();
    await unlisted?.close();
  });

  const call = (init: { method: string; headers: Record<string, string>; body?: string }, query = EVENTS) =>
    session.page.evaluate(
      ([url, request]) => (globalThis as unknown as { callApi(url: string, init: object): Promise<PageAnswer> }).callApi(url, request),
      [init.method === "GET" ? `${api.url}/graphql?query=${encodeURIComponent(query)}` : `${api.url}/graphql`, init] as const,
    );
  const post = (headers: Record<string, string> = {}) =>
    call({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: EVENTS }) });

  it("gets the events from a listed origin: a POST, a GET and a POST with a reader's key", async () => {
    await session.page.goto(`${listed.origin}/`);
    const expected = (await api.read(EVENTS)).events as unknown;
    expect((expected as { totalCount: number }).totalCount).toBeGreaterThan(0);

    const posted = await post();
    expect(posted.refused).toBeUndefined();
    expect(posted.status).toBe(200);
    expect(posted.body?.data?.events).toEqual(expected);
    expect(posted.body?.data?.viewer.role).toBe("ANONYMOUS");
    // An exposed header: the app can quote the request id to whoever runs the API.
    expect(posted.requestId).toMatch(/\S/);
    await expect.poll(() => session.page.locator("#out").innerText()).toContain('"totalCount"');
    await session.screenshot("cross-origin-listed");

    // A GET with Apollo's preflight header (a GET without it is refused by CSRF prevention, see SECURITY.md).
    const got = await call({ method: "GET", headers: { "apollo-require-preflight": "true" } });
    expect(got.status).toBe(200);
    expect(got.body?.data?.events).toEqual(expected);

    const withKey = await post({ authorization: `Bearer ${READER_KEY}` });
    expect(withKey.status).toBe(200);
    expect(withKey.body?.data?.viewer.role).toBe("READER");
    expect(withKey.body?.data?.events).toEqual(expected);
    expect(session.errors).toEqual([]);
  });

  it("is refused by the browser from an origin that is not listed", async () => {
    await session.page.goto(`${unlisted.origin}/`);
    const posted = await post();
    expect(posted.refused).toBe("TypeError: Failed to fetch");
    const got = await call({ method: "GET", headers: { "apollo-require-preflight": "true" } });
    expect(got.refused).toBe("TypeError: Failed to fetch");
    const withKey = await post({ authorization: `Bearer ${READER_KEY}` });
    expect(withKey.refused).toBe("TypeError: Failed to fetch");
    // Chromium says why in the console.
    expect(session.errors.some((error) => error.includes("blocked by CORS policy"))).toBe(true);
    // The server still answers the listed origin and same-origin callers.
    expect((await api.read(EVENTS)).events).toBeDefined();
  });
});
