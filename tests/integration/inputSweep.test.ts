/**
 * Sweeps every argument of every query and mutation of the served schema (and every field of the input objects below
 * them) with hostile values: very long, empty, deeply nested, Unicode that expands under normalisation, NUL,
 * prototype names. None may answer INTERNAL_SERVER_ERROR or HTTP 500, or leak a stack trace or a path.
 */
import { createHash } from "node:crypto";
import { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from "graphql";
import { describe, expect, it } from "vitest";
import { acledCsv, acledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import {
  LEAK,
  documentOf,
  hostileRequests,
  hostileValues,
  inPool,
  positionsOf,
  prototypeNames,
  requestBody,
  rootFields,
  withValueAt,
  type Position,
  type RequestProbe,
} from "../helpers/sweep.js";
import { asEditor, documentBundle, keyEnvironment } from "../helpers/writing.js";

// The sweep sends several probes at once, and heavy ones (eventStats, timeSeries, imports) queue for the caller's
// admission slots: they wait as long as a probe may take on a busy machine (and the request, wait included, stays
// within the server's request timeout), so that what is swept is the values.
const server = useServer({ ...keyEnvironment, ADMISSION_WAIT_MS: "45000", HTTP_REQUEST_TIMEOUT_MS: "120000" });

const s = uniqueSuffix();

/** Well-formed values for the required arguments, so that a hostile value in one position meets valid ones elsewhere. */
const ids: Record<string, string> = {
  node: "place:idlib-governorate",
  actor: "actor:russia",
  place: "place:saraqib",
  event: "event:2019-07-22-saraqib-market-airstrike",
  agreement: "agreement:sochi-memorandum-2018",
  statement: "statement:russian-mod-denies-marketplace-strike",
  source: "source:anadolu-2019-07-23-idlib-airstrikes",
  claim: "claim:saraqib-fatalities-local-sources",
  "shortestPath.from": "actor:russia",
  "shortestPath.to": "place:saraqib",
  "neighborhood.id": "place:idlib-governorate",
  "coInvolved.actorId": "actor:russia",
  // A merge of a node into itself, which is refused: a hostile value in either argument meets a valid id.
  "mergeNodes.from": "actor:russia",
  "mergeNodes.into": "actor:russia",
};

function baselineOf(field: string): Record<string, unknown> {
  switch (field) {
    case "importBundle":
      return { bundle: documentBundle(`sweep-${s}`), dryRun: true };
    case "importAcled":
      return { csv: acledCsv([acledRecord(`sweep${s}`)]), dryRun: true };
    case "search":
      return { query: "idlib" };
    case "eventStats":
      return { groupBy: "MONTH" };
    case "timeSeries":
      return { interval: "MONTH", filter: { from: "2019-01-01", to: "2019-12-31" } };
    default: {
      const id = ids[field];
      const first = rootFields("query").find((candidate) => candidate.name === field)?.args[0]?.name;
      return id !== undefined && first !== undefined ? { [first]: id } : Object.fromEntries(requiredIds(field));
    }
  }
}

function requiredIds(field: string): [string, string][] {
  return Object.entries(ids).flatMap(([key, id]) => (key.startsWith(`${field}.`) ? [[key.slice(field.length + 1), id]] : []));
}

interface Failure {
  position: string;
  value: string;
  status: number;
  body: string;
}

/** Sends one probe and returns what is wrong with the answer, if anything. */
async function probe(position: Position, baseline: Record<string, unknown>, label: string, value: unknown): Promise<Failure | null> {
  const variables = withValueAt(baseline, position.path, value);
  const where = `${position.field.name}.${position.path.join(".")}`;
  const body = requestBody(documentOf(position.operation, position.field), variables);
  const send = () =>
    fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(position.operation === "mutation" ? asEditor : {}) },
      body,
    });
  let response: Response;
  try {
    // Once more on a connection error: on a busy machine the client may reuse a keep-alive connection the server
    // has just closed. A request that breaks its connection fails both times.
    response = await send().catch(send);
  } catch (error) {
    return { position: where, value: label, status: 0, body: `${String(error)} (request of ${body.length} characters)` };
  }
  const text = await response.text();
  let codes: unknown[];
  try {
    codes = ((JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] }).errors ?? []).map((error) => error.extensions?.code);
  } catch {
    codes = ["not JSON"];
  }
  // A rate-limited probe tested nothing: the sweep must stay within its budgets.
  const broken =
    response.status >= 500 ||
    response.status === 429 ||
    codes.includes("INTERNAL_SERVER_ERROR") ||
    codes.includes("not JSON") ||
    LEAK.test(text);
  return broken ? { position: where, value: label, status: response.status, body: text.slice(0, 300) } : null;
}

