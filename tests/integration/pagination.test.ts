/**
 * Relay pagination, forwards and backwards, over top-level and nested connections. The walks run over
 * events and actors this file writes itself (through the real write path) under places of its own, with
 * ids unique to this run, so the article's data and the other test files see no difference.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/db/executor.js";
import { validateBundle } from "../../src/ingest/bundle/validation.js";
import { ImportService } from "../../src/ingest/importService.js";
import { article } from "../helpers/article.js";
import { useServer, useTestDatabase } from "../helpers/server.js";

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

interface PageArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

type FetchPage = (args: PageArgs) => Promise<Connection>;

interface FixtureEvent {
  suffix: string;
  date: string;
  /** At the fixture's root place, or at the site inside it. */
  at: "root" | "site";
  /** Fixture actors (by letter) that took part, and how. */
  participants?: { actor: string; role: "PERPETRATOR" | "VICTIM" }[];
}

const run = randomUUID().slice(0, 8);
const connectionFields = "totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

const database = useTestDatabase();
let db: Executor;

/** A bundle of fixture events under a root place and a site inside it, all ids unique to this run. */
function fixtureBundle(name: string, events: FixtureEvent[], sourceSuffix = "", actorLetters: string[] = []) {
  const root = `place:pagination-${run}-${name}`;
  return {
    actors: actorLetters.map((letter) => ({ id: actorId(letter), name: `${actorNamePrefix} ${letter}`, kind: "OTHER" })),
    source: {
      id: `source:pagination-${run}-${name}${sourceSuffix}`,
      title: `Pagination fixture ${run} ${name}${sourceSuffix}`,
      text: "A fixture written by the pagination tests.",
    },
    places: [
      { id: root, name: `Pagination fixture ${run} ${name}`, kind: "ZONE" },
      { id: `${root}-site`, name: `Pagination fixture ${run} ${name} site`, kind: "SITE", parent: root },
    ],
    events: events.map((event) => ({
      id: eventId(name, event.suffix),
      title: `Pagination fixture ${run} ${name} ${event.suffix}`,
      category: "PROTESTS",
      type: "PEACEFUL_PROTEST",
      date: event.date,
      datePrecision: "DAY",
      places: [event.at === "root" ? root : `${root}-site`],
      participants: (event.participants ?? []).map(({ actor, role }) => ({ actor: actorId(actor), role })),
    })),
  };
}

/** Fixture actors are named alike so that `nameContains` finds all of them and nothing else. */
const actorNamePrefix = `Pagination fixture ${run} actor`;

function actorId(letter: string): string {
  return `actor:pagination-${run}-${letter}`;
}

function eventId(name: string, suffix: string): string {
  return `event:pagination-${run}-${name}-${suffix}`;
}

async function write(bundle: unknown): Promise<void> {
  const result = await validateBundle(bundle);
  if (!result.ok) throw new Error(`fixture bundle is invalid: ${JSON.stringify(result.problems)}`);
  expect(result.external.size).toBe(0);
  await new ImportService(db, { timeoutMs: 120_000 }).importBundle(bundle, { dryRun: false, writtenBy: "test" });
}

