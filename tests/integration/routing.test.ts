/**
 * Scaling out, on what one machine can test (docs/deploy.md): the service through the `neo4j://` routing scheme
 * (the driver asks the server for its routing table and sends reads and writes by role, as it would to a cluster or
 * Aura; the local Neo4j serves a table naming itself), and two API processes on one database, where an import
 * through one is read through the other at once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueSuffix } from "../helpers/bundles.js";
import { spawnService, type ServiceProcess } from "../helpers/process.js";
import { useServer } from "../helpers/server.js";
import { asEditor, documentBundle, importBundle, keyEnvironment, REPORT } from "../helpers/writing.js";

const routingUri = inject("neo4jUri").replace(/^bolt:\/\//, "neo4j://");

describe("through the neo4j:// routing scheme", () => {
  const server = useServer(keyEnvironment, routingUri);

  it("reads the article, as bolt:// does", async () => {
    const response = await server.graphql(
      '{ events(filter: { placeId: "place:idlib-governorate" }, orderBy: FATALITIES_DESC) { totalCount edges { node { id } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.events.totalCount).toBe(4);
  });

  it("imports (a routed write) and reads the import back at once (a routed read after it)", async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    const imported = await importBundle(server, bundle);
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importBundle.created).toBeGreaterThan(0);
    const read = await server.graphql("query ($id: ID!) { source(id: $id) { id title } }", { id: bundle.source.id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.source).toEqual({ id: bundle.source.id, title: bundle.source.title });
  });
});

describe("two API processes on one database", () => {
  let first: ServiceProcess;
  let second: ServiceProcess;
  beforeAll(async () => {
    const environment = { NEO4J_URI: routingUri, SEED_ON_START: "false", ...keyEnvironment };
    [first, second] = await Promise.all([spawnService(environment), spawnService(environment)]);
  }, 60_000);
  afterAll(() => {
    first?.child.kill("SIGKILL");
    second?.child.kill("SIGKILL");
  });

  const post = async (base: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  };

  it("see an import through one in the other at once", async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    const imported = await post(
      first.url,
      `mutation ($bundle: BundleInput!) { importBundle(bundle: $bundle) { ${REPORT} } }`,
      { bundle },
      asEditor,
    );
    expect(imported.errors).toBeUndefined();
    // No wait, no retry: the very next request, to the other process.
    const read = await post(second.url, "query ($id: ID!, $event: ID!) { source(id: $id) { id } event(id: $event) { id } }", {
      id: bundle.source.id,
      event: bundle.events[0]!.id,
    });
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ source: { id: bundle.source.id }, event: { id: bundle.events[0]!.id } });
  }, 60_000);
});