async function sweep(operation: "query" | "mutation", long: number, few: boolean): Promise<{ failures: Failure[]; probes: number }> {
  const jobs: { position: Position; baseline: Record<string, unknown>; label: string; value: unknown }[] = [];
  for (const field of rootFields(operation)) {
    const baseline = baselineOf(field.name);
    for (const position of positionsOf(operation, field, baseline)) {
      for (const { label, value } of hostileValues(position.type, { long, few })) jobs.push({ position, baseline, label, value });
    }
  }
  const failures: Failure[] = [];
  await inPool(jobs, 4, async ({ position, baseline, label, value }) => {
    const failure = await probe(position, baseline, label, value);
    if (failure) failures.push(failure);
  });
  return { failures, probes: jobs.length };
}

describe("hostile values in every argument", () => {
  it("every query argument, anonymously (strings up to the 100 kB body limit)", async () => {
    const { failures, probes } = await sweep("query", 90_000, false);
    expect(probes).toBeGreaterThan(1_000);
    expect(failures).toEqual([]);
  }, 600_000);

  it("every mutation argument and input field, as an editor (dry runs; strings of 300,000 characters)", async () => {
    const { failures, probes } = await sweep("mutation", 300_000, true);
    expect(probes).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 900_000);

  it("every ACLED column of a row", async () => {
    const failures: Failure[] = [];
    const position: Position = {
      operation: "mutation",
      field: rootFields("mutation").find((field) => field.name === "importAcled")!,
      path: ["csv"],
      type: rootFields("mutation").find((field) => field.name === "importAcled")!.args[0]!.type,
    };
    const record = acledRecord(`sweep${s}`);
    const values = ["", "x".repeat(300_000), "ﷺ".repeat(200), "a\u0000b", "(".repeat(2_000), "constructor", "__proto__"];
    // Coded columns are looked up in tables: every prototype name there.
    const coded = new Set(["time_precision", "event_type", "sub_event_type", "inter1", "inter2", "geo_precision"]);
    const jobs = Object.keys(record).flatMap((column) =>
      [...values, ...(coded.has(column) ? prototypeNames : [])].map((value) => ({ column, value })),
    );
    await inPool(jobs, 4, async ({ column, value }) => {
      const csv = acledCsv([{ ...record, [column]: value }]);
      const failure = await probe(position, { dryRun: true }, `${column}=${value.slice(0, 20)}`, csv);
      if (failure) failures.push(failure);
    });
    expect(failures).toEqual([]);
  }, 600_000);
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Sends a request-level probe, as a POST body or as GET parameters (with the header Apollo's CSRF check asks of a GET). */
async function sendProbe(probe: RequestProbe): Promise<Response> {
  if (probe.get) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(probe.get)) for (const item of [value].flat()) search.append(name, item);
    return fetch(`${server.url}/graphql?${search.toString()}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "1" },
    });
  }
  return fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(probe.post),
  });
}

describe("hostile values in the request's own fields", () => {
  it("query, operationName, variables and extensions of every JSON type, persisted queries, GET: never a 500, always coded", async () => {
    const probes = hostileRequests(sha256);
    expect(probes.length).toBeGreaterThan(250);
    const failures: { probe: string; status: number; body: string }[] = [];
    await inPool(probes, 4, async (probe) => {
      const response = await sendProbe(probe);
      const text = await response.text();
      let errors: { extensions?: { code?: unknown } }[] | undefined;
      try {
        errors = (JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] }).errors;
      } catch {
        failures.push({ probe: probe.label, status: response.status, body: `not JSON: ${text.slice(0, 200)}` });
        return;
      }
      const codes = (errors ?? []).map((error) => error.extensions?.code);
      const uncoded = codes.some((code) => typeof code !== "string");
      if (response.status >= 500 || response.status === 429 || codes.includes("INTERNAL_SERVER_ERROR") || uncoded || LEAK.test(text)) {
        failures.push({ probe: probe.label, status: response.status, body: text.slice(0, 300) });
      }
    });
    expect(failures).toEqual([]);
  }, 300_000);

  it.each([
    ["an operationName that names no operation", { query: "query Known { viewer { role } }", operationName: "Nope" }],
    ["an operationName for an anonymous operation", { query: "{ viewer { role } }", operationName: "Nope" }],
    ['persistedQuery "x"', { query: "{ viewer { role } }", extensions: { persistedQuery: "x" } }],
    [
      "persistedQuery version 2",
      { query: "{ viewer { role } }", extensions: { persistedQuery: { version: 2, sha256Hash: sha256("{ viewer { role } }") } } },
    ],
    ["a hash that is not a string", { query: "{ viewer { role } }", extensions: { persistedQuery: { version: 1, sha256Hash: 7 } } }],
    [
      "a hash that does not match",
      { query: "{ viewer { role } }", extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ x }") } } },
    ],
    ["a subscription", { query: "subscription { x }" }],
  ])("%s: 400 with a code and a message that says what is wrong", async (_, body) => {
    const response = await sendProbe({ label: "", post: body });
    const answer = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBe(400);
    expect(answer.errors[0]?.extensions.code).toMatch(/^(BAD_REQUEST|GRAPHQL_VALIDATION_FAILED|OPERATION_RESOLUTION_FAILURE)$/);
    expect(answer.errors[0]?.message).toMatch(/operation|persisted|version|sha|SHA-256/i);
  });

  // Without a Subscription type, graphql-js's own message: tests/unit/operationTypes.test.ts.
  it("answers a subscription over HTTP with a message naming graphql-ws, as a validation failure", async () => {
    const response = await sendProbe({ label: "", post: { query: "subscription { eventsChanged { kind } }" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [
        {
          message:
            "Subscription operations are not served over HTTP: open a WebSocket to /graphql with the graphql-ws protocol (graphql-transport-ws) and subscribe there.",
          extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
        },
      ],
    });
  });

  it("still serves persisted queries: a registration with its hash, then the hash alone", async () => {
    const query = `query Persisted${s} { viewer { role } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const unknown = await sendProbe({ label: "", post: { extensions } });
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      "PERSISTED_QUERY_NOT_FOUND",
    );
    expect(await (await sendProbe({ label: "", post: { query, extensions } })).json()).toEqual({ data: { viewer: { role: "ANONYMOUS" } } });
    expect(await (await sendProbe({ label: "", post: { extensions } })).json()).toEqual({ data: { viewer: { role: "ANONYMOUS" } } });
  });
});

/** Every position that takes an id (ID arguments, and ID fields of filters), for every query. */
function idPositions(): { position: Position; baseline: Record<string, unknown> }[] {
  return rootFields("query").flatMap((field) => {
    const baseline = baselineOf(field.name);
    return positionsOf("query", field, baseline)
      .filter((position) => getNamedType(position.type).name === "ID" && !isListType(getNullableType(position.type)))
      .map((position) => ({ position, baseline }));
  });
}

describe("ids whose prefix is an Object.prototype property", () => {
  it("are refused as BAD_USER_INPUT on every id-taking field, with no Cypher sent", async () => {
    const positions = idPositions();
    expect(positions.map(({ position }) => `${position.field.name}.${position.path.join(".")}`)).toEqual(
      expect.arrayContaining(["node.id", "neighborhood.id", "shortestPath.from", "shortestPath.to", "events.filter.placeId"]),
    );
    const wrong: string[] = [];
    for (const { position, baseline } of positions) {
      for (const name of prototypeNames) {
        const before = await server.queriesSent();
        const response = await server.graphql(documentOf("query", position.field), withValueAt(baseline, position.path, `${name}:x`));
        const codes = (response.errors ?? []).map((error) => error.extensions?.code);
        const sent = (await server.queriesSent()) - before;
        if (codes[0] !== "BAD_USER_INPUT" || sent !== 0) {
          wrong.push(`${position.field.name}.${position.path.join(".")} = ${name}:x -> ${JSON.stringify(codes)}, ${sent} statements`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});

/** Every position that takes a circle or a box (EventFilter's near and within), for every query. */
function areaPositions(): { position: Position; baseline: Record<string, unknown> }[] {
  return rootFields("query").flatMap((field) => {
    const baseline = baselineOf(field.name);
    return positionsOf("query", field, baseline)
      .filter((position) => ["NearInput", "BoundingBox"].includes(getNamedType(position.type).name))
      .map((position) => ({ position, baseline }));
  });
}

describe("areas off the globe or crossing themselves", () => {
  it("are refused as BAD_USER_INPUT on every field taking an EventFilter, with no Cypher sent", async () => {
    const positions = areaPositions();
    expect(positions.map(({ position }) => `${position.field.name}.${position.path.join(".")}`)).toEqual(
      expect.arrayContaining(["events.filter.near", "incidents.filter.within", "eventStats.filter.near", "eventStats.filter.within"]),
    );
    const bad: Record<string, Record<string, number>[]> = {
      NearInput: [
        { latitude: 90.5, longitude: 0, km: 1 },
        { latitude: 0, longitude: -180.5, km: 1 },
        { latitude: 0, longitude: 0, km: -5 },
        { latitude: 0, longitude: 0, km: 0 },
        { latitude: 0, longitude: 0, km: 20_000 },
      ],
      BoundingBox: [
        { south: 36, north: 35, west: 36, east: 37 },
        { south: -95, north: 35, west: 36, east: 37 },
        { south: 35, north: 36, west: 36, east: 181 },
      ],
    };
    const wrong: string[] = [];
    for (const { position, baseline } of positions) {
      for (const value of bad[getNamedType(position.type).name] ?? []) {
        const before = await server.queriesSent();
        const response = await server.graphql(documentOf("query", position.field), withValueAt(baseline, position.path, value));
        const codes = (response.errors ?? []).map((error) => error.extensions?.code);
        const sent = (await server.queriesSent()) - before;
        if (codes[0] !== "BAD_USER_INPUT" || sent !== 0) {
          wrong.push(
            `${position.field.name}.${position.path.join(".")} = ${JSON.stringify(value)} -> ${JSON.stringify(codes)}, ${sent} statements`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);
});

/** The walk must reach inside input objects and lists, or the sweep would test only the top level. */
describe("the sweep's reach", () => {
  it("covers enums, input objects, lists, non-null arguments and the fields of a bundle", () => {
    const types: GraphQLInputType[] = [...rootFields("query"), ...rootFields("mutation")].flatMap((field) =>
      positionsOf("query", field, baselineOf(field.name)).map((position) => position.type),
    );
    expect(types.some((type) => isEnumType(getNamedType(type)))).toBe(true);
    expect(types.some((type) => isInputObjectType(getNamedType(type)))).toBe(true);
    expect(types.some((type) => isListType(getNullableType(type)))).toBe(true);
    expect(types.some((type) => isNonNullType(type))).toBe(true);
    const importBundle = rootFields("mutation").find((field) => field.name === "importBundle")!;
    expect(positionsOf("mutation", importBundle, baselineOf("importBundle")).map((position) => position.path.join("."))).toEqual(
      expect.arrayContaining(["bundle.actors.0.name", "bundle.actors.0.aliases", "bundle.claims.0.estimate.low", "bundle.source.text"]),
    );
  });
});