/** The order the API promises for DATE_DESC: newest first, ties by id, descending like the date. */
function dateDescending(events: { id: string; date: string }[]): string[] {
  return [...events].sort((a, b) => (a.date === b.date ? compare(b.id, a.id) : compare(b.date, a.date))).map((event) => event.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function connection(query: string, variables: Record<string, unknown>, pick: (data: any) => unknown): Promise<Connection> {
  const response = await server.graphql(query, variables);
  expect(response.errors).toBeUndefined();
  return pick(response.data) as Connection;
}

const ids = (page: Connection) => page.edges.map((edge) => edge.node.id);

/** Pages forwards from the start until hasNextPage is false, checking every page on the way. */
async function walkForwards(fetch: FetchPage, size: number, total: number): Promise<string[]> {
  const pages: Connection[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await fetch(after === undefined ? { first: size } : { first: size, after });
    pages.push(page);
    expect(page.totalCount).toBe(total);
    expect(page.pageInfo.hasPreviousPage).toBe(pages.length > 1);
    expectCursorsMatchEdges(page);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(size);
    after = page.pageInfo.endCursor!;
    expect(pages.length).toBeLessThanOrEqual(total);
  }
  const last = pages.at(-1)!;
  expect(last.edges.length).toBe(total - size * (pages.length - 1));
  return pages.flatMap(ids);
}

/** Pages backwards from the end until hasPreviousPage is false; returns the items in list order. */
async function walkBackwards(fetch: FetchPage, size: number, total: number): Promise<string[]> {
  const pages: Connection[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await fetch(before === undefined ? { last: size } : { last: size, before });
    pages.push(page);
    expect(page.totalCount).toBe(total);
    expect(page.pageInfo.hasNextPage).toBe(pages.length > 1);
    expectCursorsMatchEdges(page);
    if (!page.pageInfo.hasPreviousPage) break;
    expect(page.edges).toHaveLength(size);
    before = page.pageInfo.startCursor!;
    expect(pages.length).toBeLessThanOrEqual(total);
  }
  const first = pages.at(-1)!;
  expect(first.edges.length).toBe(total - size * (pages.length - 1));
  // Each backward page is in list order; the pages themselves arrive last first.
  return pages.reverse().flatMap(ids);
}

function expectCursorsMatchEdges(page: Connection): void {
  expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
}

/** Walks both ways and checks that both give the whole list, once each, in the same order. */
async function expectWalksAgree(fetch: FetchPage, size: number, expected: string[]): Promise<void> {
  const forwards = await walkForwards(fetch, size, expected.length);
  const backwards = await walkBackwards(fetch, size, expected.length);
  expect(new Set(forwards).size).toBe(forwards.length);
  expect(forwards).toEqual(expected);
  expect(backwards).toEqual(forwards);
}

const staticEvents: FixtureEvent[] = [
  { suffix: "a", date: "2000-01-04", at: "site", participants: [{ actor: "a", role: "PERPETRATOR" }] },
  { suffix: "b", date: "2000-01-04", at: "site", participants: [{ actor: "a", role: "PERPETRATOR" }] },
  { suffix: "c", date: "2000-01-05", at: "root", participants: [{ actor: "a", role: "PERPETRATOR" }] },
  { suffix: "d", date: "2000-01-03", at: "root" },
  { suffix: "e", date: "2000-01-03", at: "site", participants: [{ actor: "b", role: "VICTIM" }] },
  { suffix: "f", date: "2000-01-03", at: "site", participants: [{ actor: "b", role: "VICTIM" }] },
  { suffix: "g", date: "2000-01-01", at: "root" },
];
/** As many actors as the article has, a to n. */
const actorLetters = [..."abcdefghijklmn"];
const staticRoot = `place:pagination-${run}-static`;
const staticOrder = dateDescending(staticEvents.map((event) => ({ id: eventId("static", event.suffix), date: event.date })));

beforeAll(async () => {
  db = database.db;
  await write(fixtureBundle("static", staticEvents, "", actorLetters));
});
const server = useServer();

describe("events", () => {
  const fetchEvents =
    (placeId: string, orderBy = "DATE_DESC"): FetchPage =>
    (args) =>
      connection(
        `query ($placeId: ID!, $orderBy: EventOrder, $first: Int, $after: String, $last: Int, $before: String) {
          events(filter: { placeId: $placeId }, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) { ${connectionFields} }
        }`,
        { placeId, orderBy, ...args },
        (data) => data.events,
      );

  it("lists the fixture newest first, ties broken by id", async () => {
    const page = await fetchEvents(staticRoot)({ first: 100 });
    expect(ids(page)).toEqual(staticOrder);
    // Spelled out once, so the helper's idea of the order is checked too.
    expect(ids(page).map((id) => id.slice(-1))).toEqual(["c", "b", "a", "f", "e", "d", "g"]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it.each([1, 2, 3, 7])("walks forwards and backwards %i at a time without gaps or duplicates", async (size) => {
    await expectWalksAgree(fetchEvents(staticRoot), size, staticOrder);
  });

  it("walks the other orderings too", async () => {
    await expectWalksAgree(fetchEvents(staticRoot, "DATE_ASC"), 3, [...staticOrder].reverse());
    // No fixture event has a death toll: every key ties, so the order is the ids', descending.
    const byId = staticEvents
      .map((event) => eventId("static", event.suffix))
      .sort(compare)
      .reverse();
    await expectWalksAgree(fetchEvents(staticRoot, "FATALITIES_DESC"), 2, byId);
  });

  it("first: 0 gives the count and no edges", async () => {
    const page = await fetchEvents(staticRoot)({ first: 0 });
    expect(page.totalCount).toBe(staticEvents.length);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
    const backwards = await fetchEvents(staticRoot)({ last: 0 });
    expect(backwards.totalCount).toBe(staticEvents.length);
    expect(backwards.edges).toEqual([]);
  });
});

describe("actors", () => {
  const fetchActors =
    (nameContains: string | null): FetchPage =>
    (args) =>
      connection(
        `query ($filter: ActorFilter, $first: Int, $after: String, $last: Int, $before: String) {
          actors(filter: $filter, first: $first, after: $after, last: $last, before: $before) { ${connectionFields} }
        }`,
        { filter: nameContains === null ? null : { nameContains }, ...args },
        (data) => data.actors,
      );
  // Other test files add actors while this one runs, so the walks that check every flag and count run over
  // actors of this file's own; the article's 14 are checked within the whole, growing list.
  const fixtureActors = fetchActors(actorNamePrefix);
  const fixtureByName = actorLetters.map(actorId);

  it("walks 14 actors 3 at a time, by name, forwards and backwards", async () => {
    expect(fixtureByName).toHaveLength(14);
    const forwards = await walkForwards(fixtureActors, 3, 14);
    const backwards = await walkBackwards(fixtureActors, 3, 14);
    expect(forwards).toEqual(fixtureByName);
    expect(new Set(forwards).size).toBe(14);
    expect(backwards).toEqual(forwards);
  });

  it("sets the flags right at both ends", async () => {
    const head = await fixtureActors({ first: 3 });
    expect(ids(head)).toEqual(fixtureByName.slice(0, 3));
    expect(head.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const tail = await fixtureActors({ last: 3 });
    expect(ids(tail)).toEqual(fixtureByName.slice(-3));
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    // Stepping back from the second actor leaves exactly the first.
    const second = await fixtureActors({ first: 2 });
    const first = await fixtureActors({ last: 5, before: second.pageInfo.endCursor! });
    expect(ids(first)).toEqual(fixtureByName.slice(0, 1));
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    // Stepping on from the second-to-last leaves exactly the last.
    const almost = await fixtureActors({ last: 2 });
    const final = await fixtureActors({ first: 5, after: almost.pageInfo.startCursor! });
    expect(ids(final)).toEqual(fixtureByName.slice(-1));
    expect(final.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it("first: 0 gives only the count", async () => {
    const page = await fixtureActors({ first: 0 });
    expect(page.totalCount).toBe(14);
    expect(page.edges).toEqual([]);
  });

  it("lists the article's 14 actors once each, by name, within all actors, walking both ways", async () => {
    const articleByName = [...article.actors!].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id)).map((actor) => actor.id);
    expect(articleByName).toHaveLength(14);
    const inArticle = new Set(articleByName);
    for (const walk of [walkAll("forwards"), walkAll("backwards")]) {
      const all = await walk;
      expect(new Set(all).size).toBe(all.length);
      expect(all.filter((id) => inArticle.has(id))).toEqual(articleByName);
    }
  });

  /** Every actor, 25 at a time; other files may add actors meanwhile, which keyset cursors tolerate. */
  async function walkAll(direction: "forwards" | "backwards"): Promise<string[]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await fetchActors(null)(
        direction === "forwards"
          ? { first: 25, ...(cursor ? { after: cursor } : {}) }
          : { last: 25, ...(cursor ? { before: cursor } : {}) },
      );
      pages.push(ids(page));
      const more = direction === "forwards" ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
      if (!more) break;
      cursor = (direction === "forwards" ? page.pageInfo.endCursor : page.pageInfo.startCursor)!;
    }
    return direction === "forwards" ? pages.flat() : pages.reverse().flat();
  }
});

describe("nested connections", () => {
  const fetchPlaceEvents =
    (placeId: string, includeSubPlaces: boolean): FetchPage =>
    (args) =>
      connection(
        `query ($placeId: ID!, $includeSubPlaces: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
          place(id: $placeId) {
            events(includeSubPlaces: $includeSubPlaces, first: $first, after: $after, last: $last, before: $before) { ${connectionFields} }
          }
        }`,
        { placeId, includeSubPlaces, ...args },
        (data) => data.place.events,
      );

  it("Place.events pages through the place and the places inside it", async () => {
    await expectWalksAgree(fetchPlaceEvents(staticRoot, true), 2, staticOrder);
    const atRoot = dateDescending(
      staticEvents.filter((event) => event.at === "root").map((event) => ({ id: eventId("static", event.suffix), date: event.date })),
    );
    expect(atRoot).toHaveLength(3);
    await expectWalksAgree(fetchPlaceEvents(staticRoot, false), 2, atRoot);
    const atSite = staticOrder.filter((id) => !atRoot.includes(id));
    await expectWalksAgree(fetchPlaceEvents(`${staticRoot}-site`, true), 3, atSite);
  });

  it("Actor.events pages each actor of a list on its own", async () => {
    const response = await server.graphql(
      `query ($nameContains: String) {
        actors(filter: { nameContains: $nameContains }, first: 3) {
          edges { node { id events(first: 1) { ${connectionFields} } } }
        }
      }`,
      { nameContains: actorNamePrefix },
    );
    expect(response.errors).toBeUndefined();
    const byActor = new Map<string, Connection>(
      response.data!.actors.edges.map(({ node }: any): [string, Connection] => [node.id, node.events]),
    );
    expect([...byActor.keys()]).toEqual([actorId("a"), actorId("b"), actorId("c")]);
    const perpetrator = byActor.get(actorId("a"))!;
    expect(perpetrator.totalCount).toBe(3);
    expect(ids(perpetrator)).toEqual([eventId("static", "c")]);
    expect(perpetrator.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const victim = byActor.get(actorId("b"))!;
    expect(victim.totalCount).toBe(2);
    expect(ids(victim)).toEqual([eventId("static", "f")]);
    const bystander = byActor.get(actorId("c"))!;
    expect(bystander.totalCount).toBe(0);
    expect(bystander.edges).toEqual([]);
    expect(bystander.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    // A cursor from the batched page continues for that actor alone, and a role narrows the list.
    const next = await connection(
      `query ($id: ID!, $after: String) {
        actor(id: $id) { events(first: 5, after: $after) { ${connectionFields} } }
      }`,
      { id: actorId("a"), after: perpetrator.pageInfo.endCursor },
      (data) => data.actor.events,
    );
    expect(ids(next)).toEqual([eventId("static", "b"), eventId("static", "a")]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const asVictim = await connection(
      `query ($id: ID!) { actor(id: $id) { events(role: VICTIM) { ${connectionFields} } } }`,
      { id: actorId("a") },
      (data) => data.actor.events,
    );
    expect(asVictim.totalCount).toBe(0);
  });

  it("Actor.events walks one at a time both ways", async () => {
    const fetchVictimEvents: FetchPage = (args) =>
      connection(
        `query ($first: Int, $after: String, $last: Int, $before: String) {
          actor(id: "actor:civilians-syria") {
            events(role: VICTIM, filter: { placeId: "place:idlib-governorate" }, first: $first, after: $after, last: $last, before: $before) {
              ${connectionFields}
            }
          }
        }`,
        { ...args },
        (data) => data.actor.events,
      );
    await expectWalksAgree(fetchVictimEvents, 1, [
      "event:2019-07-23-idlib-airstrikes",
      "event:2019-07-22-saraqib-market-airstrike",
      "event:2019-07-22-maarat-al-numan-market-airstrike",
      "event:2019-07-22-bidama-talmenes-al-kabina-airstrikes",
    ]);
  });
});

describe("a cursor", () => {
  it("stays valid while events are added before and after it", async () => {
    // The same dates and places as the static fixture, without its actors.
    const initial: FixtureEvent[] = staticEvents.map(({ suffix, date, at }) => ({ suffix, date, at }));
    await write(fixtureBundle("growing", initial));
    const root = `place:pagination-${run}-growing`;
    const fetch = (args: PageArgs) =>
      connection(
        `query ($placeId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
          events(filter: { placeId: $placeId }, first: $first, after: $after, last: $last, before: $before) { ${connectionFields} }
        }`,
        { placeId: root, ...args },
        (data) => data.events,
      );

    const firstPage = await fetch({ first: 2 });
    expect(ids(firstPage)).toEqual([eventId("growing", "c"), eventId("growing", "b")]);
    const cursor = firstPage.pageInfo.endCursor!;

    // Around the cursor's position (2000-01-04, "…-b"): newer, older, and same-day on either side of its id.
    const added: FixtureEvent[] = [
      { suffix: "h", date: "2000-02-01", at: "site" },
      { suffix: "b5", date: "2000-01-04", at: "root" },
      { suffix: "a5", date: "2000-01-04", at: "site" },
      { suffix: "i", date: "1999-12-31", at: "root" },
    ];
    await write(fixtureBundle("growing", added, "-more"));

    const everything = await fetch({ first: 100 });
    expect(everything.totalCount).toBe(initial.length + added.length);
    const all = ids(everything);
    expect(all.map((id) => id.split("-").at(-1))).toEqual(["h", "c", "b5", "b", "a5", "a", "f", "e", "d", "g", "i"]);

    const rest = await fetch({ first: 100, after: cursor });
    const expectedRest = all.slice(all.indexOf(eventId("growing", "b")) + 1);
    expect(ids(rest)).toEqual(expectedRest);
    expect(ids(rest)).toContain(eventId("growing", "a5"));
    expect(ids(rest)).toContain(eventId("growing", "i"));
    for (const seen of ids(firstPage)) expect(ids(rest)).not.toContain(seen);
    expect(rest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(rest.totalCount).toBe(all.length);

    // Continuing in small steps from the old cursor also covers the rest exactly once.
    const stepped: string[] = [];
    let after = cursor;
    for (;;) {
      const page = await fetch({ first: 3, after });
      stepped.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(stepped).toEqual(expectedRest);

    // Backwards from the old first page's start: exactly what was added before it.
    const newer = await fetch({ last: 100, before: firstPage.pageInfo.startCursor! });
    expect(ids(newer)).toEqual([eventId("growing", "h")]);
    expect(newer.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    // The old page, the newer events before it and the rest after it are the whole list.
    expect([...ids(newer), ...ids(firstPage).slice(0, 1), eventId("growing", "b5"), ...ids(firstPage).slice(1), ...ids(rest)]).toEqual(all);
  });
});
