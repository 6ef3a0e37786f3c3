import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchApiKey, parseApiKeys } from "../../src/auth/apiKeys.js";
import { createAuthenticator } from "../../src/auth/authenticate.js";
import { requireEditor } from "../../src/auth/viewer.js";
import { loadConfig } from "../../src/config.js";
import { DomainError } from "../../src/errors.js";
import { graphQLErrorOf } from "../../src/http/errors.js";

/** What a client is sent for what `work` throws: the domain's error as the edge codes it. */
function asSent(work: () => unknown): () => unknown {
  return () => {
    try {
      return work();
    } catch (error) {
      throw error instanceof DomainError ? graphQLErrorOf(error) : error;
    }
  };
}

describe("API keys", () => {
  it("parse `label:key` and bare keys, keeping only digests", () => {
    const { keys, problems } = parseApiKeys(" alice:0123456789abcdef0123 , 0123456789abcdef-bare ,,");
    expect(problems).toEqual([]);
    expect(keys.map((key) => key.label)).toEqual(["alice", expect.stringMatching(/^key-[0-9a-f]{8}$/)]);
    expect(JSON.stringify(keys)).not.toContain("0123456789abcdef");
  });

  it("treat a colon after something that is not a label as part of the key", () => {
    const { keys } = parseApiKeys("not a label:0123456789abcdef0123");
    expect(keys[0]?.label).toMatch(/^key-/);
    expect(matchApiKey(keys, "not a label:0123456789abcdef0123")).toBe(keys[0]);
  });

  it("refuse short keys and repeated labels, naming entries by position only", () => {
    const { problems } = parseApiKeys("a:short,b:0123456789abcdef0123,b:0123456789abcdef0124");
    expect(problems).toEqual(["entry 1 has a key shorter than 16 characters", 'entry 3 repeats the label "b"']);
    expect(() => loadConfig({ EDITOR_API_KEYS: "a:short-secret" })).toThrow(/EDITOR_API_KEYS: entry 1 has a key shorter/);
    expect(() => loadConfig({ EDITOR_API_KEYS: "a:short-secret" })).not.toThrow(/short-secret/);
  });

  it("match exactly: no prefix, suffix or case variant of a key passes", () => {
    const { keys } = parseApiKeys("alice:0123456789abcdef0123");
    expect(matchApiKey(keys, "0123456789abcdef0123")?.label).toBe("alice");
    for (const wrong of ["0123456789abcdef012", "0123456789abcdef01234", "0123456789ABCDEF0123", ""])
      expect(matchApiKey(keys, wrong)).toBeUndefined();
  });
});

describe("requireEditor", () => {
  it("lets editors through and tells anonymous callers (401) from readers (403)", () => {
    expect(requireEditor({ role: "EDITOR", id: "alice" })).toEqual({ role: "EDITOR", id: "alice" });
    expect(asSent(() => requireEditor({ role: "ANONYMOUS", id: null }))).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "UNAUTHENTICATED", http: expect.objectContaining({ status: 401 }) }),
      }),
    );
    expect(asSent(() => requireEditor({ role: "READER", id: "bob" }))).toThrow(
      expect.objectContaining({ extensions: { code: "FORBIDDEN", http: { status: 403 } } }),
    );
  });
});

