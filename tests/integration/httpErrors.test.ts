/**
 * Everything that fails before GraphQL runs (content type, charset, content encoding, decompression, JSON, size,
 * unknown paths) answers JSON in the GraphQL-over-HTTP shape with a coded error and a 4xx status, and never a stack
 * trace, a file path or an HTML page, whatever NODE_ENV says (Express's own error page depends on it).
 */
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "../helpers/server.js";
import { LEAK } from "../helpers/sweep.js";
import { asEditor, keyEnvironment } from "../helpers/writing.js";

const query = JSON.stringify({ query: "{ viewer { role } }" });
const json = { "content-type": "application/json" };

/** `{"query":"{ viewer { role } }","variables":{"name":"café"}}` with "é" in Latin-1: one byte 0xE9 that is not UTF-8. */
const latin1 = Buffer.from('{"query":"{ viewer { role } }","variables":{"name":"caf\u00e9"}}', "latin1");
const utf16 = (littleEndian: boolean) => {
  const bytes = Buffer.from(query, "utf16le");
  return littleEndian ? bytes : Buffer.from(bytes).swap16();
};

interface Case {
  name: string;
  path?: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  status: number;
  code: string;
}

const cases: Case[] = [
  {
    name: "an unknown content-encoding",
    headers: { ...json, "content-encoding": "xyz" },
    body: query,
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "a charset other than UTF-8",
    headers: { "content-type": "application/json; charset=koi8-r" },
    body: query,
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "content-encoding gzip on a plain body",
    headers: { ...json, "content-encoding": "gzip" },
    body: query,
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "a truncated gzip body",
    headers: { ...json, "content-encoding": "gzip" },
    body: gzipSync(query).subarray(0, 20),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "a broken deflate body",
    headers: { ...json, "content-encoding": "deflate" },
    body: "not deflate",
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "a broken brotli body",
    headers: { ...json, "content-encoding": "br" },
    body: "not brotli at all",
    status: 400,
    code: "BAD_REQUEST",
  },
  { name: "a body that is not JSON", headers: json, body: '{"query":', status: 400, code: "BAD_REQUEST" },
  { name: "an empty JSON body", headers: json, body: "", status: 400, code: "BAD_REQUEST" },
  { name: "JSON that is not an object", headers: json, body: '"{ viewer { role } }"', status: 400, code: "BAD_REQUEST" },
  {
    name: "an anonymous body over 100 kB",
    headers: json,
    body: JSON.stringify({ query: "{ viewer { role } }", variables: { padding: "x".repeat(110_000) } }),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "a small gzip body that inflates past the limit",
    headers: { ...json, "content-encoding": "gzip" },
    body: gzipSync(JSON.stringify({ query: "{ viewer { role } }", variables: { padding: " ".repeat(5_000_000) } })),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "an editor's body over the editor limit",
    headers: { ...json, ...asEditor },
    body: JSON.stringify({ query: "{ viewer { role } }", variables: { padding: "x".repeat(300_000) } }),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  { name: "a body with a Latin-1 byte", headers: json, body: latin1, status: 400, code: "BAD_REQUEST" },
  { name: "a UTF-16 (little-endian) body", headers: json, body: utf16(true), status: 400, code: "BAD_REQUEST" },
  { name: "a UTF-16 (big-endian) body", headers: json, body: utf16(false), status: 400, code: "BAD_REQUEST" },
  {
    name: "a UTF-16 body with its byte order mark",
    headers: json,
    body: Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(true)]),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "a body cut inside a character",
    headers: json,
    body: Buffer.concat([Buffer.from(query), Buffer.from([0xe2, 0x82])]),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "an overlong encoding of '/'",
    headers: json,
    body: Buffer.concat([Buffer.from(query.slice(0, -1)), Buffer.from([0xc0, 0xaf, 0x7d])]),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "a charset of UTF-16",
    headers: { "content-type": "application/json; charset=utf-16" },
    body: utf16(true),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "a query document over 32 kB of comment, in a body under 100 kB",
    headers: json,
    body: JSON.stringify({ query: `# ${"x".repeat(40_000)}\n{ viewer { role } }` }),
    status: 400,
    code: "DOCUMENT_TOO_LARGE",
  },
  {
    name: "an editor's query document over 32 kB",
    headers: { ...json, ...asEditor },
    body: JSON.stringify({ query: `{ viewer { role } }${" ".repeat(40_000)}` }),
    status: 400,
    code: "DOCUMENT_TOO_LARGE",
  },
  { name: "a text/plain body", headers: { "content-type": "text/plain" }, body: query, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  {
    name: "a form body",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "query=x",
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  { name: "an unknown path", path: "/graphql.php", headers: json, body: query, status: 404, code: "NOT_FOUND" },
];

/** NODE_ENV as Express reads it (process.env, when the app is created) and as our configuration does. */
for (const nodeEnv of [undefined, "development", "production"]) {
  describe(`before GraphQL, with NODE_ENV ${nodeEnv ?? "unset"}`, () => {
    const previous = process.env.NODE_ENV;
    beforeAll(() => {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    });
    afterAll(() => {
      process.env.NODE_ENV = previous;
    });
    const server = useServer({ ...keyEnvironment, NODE_ENV: nodeEnv, BODY_LIMIT_EDITOR: "200kb" });

    it.each(cases)("$name: $status $code", async ({ path, headers, body, status, code }) => {
      const response = await fetch(`${server.url}${path ?? "/graphql"}`, { method: "POST", headers, body });
      const text = await response.text();
      expect(text).not.toMatch(LEAK);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect({ status: response.status, body: JSON.parse(text) as unknown }).toEqual({
        status,
        body: { errors: [{ message: expect.any(String), extensions: { code } }] },
      });
    });

    it("names the first byte that is not UTF-8, and accepts a UTF-8 byte order mark", async () => {
      const refused = await fetch(`${server.url}/graphql`, { method: "POST", headers: json, body: latin1 });
      const at = latin1.indexOf(0xe9);
      expect(await refused.json()).toEqual({
        errors: [
          {
            message: `Request body is not valid UTF-8: 0xE9 at byte offset ${at} (line 1): send UTF-8 JSON.`,
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      });
      const named = await fetch(`${server.url}/graphql`, { method: "POST", headers: json, body: utf16(true) });
      expect(((await named.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
        "Request body is UTF-16 (little-endian), not UTF-8: send UTF-8 JSON.",
      );
      const bom = await fetch(`${server.url}/graphql`, { method: "POST", headers: json, body: Buffer.from(`\uFEFF${query}`, "utf8") });
      expect(await bom.json()).toEqual({ data: { viewer: { role: "ANONYMOUS" } } });
      const accented = JSON.stringify({ query: '{ search(query: "café naïve ﷺ 😀") { __typename } }' });
      expect((await fetch(`${server.url}/graphql`, { method: "POST", headers: json, body: accented })).status).toBe(200);
    });

    it("still reads gzip bodies, and editors' bodies within their limit", async () => {
      const gzip = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { ...json, "content-encoding": "gzip" },
        body: gzipSync(query),
      });
      expect(await gzip.json()).toEqual({ data: { viewer: { role: "ANONYMOUS" } } });
      const large = JSON.stringify({ query: "{ viewer { role } }", variables: { padding: "x".repeat(150_000) } });
      const editor = await fetch(`${server.url}/graphql`, { method: "POST", headers: { ...json, ...asEditor }, body: large });
      expect(await editor.json()).toEqual({ data: { viewer: { role: "EDITOR" } } });
    });
  });
}
