/**
 * Relay, unmodified: the Relay compiler (the npm package's own binary) compiles the fragments and queries in
 * tests/clients/relay/ against the schema the test server serves (by introspection), and every query it
 * compiles is then sent as Relay would send it and answered without errors.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "../helpers/server.js";

const sources = join(dirname(fileURLToPath(import.meta.url)), "relay");
const compiler = join(dirname(createRequire(import.meta.url).resolve("relay-compiler/package.json")), "cli.js");

interface CompiledQuery {
  name: string;
  text: string;
}

/** The operations in the compiler's artifacts: each query's name and the text Relay sends. */
function compiledQueries(artifacts: string): CompiledQuery[] {
  return readdirSync(artifacts)
    .filter((file) => file.endsWith(".graphql.ts"))
    .flatMap((file) => {
      const source = readFileSync(join(artifacts, file), "utf8");
      const text = /^\s*"text": ("(?:[^"\\]|\\.)*")/m.exec(source)?.[1];
      return text === undefined ? [] : [{ name: file.replace(".graphql.ts", ""), text: JSON.parse(text) as string }];
    });
}

describe("Relay", () => {
  const server = useServer();
  let folder: string;
  let queries: CompiledQuery[];
  let compilerOutput: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "relay-"));
    const introspection = await server.graphql<IntrospectionQuery>(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    writeFileSync(join(folder, "schema.graphql"), printSchema(buildClientSchema(introspection.data as IntrospectionQuery)));
    mkdirSync(join(folder, "src"));
    mkdirSync(join(folder, "generated"));
    for (const file of readdirSync(sources)) copyFileSync(join(sources, file), join(folder, "src", file));
    writeFileSync(
      join(folder, "relay.config.json"),
      JSON.stringify({ src: "./src", schema: "./schema.graphql", language: "typescript", artifactDirectory: "./generated" }),
    );
    const run = spawnSync(process.execPath, [compiler, "relay.config.json", "--noWatchman"], { cwd: folder, encoding: "utf8" });
    compilerOutput = `${run.stdout}\n${run.stderr}`;
    expect(run.status, compilerOutput).toBe(0);
    queries = compiledQueries(join(folder, "generated"));
  }, 120_000);
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("compiles the pagination, refetch and detail queries", () => {
    expect(queries.map((query) => query.name).sort()).toEqual([
      "ActorEventsPageQuery",
      "ActorEventsPaginationQuery",
      "EventDetailQuery",
      "EventListPaginationQuery",
      "EventListQuery",
      "EventSummaryRefetchQuery",
    ]);
  });

  const run = async (name: string, variables: Record<string, unknown>) => {
    const query = queries.find((candidate) => candidate.name === name);
    if (!query) throw new Error(`${name} was not compiled:\n${compilerOutput}`);
    const response = await server.graphql(query.text, variables);
    expect(response.errors, `${name}: ${JSON.stringify(response.errors)}`).toBeUndefined();
    expect(response.status).toBe(200);
    return response.data as Record<string, any>;
  };

  it("pages through an actor's events with @connection (the page, then the pagination query through node)", async () => {
    const page = await run("ActorEventsPageQuery", { id: "actor:civilians-syria" });
    const first = page.actor.events;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await run("ActorEventsPaginationQuery", { id: "actor:civilians-syria", count: 2, cursor: first.pageInfo.endCursor });
    expect(next.node.events.edges).toHaveLength(2);
    const ids = [...first.edges, ...next.node.events.edges].map((edge: { node: { id: string } }) => edge.node.id);
    expect(new Set(ids).size).toBe(4);
    expect(next.node.events.edges[0].node.places[0].ancestors.length).toBeGreaterThan(0);
  });

  it("pages through all events with @connection on Query.events", async () => {
    const page = await run("EventListQuery", {});
    expect(page.events.edges).toHaveLength(2);
    const next = await run("EventListPaginationQuery", { count: 2, cursor: page.events.pageInfo.endCursor });
    expect(next.events.edges).toHaveLength(2);
    expect(next.events.edges[0].node.id).not.toBe(page.events.edges[0].node.id);
  });

  it("refetches an event through node(id:)", async () => {
    const refetched = await run("EventSummaryRefetchQuery", { id: "event:2019-07-22-maarat-al-numan-market-airstrike" });
    expect(refetched.node).toMatchObject({ __typename: "Event", id: "event:2019-07-22-maarat-al-numan-market-airstrike" });
  });

  it("loads the detail page with its nested fragments", async () => {
    const detail = await run("EventDetailQuery", { id: "event:2019-07-22-maarat-al-numan-market-airstrike" });
    expect(detail.event.claims.length).toBeGreaterThan(0);
    const evidence = detail.event.claims.flatMap((claim: { evidence: { id: string }[] }) => claim.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    // Relay keys every record by `id`: evidence ids must be unique per passage across the whole response.
    for (const item of evidence as { id: string; start: number; end: number }[]) expect(item.id).toMatch(/^evidence:.+:\d+-\d+$/);
  });
});
