/**
 * Credentials and roles, through HTTP: anonymous callers and readers cannot write (401 / 403, nothing written),
 * `viewer` says what the server sees, and keys never come back in responses or logs.
 */
import { describe, expect, inject, it } from "vitest";
import { generatedAcled } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { spawnService } from "../helpers/process.js";
import { startServer, useServer } from "../helpers/server.js";
import {
  asEditor,
  asReader,
  documentBundle,
  EDITOR_KEY,
  importAcled,
  importBundle,
  keyEnvironment,
  READER_KEY,
  UNLABELLED_EDITOR_KEY,
} from "../helpers/writing.js";

const server = useServer(keyEnvironment);

const viewer = (headers: Record<string, string> = {}) => server.graphql("{ viewer { role id } }", {}, headers);

async function sourceExists(id: string): Promise<boolean> {
  const response = await server.graphql("query ($id: ID!) { source(id: $id) { id } }", { id });
  return response.data?.source !== null;
}

describe("viewer", () => {
  it("is anonymous without credentials, and names the key's label or fingerprint with them", async () => {
    expect((await viewer()).data?.viewer).toEqual({ role: "ANONYMOUS", id: null });
    expect((await viewer(asReader)).data?.viewer).toEqual({ role: "READER", id: "bob" });
    expect((await viewer(asEditor)).data?.viewer).toEqual({ role: "EDITOR", id: "alice" });
    const unlabelled = (await viewer({ authorization: `bearer ${UNLABELLED_EDITOR_KEY}` })).data?.viewer;
    expect(unlabelled).toEqual({ role: "EDITOR", id: expect.stringMatching(/^key-[0-9a-f]{8}$/) });
  });

  it("refuses credentials it cannot accept with 401, without repeating them", async () => {
    for (const authorization of [`Bearer ${EDITOR_KEY}x`, `Basic ${EDITOR_KEY}`, "Bearer", "Bearer a.b.c"]) {
      const response = await viewer({ authorization });
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(JSON.stringify(response)).not.toContain(EDITOR_KEY);
    }
  });
});

describe("mutations", () => {
  it("answer UNAUTHENTICATED (401) to anonymous callers and write nothing", async () => {
    const s = uniqueSuffix();
    const response = await importBundle(server, documentBundle(s), { headers: {} });
    expect(response.status).toBe(401);
    expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: "UNAUTHENTICATED" } })]);
    expect(await sourceExists(`source:w-${s}`)).toBe(false);

    const acled = await importAcled(server, "event_id_cnty\nX1\n", { headers: {} });
    expect(acled.status).toBe(401);
  });

  it("answer UNAUTHENTICATED (401) to a wrong key and write nothing", async () => {
    const s = uniqueSuffix();
    const response = await importBundle(server, documentBundle(s), { headers: { authorization: `Bearer not-${EDITOR_KEY}` } });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await sourceExists(`source:w-${s}`)).toBe(false);
  });

  it("answer FORBIDDEN (403) to a reader and write nothing, not even on a dry run", async () => {
    const s = uniqueSuffix();
    for (const dryRun of [false, true]) {
      const response = await importBundle(server, documentBundle(s), { headers: asReader, dryRun });
      expect(response.status).toBe(403);
      expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: "FORBIDDEN" } })]);
    }
    expect(await sourceExists(`source:w-${s}`)).toBe(false);
  });

  it("are written for an editor, attributed to the key's label", async () => {
    const s = uniqueSuffix();
    const response = await importBundle(server, documentBundle(s));
    expect(response.errors).toBeUndefined();
    expect(response.data?.importBundle.created).toBe(7);
    expect(await sourceExists(`source:w-${s}`)).toBe(true);
  });
});

describe("request bodies", () => {
  it("may be large for editors (imports), not for anyone else", async () => {
    const csv = generatedAcled(400, uniqueSuffix());
    expect(csv.length).toBeGreaterThan(150_000);
    for (const headers of [{}, asReader]) expect((await importAcled(server, csv, { headers, dryRun: true })).status).toBe(413);
    const editor = await importAcled(server, csv, { dryRun: true });
    expect(editor.errors).toBeUndefined();
    expect(editor.data?.importAcled).toMatchObject({ dryRun: true, rows: 400 });
  });
});

describe("READ_REQUIRES_KEY", () => {
  it("turns anonymous reads away with 401 and lets readers in", async () => {
    const closed = await startServer({ ...keyEnvironment, READ_REQUIRES_KEY: "true" });
    try {
      const anonymous = await closed.graphql("{ viewer { role } }");
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const reader = await closed.graphql(
        '{ viewer { role } source(id: "source:anadolu-2019-07-23-idlib-airstrikes") { id } }',
        {},
        asReader,
      );
      expect(reader.data).toEqual({ viewer: { role: "READER" }, source: { id: "source:anadolu-2019-07-23-idlib-airstrikes" } });
    } finally {
      await closed.close();
    }
  });
});

describe("logs", () => {
  it("never contain a key, whether it was accepted, refused or sent with a failing import", async () => {
    const service = await spawnService({
      ...keyEnvironment,
      LOG_LEVEL: "trace",
      NEO4J_URI: inject("neo4jUri"),
      SEED_ON_START: "false",
    });
    try {
      const post = (headers: Record<string, string>, body: unknown) =>
        fetch(`${service.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(body),
        });
      await post(asEditor, { query: "{ viewer { id } }" });
      await post(asReader, { query: 'mutation { importAcled(csv: "x") { created } }' });
      await post({ authorization: `Bearer ${EDITOR_KEY}-wrong` }, { query: "{ viewer { id } }" });
      await post(asEditor, { query: 'mutation { importAcled(csv: "not,acled\\n1,2") { created } }' });
    } finally {
      // Once it has exited and its pipes are closed, everything it logged about the requests is in its output.
      service.child.kill("SIGTERM");
      await service.exited;
    }
    const output = service.output();
    expect(output).toContain("graphql request");
    for (const key of [EDITOR_KEY, READER_KEY, UNLABELLED_EDITOR_KEY]) expect(output).not.toContain(key);
  }, 90_000);
});
