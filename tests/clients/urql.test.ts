/**
 * urql 6 with graphcache, set up as docs/clients.md says and nothing more: a list page (events with their tolls,
 * places and identifiers, a search, monthly statistics, the viewer), an event's detail page (claims, evidence, its
 * neighbourhood) and an incident page (its reports, tolls and the shortest path to a place). Each answer equals what
 * a plain fetch of the same query gets, the pages read back from the cache alone, and graphcache never warns.
 * urql's default (queries as GET without a preflight header) is refused by CSRF prevention, as SECURITY.md says.
 */
import { readFileSync } from "node:fs";
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from "graphql";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useServer } from "../helpers/server.js";
import { urqlSettings, urqlSettingsSource, type UrqlSettings } from "./urqlKeys.js";

const LIST = `
  query EventList {
    viewer { role id }
    events(first: 5, orderBy: DATE_ASC) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          date
          fatalities { low high qualifier }
          places { id name location { latitude longitude } }
          identifiers { scheme value }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    search(query: "Idlib", first: 3) { score node { id ... on Place { name } ... on Event { title } } }
    eventStats(groupBy: MONTH) { key events fatalitiesLow fatalitiesHigh }
  }`;

const DETAIL = `
  query EventDetail($id: ID!) {
    event(id: $id) {
      id
      title
      fatalities { low }
      participants { id role actor { id name } }
      claims { id kind estimate { low high qualifier } evidence { id quote source { id title } } }
      incident { id }
    }
    neighborhood(id: $id) { truncated nodes { id } edges { type from to } }
  }`;

const INCIDENT = `
  query IncidentPage($id: ID!, $placeId: ID!, $eventId: ID!) {
    incident(id: $id) {
      id
      date
      match
      fatalities { low high qualifier }
      tolls { victims estimate { low high qualifier } }
      reports { id title date fatalities { low high } }
    }
    shortestPath(from: $eventId, to: $placeId) { length nodes { id } relationships { type from to } }
  }`;

/** The ```ts block under "## urql" in docs/clients.md. */
function documentedSetup(): string {
  const markdown = readFileSync(new URL("../../docs/clients.md", import.meta.url), "utf8");
  const section = markdown.slice(markdown.indexOf("\n## urql"));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('docs/clients.md needs a "## urql" section with a ```ts block of the setup');
  return block.trim();
}

/** The data as the server sends it: graphcache adds `__typename` to every selection. */
function withoutTypenames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypenames);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "__typename")
      .map(([key, item]) => [key, withoutTypenames(item)]),
  );
}

