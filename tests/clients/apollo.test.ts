/**
 * Apollo Client 4 with InMemoryCache, set up as docs/clients.md says and nothing more: a list page, the next
 * page through fetchMore (relayStylePagination), then a detail query on one of its events selecting fewer
 * fields; both queries then read back complete from the cache, and the cache never warns.
 */
import { readFileSync } from "node:fs";
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from "graphql";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useServer } from "../helpers/server.js";
import { cacheSettings, cacheSettingsSource, type CacheSettings } from "./apolloPolicies.js";

const LIST = `
  query EventList($after: String) {
    events(first: 2, after: $after, orderBy: DATE_ASC) {
      edges {
        cursor
        node {
          id
          title
          date
          fatalities { low high qualifier }
          places { id name location { latitude longitude } }
          participants { id role actor { id name } }
          claims {
            id
            kind
            estimate { low high qualifier }
            evidence { id quote start end source { id title } }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const DETAIL = `
  query EventDetail($id: ID!) {
    event(id: $id) {
      id
      title
      fatalities { low }
      participants { id role }
      claims { id evidence { id quote } }
    }
  }`;

/** The ```ts block of docs/clients.md. */
function documentedSettings(): string {
  const markdown = readFileSync(new URL("../../docs/clients.md", import.meta.url), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error("docs/clients.md needs a ```ts block with the cache settings");
  return block.trim();
}

describe("Apollo Client", () => {
  const server = useServer();
  let settings: CacheSettings;
  beforeAll(async () => {
    const introspection = await server.graphql<IntrospectionQuery>(getIntrospectionQuery());
    settings = cacheSettings(buildClientSchema(introspection.data as IntrospectionQuery));
  });

  it("docs/clients.md shows the cache settings the served schema needs", () => {
    expect(documentedSettings()).toBe(cacheSettingsSource(settings));
  });

  it("keeps every result complete across pagination and a smaller detail query, without a cache warning", async () => {
    // Apollo's development build: its invariant warnings go to console.warn/error.
    (globalThis as { __DEV__?: boolean }).__DEV__ = true;
    const warnings: unknown[][] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args));
    const error = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void warnings.push(args));
    try {
      const { ApolloClient, HttpLink, InMemoryCache, gql } = await import("@apollo/client");
      const { relayStylePagination } = await import("@apollo/client/utilities");
      const { loadDevMessages, loadErrorMessages } = await import("@apollo/client/dev");
      loadDevMessages();
      loadErrorMessages();
      // The documented settings, built as the block in docs/clients.md builds them (checked equal above).
      const typePolicies = Object.fromEntries([
        ...Object.entries(settings.connections).map(([type, fields]) => [
          type,
          {
            fields: Object.fromEntries(
              Object.entries(fields).map(([field, keyArgs]) => [field, relayStylePagination(keyArgs.length ? keyArgs : false)]),
            ),
          },
        ]),
        ...settings.merged.map((type) => [type, { merge: true }]),
      ]);
      const client = new ApolloClient({
        link: new HttpLink({ uri: `${server.url}/graphql` }),
        cache: new InMemoryCache({ possibleTypes: settings.possibleTypes, typePolicies }),
      });
      const list = gql(LIST);
      const detail = gql(DETAIL);

      const first = await client.query({ query: list });
      expect(first.error).toBeUndefined();
      type Page = { events: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
      const firstPage = first.data as Page;
      expect(firstPage.events.edges).toHaveLength(2);
      expect(firstPage.events.pageInfo.hasNextPage).toBe(true);

      const observable = client.watchQuery({ query: list });
      const more = await observable.fetchMore({ variables: { after: firstPage.events.pageInfo.endCursor } });
      expect((more.data as Page).events.edges).toHaveLength(2);
      const merged = client.readQuery<Page>({ query: list });
      expect(merged?.events.edges).toHaveLength(4);

      const eventId = firstPage.events.edges[0]!.node.id;
      const detailResult = await client.query({ query: detail, variables: { id: eventId } });
      expect(detailResult.error).toBeUndefined();

      // Both read back whole: the list with every field it asked for, the detail page too.
      const listAgain = client.readQuery<Page>({ query: list });
      expect(listAgain).not.toBeNull();
      expect(listAgain?.events.edges).toHaveLength(4);
      expect(listAgain).toEqual(merged);
      const detailAgain = client.readQuery({ query: detail, variables: { id: eventId } });
      expect(detailAgain).not.toBeNull();
      expect(detailAgain).toEqual(detailResult.data);
      expect(JSON.stringify(listAgain)).toContain('"qualifier"');
      expect(warnings).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