describe("JWT", () => {
  let jwks: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair("RS256")).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
    jwks = createServer((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  const authenticator = (requireExpiry = true) =>
    createAuthenticator({
      editorKeys: [],
      readerKeys: [],
      readRequiresKey: false,
      jwt: {
        jwksUrl,
        issuer: "https://idp.example",
        audience: "conflict-graph",
        roleClaim: "realm_access.roles",
        editorRole: "editor",
        requireExpiry,
        maxLifetimeSeconds: 86_400,
      },
    });

  async function token(
    claims: Record<string, unknown>,
    options: {
      key?: CryptoKey;
      issuer?: string;
      audience?: string;
      expires?: string | number | null;
      subject?: string | null;
      issuedAt?: number | null;
    } = {},
  ) {
    const unsigned = new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "test-key" })
      .setIssuer(options.issuer ?? "https://idp.example")
      .setAudience(options.audience ?? "conflict-graph");
    if (options.subject !== null) unsigned.setSubject(options.subject ?? "researcher-7");
    if (options.issuedAt !== null) unsigned.setIssuedAt(options.issuedAt);
    if (options.expires !== null) unsigned.setExpirationTime(options.expires ?? "5m");
    return unsigned.sign(options.key ?? privateKey);
  }

  it("makes an editor of a valid token whose role claim holds the editor role, a reader of any other valid token", async () => {
    const authenticate = authenticator();
    expect(await authenticate(`Bearer ${await token({ realm_access: { roles: ["viewer", "editor"] } })}`)).toEqual({
      ok: true,
      viewer: { role: "EDITOR", id: "researcher-7" },
    });
    expect(await authenticate(`Bearer ${await token({ realm_access: { roles: ["viewer"] } })}`)).toEqual({
      ok: true,
      viewer: { role: "READER", id: "researcher-7" },
    });
  });

  it("refuses tokens that are expired, signed by another key, or for another issuer or audience", async () => {
    const authenticate = authenticator();
    const editor = { realm_access: { roles: ["editor"] } };
    for (const bad of [
      await token(editor, { expires: "-1m" }),
      await token(editor, { key: otherKey }),
      await token(editor, { issuer: "https://evil.example" }),
      await token(editor, { audience: "another-service" }),
    ]) {
      const result = await authenticate(`Bearer ${bad}`);
      expect(result).toEqual({ ok: false, message: "The token is invalid or has expired." });
    }
  });

  it("refuses a token without exp unless JWT_REQUIRE_EXP=false", async () => {
    const forever = await token({ realm_access: { roles: ["editor"] } }, { expires: null });
    expect(await authenticator()(`Bearer ${forever}`)).toEqual({ ok: false, message: "The token is invalid or has expired." });
    expect(await authenticator(false)(`Bearer ${forever}`)).toEqual({ ok: true, viewer: { role: "EDITOR", id: "researcher-7" } });
    const settings = { JWT_JWKS_URL: "https://idp.example/jwks", JWT_ISSUER: "i", JWT_AUDIENCE: "a" };
    expect(loadConfig(settings).auth.jwt?.requireExpiry).toBe(true);
    expect(loadConfig({ ...settings, JWT_REQUIRE_EXP: "false" }).auth.jwt?.requireExpiry).toBe(false);
  });

  it("refuses a token without a subject, whatever its role: no viewer that cannot be written down", async () => {
    const authenticate = authenticator();
    for (const subject of [null, ""]) {
      const anonymousEditor = await token({ realm_access: { roles: ["editor"] } }, { subject });
      expect(await authenticate(`Bearer ${anonymousEditor}`)).toEqual({ ok: false, message: "The token is invalid or has expired." });
    }
  });

  it("caps a token's lifetime at JWT_MAX_LIFETIME_S: exp far ahead of now, or of iat, is refused", async () => {
    const authenticate = authenticator();
    const editor = { realm_access: { roles: ["editor"] } };
    const now = Math.floor(Date.now() / 1000);
    for (const bad of [
      await token(editor, { expires: 1e20 }),
      await token(editor, { expires: now + 86_400 + 3_600 }),
      // Issued a week ago, expiring in an hour: it lived longer than a day.
      await token(editor, { issuedAt: now - 7 * 86_400, expires: now + 3_600 }),
      await token(editor, { issuedAt: null, expires: now + 30 * 86_400 }),
    ]) {
      expect(await authenticate(`Bearer ${bad}`)).toEqual({ ok: false, message: "The token is invalid or has expired." });
    }
    expect(await authenticate(`Bearer ${await token(editor, { expires: now + 86_000 })}`)).toMatchObject({ ok: true });
    expect(await authenticate(`Bearer ${await token(editor, { issuedAt: null, expires: now + 600 })}`)).toMatchObject({ ok: true });
    const settings = { JWT_JWKS_URL: "https://idp.example/jwks", JWT_ISSUER: "i", JWT_AUDIENCE: "a" };
    expect(loadConfig(settings).auth.jwt?.maxLifetimeSeconds).toBe(86_400);
    expect(loadConfig({ ...settings, JWT_MAX_LIFETIME_S: "3600" }).auth.jwt?.maxLifetimeSeconds).toBe(3_600);
  });

  it("needs issuer and audience configured alongside the key set", () => {
    expect(() => loadConfig({ JWT_JWKS_URL: "https://idp.example/jwks" })).toThrow(/needs JWT_ISSUER and JWT_AUDIENCE/);
    expect(loadConfig({ JWT_JWKS_URL: "https://idp.example/jwks", JWT_ISSUER: "i", JWT_AUDIENCE: "a" }).auth.jwt).toMatchObject({
      roleClaim: "role",
      editorRole: "editor",
    });
  });
});