describe("urql with graphcache", () => {
  const server = useServer();
  let settings: UrqlSettings;
  /** What docs/clients.md has the app save as schema.json: the data of the introspection query. */
  let schema: IntrospectionQuery;
  beforeAll(async () => {
    const introspection = await server.graphql<IntrospectionQuery>(getIntrospectionQuery());
    schema = introspection.data!;
    settings = urqlSettings(buildClientSchema(schema));
  });

  /** A client set up as the documented block sets it up (checked equal below), with graphcache's warnings caught. */
  async function documentedClient(warnings: string[], options: { keys?: boolean; schema?: boolean; preferGetMethod?: false } = {}) {
    const { Client, fetchExchange } = await import("@urql/core");
    const { cacheExchange } = await import("@urql/exchange-graphcache");
    const keys = Object.fromEntries(settings.embedded.map((type) => [type, () => null]));
    return new Client({
      url: `${server.url}/graphql`,
      ...("preferGetMethod" in options ? { preferGetMethod: options.preferGetMethod } : {}),
      exchanges: [
        cacheExchange({
          ...(options.schema === false ? {} : { schema }),
          keys: options.keys === false ? {} : keys,
          logger: (severity, message) => {
            if (severity !== "debug") warnings.push(`${severity}: ${message}`);
          },
        }),
        fetchExchange,
      ],
    });
  }

  it("docs/clients.md shows the setup the served schema needs, every id-less type derived", () => {
    expect(documentedSetup()).toBe(urqlSettingsSource(settings));
    // The types the issue found warned about are among those derived (not listed by hand here or there).
    expect(settings.embedded).toEqual(
      expect.arrayContaining(["Estimate", "ExternalId", "GeoPoint", "SearchHit", "StatsBucket", "Subgraph", "Path", "Viewer"]),
    );
    expect(settings.embedded).not.toContain("Event");
    expect(settings.embedded).not.toContain("Query");
  });

  it("runs a list, a detail and an incident page as a plain fetch answers them, from the cache again, with 0 warnings", async () => {
    const warnings: string[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.join(" ")));
    const error = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void warnings.push(args.join(" ")));
    try {
      const client = await documentedClient(warnings, { preferGetMethod: false });
      const page = async (query: string, variables: Record<string, unknown> = {}) => {
        const result = await client.query(query, variables).toPromise();
        expect(result.error?.message).toBeUndefined();
        expect(withoutTypenames(result.data)).toEqual(await server.read(query, variables));
        return result.data as Record<string, any>;
      };

      const list = await page(LIST);
      expect(list.events.edges).toHaveLength(Math.min(5, list.events.totalCount as number));
      expect(list.events.totalCount).toBeGreaterThan(0);
      expect(list.viewer.role).toBe("ANONYMOUS");
      expect(list.search.length).toBeGreaterThan(0);
      expect(list.eventStats.length).toBeGreaterThan(0);

      const event = list.events.edges[0].node as { id: string; places: { id: string }[] };
      const detail = await page(DETAIL, { id: event.id });
      expect(detail.event.id).toBe(event.id);
      expect(detail.event.claims.length).toBeGreaterThan(0);
      expect(detail.neighborhood.nodes.length).toBeGreaterThan(1);

      const incidentPage = await page(INCIDENT, { id: detail.event.incident.id, eventId: event.id, placeId: event.places[0]!.id });
      expect(incidentPage.incident.reports.map((report: { id: string }) => report.id)).toContain(event.id);
      expect(incidentPage.shortestPath.length).toBeGreaterThan(0);

      // Each page again from the cache alone: graphcache stored every field it was sent.
      for (const [query, variables, data] of [
        [LIST, {}, list],
        [DETAIL, { id: event.id }, detail],
        [INCIDENT, { id: detail.event.incident.id, eventId: event.id, placeId: event.places[0]!.id }, incidentPage],
      ] as const) {
        const cached = await client.query(query, variables, { requestPolicy: "cache-only" }).toPromise();
        expect(cached.stale).toBe(false);
        expect(cached.data).toEqual(data);
      }
      expect(warnings).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it("warns without the keys or without the schema (so the count above is of real warnings)", async () => {
    const withoutKeys: string[] = [];
    const keyless = await documentedClient(withoutKeys, { keys: false, preferGetMethod: false });
    expect((await keyless.query(LIST, {}).toPromise()).error).toBeUndefined();
    expect(withoutKeys.some((warning) => /Invalid key/.test(warning) && /Estimate|GeoPoint|Viewer/.test(warning))).toBe(true);

    const withoutSchema: string[] = [];
    const schemaless = await documentedClient(withoutSchema, { schema: false, preferGetMethod: false });
    expect((await schemaless.query(LIST, {}).toPromise()).error).toBeUndefined();
    expect(withoutSchema.some((warning) => /Invalid undefined/.test(warning))).toBe(true);
  });

  it("is refused with urql's default GET queries, which carry no preflight header (CSRF prevention)", async () => {
    const warnings: string[] = [];
    const client = await documentedClient(warnings);
    const result = await client.query(LIST, {}).toPromise();
    expect(result.data).toBeUndefined();
    expect(result.error?.message).toMatch(/Cross-Site Request Forgery/);
  });
});
